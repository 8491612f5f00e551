import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { addDays, todayIso } from '../../shared/domain/dates';
import { BOM_TITLE_ROWS, type FixtureName, makeFixtures, XLSX_ROWS } from '../fixtures/make-fixtures';
import { hookTestApi } from '../support/hooks';
import { pdfText } from '../support/pdf-text';
import { type CaseRow, caseListCsv, caseRows, finishSag, lockTilsyn, sampledTilsyn } from '../support/scenario';
import { validTilsynInput } from '../support/temp';

// Sagsoverblik (issue #19): every imported sagsliste is a dated list of an enhed's caseload; two lists give the
// flow between them, the months give stock, inflow and outflow, and the caseload is measured against a måltal.

const backend = hookTestApi('each');
const { api } = backend;

async function team(navn = 'Team Nord') {
  return (await api.call('enheder.opret', { navn, niveau: 'team' })).id;
}

/** Imports a list for the overview alone, as a leader who accepts the suggested columns and the given date. */
async function importList(
  client: ApiClient,
  enhedId: number,
  dato: string,
  list: CaseRow[] | string | Buffer,
  fileName = 'sager.csv',
) {
  const bytes = Buffer.isBuffer(list) ? list : Buffer.from(typeof list === 'string' ? list : caseListCsv(list));
  const file = { enhedId, fileName, dataBase64: bytes.toString('base64') };
  const preview = await client.call('sagsoverblik.preview', file);
  const mapped = { ...file, headerRow: preview.headerRow, mapping: preview.mapping };
  const check = await client.call('sagsoverblik.check', mapped);
  const kept = await client.call('sagsoverblik.importer', { ...mapped, dato, skipInvalid: check.issueCount > 0 });
  return { preview, check, list: kept };
}

/** January: 30 sager, three caseworkers. February: 25 stay (3 of them with another caseworker), 5 closed, 6 new. */
const JANUARY = caseRows(30, { caseworkers: ['Anne Holm', 'Bo Nielsen', 'Søren Ærø'], teams: ['Nord'] });
const FEBRUARY: CaseRow[] = [
  ...JANUARY.slice(5).map((r, i) => (i < 3 ? { ...r, sagsbehandler: 'Anne Holm' } : r)),
  ...caseRows(6, { prefix: '2026-NY', caseworkers: ['Søren Ærø'], teams: ['Nord'] }),
];

