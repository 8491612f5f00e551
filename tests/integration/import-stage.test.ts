// The sagsliste read a slice at a time and its checked rows staged in SQLite (issue #18): what the import stores is
// what the check showed, its hash is its stored rows' hash, and nothing of the file stays once it is imported.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createImportStage } from '../../db/import-stage';
import { populationHash } from '../../db/population-hash';
import { createPopulationStore } from '../../db/population-store';
import { cprColumns, dataRows, detectHeaderRow } from '../../shared/domain/population';
import { hookTestApi } from '../support/hooks';
import { readPopulationFile } from '../support/population-file';
import { validTilsynInput } from '../support/temp';

const backend = hookTestApi('each', { file: 'stage.db' });
const { api } = backend;
let tilsynId = 0;

beforeEach(async () => {
  tilsynId = (await api.call('tilsyn.create', validTilsynInput)).id;
});

const sent = (text: string, fileName = 'udtraek.csv') => ({
  tilsynId,
  fileName,
  dataBase64: Buffer.from(text, 'utf8').toString('base64'),
});

/** Preview, check and import of a file as the screen does them; the check's answer and the stored sager. */
async function importText(text: string) {
  const file = sent(text);
  const preview = await api.call('population.preview', file);
  const named = {
    tilsynId,
    fileName: file.fileName,
    fil: preview.fil,
    headerRow: preview.headerRow,
    mapping: preview.mapping,
  };
  const check = await api.call('population.check', named);
  const summary = await api.call('population.import', { ...named, skipInvalid: true });
  return { preview, check, summary, sager: await api.call('population.sager', { tilsynId }) };
}

const stagedRows = () =>
  backend.db.sqlite.prepare('SELECT count(*) AS n FROM temp.sagsliste_klar').get() as { n: number } | undefined;

/**
 * About 1.2 MB: several of the reader's slices. A sagsnummer repeated far apart (across slices), a CPR number split
 * over two columns, a row without a sagsbehandler, a CPR column whose first 300 cells are empty, a totals line.
 */
function bigList(rows: number): { text: string; expected: string[] } {
  const lines = ['Sagsliste pr. 01-03-2026', 'Sagsnr.;Sagstype;Rådgiver;Team;Modtaget;Note;Barnets CPR'];
  const expected: string[] = [];
  for (let i = 0; i < rows; i++) {
    const nummer = `S-${String(i).padStart(6, '0')}`;
    const cpr = i < 300 ? '' : `0101${String(90 + (i % 9)).padStart(2, '0')}-${String(1000 + (i % 8999))}`;
    const note = 'Børnesamtale gennemført og noteret i journalen'.repeat(1 + (i % 3));
    if (i === 7000) lines.push(`S-000010;§ 32;Anne Holm;Team Nord;01-02-2026;${note};${cpr}`);
    else if (i === 8000) lines.push(`${nummer};Underretning;Bo 010190;1234 Nord;01-02-2026;${note};${cpr}`);
    else if (i === 9000) lines.push(`${nummer};Underretning;;Team Syd;01-02-2026;${note};${cpr}`);
    else {
      lines.push(`${nummer};§ 32;Anne Holm;Team Nord;${(i % 28) + 1}-02-2026;${note};${cpr}`);
      expected.push(nummer);
    }
  }
  lines.push('I alt;;;;;;');
  return { text: lines.join('\r\n'), expected };
}

