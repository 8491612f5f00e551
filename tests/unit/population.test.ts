import { describe, expect, it } from 'vitest';
import { CPR_MASK } from '../../shared/domain/cpr';
import {
  type ColumnMapping,
  cprColumns,
  dataRows,
  detectHeaderRow,
  layoutKey,
  mapRows,
  parseDanishDate,
  suggestMapping,
} from '../../shared/domain/population';

describe('parseDanishDate', () => {
  it.each([
    ['31-01-2026', '2026-01-31', 'dd-mm-åååå'],
    ['31.01.2026', '2026-01-31', 'dd.mm.åååå'],
    ['31/01/2026', '2026-01-31', 'dd/mm/åååå'],
    ['2026-01-31', '2026-01-31', 'åååå-mm-dd'],
    ['1-2-2025', '2025-02-01', 'one-digit day and month'],
    ['1.2.2025', '2025-02-01', 'one-digit day and month with dots'],
    ['2025-2-1', '2025-02-01', 'ISO with one-digit month and day'],
    ['  06-01-2025 ', '2025-01-06', 'spaces around'],
    ['29-02-2024', '2024-02-29', '29 February in a leap year'],
    ['29-02-2000', '2000-02-29', '29 February 2000 (divisible by 400)'],
    ['31-12-2025', '2025-12-31', 'last day of the year'],
    ['2025-03-01T00:00:00.000Z', '2025-03-01', 'an ISO timestamp'],
    ['2025-03-01 14:30:00', '2025-03-01', 'ISO date with a time'],
  ])('%s → %s (%s)', (input, iso) => {
    expect(parseDanishDate(input)).toEqual({ ok: true, iso });
  });

  it.each([
    ['31-11-2025', '30 days in November'],
    ['29-02-2025', 'not a leap year'],
    ['29-02-1900', '1900 is not a leap year'],
    ['31-02-2025', '31 February'],
    ['00-01-2025', 'day 0'],
    ['32-01-2025', 'day 32'],
    ['15-13-2025', 'month 13'],
    ['15-00-2025', 'month 0'],
    ['2025-02-29', 'ISO, not a leap year'],
  ])('%s does not exist (%s)', (input) => {
    expect(parseDanishDate(input)).toEqual({ ok: false, message: `datoen »${input}« findes ikke` });
  });

  it.each([
    ['', 'empty'],
    ['i går', 'words'],
    ['2025', 'a year alone'],
    ['06-01-25', 'a two-digit year'],
    ['06012025', 'no separators'],
    ['2025-004711', 'a sagsnummer'],
    ['06-01-2025x', 'trailing text'],
    ['6. januar 2025', 'written out'],
  ])('»%s« is not a date (%s)', (input) => {
    const result = parseDanishDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(`»${input.trim()}« er ikke en dato (brug fx 31-01-2026)`);
  });
});

describe('detectHeaderRow', () => {
  const header = ['Sagsnr.', 'Sagstype', 'Rådgiver', 'Team', 'Modtaget'];
  const data = [
    ['2025-004711', 'Underretning', 'Anne Holm', 'Team Nord', '06-01-2025'],
    ['2025-004718', '§ 32 forebyggende indsats', 'Bo Nielsen', 'Team Syd', '15-01-2025'],
  ];
  it.each<[string, string[][], number]>([
    ['header in the first row', [header, ...data], 0],
    ['one title row', [['Sagsudtræk DUBU', '', '', '', ''], header, ...data], 1],
    [
      'two title rows and a blank line',
      [['Sagsudtræk DUBU'], ['Udtrukket 01.03.2026'], ['', '', '', '', ''], header, ...data],
      3,
    ],
    ['a title with a date beside it', [['Sagsliste pr.', '01-03-2026', '', '', ''], header, ...data], 1],
    ['a header with one empty cell', [['Titel'], ['Sagsnr.', 'Sagstype', '', 'Team', 'Modtaget'], ...data], 1],
    ['no header at all: -1, every row is data', data, -1],
    ['an empty grid', [], -1],
  ])('%s', (_name, grid, expected) => {
    expect(detectHeaderRow(grid)).toBe(expected);
  });

  it('passes over a row of numbers and dates that fills every column', () => {
    const grid = [['1', '2', '3', '4', '5'], ['01-01-2025', '2025', '3,5', '4', '5'], header, ...data];
    expect(detectHeaderRow(grid)).toBe(2);
  });
});