describe('two monthly lists of an enhed', () => {
  it('give start, tilgang, afgang, the moves and the end, per caseworker', async () => {
    const enhedId = await team();
    const jan = (await importList(api, enhedId, '2026-01-01', JANUARY)).list;
    const feb = (await importList(api, enhedId, '2026-02-01', FEBRUARY)).list;
    expect([jan.sager, feb.sager]).toEqual([30, 31]);

    const flow = await api.call('sagsoverblik.sammenlign', { fraId: feb.id, tilId: jan.id }); // either order
    expect(flow.fra.dato).toBe('2026-01-01');
    // Rows 6, 7 and 8 were Søren's, Anne's and Bo's: two of them moved to Anne.
    expect(flow.totals).toMatchObject({ start: 30, tilgang: 6, afgang: 5, skiftetSagsbehandler: 2, slut: 31 });
    const soeren = flow.groups?.sagsbehandler.find((g) => g.navn === 'Søren Ærø');
    expect(soeren).toMatchObject({ start: 10, tilgang: 6, slut: 14 });
    for (const g of flow.groups?.sagsbehandler ?? [])
      expect(g.slut).toBe(g.start + g.tilgang - g.afgang + g.flyttetInd - g.flyttetUd);
  });

  it('the months: stock on the 1st, tilgang and afgang to the next list, caseload against the måltal', async () => {
    const enhedId = await team();
    await importList(api, enhedId, '2026-01-01', JANUARY);
    await importList(api, enhedId, '2026-02-02', FEBRUARY);
    await api.call('sagsoverblik.maal', { enhedId, maal: 10, optaelling: 'sager' });
    const view = await api.call('sagsoverblik.maaneder', { enhedId, fra: '2025-12', til: '2026-03' });
    expect(view.months.map((m) => [m.maaned, m.liste?.dato ?? null, m.bestand, m.tilgang, m.afgang])).toEqual([
      ['2025-12', null, null, null, null],
      ['2026-01', '2026-01-01', 30, 6, 5],
      ['2026-02', '2026-02-02', 31, null, null],
      ['2026-03', null, null, null, null],
    ]);
    // February: Søren 14, Anne 10 (exactly the måltal is not over it), Bo 7.
    expect(view.months[2]?.load).toMatchObject({ maal: 10, overMaal: 1, hoejeste: 14, median: 10 });
    expect(view.trend).toMatchObject({ bestandFra: 30, bestandTil: 31, tilgang: 6, afgang: 5 });
    // The month view is for management: no caseworker's name in it.
    expect(JSON.stringify(view)).not.toMatch(/Anne|Holm|Nielsen|Søren/);

    const { lists } = await api.call('sagsoverblik.lister', { enhedId });
    const load = await api.call('sagsoverblik.belastning', { id: lists[1]?.id ?? 0 });
    expect(load.caseworkers).toEqual([
      { navn: 'Søren Ærø', antal: 14, overMaal: true },
      { navn: 'Anne Holm', antal: 10, overMaal: false },
      { navn: 'Bo Nielsen', antal: 7, overMaal: false },
    ]);
  });

  it('a sag that leaves and comes back counts as tilgang, kommet igen', async () => {
    const enhedId = await team();
    const rows = caseRows(4);
    await importList(api, enhedId, '2026-03-01', rows);
    await importList(api, enhedId, '2026-04-01', rows.slice(1));
    await importList(api, enhedId, '2026-05-01', rows);
    const view = await api.call('sagsoverblik.maaneder', { enhedId, fra: '2026-03', til: '2026-05' });
    expect(view.months.map((m) => [m.tilgang, m.afgang, m.kommetIgen])).toEqual([
      [0, 1, 0],
      [1, 0, 1],
      [null, null, null],
    ]);
  });

  it('a list imported later for an earlier month counts the flows again', async () => {
    const enhedId = await team();
    const rows = caseRows(4);
    await importList(api, enhedId, '2026-04-01', rows.slice(1));
    await importList(api, enhedId, '2026-05-01', rows);
    let view = await api.call('sagsoverblik.maaneder', { enhedId, fra: '2026-04', til: '2026-04' });
    expect(view.months[0]?.kommetIgen).toBe(0);
    await importList(api, enhedId, '2026-03-01', rows);
    view = await api.call('sagsoverblik.maaneder', { enhedId, fra: '2026-04', til: '2026-04' });
    expect(view.months[0]).toMatchObject({ tilgang: 1, kommetIgen: 1 });
  });
});

describe('counting personer', () => {
  const csv = [
    'Sagsnr.;Barn-ID;Personnummer;Rådgiver;Sagstype',
    '2026-1;B-7781;010203-1234;Anne Holm;Anbringelse',
    '2026-2;B-7781;010203-1234;Anne Holm;Forebyggende',
    '2026-3;B-9001;020304-2345;Bo Nielsen;Anbringelse',
  ].join('\n');

  it('counts each person once, keeps only a keyed hash of the id, and never the CPR column', async () => {
    const enhedId = await team();
    const { preview, list } = await importList(api, enhedId, '2026-06-01', csv);
    expect(preview.mapping.find((m) => m.header === 'Barn-ID')?.target).toBe('person');
    expect(preview.mapping.find((m) => m.header === 'Personnummer')?.target).toBe('ignorer');
    expect(list).toMatchObject({ sager: 3, personer: 2 });
    await api.call('sagsoverblik.maal', { enhedId, maal: 25, optaelling: 'personer' });
    const load = await api.call('sagsoverblik.belastning', { id: list.id });
    expect(load.counting).toBe('personer');
    expect(load.caseworkers.map((c) => [c.navn, c.antal])).toEqual([
      ['Anne Holm', 1],
      ['Bo Nielsen', 1],
    ]);
    backend.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(backend.path).toString('latin1');
    expect(bytes).not.toContain('B-7781');
    expect(bytes).not.toContain('010203');
  });

  it('falls back to sager, and says so, when a list has no person column', async () => {
    const enhedId = await team();
    const a = (await importList(api, enhedId, '2026-06-01', csv)).list;
    const b = (await importList(api, enhedId, '2026-07-01', caseRows(2))).list;
    await api.call('sagsoverblik.maal', { enhedId, maal: null, optaelling: 'personer' });
    const flow = await api.call('sagsoverblik.sammenlign', { fraId: a.id, tilId: b.id });
    expect(flow).toMatchObject({ counting: 'sager', countingFellBack: true });
    const view = await api.call('sagsoverblik.maaneder', { enhedId, fra: '2026-06', til: '2026-07' });
    expect(view.countedBySager).toBe(1);
    expect(view.months.map((m) => m.counting)).toEqual(['personer', 'sager']);
    expect(view.months[0]?.tilgang).toBeNull(); // no flow between a list counted in personer and one in sager
    expect(view.trend).toBeNull();
  });
});

