import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../shared/domain/reports';
import { hookTestApi } from '../support/hooks';
import { sampledTilsyn } from '../support/scenario';
import { validTilsynInput } from '../support/temp';

/** The Excel export of two tilsyn, read back with exceljs. */

const { api } = hookTestApi('all', { file: 'excel.db' });

interface Made {
  tilsynId: number;
  titel: string;
  sager: Record<string, number>;
}
let a: Made;
let b: Made;
let file: GeneratedFile;
let wb: ExcelJS.Workbook;

async function tilsynWithSager(titel: string, numbers: string[], periodeFra: string, periodeTil: string) {
  const { tilsynId, sagId } = await sampledTilsyn(api, {
    tilsyn: { titel, periodeFra, periodeTil },
    sager: numbers.length,
    sagsnummer: (i) => numbers[i - 1] ?? '',
    caseworkers: ['Anne Holm', 'Bo Berg'],
    teams: ['Team Nord', 'Team Syd'],
    opmaerksomhed: (i) => `0${i}-02-2026`,
    sample: { seed: 5 },
  });
  return { tilsynId, titel, sager: sagId };
}

beforeAll(async () => {
  a = await tilsynWithSager('Tilsyn forår 2026', ['A-1', 'A-2', 'A-3'], '2026-01-01', '2026-03-31');
  b = await tilsynWithSager('Tilsyn efterår 2026', ['B-1', 'B-2', 'B-3'], '2026-07-01', '2026-09-30');

  const answer = (sagId: number | undefined, key: string, value: string, extra: object = {}) =>
    api.call('gennemgang.svar', { sagId: sagId ?? 0, key, value, ...extra });
  await answer(a.sager['A-1'], 'afgoerelse.partshoering', 'nej', {
    reason: 'Partshøring ikke dokumenteret',
    note: 'Se notat fra marts',
  });
  // Reasons written to an answer that then changed: kept (they return with it), but no longer shown or printed.
  await answer(a.sager['A-2'], 'afgoerelse.partshoering', 'nej', { reason: 'Skrevet til det tidligere svar' });
  await answer(a.sager['A-2'], 'afgoerelse.partshoering', 'ja');
  await api.call('gennemgang.svar', {
    sagId: a.sager['A-2'] ?? 0,
    key: 'underretning.frist',
    reason: 'Skrevet til beregningen',
  });
  await answer(a.sager['A-3'], 'afgoerelse.partshoering', 'delvist', { reason: 'Kun mor er hørt' });
  await answer(a.sager['A-1'], 'samlet.bemaerkninger', 'En grundig og velskrevet sag');
  await api.call('gennemgang.svar', {
    sagId: a.sager['A-2'] ?? 0,
    key: 'underretning.frist',
    override: { outcome: 'opfyldt', reason: 'Vurderet telefonisk samme dag' },
  });
  await api.call('gennemgang.dato', { sagId: a.sager['A-2'] ?? 0, key: 'afgoerelse', date: '2026-03-15' });
  await answer(b.sager['B-1'], 'afgoerelse.partshoering', 'ja');
  await api.call('gennemgang.fund', {
    sagId: a.sager['A-1'] ?? 0,
    kind: 'laeringspunkt',
    text: 'Partshøringen mangler',
    questionKey: 'afgoerelse.partshoering',
  });
  await api.call('gennemgang.handling', {
    sagId: a.sager['A-1'] ?? 0,
    text: 'Send partshøring',
    ansvarlig: 'Anne Holm',
    frist: '2026-05-01',
  });

  // A sag that left the sample: its rows say »Udgået«, not what its answers would have scored.
  await api.call('stikproeve.exclude', { sagId: b.sager['B-3'] ?? 0, reason: 'kan_ikke_findes', note: '' });

  file = await api.call('eksport.excel', { tilsynIds: [a.tilsynId, b.tilsynId] });
  const bytes = Buffer.from(file.dataBase64, 'base64');
  mkdirSync(join(process.cwd(), 'test-artifacts'), { recursive: true });
  writeFileSync(join(process.cwd(), 'test-artifacts', 'excel-eksport.xlsx'), bytes);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
});