describe('dataRows', () => {
  const header = ['Sagsnr.', 'Sagstype', 'Bemærkning'];
  const row = (n: number, note = '') => [`2025-00${4700 + n}`, 'Underretning', note];

  it('keeps the rows below the header with their 1-based file row numbers', () => {
    const grid = [['Sagsudtræk'], header, row(1), row(2)];
    expect(dataRows(grid, 1)).toEqual([
      { fileRow: 3, cells: row(1) },
      { fileRow: 4, cells: row(2) },
    ]);
  });

  it('drops blank lines (empty or only empty cells) but keeps counting them', () => {
    const grid = [header, row(1), [''], ['', '  ', ''], row(2), []];
    expect(dataRows(grid, 0).map((r) => r.fileRow)).toEqual([2, 5]);
  });

  it.each([
    ['I alt', ['I alt', '', '40']],
    ['Ialt', ['Ialt', '40', '']],
    ['Total', ['Total: 40 sager', '', '']],
    ['Sum', ['', 'Sum', '40']],
    ['Antal', ['Antal sager', '40', '']],
    ['I ALT in capitals', ['I ALT', '40', '']],
  ])('drops a trailing totals line (%s)', (_name, totals) => {
    const grid = [header, row(1), row(2), totals];
    expect(dataRows(grid, 0).map((r) => r.fileRow)).toEqual([2, 3]);
  });

  it('drops the totals line also when blank lines follow it', () => {
    const grid = [header, row(1), ['I alt', '1', ''], [''], ['']];
    expect(dataRows(grid, 0).map((r) => r.fileRow)).toEqual([2]);
  });

  it('keeps a totals-like line that is not the last one', () => {
    const grid = [header, ['I alt', '', ''], row(1)];
    expect(dataRows(grid, 0).map((r) => r.fileRow)).toEqual([2, 3]);
  });

  it('keeps a last row whose text merely contains a totals word later on', () => {
    const grid = [header, row(1), row(2, 'Møde om det samlede antal samtaler')];
    expect(dataRows(grid, 0)).toHaveLength(2);
  });

  it('keeps a last real sag whose Bemærkning begins with »Antal« (only a totals line may be dropped)', () => {
    // TOTAL_LINE is tested against every cell of the last row, so a real sag (with a sagsnummer) whose free
    // text starts with "Antal", "Sum", "Total" or "I alt" disappears from the population without a word.
    const grid = [header, row(1), row(2, 'Antal underretninger i 2025: 3')];
    expect(dataRows(grid, 0).map((r) => r.fileRow)).toEqual([2, 3]);
  });

  it('returns nothing for a grid with only a header', () => {
    expect(dataRows([header], 0)).toEqual([]);
  });
});