describe('the remembered columns', () => {
  it('do not pass on »Gem ikke« for a column left out only because that file had CPR numbers in it', async () => {
    const enhedId = await team();
    const dirty = 'Sagsnr.;Sagstype;Rådgiver\nS1;070790-1240;Anna\nS2;080890-1241;Bo\n';
    await importList(api, enhedId, '2026-01-01', dirty);
    const clean = 'Sagsnr.;Sagstype;Rådgiver\nS1;Anbringelse;Anna\nS2;Forebyggende;Bo\n';
    const { preview } = await importList(api, enhedId, '2026-02-01', clean);
    expect(preview.mapping.map((m) => m.target)).toEqual(['sagsnummer', 'sagstype', 'sagsbehandler']);
  });
});

describe('the lists from real exports', () => {
  let dir = '';
  let paths: Record<FixtureName, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tilsyn-oversigt-'));
    paths = await makeFixtures(dir);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('take their date from the lines above the headers, leave the CPR column and the totals line out', async () => {
    const enhedId = await team();
    const bytes = await readFile(paths['bom-title.csv']);
    const { preview, check, list } = await importList(api, enhedId, '2026-03-01', bytes, 'bom-title.csv');
    expect(preview.listeDato).toEqual({ dato: '2026-03-01', kilde: 'linjerne over overskrifterne' });
    expect(check.removedColumns).toEqual(['CPR-nr.']);
    expect(list.sager).toBe(BOM_TITLE_ROWS);
    const xlsx = await readFile(paths['merged-title.xlsx']);
    const april = (await importList(api, enhedId, '2026-04-01', xlsx, 'Sagsliste 01.04.2026.xlsx')).list;
    expect(april.sager).toBe(XLSX_ROWS);
    const flow = await api.call('sagsoverblik.sammenlign', { fraId: list.id, tilId: april.id });
    expect(flow.totals.slut).toBe(XLSX_ROWS);
    expect(flow.totals.start + flow.totals.tilgang - flow.totals.afgang).toBe(XLSX_ROWS);
  });
});

describe("a tilsyn's sagsliste", () => {
  it("is kept as the enhed's list of the day given; a new import takes its place", async () => {
    const { id: tilsynId, enhedId } = await api.call('tilsyn.create', validTilsynInput);
    const file = {
      tilsynId,
      fileName: 'sager.csv',
      dataBase64: Buffer.from(caseListCsv(caseRows(7))).toString('base64'),
    };
    const preview = await api.call('population.preview', file);
    const args = { ...file, headerRow: preview.headerRow, mapping: preview.mapping };
    await api.call('population.import', { ...args, listeDato: '2026-01-05' });
    await api.call('population.import', { ...args, listeDato: '2026-01-06' });
    const { lists } = await api.call('sagsoverblik.lister', { enhedId: enhedId ?? 0 });
    expect(lists.map((l) => [l.dato, l.sager, l.tilsyn?.titel])).toEqual([['2026-01-06', 7, validTilsynInput.titel]]);
    await expect(api.call('sagsoverblik.slet', { id: lists[0]?.id ?? 0 })).rejects.toThrow(
      `Sagslisten hører til tilsynet »${validTilsynInput.titel}«`,
    );
  });
});

