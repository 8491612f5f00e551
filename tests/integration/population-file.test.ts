import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '../../electron/backend/services/population-file';
import { DATOFELTER } from '../../electron/backend/skabeloner/boern-unge-faelles';
import { ApiError } from '../../shared/api/errors';
import { CPR_MASK, findCprNumbers } from '../../shared/domain/cpr';
import {
  cprColumns,
  dataRows,
  detectHeaderRow,
  type MappedPopulation,
  mapRows,
  suggestMapping,
} from '../../shared/domain/population';
import {
  BOM_TITLE_CPR_IN_TEXT,
  BOM_TITLE_ROWS,
  BROKEN_CSV_QUOTE_ROW,
  ERRORS_EXPECTED,
  ERRORS_ROWS,
  type FixtureName,
  fictionalCpr,
  makeFixtures,
  makeLargeCsv,
  TAB_ROWS,
  WINDOWS1252_ROWS,
  XLSX_ROWS,
} from '../fixtures/make-fixtures';
import { parseCsv, readPopulationFile } from '../support/population-file';

const DATE_FIELDS = [
  { key: 'modtaget', label: 'Modtaget' },
  { key: 'afgoerelse', label: 'Afgørelsesdato' },
];

let dir = '';
let paths: Record<FixtureName, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tilsyn-population-'));
  paths = await makeFixtures(dir);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The whole import as the app does it: read, find the header, drop blanks and totals, map. */
async function importFile(name: FixtureName, dateFields = DATE_FIELDS) {
  const file = await readPopulationFile(name, await readFile(paths[name]));
  const headerRow = detectHeaderRow(file.grid);
  const headers = file.grid[headerRow] ?? [];
  const rows = dataRows(file.grid, headerRow);
  const cpr = cprColumns(rows, headers.length);
  const mapping = suggestMapping(headers, dateFields, cpr);
  const mapped: MappedPopulation = mapRows(rows, mapping, cpr);
  return { file, headerRow, headers, rows, cpr, mapping, mapped };
}