describe('layoutKey', () => {
  it.each([
    [
      ['Sagsnr.', 'Sagstype', 'Rådgiver'],
      ['sagsnr', 'SAGSTYPE', 'rådgiver'],
    ],
    [
      ['Sagsnr.', 'Modtaget dato'],
      ['  Sagsnr.  ', 'Modtaget   dato'],
    ],
    [['Modtaget dato'], ['Modtaget\tdato']],
    [['Afgørelse (dato)'], ['afgørelse dato']],
    [['ÆRØ'], ['ærø']],
  ])('%j and %j give the same key', (a, b) => {
    expect(layoutKey(a)).toBe(layoutKey(b));
  });

  it.each([
    [
      ['Sagsnr.', 'Sagstype'],
      ['Sagstype', 'Sagsnr.'],
    ],
    [
      ['Sagsnr.', 'Sagstype'],
      ['Sagsnr.', 'Sagstype', 'Team'],
    ],
    [['Modtaget'], ['Afgørelse']],
    [['Team Nord'], ['Team', 'Nord']],
  ])('%j and %j give different keys', (a, b) => {
    expect(layoutKey(a)).not.toBe(layoutKey(b));
  });

  it('is the same on every call', () => {
    const headers = ['Sagsnr.', 'Sagstype', 'Rådgiver', 'Team', 'Modtaget'];
    expect(layoutKey(headers)).toBe(layoutKey([...headers]));
    expect(layoutKey(headers)).toBe('sagsnr|sagstype|rådgiver|team|modtaget');
  });
});

describe('suggestMapping', () => {
  const dateFields = [
    { key: 'modtaget', label: 'Modtaget' },
    { key: 'opmaerksomhed', label: 'Kommunen blev opmærksom på behov' },
    { key: 'afgoerelse', label: 'Afgørelsesdato' },
  ];

  it.each([
    ['Sagsnr.', 'sagsnummer'],
    ['Sagsnummer', 'sagsnummer'],
    ['Sags nr', 'sagsnummer'],
    ['Journalnr.', 'sagsnummer'],
    ['J.nr.', 'sagsnummer'],
    ['Sag ID', 'sagsnummer'],
    ['Sagstype', 'sagstype'],
    ['Ydelse', 'sagstype'],
    ['Foranstaltning', 'sagstype'],
    ['Rådgiver', 'sagsbehandler'],
    ['Sagsbehandler', 'sagsbehandler'],
    ['Sagsbehandler (initialer)', 'sagsbehandler'],
    ['Medarbejder navn', 'sagsbehandler'],
    ['Team', 'team'],
    ['Enhed', 'team'],
    ['Afdeling', 'team'],
    ['Bemærkning', 'ekstra'],
    ['Barnets alder', 'ekstra'],
  ])('»%s« → %s', (header, target) => {
    expect(suggestMapping([header], dateFields)).toEqual([{ header, target }]);
  });

  it('maps a date column by its date field label, or by its key', () => {
    expect(
      suggestMapping(['Modtaget', 'Kommunen blev opmærksom på behov', 'AFGØRELSESDATO', 'Opmaerksomhed'], dateFields),
    ).toEqual([
      { header: 'Modtaget', target: 'dato', dateKey: 'modtaget' },
      { header: 'Kommunen blev opmærksom på behov', target: 'dato', dateKey: 'opmaerksomhed' },
      { header: 'AFGØRELSESDATO', target: 'dato', dateKey: 'afgoerelse' },
      // the key was used already: the second column matching it is kept as an extra field
      { header: 'Opmaerksomhed', target: 'ekstra' },
    ]);
  });

  it('matches a date column by its telling words, and leaves a tie to the leader', () => {
    // The job-centre template's date fields, and headers as exports write them (found when the product was tried).
    const fields = [
      { key: 'ledighed_start', label: 'Ledigheden begyndte' },
      { key: 'jobafklaring_start', label: 'Jobafklaringsforløbet begyndte' },
      { key: 'ressourceforloeb_start', label: 'Ressourceforløbet begyndte' },
      { key: 'aktivitet_start', label: 'Første tilbud eller indsats i ressourceforløbet begyndte' },
    ];
    const dates = [['03-02-2026']];
    const keyOf = (header: string) => suggestMapping([header], fields, new Set(), dates)[0]?.dateKey;
    for (const header of ['Første dag som ledig', 'Ledig fra', 'Ledig siden', 'Dato ledig', 'Ledighed start'])
      expect(keyOf(header), header).toBe('ledighed_start');
    expect(keyOf('Første tilbud')).toBe('aktivitet_start');
    expect(keyOf('Start på jobafklaring')).toBe('jobafklaring_start');
    // »Begyndte« alone is in all four labels: the leader chooses.
    expect(keyOf('Begyndte')).toBeUndefined();
    expect(suggestMapping(['Begyndte'], fields, new Set(), dates)[0]?.target).toBe('dato');
  });

  it('maps a typical Danish export', () => {
    const headers = ['Sagsnr.', 'Sagstype', 'Rådgiver', 'Team', 'Modtaget', 'Afgørelsesdato', 'Bemærkning'];
    expect(suggestMapping(headers, dateFields).map((m) => m.target)).toEqual([
      'sagsnummer',
      'sagstype',
      'sagsbehandler',
      'team',
      'dato',
      'dato',
      'ekstra',
    ]);
  });

  it('uses each target once: a second team-like column becomes an extra field', () => {
    expect(suggestMapping(['Team', 'Enhed', 'Sagsnr.', 'Journalnr.'], []).map((m) => m.target)).toEqual([
      'team',
      'ekstra',
      'sagsnummer',
      'ekstra',
    ]);
  });

  it('never stores a CPR column, whatever its name', () => {
    expect(suggestMapping(['Sagsnr.', 'CPR-nr.', 'Sagstype'], [], new Set([0, 1]))).toEqual([
      { header: 'Sagsnr.', target: 'ignorer' },
      { header: 'CPR-nr.', target: 'ignorer' },
      { header: 'Sagstype', target: 'sagstype' },
    ]);
  });
});

