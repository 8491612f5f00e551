import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { APPLICATION_ID, openDatabase } from '../../db/open';
import { flattenTree, unitTree } from '../../shared/domain/enhed';
import { openTestApi, type TestApi } from '../support/api';
import { hookTestApi } from '../support/hooks';
import { FINISH_AS_OTHER, jobCentreRound, lineage } from '../support/scenario';
import { makeTempDir, validTilsynInput } from '../support/temp';

// Enheder (issue #14): forvaltning → afdeling → team in the file; a tilsyn belongs to one, so two teams on one
// template never share a development line; tilsyn from before enheder get one per name, for the leader to confirm.

const backend = hookTestApi('each', { file: 'enheder.db' });
const { api } = backend;

const paths = async () => flattenTree(unitTree(await api.call('enheder.list', {}))).map((n) => n.path);

async function afdelingWithTeams() {
  const forvaltning = await api.call('enheder.opret', { navn: 'Børn og Unge', niveau: 'forvaltning' });
  const afdeling = await api.call('enheder.opret', {
    navn: 'Myndighed',
    niveau: 'afdeling',
    foraelderId: forvaltning.id,
  });
  const nord = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: afdeling.id });
  const syd = await api.call('enheder.opret', { navn: 'Team Syd', niveau: 'team', foraelderId: afdeling.id });
  return { forvaltning, afdeling, nord, syd };
}