async function readError(name: FixtureName): Promise<ApiError> {
  const error = await readPopulationFile(name, await readFile(paths[name])).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('windows1252.csv (an older export: Windows-1252, semicolons, dd-mm-åååå)', () => {
  it('is decoded as Windows-1252 with the delimiter ;', async () => {
    const { file, headerRow, headers } = await importFile('windows1252.csv');
    expect(file.format).toBe('csv');
    expect(file.encoding).toBe('windows-1252');
    expect(file.delimiter).toBe(';');
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(headerRow).toBe(0);
    expect(headers).toEqual(['Sagsnr.', 'Sagstype', 'Rådgiver', 'Team', 'Modtaget', 'Afgørelsesdato', 'Bemærkning']);
  });

  it('gives æøå, ÆØÅ, é and § back as they were written', async () => {
    const { mapped } = await importFile('windows1252.csv');
    const names = new Set(mapped.rows.map((r) => r.sagsbehandler));
    expect(names).toEqual(new Set(['Anne Holm', 'Bo Nielsen', 'Søren Ærø', 'Åse Østergård', 'Mette Bæk', 'Jens Kjær']));
    expect(new Set(mapped.rows.map((r) => r.sagstype))).toContain('§ 32 forebyggende indsats');
    expect(mapped.rows.map((r) => r.extra.Bemærkning)).toContain('Skole, PPR og sundhedspleje inddraget');
    expect(JSON.stringify(mapped)).not.toMatch(/Ã|\uFFFD/);
  });

  it('decodes every byte as Windows-1252 says, in any slice of a buffer (a property)', () => {
    // The 32 bytes where Windows-1252 differs from Latin-1 (WHATWG's index; 81, 8D, 8F, 90 and 9D are unassigned).
    const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const one = (b: number) => (b >= 0x80 && b <= 0x9f ? (high[b - 0x80] ?? '') : String.fromCharCode(b));
    expect(decodeWindows1252(Uint8Array.from({ length: 256 }, (_, b) => b))).toBe(
      Array.from({ length: 256 }, (_, b) => one(b)).join(''),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(40), (bytes, skip) => {
        const inBigger = Buffer.concat([Buffer.alloc(skip, 0x41), bytes]).subarray(skip);
        expect(decodeWindows1252(inBigger)).toBe(Array.from(bytes, one).join(''));
      }),
    );
  });

  it('decodes the Windows-1252 bytes 0x80-0x9F (here – as 0x96) to their characters, not to C1 controls', async () => {
    // Node 20.18.3+/22.13+ decodes TextDecoder('windows-1252') as ISO-8859-1 (nodejs/node#60888, #56542), so
    // "–", "€", "’", "“", "”" from Word-pasted text become invisible control characters U+0080-U+009F.
    const { mapped } = await importFile('windows1252.csv');
    const row = mapped.rows.find((r) => r.sagsnummer === '2025-004718');
    expect(row?.extra.Bemærkning).toBe('Netværksmøde afholdt – idéer til aflastning');
    expect(JSON.stringify(mapped)).not.toMatch(/[\u0080-\u009f]/);
  });

  it('maps all 40 sager with the dates in ISO form', async () => {
    const { rows, mapping, mapped } = await importFile('windows1252.csv');
    expect(rows).toHaveLength(WINDOWS1252_ROWS);
    expect(mapping.map((m) => m.target)).toEqual([
      'sagsnummer',
      'sagstype',
      'sagsbehandler',
      'team',
      'dato',
      'dato',
      'ekstra',
    ]);
    expect(mapped.issues).toEqual([]);
    expect(mapped.rows).toHaveLength(WINDOWS1252_ROWS);
    expect(mapped.rows[0]).toEqual({
      fileRow: 2,
      sagsnummer: '2025-004711',
      sagstype: 'Underretning',
      sagsbehandler: 'Anne Holm',
      team: 'Team Nord',
      person: '',
      dates: { modtaget: '2025-01-06', afgoerelse: '2025-01-27' },
      extra: {},
    });
    expect(mapped.rows[2]).toMatchObject({ fileRow: 4, sagsbehandler: 'Søren Ærø', dates: { modtaget: '2025-01-24' } });
    expect(mapped.rows[3]).toMatchObject({
      fileRow: 5,
      sagsbehandler: 'Åse Østergård',
      dates: { modtaget: '2025-02-02' },
    });
    expect(mapped.rows[3]?.dates.afgoerelse).toBeUndefined(); // no decision yet: the cell is empty
    const last = mapped.rows[WINDOWS1252_ROWS - 1]!;
    expect(last.fileRow).toBe(WINDOWS1252_ROWS + 1);
    for (const row of mapped.rows) {
      expect(row.dates.modtaget).toMatch(/^(2025|2026)-\d{2}-\d{2}$/);
    }
  });
});