describe('the sagsliste read a slice at a time', () => {
  it('finds the structure a whole read finds: header row, rows, CPR columns', async () => {
    const { text } = bigList(12_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const preview = await api.call('population.preview', sent(text));
    // The same file read whole, as the reader did before.
    const file = await readPopulationFile('udtraek.csv', Buffer.from(text, 'utf8'));
    const headerRow = detectHeaderRow(file.grid);
    const rows = dataRows(file.grid, headerRow);
    expect(preview.headerRow).toBe(headerRow);
    expect(preview.dataRowCount).toBe(rows.length);
    expect(preview.dataRowCount).toBe(12_000);
    expect(preview.cprColumns).toEqual([...cprColumns(rows, 7)]);
    expect(preview.cprColumns).toEqual([6]);
    expect(preview.sampleRows[0]?.[0]).toBe('S-000000');
    expect(preview.listeDato?.dato).toBe('2026-03-01');
  });

  it('stores what the check showed, in file order, with the refused rows said', async () => {
    const { text, expected } = bigList(12_000);
    const { check, summary, sager } = await importText(text);
    expect(check).toMatchObject({ validRows: expected.length, issueCount: 3, removedColumns: ['Barnets CPR'] });
    expect(check.issues.map((i) => i.message)).toEqual([
      'Række 7003: sagsnummer S-000010 findes også i række 13',
      'Række 9003 (sag S-009000): sagsbehandler mangler',
      'Række 8003: kolonnerne »Rådgiver« og »Team« indeholder tilsammen noget, der ligner et CPR-nummer',
    ]);
    expect(summary.rowCount).toBe(expected.length);
    expect(sager.map((s) => s.sagsnummer)).toEqual(expected);
    expect(sager[1]).toMatchObject({ sagstype: '§ 32', sagsbehandler: 'Anne Holm', team: 'Team Nord' });
    expect(Object.values(sager[1]?.dates ?? {})).toEqual(['2026-02-02']);
    expect(JSON.stringify(sager)).not.toMatch(/0101\d\d-?\d{4}/);
    // The hash is the one the stored rows give.
    expect(summary.contentHash).toBe(populationHash(sager));
    // Nothing of the file is left staged once it is imported.
    expect(stagedRows()?.n).toBe(0);
  });

  it('imports without a check first, and a second check of the same mapping stages nothing twice', async () => {
    const { text, expected } = bigList(3_000);
    const file = sent(text);
    const preview = await api.call('population.preview', file);
    const named = { tilsynId, fileName: file.fileName, fil: preview.fil, headerRow: 1, mapping: preview.mapping };
    await api.call('population.check', named);
    await api.call('population.check', named);
    expect(stagedRows()?.n).toBe(expected.length);
    // Another mapping is another check: the first one's rows go.
    const without = preview.mapping.map((m) => (m.header === 'Note' ? { ...m, target: 'ignorer' as const } : m));
    await api.call('population.check', { ...named, mapping: without });
    expect(stagedRows()?.n).toBe(expected.length);
    const summary = await api.call('population.import', { ...named, mapping: without, skipInvalid: true });
    expect(summary.rowCount).toBe(expected.length);
    const sager = await api.call('population.sager', { tilsynId });
    expect(sager.every((s) => Object.keys(s.extra).length === 0)).toBe(true);
  });

  it('imports what one of two overlapping checks staged, whichever lost', async () => {
    const { text, expected } = bigList(2_000);
    const file = sent(text);
    const preview = await api.call('population.preview', file);
    const m1 = { tilsynId, fileName: file.fileName, fil: preview.fil, headerRow: 1, mapping: preview.mapping };
    const without = preview.mapping.map((m) => (m.header === 'Note' ? { ...m, target: 'ignorer' as const } : m));
    const m2 = { ...m1, mapping: without };
    // Two windows checking at once: their slices take turns.
    const [a, b] = await Promise.allSettled([api.call('population.check', m1), api.call('population.check', m2)]);
    expect([a.status, b.status]).toContain('fulfilled');
    for (const r of [a, b]) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    const summary = await api.call('population.import', { ...m1, skipInvalid: true });
    expect(summary.rowCount).toBe(expected.length);
    const sager = await api.call('population.sager', { tilsynId });
    expect(sager.every((s) => Object.keys(s.extra).length === 1)).toBe(true);
  });

  it('takes a header row asked for below the first fifty rows', async () => {
    const above = Array.from({ length: 60 }, (_, i) => `Linje ${i + 1} af forklaringen;;`);
    const text = [...above, 'Sagsnr.;Rådgiver;Team', 'S-1;Anne Holm;Nord', 'S-2;Bo Berg;Syd'].join('\n');
    const file = sent(text);
    const preview = await api.call('population.preview', file);
    const named = { tilsynId, fileName: file.fileName, fil: preview.fil, headerRow: 60, mapping: preview.mapping };
    const mapping = [
      { header: 'Sagsnr.', target: 'sagsnummer' as const },
      { header: 'Rådgiver', target: 'sagsbehandler' as const },
      { header: 'Team', target: 'team' as const },
    ];
    const summary = await api.call('population.import', { ...named, mapping, skipInvalid: false });
    expect(summary.rowCount).toBe(2);
    expect(summary.mapping.map((m) => m.header)).toEqual(['Sagsnr.', 'Rådgiver', 'Team']);
  });

  it('gives the hash of the stored rows whatever their order and characters', async () => {
    // Sagsnumre SQLite and JavaScript order alike, and those they order apart (from U+E000 on, astral ones).
    const piece = fc.constantFrom('A', 'z', '0', '9', '-', 'Ø', 'Ω', '\uE000', '\uFFEE', '😀', '𝟘', 'ﬁ', '·');
    const nummer = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => `S${p.join('')}`);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(nummer, { minLength: 1, maxLength: 25 }), async (numre) => {
        backend.reopen();
        tilsynId = (await api.call('tilsyn.create', validTilsynInput)).id;
        const text = ['Sagsnr.;Rådgiver', ...numre.map((n, i) => `${n};Rådgiver ${i % 3}`)].join('\n');
        const { summary, sager } = await importText(text);
        expect(summary.contentHash).toBe(populationHash(sager));
      }),
      { numRuns: 40 },
    );
  });
});