describe('sagsnumre that read alike', () => {
  it('are one sag: case, spaces and the kind of dash do not make another', () => {
    const cols: ColumnMapping = [
      { header: 'Sagsnr.', target: 'sagsnummer' },
      { header: 'Rådgiver', target: 'sagsbehandler' },
    ];
    const rows = ['S-1', 's-1', 'S\u20101', 'S-1 ', 'S-01'].map((n, i) => ({ fileRow: i + 2, cells: [n, 'Anna'] }));
    const result = mapRows(rows, cols, new Set());
    expect(result.rows.map((r) => r.sagsnummer)).toEqual(['S-1', 'S-01']);
    expect(result.issues.map((i) => i.message)).toEqual([
      'Række 3: sagsnummer s-1 findes også i række 2 (som S-1)',
      'Række 4: sagsnummer S\u20101 findes også i række 2 (som S-1)',
      'Række 5: sagsnummer S-1 findes også i række 2',
    ]);
  });
});

describe('what names and groups a sag', () => {
  const cols: ColumnMapping = [
    { header: 'Sagsnr.', target: 'sagsnummer' },
    { header: 'Rådgiver', target: 'sagsbehandler' },
    { header: 'Bemærkning', target: 'ekstra' },
  ];
  it('is kept as it reads: no bidirectional override, zero-width space or soft hyphen', () => {
    const result = mapRows(
      [{ fileRow: 2, cells: ['S\u200b-1\u00ad', '\u202eAnna\u202c', 'a\u200bb'] }],
      cols,
      new Set(),
    );
    expect(result.rows[0]).toMatchObject({
      sagsnummer: 'S-1',
      sagsbehandler: 'Anna',
      extra: { Bemærkning: 'a\u200bb' },
    });
  });

  it('is at most as long as when typed by hand: a longer cell is a row with an error', () => {
    const result = mapRows(
      [
        { fileRow: 2, cells: ['S-1', 'A'.repeat(201), ''] },
        { fileRow: 3, cells: ['S'.repeat(101), 'Bo', ''] },
      ],
      cols,
      new Set(),
    );
    expect(result.rows).toEqual([]);
    expect(result.issues.map((i) => i.message)).toEqual([
      'Række 2 (sag S-1), kolonne »Rådgiver«: højst 200 tegn',
      `Række 3 (sag ${'S'.repeat(101)}), kolonne »Sagsnr.«: højst 100 tegn`,
    ]);
  });
});