describe('a tilsyn moved to another enhed', () => {
  it('takes its list along, and the months of both enheder are counted again', async () => {
    const nord = await team('Team Nord');
    const syd = await team('Team Syd');
    await importList(api, nord, '2026-01-01', JANUARY);
    const created = await api.call('tilsyn.create', { ...validTilsynInput, enhedId: nord });
    const file = {
      tilsynId: created.id,
      fileName: 'sager.csv',
      dataBase64: Buffer.from(caseListCsv(FEBRUARY)).toString('base64'),
    };
    const preview = await api.call('population.preview', file);
    await api.call('population.import', { ...file, headerRow: 0, mapping: preview.mapping, listeDato: '2026-02-01' });
    const q = (enhedId: number) => api.call('sagsoverblik.maaneder', { enhedId, fra: '2026-01', til: '2026-02' });
    expect((await q(nord)).months[0]).toMatchObject({ tilgang: 6, afgang: 5 });
    await api.call('tilsyn.update', { id: created.id, data: { ...validTilsynInput, enhedId: syd } });
    expect((await q(nord)).months.map((m) => m.bestand)).toEqual([30, null]);
    expect((await q(nord)).months[0]?.tilgang).toBeNull();
    expect((await q(syd)).months.map((m) => m.bestand)).toEqual([null, 31]);
  });
});

describe('one list a day, also when enheder and tilsyn move', () => {
  it('refuses to move a tilsyn, or merge an enhed, onto a day its new enhed has a list of', async () => {
    const nord = await team('Team Nord');
    const syd = await team('Team Syd');
    await importList(api, syd, '2026-02-01', JANUARY);
    const created = await api.call('tilsyn.create', { ...validTilsynInput, enhedId: nord });
    const file = {
      tilsynId: created.id,
      fileName: 'sager.csv',
      dataBase64: Buffer.from(caseListCsv(FEBRUARY)).toString('base64'),
    };
    const preview = await api.call('population.preview', file);
    const args = { ...file, headerRow: 0, mapping: preview.mapping };
    await api.call('population.import', { ...args, listeDato: '2026-02-01' });
    await expect(
      api.call('tilsyn.update', { id: created.id, data: { ...validTilsynInput, enhedId: syd } }),
    ).rejects.toThrow('Enheden har allerede en sagsliste fra 01.02.2026 i sagsoverblikket');
    expect((await api.call('tilsyn.get', { id: created.id })).enhedId).toBe(nord);
    await expect(api.call('enheder.flet', { fraId: nord, tilId: syd })).rejects.toThrow(
      'Begge enheder har en sagsliste fra 01.02.2026 i sagsoverblikket.',
    );
    // Imported again without the list's date, the tilsyn's list leaves the overview; then the move goes.
    await api.call('population.import', args);
    expect((await api.call('sagsoverblik.lister', { enhedId: nord })).lists).toEqual([]);
    await api.call('tilsyn.update', { id: created.id, data: { ...validTilsynInput, enhedId: syd } });
  });
});