describe('the import stage', () => {
  const row = (fileRow: number, sagsnummer: string) => ({
    fileRow,
    sagsnummer,
    sagstype: 'Underretning',
    sagsbehandler: 'Anne Holm',
    team: 'Team Nord',
    person: '',
    dates: { modtaget: '2026-01-02' },
    extra: {},
  });

  it('keeps only the finished pass, and lets a given-up one go', () => {
    const stage = createImportStage(backend.db);
    const first = stage.begin();
    first.add([row(2, 'S-1'), row(3, 'S-2')]);
    const second = stage.begin();
    second.add([row(2, 'S-1')]);
    const staged = stage.finish(second);
    expect(staged.count).toBe(1);
    expect([...stage.rows(staged)].map((r) => r.sagsnummer)).toEqual(['S-1']);
    const dropped = stage.begin();
    dropped.add([row(4, 'S-4')]);
    stage.drop(dropped);
    expect(stagedRows()?.n).toBe(1);
    stage.clear();
    expect(stagedRows()?.n).toBe(0);
  });

  it('stores nothing when the rows were let go before the import used them', async () => {
    const stage = createImportStage(backend.db);
    const pass = stage.begin();
    pass.add([row(2, 'S-1'), row(3, 'S-2')]);
    const staged = stage.finish(pass);
    // Another file read while the import waited for its turn.
    stage.clear();
    const population = {
      fileName: 'liste.csv',
      format: 'csv',
      fileHash: 'a'.repeat(64),
      mapping: [],
      removedColumns: [],
      maskedCells: 0,
      skippedRows: [],
      rows: staged,
    };
    expect(() => createPopulationStore(backend.db).replace(tilsynId, population)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('Tjek filen igen') }),
    );
    expect(await api.call('population.get', { tilsynId })).toBeNull();
  });

  it('lets a pass that lost to another go without taking the winner’s rows', () => {
    const stage = createImportStage(backend.db);
    const first = stage.begin();
    first.add([row(2, 'S-1')]);
    const second = stage.begin();
    second.add([row(2, 'S-1'), row(3, 'S-2')]);
    const staged = stage.finish(first);
    expect(() => stage.finish(second)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect([...stage.rows(staged)].map((r) => r.sagsnummer)).toEqual(['S-1']);
    expect(stage.holds(staged)).toBe(true);
  });

  it('refuses in Danish a pass whose file was let go while it ran', () => {
    const stage = createImportStage(backend.db);
    const pass = stage.begin();
    pass.add([row(2, 'S-1')]);
    stage.clear();
    const refused = { code: 'CONFLICT', message: expect.stringContaining('Tjek filen igen') };
    expect(() => pass.add([row(3, 'S-2')])).toThrow(expect.objectContaining(refused));
    expect(() => stage.finish(pass)).toThrow(expect.objectContaining(refused));
    expect(stagedRows()?.n).toBe(0);
  });
});