describe('enheder', () => {
  it('keeps a tree, one name once under a parent (case, width and spaces aside), the same name elsewhere', async () => {
    const { forvaltning, afdeling } = await afdelingWithTeams();
    for (const navn of ['team nord', '  TEAM   NORD ', 'Ｔｅａｍ Ｎｏｒｄ'])
      await expect(api.call('enheder.opret', { navn, niveau: 'team', foraelderId: afdeling.id })).rejects.toMatchObject(
        {
          code: 'CONFLICT',
          fieldErrors: {
            navn: `Der findes allerede en enhed, der hedder »${navn.trim()}«, på det sted. Er det den samme, så flet de to`,
          },
        },
      );
    // Characters that show nothing do not make a second »Team Nord« (zero-width space, soft hyphen, word joiner).
    for (const navn of ['Team \u200bNord', 'Team N\u00adord', 'Team\u2060 Nord', '\u200eTeam Nord'])
      await expect(api.call('enheder.opret', { navn, niveau: 'team', foraelderId: afdeling.id })).rejects.toMatchObject(
        { code: 'CONFLICT' },
      );
    const other = await api.call('enheder.opret', {
      navn: 'Jobcenter',
      niveau: 'afdeling',
      foraelderId: forvaltning.id,
    });
    await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: other.id });
    expect(await paths()).toEqual([
      'Børn og Unge',
      'Børn og Unge › Jobcenter',
      'Børn og Unge › Jobcenter › Team Nord',
      'Børn og Unge › Myndighed',
      'Børn og Unge › Myndighed › Team Nord',
      'Børn og Unge › Myndighed › Team Syd',
    ]);
  });

  it('refuses a team above an afdeling, an enhed under itself, and a path sign in a name, in Danish', async () => {
    const { forvaltning, afdeling, nord } = await afdelingWithTeams();
    await expect(
      api.call('enheder.opret', { navn: 'Gruppe', niveau: 'afdeling', foraelderId: nord.id }),
    ).rejects.toMatchObject({ message: 'En afdeling kan ikke ligge under et team.' });
    await expect(
      api.call('enheder.ret', {
        id: forvaltning.id,
        navn: 'Børn og Unge',
        niveau: 'forvaltning',
        foraelderId: afdeling.id,
      }),
    ).rejects.toMatchObject({
      message: 'En enhed kan ikke ligge under sig selv eller under en af sine egne underenheder.',
    });
    await expect(
      api.call('enheder.ret', { id: afdeling.id, navn: 'Myndighed', niveau: 'team', foraelderId: forvaltning.id }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^»Team Nord« ligger under enheden/) });
    await expect(api.call('enheder.opret', { navn: 'A › B', niveau: 'team' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Navnet må ikke indeholde »›«'),
    });
  });

  it('puts a tilsyn in the enhed its typed name or path names, or in a new one; says so when two share a name', async () => {
    const { afdeling, nord } = await afdelingWithTeams();
    const a = await api.call('tilsyn.create', { ...validTilsynInput, enhed: '  team nord ' });
    expect(a).toMatchObject({ enhedId: nord.id, enhed: 'Team Nord' });
    const fresh = await api.call('tilsyn.create', { ...validTilsynInput, enhed: 'Familieafsnittet' });
    expect(fresh.enhedId).not.toBe(nord.id);
    expect(await paths()).toContain('Familieafsnittet');

    const job = await api.call('enheder.opret', { navn: 'Jobcenter', niveau: 'afdeling' });
    await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: job.id });
    await expect(api.call('tilsyn.create', { ...validTilsynInput, enhed: 'Team Nord' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: {
        enhed:
          'Flere enheder hedder »Team Nord«: vælg en af dem (»Børn og Unge › Myndighed › Team Nord«, »Jobcenter › Team Nord«).',
      },
    });
    // A path may leave out the levels above: »Myndighed« lies under »Børn og Unge«.
    expect(await api.call('tilsyn.create', { ...validTilsynInput, enhed: 'Myndighed › Team Nord' })).toMatchObject({
      enhedId: nord.id,
    });
    const byPath = await api.call('tilsyn.create', { ...validTilsynInput, enhed: 'Jobcenter › team nord' });
    expect(byPath.enhed).toBe('Team Nord');
    expect(byPath.enhedId).not.toBe(nord.id);
    const chosen = await api.call('tilsyn.create', { ...validTilsynInput, enhed: 'skrevet', enhedId: afdeling.id });
    expect(chosen).toMatchObject({ enhedId: afdeling.id, enhed: 'Myndighed' });
  });

  it('renames its tilsyn with it; merges two names for one team; deletes only an empty one', async () => {
    const { afdeling, nord, syd } = await afdelingWithTeams();
    const t = await api.call('tilsyn.create', { ...validTilsynInput, enhedId: syd.id });
    await api.call('enheder.ret', { id: syd.id, navn: 'Team Syd og Vest', niveau: 'team', foraelderId: afdeling.id });
    expect((await api.call('tilsyn.get', { id: t.id })).enhed).toBe('Team Syd og Vest');
    await expect(api.call('enheder.slet', { id: syd.id })).rejects.toMatchObject({
      message:
        '»Team Syd og Vest« har tilsyn, underenheder, runder i årshjulet, mål eller sagslister i sagsoverblikket. Flyt dem eller flet enheden med en anden i stedet.',
    });
    await api.call('enheder.flet', { fraId: syd.id, tilId: nord.id });
    expect(await api.call('tilsyn.get', { id: t.id })).toMatchObject({ enhedId: nord.id, enhed: 'Team Nord' });
    expect(await paths()).not.toContain('Børn og Unge › Myndighed › Team Syd og Vest');
    await expect(api.call('enheder.flet', { fraId: afdeling.id, tilId: nord.id })).rejects.toMatchObject({
      message: '»Team Nord« ligger under »Myndighed«: flyt den op, før de flettes.',
    });
    const empty = await api.call('enheder.opret', { navn: 'Tom', niveau: 'team' });
    await api.call('enheder.slet', { id: empty.id });
    expect(await paths()).not.toContain('Tom');
  });

  it('lists the caseworkers and sagstyper seen in each enhed’s sagslister', async () => {
    const { nord } = await afdelingWithTeams();
    await lineage(api, [
      {
        ...jobCentreRound('Første', '2026-01-01', '2026-03-31', ['ja', 'ja']),
        tilsyn: { enhedId: nord.id, skabelonVersionId: 3 },
      },
    ]);
    const unit = (await api.call('enheder.list', {})).find((u) => u.id === nord.id);
    expect(unit).toMatchObject({ tilsyn: 1, sagsbehandlere: ['Karin Lund', 'Omar Said'] });
    // The pickers ask for the tree alone: the same enheder and counts, without reading every sagsliste.
    const light = (await api.call('enheder.list', { medSagslister: false })).find((u) => u.id === nord.id);
    expect(light).toMatchObject({ id: nord.id, navn: 'Team Nord', tilsyn: 1, sagsbehandlere: [], sagstyper: [] });
  });
});