describe('the person column (issue #19)', () => {
  it('is found by its id words, once; »Personnummer« (the CPR number) is never taken for it', () => {
    const mapping = suggestMapping(['Sagsnr.', 'Personnummer', 'Barn-ID', 'Borger ID'], []);
    expect(mapping.map((m) => m.target)).toEqual(['sagsnummer', 'ekstra', 'person', 'ekstra']);
  });

  it('is kept as the row’s person, masked like every kept cell', () => {
    const cols: ColumnMapping = [
      { header: 'Sagsnr.', target: 'sagsnummer' },
      { header: 'Barn-ID', target: 'person' },
    ];
    const result = mapRows([{ fileRow: 2, cells: ['S-1', 'B 0102031234'] }], cols, new Set());
    expect(result.rows[0]?.person).toBe(`B ${CPR_MASK}`);
    expect(result.masked).toEqual([{ fileRow: 2, column: 'Barn-ID' }]);
  });
});

describe('cprColumns', () => {
  const rows = (cells: string[][]) => cells.map((c) => ({ cells: c }));
  it('flags a column where at least half the filled cells are CPR-like, with or without a dash', () => {
    const grid = rows([
      ['2025-004711', '010118-4321', 'Anne Holm'],
      ['2025-004718', '0802154185', 'Bo Nielsen'],
      ['2025-004725', '', 'Søren Ærø'],
      ['2025-004732', 'ukendt', 'Åse Østergård'],
    ]);
    expect([...cprColumns(grid, 3)]).toEqual([1]);
  });

  it('does not flag a free-text column with one CPR-like number among many', () => {
    const grid = rows([['Barnets cpr 150619-4123 fremgår'], ['Møde afholdt'], ['150619-4123'], ['Ingen'], ['Ok']]);
    expect(cprColumns(grid, 1).size).toBe(0);
  });

  it('does not flag sagsnumre, dates or phone numbers', () => {
    const grid = rows([
      ['2025-004711', '06-01-2025', '12345678'],
      ['2025-004718', '15.01.2025', '+45 12 34 56 78'],
    ]);
    expect(cprColumns(grid, 3).size).toBe(0);
  });
});