describe('bom-title.csv (UTF-8 with BOM, title rows, commas, blank lines, totals, CPR numbers)', () => {
  it('strips the BOM and detects the delimiter ,', async () => {
    const { file } = await importFile('bom-title.csv');
    expect(file.encoding).toBe('utf-8 (BOM)');
    expect(file.delimiter).toBe(',');
    expect(file.grid[0]?.[0]).toBe('Sagsudtræk DUBU');
    expect(file.grid[0]?.[0]?.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('finds the header in row 3, below the two title rows', async () => {
    const { headerRow, headers } = await importFile('bom-title.csv');
    expect(headerRow).toBe(2);
    expect(headers).toEqual(['Sagsnummer', 'CPR-nr.', 'Sagstype', 'Sagsbehandler', 'Team', 'Modtaget', 'Bemærkning']);
  });

  it('drops the two blank lines and the totals line: exactly 24 sager, numbered as in the file', async () => {
    const { file, rows, mapped } = await importFile('bom-title.csv');
    expect(file.grid.filter((r) => r.some((c) => c.trim())).length).toBe(3 + BOM_TITLE_ROWS + 1);
    expect(rows).toHaveLength(BOM_TITLE_ROWS);
    expect(rows.some((r) => r.cells[0] === 'I alt')).toBe(false);
    // rows 4-8, blank row 9, rows 10-21, blank row 22, rows 23-29; the totals line is row 30
    const expected = [4, 5, 6, 7, 8, ...Array.from({ length: 12 }, (_, i) => 10 + i), 23, 24, 25, 26, 27, 28, 29];
    expect(rows.map((r) => r.fileRow)).toEqual(expected);
    expect(mapped.rows).toHaveLength(BOM_TITLE_ROWS);
    expect(mapped.issues).toEqual([]);
  });

  it('keeps quoted fields with commas whole and parses dd.mm.åååå', async () => {
    const { mapped } = await importFile('bom-title.csv');
    expect(mapped.rows[0]).toMatchObject({
      fileRow: 4,
      sagsnummer: '2025-005411',
      sagsbehandler: 'Mette Bæk',
      team: 'Team Syd',
      person: '',
      dates: { modtaget: '2025-03-07' },
      extra: { Bemærkning: 'Skole, PPR og sundhedspleje inddraget' },
    });
    expect(mapped.rows[1]?.extra.Bemærkning).toBe('Mor, far og skole inddraget');
  });

  it('detects the CPR column and never lets a CPR number into the mapped rows', async () => {
    const { cpr, mapping, mapped } = await importFile('bom-title.csv');
    expect([...cpr]).toEqual([1]);
    expect(mapping[1]).toEqual({ header: 'CPR-nr.', target: 'ignorer' });
    const stored = JSON.stringify(mapped.rows);
    expect(findCprNumbers(stored)).toEqual([]);
    for (let k = 0; k < BOM_TITLE_ROWS; k++) expect(stored).not.toContain(fictionalCpr(k));
    expect(stored).not.toContain('CPR-nr.');
  });

  it('masks the CPR-like number in »Bemærkning« and reports where it was', async () => {
    const { mapped } = await importFile('bom-title.csv');
    const row = mapped.rows.find((r) => r.fileRow === 10);
    expect(row?.extra.Bemærkning).toBe(`Barnets cpr ${CPR_MASK} fremgår af underretningen, se journal`);
    expect(JSON.stringify(mapped)).not.toContain(BOM_TITLE_CPR_IN_TEXT);
    expect(mapped.masked).toEqual([{ fileRow: 10, column: 'Bemærkning' }]);
  });
});

describe('tab.tsv (UTF-8 without BOM, tabs, åååå-mm-dd, the template date labels as headers)', () => {
  const templateDates = [DATOFELTER.opmaerksomhed, DATOFELTER.afgoerelse, DATOFELTER.underretning_modtaget];

  it('is read as UTF-8 with the delimiter tab', async () => {
    const { file, headerRow } = await importFile('tab.tsv', templateDates);
    expect(file.encoding).toBe('utf-8');
    expect(file.delimiter).toBe('\t');
    expect(headerRow).toBe(0);
    expect(file.grid[0]).toHaveLength(7);
  });

  it("maps Journalnr./Enhed and the dates by the template's date labels", async () => {
    const { mapping, mapped, rows } = await importFile('tab.tsv', templateDates);
    expect(mapping).toEqual([
      { header: 'Journalnr.', target: 'sagsnummer' },
      { header: 'Sagstype', target: 'sagstype' },
      { header: 'Sagsbehandler', target: 'sagsbehandler' },
      { header: 'Enhed', target: 'team' },
      { header: 'Kommunen blev opmærksom på behov', target: 'dato', dateKey: 'opmaerksomhed' },
      { header: 'Afgørelsen om indsats blev truffet', target: 'dato', dateKey: 'afgoerelse' },
      { header: 'Bemærkning', target: 'ekstra' },
    ]);
    expect(rows).toHaveLength(TAB_ROWS);
    expect(mapped.issues).toEqual([]);
    expect(mapped.rows[0]).toEqual({
      fileRow: 2,
      sagsnummer: '2025-006111',
      sagstype: 'Underretning',
      sagsbehandler: 'Søren Ærø',
      team: 'Team Nord',
      person: '',
      dates: { opmaerksomhed: '2025-05-06', afgoerelse: '2025-07-06' },
      extra: {},
    });
    expect(mapped.rows[1]?.sagsbehandler).toBe('Åse Østergård');
  });
});

describe('merged-title.xlsx (a merged title, header in row 3, real Excel dates)', () => {
  const xlsxDates = [
    { key: 'modtaget', label: 'Modtaget' },
    { key: 'afgoerelse', label: 'Afgørelse' },
  ];

  it('keeps the merged title once and finds the header in row 3', async () => {
    const { file, headerRow, headers } = await importFile('merged-title.xlsx', xlsxDates);
    expect(file.format).toBe('xlsx');
    expect(file.grid[0]).toEqual(['Sagsliste Børn og Unge – marts 2026', '', '', '', '', '']);
    expect(headerRow).toBe(2);
    expect(headers).toEqual(['Sagsnummer', 'Sagstype', 'Rådgiver', 'Team', 'Modtaget', 'Afgørelse']);
  });

  it('gives the 30 sager with the calendar dates typed into Excel', async () => {
    const { rows, mapped } = await importFile('merged-title.xlsx', xlsxDates);
    expect(rows).toHaveLength(XLSX_ROWS);
    expect(mapped.issues).toEqual([]);
    expect(mapped.rows).toHaveLength(XLSX_ROWS);
    expect(mapped.rows[0]).toEqual({
      fileRow: 4,
      sagsnummer: '2025-006811',
      sagstype: 'Underretning',
      sagsbehandler: 'Anne Holm',
      team: 'Team Nord',
      person: '',
      dates: { modtaget: '2025-07-05', afgoerelse: '2025-07-26' },
      extra: {},
    });
    // the 4th sag has no decision yet (an empty cell); the 21st was received on New Year's Day 2026
    expect(mapped.rows[3]?.dates).toEqual({ modtaget: '2025-08-01' });
    expect(mapped.rows[20]).toMatchObject({ fileRow: 24, dates: { modtaget: '2026-01-01', afgoerelse: '2026-03-03' } });
    expect(mapped.rows[XLSX_ROWS - 1]).toMatchObject({ fileRow: 33, dates: { modtaget: '2025-01-27' } });
  });

  it('gives the same calendar dates whatever the time zone of the machine', async () => {
    const original = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ['UTC', 'Europe/Copenhagen', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        if (tz === 'Pacific/Kiritimati') expect(new Date(Date.UTC(2026, 0, 1)).getHours()).toBe(14); // TZ took effect
        const { mapped } = await importFile('merged-title.xlsx', xlsxDates);
        results.push(JSON.stringify(mapped.rows.map((r) => r.dates)));
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toContain('"modtaget":"2025-07-05"');
  });
});

describe('files that cannot be read', () => {
  it('broken.csv: an unclosed quote gives a Danish error naming the file and the row', async () => {
    const error = await readError('broken.csv');
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      `»broken.csv« kan ikke læses: et anførselstegn er ikke lukket (omkring række ${BROKEN_CSV_QUOTE_ROW}).`,
    );
  });

  it('broken.xlsx: a damaged zip gives a Danish error naming the file', async () => {
    const error = await readError('broken.xlsx');
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('»broken.xlsx« kan ikke åbnes som Excel-fil (.xlsx). Den kan være beskadiget.');
  });

  it('an empty file, an old .xls and a binary file named .csv are refused in Danish', async () => {
    await expect(readPopulationFile('tom.csv', Buffer.alloc(0))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Filen »tom.csv« er tom.',
    });
    await expect(readPopulationFile('gammel.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('»gammel.xls« er i det gamle Excel-format (.xls)'),
    });
    await expect(
      readPopulationFile('billede.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: '»billede.csv« ligner ikke en CSV-fil (den indeholder binære data).',
    });
  });

  it('a renamed zip is read as Excel whatever its name says', async () => {
    const bytes = await readFile(paths['merged-title.xlsx']);
    const file = await readPopulationFile('sagsliste.csv', bytes);
    expect(file.format).toBe('xlsx');
  });
});

describe('errors.csv (a valid file with three bad rows)', () => {
  it('reports exactly the three problems, with the row numbers a leader sees in the file', async () => {
    const { headerRow, rows, mapped } = await importFile('errors.csv');
    expect(headerRow).toBe(1);
    expect(rows).toHaveLength(ERRORS_ROWS);
    const { missingRow, duplicateRow, duplicateOfRow, badDateRow } = ERRORS_EXPECTED;
    const duplicated = rows.find((r) => r.fileRow === duplicateOfRow)?.cells[0];
    expect(duplicated).toBe('2025-008239');
    expect(mapped.issues).toEqual([
      { fileRow: missingRow, column: 'Sagsnr.', message: 'Række 12: sagsnummer mangler' },
      {
        fileRow: duplicateRow,
        column: 'Sagsnr.',
        message: 'Række 30: sagsnummer 2025-008239 findes også i række 7',
      },
      {
        fileRow: badDateRow,
        column: 'Modtaget',
        message: 'Række 43 (sag 2025-008491), kolonne »Modtaget«: datoen »31-02-2025« findes ikke',
      },
    ]);
  });

  it('keeps every other row, including the first of the duplicates', async () => {
    const { mapped } = await importFile('errors.csv');
    expect(mapped.rows).toHaveLength(ERRORS_ROWS - 3);
    const kept = new Set(mapped.rows.map((r) => r.fileRow));
    expect(kept.has(ERRORS_EXPECTED.duplicateOfRow)).toBe(true);
    for (const bad of [ERRORS_EXPECTED.missingRow, ERRORS_EXPECTED.duplicateRow, ERRORS_EXPECTED.badDateRow]) {
      expect(kept.has(bad)).toBe(false);
    }
    expect(new Set(mapped.rows.map((r) => r.sagsnummer)).size).toBe(mapped.rows.length);
  });
});

describe('the fixtures themselves', () => {
  it('are the same bytes every time (so the sha256 of a population is stable)', async () => {
    const again = await makeFixtures(join(dir, 'again'));
    for (const name of Object.keys(paths) as FixtureName[]) {
      if (name.endsWith('.xlsx') && name !== 'broken.xlsx') continue; // zip entries carry a timestamp
      expect((await readFile(again[name])).equals(await readFile(paths[name])), name).toBe(true);
    }
  });

  it('makeLargeCsv writes a Windows-1252 population with the asked number of unique sager', async () => {
    const path = join(dir, 'large-1200.csv');
    makeLargeCsv(path, 1200);
    const file = await readPopulationFile('large-1200.csv', await readFile(path));
    expect(file.encoding).toBe('windows-1252');
    expect(file.delimiter).toBe(';');
    const rows = dataRows(file.grid, detectHeaderRow(file.grid));
    expect(rows).toHaveLength(1200);
    expect(new Set(rows.map((r) => r.cells[0])).size).toBe(1200);
    expect(new Set(rows.map((r) => r.cells[2]))).toContain('Åse Østergård');
  });

  it('windows1252.csv really is single-byte Windows-1252 (æ ø å Æ Ø Å é as E6 F8 E5 C6 D8 C5 E9)', async () => {
    const bytes = await readFile(paths['windows1252.csv']);
    for (const b of [0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0xe9, 0x96]) expect(bytes.includes(b)).toBe(true);
    expect(bytes.includes(Buffer.from('ø', 'utf8'))).toBe(false);
  });
});

describe('short files (a team of a few sager)', () => {
  it.each([
    ['Sagsnr.;Rådgiver\nS-1;Anna\nS-2;Bo\nS-3;Bo\n', ';', ['Sagsnr.', 'Rådgiver']],
    ['Sagsnr.\tRådgiver\r\nS-1\tAnna\r\n', '\t', ['Sagsnr.', 'Rådgiver']],
    ['Sagsnr.,Rådgiver\nS-1,"Holm, Anna"\n\n', ',', ['Sagsnr.', 'Rådgiver']],
    ['Titel\nUdtrukket 01.03.2026\n\nSagsnr.;Rådgiver;Team\nS-1;Anna;Nord\n', ';', ['Sagsnr.', 'Rådgiver', 'Team']],
    ['Sagsnummer\n2026-001\n2026-002\n', ',', ['Sagsnummer']],
  ])('%j is read with its delimiter and headers', async (text, delimiter, headers) => {
    const file = await readPopulationFile('kort.csv', Buffer.from(text));
    expect(file.delimiter).toBe(delimiter);
    const row = detectHeaderRow(file.grid);
    expect(file.grid[row]?.filter((c) => c)).toEqual(headers);
  });

  it('a one-column list of names has no header (only a known column name is one)', async () => {
    const file = await readPopulationFile('navne.csv', Buffer.from('Anna\nBo\nCia\n'));
    expect(detectHeaderRow(file.grid)).toBe(-1);
  });
});

describe('Excel »Unicode-tekst« (UTF-16 with a byte order mark, tabs)', () => {
  it.each([
    ['utf16le', Buffer.from([0xff, 0xfe])],
    ['utf16be', Buffer.from([0xfe, 0xff])],
  ] as const)('is read in %s with æ, ø, å', async (encoding, bom) => {
    const text = 'Sagsnr.\tRådgiver\n2026-1\tSøren Ærø\n2026-2\tÅse Østergård\n';
    const le = Buffer.from(text, 'utf16le');
    const body = encoding === 'utf16le' ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1] ?? 0));
    const file = await readPopulationFile('unicode.txt', Buffer.concat([bom, body]));
    expect(file.encoding).toBe('utf-16');
    expect(file.grid[1]).toEqual(['2026-1', 'Søren Ærø']);
    expect(file.grid[2]).toEqual(['2026-2', 'Åse Østergård']);
  });
});