describe('development per enhed', () => {
  it('never mixes two teams on one template, and joins them when they are merged', async () => {
    const { nord, syd } = await afdelingWithTeams();
    const team = (enhedId: number, titel: string, from: string, to: string, plan: string[], baseline = false) => ({
      ...jobCentreRound(titel, from, to, plan),
      tilsyn: { titel, periodeFra: from, periodeTil: to, skabelonVersionId: 3, enhedId },
      finish: FINISH_AS_OTHER,
      baseline,
    });
    const [, , , current] = await lineage(api, [
      team(nord.id, 'Nord 1', '2026-01-01', '2026-03-31', ['nej', 'nej'], true),
      team(syd.id, 'Syd 1', '2026-01-01', '2026-03-31', ['ja', 'ja'], true),
      team(syd.id, 'Syd 2', '2026-04-01', '2026-06-30', ['ja', 'ja']),
      team(nord.id, 'Nord 2', '2026-04-01', '2026-06-30', ['ja', 'nej']),
    ]);
    const trend = async () =>
      ((await api.call('resultater.get', { tilsynId: current?.tilsynId ?? 0 })).trends['plan.aktuel'] ?? []).map(
        (p) => p.titel,
      );
    expect(await trend()).toEqual(['Nord 1', 'Nord 2']);
    await api.call('enheder.flet', { fraId: syd.id, tilId: nord.id });
    expect(await trend()).toEqual(['Nord 1', 'Syd 1', 'Syd 2', 'Nord 2']);
  });
});