/** The sheet's rows as objects keyed by the header row. */
function rowsOf(name: string): Record<string, ExcelJS.CellValue>[] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} missing`);
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('eksport.excel', () => {
  it('names the file and has every sheet, each with a frozen header row and an autofilter', () => {
    expect(file.fileName).toBe('Tilsyn – 2 tilsyn.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Svar',
      'Resultater',
      'Pr. sagsbehandler',
      'Pr. team',
      'Pr. sagstype',
      'Handlinger',
      'Læring',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it('writes one row per sampled sag and scored or free-text question', async () => {
    const version = await api.call('skabelon.version', { versionId: validTilsynInput.skabelonVersionId });
    const questions = version.content.sections
      .filter((s) => s.active)
      .flatMap((s) => s.questions)
      .filter((q) => q.active && q.answerType !== 'dato').length;
    const rows = rowsOf('Svar');
    // The udgåede sag (B-3) is there too, its rows saying so.
    expect(rows).toHaveLength((3 + 3) * questions);
    expect(rows.filter((r) => r.Tilsyn === a.titel)).toHaveLength(3 * questions);
    expect(new Set(rows.map((r) => r.Sagsnummer))).toEqual(new Set(['A-1', 'A-2', 'A-3', 'B-1', 'B-2', 'B-3']));
  });

  it('puts a known answer, its label, reason and note, and a frist override in the right row', () => {
    const rows = rowsOf('Svar');
    const find = (nr: string, key: string) => rows.find((r) => r.Sagsnummer === nr && r.Nøgle === key);
    expect(find('A-1', 'afgoerelse.partshoering')).toMatchObject({
      Tilsyn: a.titel,
      Skabelon: 'Børn og unge – overordnet',
      Version: 1,
      Afsnit: 'Afgørelse',
      // Numbered as the review and the results number it (5.1 is the question about anbringelse).
      'Nr.': '5.2',
      Spørgsmål: 'Er der foretaget partshøring før afgørelsen?',
      Kategori: 'Lovmedholdelighed',
      Sagstype: 'Barn',
      Sagsbehandler: 'Anne Holm',
      Team: 'Team Nord',
      Sagsstatus: 'I gang',
      Svar: 'Nej',
      Resultat: 'Ikke opfyldt',
      Begrundelse: 'Partshøring ikke dokumenteret',
      Note: 'Se notat fra marts',
    });
    expect(find('A-3', 'afgoerelse.partshoering')).toMatchObject({ Svar: 'Delvist', Resultat: 'Delvist' });
    expect(find('A-1', 'samlet.bemaerkninger')).toMatchObject({ Svar: 'En grundig og velskrevet sag', Resultat: null });
    expect(find('A-2', 'afgoerelse.partshoering')).toMatchObject({ Svar: 'Ja', Begrundelse: null });
    expect(find('A-2', 'underretning.frist')).toMatchObject({
      Begrundelse: null,
      Resultat: 'Opfyldt',
      'Tilsidesat frist': 'Opfyldt',
      'Begrundelse for tilsidesættelse': 'Vurderet telefonisk samme dag',
    });
    expect(find('B-2', 'afgoerelse.partshoering')).toMatchObject({ Svar: 'Ikke besvaret', Resultat: 'Ikke besvaret' });
    // Anbringelse applies only after a Ja to afgørelse om anbringelse: not asked, which is not the answer
    // »Ikke relevant« (that one the Resultater sheet counts in its own column).
    expect(find('B-2', 'anbringelse.grundlag')).toMatchObject({ Resultat: 'Ikke stillet for sagen' });
  });

  it('writes dates as real Excel dates shown dd.mm.yyyy', () => {
    const ws = wb.getWorksheet('Svar');
    const row = rowsOf('Svar').find((r) => r.Sagsnummer === 'A-2' && r.Nøgle === 'afgoerelse.partshoering');
    expect(row?.['Periode fra']).toEqual(utc('2026-01-01'));
    expect(row?.['Periode til']).toEqual(utc('2026-03-31'));
    expect(row?.['Kommunen blev opmærksom på behov']).toBeInstanceOf(Date);
    expect(row?.['Afgørelsen om indsats blev truffet']).toEqual(utc('2026-03-15'));
    expect(ws?.getCell('B2').numFmt).toBe('dd.mm.yyyy');
    expect(ws?.getCell('B2').value).toBeInstanceOf(Date);
  });

  it('has results that match resultater.get, with shares as percentages', async () => {
    const rows = rowsOf('Resultater');
    for (const made of [a, b]) {
      const { results } = await api.call('resultater.get', { tilsynId: made.tilsynId });
      const mine = rows.filter((r) => r.Tilsyn === made.titel);
      expect(mine).toHaveLength(results.measures.length);
      for (const m of results.measures) {
        const row = mine.find((r) => r.Nøgle === m.key);
        expect(row).toMatchObject({
          Opfyldt: m.met,
          'Relevante sager': m.applicable,
          'Andel opfyldt': m.share,
          Måltal: m.target === null ? null : m.target / 100,
          'Under måltal': m.belowTarget === null ? null : m.belowTarget ? 'Ja' : 'Nej',
        });
      }
    }
    // Each result row names the skabelon and version whose questions it counts.
    expect(rows.every((r) => typeof r.Skabelon === 'string' && (r.Skabelon as string).length > 0)).toBe(true);
    expect(rows.every((r) => typeof r.Version === 'number')).toBe(true);
    // The udgåede sag's answers.
    const left = rowsOf('Svar').filter((r) => r.Sagsnummer === 'B-3');
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((r) => r.Resultat === 'Udgået' && r.Sagsstatus === 'Udgået')).toBe(true);
    const partshoering = rows.find((r) => r.Tilsyn === a.titel && r.Nøgle === 'afgoerelse.partshoering');
    expect(partshoering).toMatchObject({ Opfyldt: 1, 'Relevante sager': 3, 'Under måltal': 'Ja', Delvist: 1 });
    // The same numbering as the answers sheet.
    const answers = rowsOf('Svar').filter((r) => r.Tilsyn === a.titel && r.Sagsnummer === 'A-1');
    for (const r of rows.filter((x) => x.Tilsyn === a.titel))
      expect(answers.find((x) => x.Nøgle === r.Nøgle)?.['Nr.']).toBe(r['Nr.']);
    const ws = wb.getWorksheet('Resultater');
    if (!ws) throw new Error('sheet Resultater missing');
    const col = (ws.getRow(1).values as ExcelJS.CellValue[]).indexOf('Andel opfyldt');
    expect(ws.getRow(2).getCell(col).numFmt).toBe('0.0%');
  });

  it('breaks the results down per caseworker, team and case type, and lists handlinger and læring', () => {
    const perCaseworker = rowsOf('Pr. sagsbehandler').filter(
      (r) => r.Tilsyn === a.titel && r.Nøgle === 'afgoerelse.partshoering',
    );
    expect(perCaseworker.map((r) => [r.Sagsbehandler, r.Opfyldt, r['Relevante sager']])).toEqual([
      ['Anne Holm', 0, 2],
      ['Bo Berg', 1, 1],
    ]);
    expect(rowsOf('Pr. team').some((r) => r.Team === 'Team Syd')).toBe(true);
    expect(rowsOf('Pr. sagstype').every((r) => r.Sagstype === 'Barn')).toBe(true);
    expect(rowsOf('Handlinger')).toEqual([
      expect.objectContaining({
        Tilsyn: a.titel,
        Sagsnummer: 'A-1',
        Handling: 'Send partshøring',
        Ansvarlig: 'Anne Holm',
        Frist: utc('2026-05-01'),
        Status: 'Åben',
      }),
    ]);
    expect(rowsOf('Læring')).toEqual([
      expect.objectContaining({
        Sagsnummer: 'A-1',
        Art: 'Læringspunkt',
        Tekst: 'Partshøringen mangler',
        Spørgsmål: 'Er der foretaget partshøring før afgørelsen?',
      }),
    ]);
  });

  it('names a single tilsyn export after it, and refuses a tilsyn that does not exist', async () => {
    const one = await api.call('eksport.excel', { tilsynIds: [b.tilsynId, b.tilsynId] });
    expect(one.fileName).toBe(`Tilsyn – ${b.titel}.xlsx`);
    await expect(api.call('eksport.excel', { tilsynIds: [a.tilsynId, 9999] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