describe('a title with another delimiter above a short table', () => {
  it.each([
    [
      'Sagsliste; Team Nord; marts\nSagsliste; Team Nord; marts\nSagsnr.,Sagstype,Rådgiver,Team\nS-1,Barn,Anna,Nord\n',
      ',',
    ],
    ['Udtræk, Team Syd\nSagsnr.;Sagstype;Rådgiver\nS-1;Barn;Anna\n', ';'],
    ['Sagsnr.\tRådgiver\tNote\nS-1\tAnna\tMor, far; skole\n', '\t'],
  ])('%j is split by the table’s delimiter', async (text, delimiter) => {
    const file = await readPopulationFile('kort.csv', Buffer.from(text));
    expect(file.delimiter).toBe(delimiter);
  });
});

describe('a CSV read a slice at a time (issue #18)', () => {
  const cell = fc.oneof(
    fc.constantFrom('', ' ', '"', '""', '";"', '\n', '\r\n', '\r', 'Søren Ærø', '2026-01-31', '§ 32', 'æ"ø', ';'),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
  );
  const quoted = (c: string) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  // Exports end their lines with \n, \r\n (Windows) or, rarely, \r; a cell may hold any of them in quotes.
  const csv = fc
    .tuple(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
    )
    .map(([rows, newline, ending]) => rows.map((r) => r.map(quoted).join(';')).join(newline) + (ending ? newline : ''));
  // Now and then a quote left open, or a stray one: the file must be refused at the same row as read whole.
  const broken = fc.tuple(csv, fc.nat(), fc.constantFrom('"', 'x"y', '"z')).map(([text, at, junk]) => {
    const i = at % (text.length + 1);
    return `${text.slice(0, i)}${junk}${text.slice(i)}`;
  });

  it('gives the same rows and errors as one parse, whatever the slice size (a property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csv, broken), fc.integer({ min: 1, max: 64 }), async (text, slice) => {
        const whole = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: false });
        const sliced = await parseCsv(text, ';', async () => undefined, slice);
        expect(sliced.grid).toEqual(whole.data.map((r) => r.map((c) => String(c ?? ''))));
        const quotes = (errors: Papa.ParseError[]) => errors.filter((e) => e.type === 'Quotes').map((e) => e.row);
        expect(quotes(sliced.errors).length > 0).toBe(quotes(whole.errors).length > 0);
        expect(quotes(sliced.errors)[0]).toBe(quotes(whole.errors)[0]);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a line of 800,000 quoted cells in one pass, not once per cell (it took minutes)', async () => {
    const text = `Sagsnr.;Team\n${'"a";'.repeat(800_000)}\n${Array.from({ length: 1000 }, (_, i) => `S-${i};Nord`).join('\n')}`;
    const read = await parseCsv(text, ';', async () => undefined, 1000);
    expect(read.grid).toHaveLength(1002);
    expect(read.grid[1]).toHaveLength(800_001);
    expect(read.grid.at(-1)).toEqual(['S-999', 'Nord']);
  });

  it('says how far it has come between slices, and stops when told to', async () => {
    const text = Array.from({ length: 2000 }, (_, i) => `S-${i};Anna;Nord`).join('\n');
    const seen: number[] = [];
    const read = await parseCsv(text, ';', async ({ share }) => void seen.push(share), 1000);
    expect(read.grid).toHaveLength(2000);
    expect(seen.length).toBeGreaterThan(20);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
    const stop = new Error('stop');
    let calls = 0;
    await expect(
      parseCsv(
        text,
        ';',
        async () => {
          if (++calls === 3) throw stop;
        },
        1000,
      ),
    ).rejects.toBe(stop);
    expect(calls).toBe(3);
  });
});