describe('tilsyn from before enheder', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let t: TestApi | undefined;
  afterEach(() => {
    t?.close();
    temp?.cleanup();
  });

  it('get one enhed per name (case and outer spaces aside), at the top and marked for the leader to confirm', async () => {
    temp = makeTempDir();
    const path = join(temp.dir, 'gammel.db');
    const before = MIGRATIONS.findIndex((m) => m.tag === '0013_enheder');
    const raw = new Database(path);
    for (const m of MIGRATIONS.slice(0, before))
      for (const statement of m.sql.split('--> statement-breakpoint')) if (statement.trim()) raw.exec(statement);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${before}`);
    const add = raw.prepare(
      `INSERT INTO tilsyn (titel, periode_fra, periode_til, enhed, form, formaal, oprettet, aendret)
       VALUES (?, '2026-01-01', '2026-03-31', ?, 'ledelseskontrol', 'Formål', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')`,
    );
    add.run('A', 'Team Nord');
    add.run('B', ' team nord');
    add.run('C', 'Jobcenter, team Ressource');
    // Danish letters in both cases, and a no-break space: SQLite's lower() alone would make three of these.
    add.run('D', 'Team Øst');
    add.run('E', 'TEAM ØST');
    add.run('F', 'team\u00a0øst');
    raw.close();

    openDatabase(path).close();
    t = openTestApi({ dir: temp.dir, file: 'gammel.db' });
    const units = await t.api.call('enheder.list', {});
    expect(units.map((u) => [u.navn.toLowerCase(), u.niveau, u.foraelderId, u.bekraeftet, u.tilsyn]).sort()).toEqual([
      ['jobcenter, team ressource', 'team', null, false, 1],
      ['team nord', 'team', null, false, 2],
      ['team øst', 'team', null, false, 3],
    ]);
    // The place it is kept under is the key the app checks new names with: a fourth spelling is refused.
    await expect(t.api.call('enheder.opret', { navn: 'TEAM øst', niveau: 'team' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const tilsyn = await t.api.call('tilsyn.list', {});
    expect(new Set(tilsyn.filter((x) => ['A', 'B'].includes(x.titel)).map((x) => x.enhedId)).size).toBe(1);
    expect(new Set(tilsyn.filter((x) => ['D', 'E', 'F'].includes(x.titel)).map((x) => x.enhedId)).size).toBe(1);
    // Confirming is saving it as it is, or moved under its afdeling.
    const nord = units.find((u) => u.navn.toLowerCase() === 'team nord');
    const saved = await t.api.call('enheder.ret', {
      id: nord?.id ?? 0,
      navn: 'Team Nord',
      niveau: 'team',
      foraelderId: null,
    });
    expect(saved.bekraeftet).toBe(true);
  });

  it('fold a file’s case variants of Danish names that an earlier version split, unless one holds more', async () => {
    temp = makeTempDir();
    const path = join(temp.dir, 'splittet.db');
    const tag = (name: string) => MIGRATIONS.findIndex((m) => m.tag === name);
    const run = (db: Database.Database, from: number, to: number) => {
      for (const m of MIGRATIONS.slice(from, to))
        for (const statement of m.sql.split('--> statement-breakpoint')) if (statement.trim()) db.exec(statement);
    };
    const raw = new Database(path);
    run(raw, 0, tag('0013_enheder'));
    const add = raw.prepare(
      `INSERT INTO tilsyn (titel, periode_fra, periode_til, enhed, form, formaal, oprettet, aendret)
       VALUES (?, '2026-01-01', '2026-03-31', ?, 'ledelseskontrol', 'Formål', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')`,
    );
    for (const [titel, enhed] of [
      ['A', 'Team Øst'],
      ['B', 'team øst'],
      ['C', 'Ældreteam'],
      ['D', 'ældreteam'],
      ['E', 'Team Åby'],
    ])
      add.run(titel, enhed);
    // As the version before this fix migrated it: five names, five enheder.
    run(raw, tag('0013_enheder'), tag('0030_enhed_danish_case'));
    expect(raw.prepare('SELECT count(*) AS n FROM enhed').get()).toEqual({ n: 5 });
    // Coverage figures from a colleague's pakke were filed under one »ældreteam« spelling: that one is hers to merge.
    const held = raw.prepare(`SELECT id FROM enhed WHERE navn = 'ældreteam'`).get() as { id: number };
    raw
      .prepare(
        `INSERT INTO daekning_tal (enhed_id, fra, til, kilde_fil, beregnet, sagsbehandlere, sagsbehandlere_daekket,
           sagstyper, sagstyper_daekket, runder, runder_uden_sager)
         VALUES (?, '2026-01-01', '2026-12-31', 'team.tilsyn', 'x', 4, 3, 2, 2, 1, 0)`,
      )
      .run(held.id);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${tag('0030_enhed_danish_case')}`);
    raw.close();

    openDatabase(path).close();
    t = openTestApi({ dir: temp.dir, file: 'splittet.db' });
    const units = await t.api.call('enheder.list', {});
    expect(units.map((u) => [u.navn, u.tilsyn]).sort()).toEqual([
      ['Team Åby', 1],
      ['Team Øst', 2],
      ['Ældreteam', 1],
      ['ældreteam', 1],
    ]);
    const tilsyn = await t.api.call('tilsyn.list', {});
    const ost = units.find((u) => u.navn === 'Team Øst');
    expect(
      tilsyn
        .filter((x) => x.enhedId === ost?.id)
        .map((x) => x.titel)
        .sort(),
    ).toEqual(['A', 'B']);
    // The moved tilsyn take the kept enhed's name, as a merge does: reports and pakker name the team one way.
    expect(tilsyn.filter((x) => x.enhedId === ost?.id).map((x) => x.enhed)).toEqual(['Team Øst', 'Team Øst']);
    // The two left apart merge as any two enheder do.
    const [keep, other] = units.filter((u) => u.navn.toLowerCase() === 'ældreteam');
    await t.api.call('enheder.flet', { fraId: other?.id ?? 0, tilId: keep?.id ?? 0 });
    expect((await t.api.call('enheder.list', {})).filter((u) => u.navn.toLowerCase() === 'ældreteam')).toHaveLength(1);
  });
});

describe('the department’s view', () => {
  it('lays the teams under an afdeling side by side: each one’s latest round of the year per template', async () => {
    const { afdeling, nord, syd } = await afdelingWithTeams();
    const team = (enhedId: number, titel: string, from: string, to: string, plan: string[]) => ({
      ...jobCentreRound(titel, from, to, plan),
      tilsyn: { titel, periodeFra: from, periodeTil: to, skabelonVersionId: 3, enhedId },
      finish: FINISH_AS_OTHER,
    });
    await lineage(api, [
      team(nord.id, 'Nord 1', '2026-01-01', '2026-03-31', ['nej', 'nej']),
      team(nord.id, 'Nord 2', '2026-04-01', '2026-06-30', ['ja', 'nej']),
      team(syd.id, 'Syd 1', '2026-01-01', '2026-03-31', ['ja', 'ja']),
      team(syd.id, 'Syd 2026', '2027-01-01', '2027-03-31', ['nej', 'nej']),
    ]);
    const view = await api.call('enheder.sammenlign', { enhedId: afdeling.id, aar: 2026 });
    expect(view.families).toHaveLength(1);
    const [family] = view.families;
    expect(family?.skabelon).toBe('Beskæftigelse – rettidighed');
    // The latest round of 2026 per team; Syd's 2027 round belongs to another year.
    expect(family?.columns.map((c) => [c.enhed, c.titel])).toEqual([
      ['Team Nord', 'Nord 2'],
      ['Team Syd', 'Syd 1'],
    ]);
    const plan = family?.rows.find((r) => r.key === 'plan.aktuel');
    expect(plan?.cells.map((c) => c && [c.met, c.applicable, c.belowTarget])).toEqual([
      [1, 2, true],
      [2, 2, false],
    ]);
    await expect(api.call('enheder.sammenlign', { enhedId: 9999, aar: 2026 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('compares tematiserede rounds theme by theme: a team’s latest theme never hides its others', async () => {
    const { afdeling, nord, syd } = await afdelingWithTeams();
    const team = (enhedId: number, titel: string, from: string, to: string, afsnit: string[] | null) => ({
      ...jobCentreRound(titel, from, to, ['ja', 'nej']),
      tilsyn: { titel, periodeFra: from, periodeTil: to, skabelonVersionId: 3, enhedId, afsnit },
      finish: FINISH_AS_OTHER,
    });
    await lineage(api, [
      team(nord.id, 'Nord hele', '2026-01-01', '2026-03-31', null),
      team(nord.id, 'Nord plan', '2026-04-01', '2026-06-30', ['plan']),
      team(syd.id, 'Syd plan', '2026-07-01', '2026-09-30', ['plan']),
      team(nord.id, 'Nord sagsbehandling', '2026-07-01', '2026-09-30', ['sagsbehandling', 'plan']),
      // Ticked in another order, the same theme; every afsnit ticked is the whole template.
      team(syd.id, 'Syd sagsbehandling', '2026-10-01', '2026-10-31', ['plan', 'sagsbehandling']),
      team(syd.id, 'Syd alle', '2026-11-01', '2026-11-30', [
        'sagsbehandling',
        'forloeb',
        'samtaler',
        'plan',
        'tilbud',
        'rehabilitering',
        'ressourceforloeb',
      ]),
    ]);
    const view = await api.call('enheder.sammenlign', { enhedId: afdeling.id, aar: 2026 });
    const groups = view.families.map((f) => [f.tema, f.columns.map((c) => c.titel)]);
    expect(groups).toHaveLength(3);
    expect(groups).toEqual(
      expect.arrayContaining([
        [null, ['Nord hele', 'Syd alle']],
        ['Borgerens plan (Min Plan / jobplan)', ['Nord plan', 'Syd plan']],
        // Named in the template's order, whichever order the newest round ticked them in.
        [
          'Borgerens plan (Min Plan / jobplan), Sagsbehandling og samlet vurdering',
          ['Nord sagsbehandling', 'Syd sagsbehandling'],
        ],
      ]),
    );
    // A theme's development counts that theme's rounds only.
    const plan = view.families.find((f) => f.tema === 'Borgerens plan (Min Plan / jobplan)');
    expect(plan?.rows.map((r) => r.key).every((k) => k.startsWith('plan.'))).toBe(true);
  });
});