describe('retention of the lists', () => {
  it('deletes the sager of lists before a day; the months keep stock, flows and caseload without names', async () => {
    const enhedId = await team();
    await importList(api, enhedId, '2026-01-01', JANUARY);
    await importList(api, enhedId, '2026-02-01', FEBRUARY);
    await importList(api, enhedId, '2026-03-01', FEBRUARY.slice(2));
    const before = await api.call('sagsoverblik.maaneder', { enhedId, fra: '2026-01', til: '2026-03' });
    const deleted = await api.call('sagsoverblik.sletSager', { enhedId, foer: '2026-02-15', navn: 'Lene Leder' });
    expect(deleted).toEqual({ lists: 2, sager: 61, nyesteBeholdt: false });
    const count = backend.db.sqlite.prepare('SELECT count(*) AS n FROM oversigt_sag').get() as { n: number };
    expect(count.n).toBe(29);
    const after = await api.call('sagsoverblik.maaneder', { enhedId, fra: '2026-01', til: '2026-03' });
    expect(after.months).toEqual(before.months);
    const { lists } = await api.call('sagsoverblik.lister', { enhedId });
    expect(lists[0]?.sagerSlettet).not.toBeNull();
    const load = await api.call('sagsoverblik.belastning', { id: lists[0]?.id ?? 0 });
    expect(load.caseworkers).toEqual([]);
    expect(load.summary.hoejeste).toBe(10);
    // January to March directly was never counted: the sager to count it from are gone.
    await expect(
      api.call('sagsoverblik.sammenlign', { fraId: lists[0]?.id ?? 0, tilId: lists[2]?.id ?? 0 }),
    ).rejects.toThrow('Vælg to lister, der ligger lige efter hinanden');
    const kept = await api.call('sagsoverblik.sammenlign', { fraId: lists[0]?.id ?? 0, tilId: lists[1]?.id ?? 0 });
    expect(kept).toMatchObject({ groups: null, totals: { start: 30, slut: 31 } });
  });

  it("keeps the newest list's sager, so the next flow can be counted; refuses a day after today", async () => {
    const enhedId = await team();
    await importList(api, enhedId, '2026-01-01', JANUARY);
    await importList(api, enhedId, '2026-02-01', FEBRUARY);
    await expect(
      api.call('sagsoverblik.sletSager', { enhedId, foer: addDays(todayIso(), 1), navn: 'Lene Leder' }),
    ).rejects.toThrow('Datoen kan ikke ligge efter i dag.');
    const deleted = await api.call('sagsoverblik.sletSager', { enhedId, foer: todayIso(), navn: 'Lene Leder' });
    expect(deleted).toEqual({ lists: 1, sager: 30, nyesteBeholdt: true });
    const march = (await importList(api, enhedId, '2026-03-01', FEBRUARY.slice(1))).list;
    const view = await api.call('sagsoverblik.maaneder', { enhedId, fra: '2026-02', til: '2026-03' });
    expect(view.months[0]).toMatchObject({ bestand: 31, tilgang: 0, afgang: 1 });
    expect(march.sager).toBe(30);
  });

  it('keeps the months of a month with two lists, and the personer counted too', async () => {
    const enhedId = await team();
    const withPersons = (rows: CaseRow[]) =>
      [
        'Sagsnr.;Barn-ID;Rådgiver',
        ...rows.map((r, i) => `${r.sagsnummer};B-${Math.floor(i / 2)};${r.sagsbehandler}`),
      ].join('\n');
    await importList(api, enhedId, '2026-01-01', withPersons(JANUARY));
    await importList(api, enhedId, '2026-01-20', withPersons(JANUARY.slice(3)));
    await importList(api, enhedId, '2026-02-01', withPersons(FEBRUARY));
    await api.call('sagsoverblik.maal', { enhedId, maal: 10, optaelling: 'sager' });
    const query = { enhedId, fra: '2026-01', til: '2026-02' };
    const sager = await api.call('sagsoverblik.maaneder', query);
    // Personer were never counted before the sager went: the deletion counts them first.
    await api.call('sagsoverblik.sletSager', { enhedId, foer: '2026-03-01', navn: 'Lene Leder' });
    expect(await api.call('sagsoverblik.maaneder', query)).toEqual(sager);
    expect(sager.months[0]).toMatchObject({ bestand: 30, tilgang: 6, afgang: 5 });
    await api.call('sagsoverblik.maal', { enhedId, maal: 10, optaelling: 'personer' });
    const personer = await api.call('sagsoverblik.maaneder', query);
    expect(personer.months[0]).toMatchObject({ bestand: 15, tilgang: expect.any(Number) });
    expect(personer.months[0]?.afgang).not.toBeNull();
  });

  it("a tilsyn's deleted case-level data takes its list's sager along", async () => {
    const { id: tilsynId, enhedId } = await api.call('tilsyn.create', validTilsynInput);
    const rows = caseRows(2, { caseworkers: ['Frida Nørgaard'] });
    const file = { tilsynId, fileName: 'sager.csv', dataBase64: Buffer.from(caseListCsv(rows)).toString('base64') };
    const preview = await api.call('population.preview', file);
    await api.call('population.import', { ...file, headerRow: 0, mapping: preview.mapping, listeDato: '2026-01-02' });
    const record = await api.call('stikproeve.draw', {
      tilsynId,
      spec: { method: 'simpel', size: 2, seed: 1, spares: 0 },
      drawnBy: 'Lene',
    });
    for (const s of record.sager) await finishSag(api, s.id);
    await lockTilsyn(api, tilsynId, { dato: '2026-04-01' });
    await api.call('tilsyn.sletSagsdata', { tilsynId, navn: 'Lene', bekraeft: validTilsynInput.titel });
    const n = backend.db.sqlite.prepare('SELECT count(*) AS n FROM oversigt_sag').get() as { n: number };
    expect(n.n).toBe(0);
    const { lists } = await api.call('sagsoverblik.lister', { enhedId: enhedId ?? 0 });
    expect(lists[0]).toMatchObject({ sager: 2, sagsbehandlere: 1 });
    expect(lists[0]?.sagerSlettet).not.toBeNull();
  });
});