describe('mapRows', () => {
  const mapping: ColumnMapping = [
    { header: 'Sagsnr.', target: 'sagsnummer' },
    { header: 'Sagstype', target: 'sagstype' },
    { header: 'Rådgiver', target: 'sagsbehandler' },
    { header: 'Team', target: 'team' },
    { header: 'Modtaget', target: 'dato', dateKey: 'modtaget' },
    { header: 'Bemærkning', target: 'ekstra' },
    { header: 'Intern note', target: 'ignorer' },
  ];
  const r = (fileRow: number, ...cells: string[]) => ({ fileRow, cells });

  it('maps a good row, with the date in ISO form and the extra field kept', () => {
    const result = mapRows(
      [r(2, ' 2025-004711 ', 'Underretning', 'Anne Holm', 'Team Nord', '06-01-2025', 'Børnesamtale gennemført', 'x')],
      mapping,
      new Set(),
    );
    expect(result).toEqual({
      rows: [
        {
          fileRow: 2,
          sagsnummer: '2025-004711',
          sagstype: 'Underretning',
          sagsbehandler: 'Anne Holm',
          team: 'Team Nord',
          person: '',
          dates: { modtaget: '2025-01-06' },
          extra: { Bemærkning: 'Børnesamtale gennemført' },
        },
      ],
      issues: [],
      masked: [],
    });
  });

  it('leaves out empty dates and empty extra fields, and keys a date without dateKey by its header', () => {
    const result = mapRows(
      [r(5, '2025-004711', 'Underretning', 'Anne Holm', 'Team Nord', '', '', '', '2025-02-01')],
      [...mapping, { header: 'Lukket', target: 'dato' }],
      new Set(),
    );
    expect(result.rows[0]?.dates).toEqual({ Lukket: '2025-02-01' });
    expect(result.rows[0]?.extra).toEqual({});
  });

  it('reports a duplicate sagsnummer with both row numbers and keeps the first', () => {
    const result = mapRows(
      [
        r(4, '2025-004711', 'Underretning', 'Anne Holm', 'Team Nord', '06-01-2025'),
        r(5, '2025-004718', 'Underretning', 'Bo Nielsen', 'Team Syd', '07-01-2025'),
        r(9, '2025-004711', 'Anbringelse § 46', 'Bo Nielsen', 'Team Syd', '08-01-2025'),
      ],
      mapping,
      new Set(),
    );
    expect(result.rows.map((x) => x.fileRow)).toEqual([4, 5]);
    expect(result.issues).toEqual([
      { fileRow: 9, column: 'Sagsnr.', message: 'Række 9: sagsnummer 2025-004711 findes også i række 4' },
    ]);
  });

  it('reports a missing sagsnummer', () => {
    const result = mapRows([r(7, '  ', 'Underretning', 'Anne Holm', 'Team Nord', '06-01-2025')], mapping, new Set());
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([{ fileRow: 7, column: 'Sagsnr.', message: 'Række 7: sagsnummer mangler' }]);
  });

  it('reports an impossible date and a non-date with the row and column', () => {
    const result = mapRows(
      [
        r(43, '2025-004711', 'Underretning', 'Anne Holm', 'Team Nord', '31-02-2025'),
        r(44, '2025-004718', 'Underretning', 'Anne Holm', 'Team Nord', 'i går'),
      ],
      mapping,
      new Set(),
    );
    expect(result.rows).toEqual([]);
    expect(result.issues.map((i) => i.message)).toEqual([
      'Række 43 (sag 2025-004711), kolonne »Modtaget«: datoen »31-02-2025« findes ikke',
      'Række 44 (sag 2025-004718), kolonne »Modtaget«: »i går« er ikke en dato (brug fx 31-01-2026)',
    ]);
  });

  it('refuses a sagsnummer that is (or contains) a CPR-like number, and never keeps the number', () => {
    const result = mapRows(
      [
        r(2, '010118-4321', 'Underretning', 'Anne Holm', 'Team Nord', ''),
        r(3, 'Sag 0802154185', 'Underretning', 'Anne Holm', 'Team Nord', ''),
        r(4, '2025-004711', 'Underretning', 'Anne Holm', 'Team Nord', ''),
      ],
      mapping,
      new Set(),
    );
    expect(result.rows.map((x) => x.sagsnummer)).toEqual(['2025-004711']);
    expect(result.issues.slice(0, 2)).toEqual([
      { fileRow: 2, column: 'Sagsnr.', message: 'Række 2: sagsnummeret ligner et CPR-nummer' },
      { fileRow: 3, column: 'Sagsnr.', message: 'Række 3: sagsnummeret ligner et CPR-nummer' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/4321|4185/);
  });

  it('two different CPR-like sagsnumre are not reported as duplicates of each other', () => {
    // Both are masked to the same text before the duplicate check, so row 3 also gets
    // "Række 3: sagsnummer [CPR-nummer fjernet] findes også i række 2", which is not true.
    const result = mapRows(
      [
        r(2, '010118-4321', 'Underretning', 'Anne Holm', 'Team Nord', ''),
        r(3, '0802154185', 'Underretning', 'Anne Holm', 'Team Nord', ''),
      ],
      mapping,
      new Set(),
    );
    expect(result.issues.map((i) => i.message)).toEqual([
      'Række 2: sagsnummeret ligner et CPR-nummer',
      'Række 3: sagsnummeret ligner et CPR-nummer',
    ]);
  });

  it('masks CPR-like text in kept cells and reports where', () => {
    const result = mapRows(
      [r(6, '2025-004711', 'Underretning', 'Anne Holm', 'Team Nord', '', 'Barnets cpr 150619-4123 fremgår')],
      mapping,
      new Set(),
    );
    expect(result.rows[0]?.extra).toEqual({ Bemærkning: `Barnets cpr ${CPR_MASK} fremgår` });
    expect(result.masked).toEqual([{ fileRow: 6, column: 'Bemærkning' }]);
  });

  it('skips a CPR column even if the mapping would keep it', () => {
    const withCpr: ColumnMapping = [
      { header: 'Sagsnr.', target: 'sagsnummer' },
      { header: 'CPR-nr.', target: 'ekstra' },
    ];
    const result = mapRows([r(2, '2025-004711', '010118-4321')], withCpr, new Set([1]));
    expect(result.rows).toEqual([
      {
        fileRow: 2,
        sagsnummer: '2025-004711',
        sagstype: '',
        sagsbehandler: '',
        team: '',
        person: '',
        dates: {},
        extra: {},
      },
    ]);
    expect(result.masked).toEqual([]);
  });

  it('asks for the sagsnummer column when none is mapped', () => {
    const result = mapRows([r(2, '2025-004711')], [{ header: 'Sagsnr.', target: 'ekstra' }], new Set());
    expect(result).toEqual({
      rows: [],
      issues: [{ fileRow: 0, column: '', message: 'Vælg hvilken kolonne der er sagsnummeret' }],
      masked: [],
    });
  });

  it('treats a short row as empty cells at the end, and a missing sagsbehandler as a row problem, named by its sag', () => {
    const result = mapRows([r(2, '2025-004711', 'Underretning')], mapping, new Set());
    // Not stored with an empty sagsbehandler: the leader sees it (stratifying and the notes go by it).
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([
      { fileRow: 2, column: 'Rådgiver', message: 'Række 2 (sag 2025-004711): sagsbehandler mangler' },
    ]);
    // Without a sagsbehandler column mapped, the row is a sag without one.
    const noColumn = mapping.map((m) => (m.target === 'sagsbehandler' ? { ...m, target: 'ignorer' as const } : m));
    expect(mapRows([r(2, '2025-004711', 'Underretning')], noColumn, new Set()).rows[0]).toMatchObject({
      sagsnummer: '2025-004711',
      sagstype: 'Underretning',
      sagsbehandler: '',
    });
  });
});

describe('suggestMapping by a column’s values and words', () => {
  const fields = [
    { key: 'underretning_modtaget', label: 'Underretningen blev modtaget' },
    { key: 'bfu_afsluttet', label: 'Den børnefaglige undersøgelse blev afsluttet' },
  ];
  const sample = [
    ['2025-004711', '03-02-2026', '12-01-2026', '01-02-2026'],
    ['2025-004712', '05-02-2026', '13-01-2026', ''],
  ];

  it('takes a column of dates as a date, matched to the template’s field by the words they share', () => {
    const mapping = suggestMapping(
      ['Sagsnr.', 'Undersøgelse afsluttet', 'Dato for modtagelse af underretning', 'Dato'],
      fields,
      new Set(),
      sample,
    );
    expect(mapping.map((m) => [m.target, m.dateKey])).toEqual([
      ['sagsnummer', undefined],
      ['dato', 'bfu_afsluttet'],
      ['dato', 'underretning_modtaget'],
      // A date the template has no field for is kept as a date under its own name.
      ['dato', undefined],
    ]);
  });

  it('never takes a column of dates for the sagsnummer, whatever its header says', () => {
    const mapping = suggestMapping(['Sag', 'Sagsnr.'], fields, new Set(), [
      ['01-02-2026', '2025-1'],
      ['02-02-2026', '2025-2'],
    ]);
    expect(mapping.map((m) => m.target)).toEqual(['dato', 'sagsnummer']);
  });
});