describe('in the period report and the department view', () => {
  it('go as aggregates: no names, and no caseload of fewer caseworkers than the smallest group', async () => {
    const afdeling = await api.call('enheder.opret', { navn: 'Børn og Familie', niveau: 'afdeling' });
    const nord = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: afdeling.id });
    const syd = await api.call('enheder.opret', { navn: 'Team Syd', niveau: 'team', foraelderId: afdeling.id });
    await importList(api, nord.id, '2026-01-01', JANUARY);
    await importList(api, nord.id, '2026-02-01', FEBRUARY);
    await importList(api, syd.id, '2026-02-01', caseRows(12, { caseworkers: ['Karin Lund', 'Omar Ali'] }));
    await api.call('sagsoverblik.maal', { enhedId: nord.id, maal: 10, optaelling: 'sager' });

    const comparison = await api.call('enheder.sammenlign', { enhedId: afdeling.id, aar: 2026 });
    expect(comparison.caseload.map((c) => [c.enhed, c.months.length])).toEqual([
      ['Team Nord', 2],
      ['Team Syd', 1],
    ]);
    expect(comparison.caseload[0]?.months[1]).toMatchObject({ bestand: 31, sagsbehandlere: 3, andelOverMaal: 1 / 3 });
    // Two caseworkers: the stock would be one's caseload, or the other's by subtraction. Nothing is shown.
    expect(comparison.caseload[1]?.months[0]).toMatchObject({
      bestand: null,
      sagsbehandlere: null,
      gennemsnit: null,
      skjult: true,
    });
    expect(JSON.stringify(comparison.caseload)).not.toMatch(/Anne|Søren|Karin|Omar/);

    const t = await sampledTilsyn(api, { sager: 3, tilsyn: { enhedId: nord.id } });
    for (const s of t.sager) await finishSag(api, s.id);
    await lockTilsyn(api, t.tilsynId, { dato: '2026-04-01' });
    const file = await api.call('rapport.periode', { enhedId: afdeling.id, fra: '2026-01-01', til: '2026-12-31' });
    const text = (await pdfText(Buffer.from(file.dataBase64, 'base64'))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Sagsoverblik');
    expect(text).toContain(
      'Fra januar 2026 til februar 2026 steg antallet af sager fra 30 til 31 (+1). Imellem kom 6 til, og 5 gik.',
    );
    expect(text).toContain(
      'Tallene vises ikke: enheden havde færre end 3 sagsbehandlere, så antallet af sager ville vise den enkeltes.',
    );
    expect(text).not.toContain('01.02.2026 12');
    // An enhed under the afdeling whose name names a caseworker is refused, as the afdeling's own name would be.
    // (Anne Holm is a caseworker of the round's sagsliste.)
    await api.call('enheder.ret', { id: syd.id, navn: 'Anne Holms team', niveau: 'team', foraelderId: afdeling.id });
    await expect(
      api.call('rapport.periode', { enhedId: afdeling.id, fra: '2026-01-01', til: '2026-12-31' }),
    ).rejects.toThrow('en enheds navn har »Anne Holms«');
    expect(text).not.toMatch(/Søren|Karin|Omar|Bo Nielsen/);
  });
});

describe('what the public outputs leave out', () => {
  it('the enhed above a team left out, and a month without caseworkers in a team of one', async () => {
    const afdeling = await api.call('enheder.opret', { navn: 'Børn', niveau: 'afdeling' });
    const ene = await api.call('enheder.opret', { navn: 'Team Ene', niveau: 'team', foraelderId: afdeling.id });
    const stor = await api.call('enheder.opret', { navn: 'Team Stor', niveau: 'team', foraelderId: afdeling.id });
    const alone = caseRows(21, { prefix: 'E', caseworkers: ['Ulla Ulriksen'] });
    await importList(api, ene.id, '2026-01-01', alone);
    // February's list has no caseworker column: its 21 sager are still Ulla's.
    await importList(
      api,
      ene.id,
      '2026-02-01',
      alone.map(({ sagsnummer }) => ({ sagsnummer })),
    );
    const big = caseRows(61, { prefix: 'S', caseworkers: ['A', 'B', 'C', 'D', 'E', 'F'] });
    await importList(api, stor.id, '2026-01-01', big);
    await importList(api, stor.id, '2026-02-01', big);
    await importList(api, afdeling.id, '2026-01-01', [...alone, ...big]);
    await importList(api, afdeling.id, '2026-02-01', [...alone, ...big]);
    const { caseload } = await api.call('enheder.sammenlign', { enhedId: afdeling.id, aar: 2026 });
    const of = (navn: string) => caseload.find((c) => c.enhed === navn)?.months.map((m) => m.bestand);
    expect(of('Team Ene')).toEqual([null, null]);
    expect(of('Team Stor')).toEqual([61, 61]);
    // 82 − 61 would be Ulla's 21: the afdeling's months are left out while a team below is.
    expect(of('Børn')).toEqual([null, null]);
  });
});

describe('enheder and wrong input', () => {
  it('a merge takes the lists along; an enhed with lists is not deleted', async () => {
    const a = await team('Team Nord');
    const b = await team('Team Syd');
    await importList(api, a, '2026-01-01', JANUARY);
    await expect(api.call('enheder.slet', { id: a })).rejects.toThrow('sagslister i sagsoverblikket');
    await api.call('enheder.flet', { fraId: a, tilId: b });
    const { lists } = await api.call('sagsoverblik.lister', { enhedId: b });
    expect(lists).toHaveLength(1);
  });

  it('refuses in Danish: a date after today, lists of two enheder, the same list twice, a file with no sager', async () => {
    const a = await team('Team Nord');
    const b = await team('Team Syd');
    await expect(importList(api, a, addDays(todayIso(), 3), JANUARY)).rejects.toThrow(
      'Sagslistens dato kan ikke ligge efter i dag',
    );
    await expect(importList(api, a, '2026-13-01', JANUARY)).rejects.toThrow();
    const x = (await importList(api, a, '2026-01-01', JANUARY)).list;
    const y = (await importList(api, b, '2026-02-01', FEBRUARY)).list;
    await expect(importList(api, a, '2026-01-01', FEBRUARY, 'igen.csv')).rejects.toThrow(
      'Enheden har allerede en sagsliste fra 01.01.2026 (»sager.csv«, 30 sager). Slet den under Sagsoverblik, hvis den nye skal tælle i stedet.',
    );
    await expect(api.call('sagsoverblik.sammenlign', { fraId: x.id, tilId: y.id })).rejects.toThrow(
      'Vælg to sagslister fra samme enhed.',
    );
    await expect(api.call('sagsoverblik.sammenlign', { fraId: x.id, tilId: x.id })).rejects.toThrow(
      'Vælg to forskellige sagslister.',
    );
    await expect(importList(api, a, '2026-03-01', 'Sagsnr.;Rådgiver\n')).rejects.toThrow(
      'Filen har ingen sager, der kan importeres.',
    );
    await expect(api.call('sagsoverblik.lister', { enhedId: 999 })).rejects.toThrow('Enheden findes ikke');
  });
});
