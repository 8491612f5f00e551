import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../support/api';
import { bytesOf, indlaes, lockedRound, numbers, withoutCoverage } from '../support/bundles';
import { pdfText } from '../support/pdf-text';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from '../support/scenario';

// Resultatpakker (issue #15): a leader's afsluttede rounds go to the department's file as one file; there they are
// the enhed's rounds with the same results, the same pakke twice changes nothing, and a changed pakke is refused.

let leader: TestApi;
let department: TestApi;
beforeEach(() => {
  leader = openTestApi({ prefix: 'tilsyn-pakke-leder-' });
  department = openTestApi({ prefix: 'tilsyn-pakke-afdeling-' });
});
afterEach(() => {
  leader.close();
  department.close();
});

const JOB = 3;

describe('a resultatpakke', () => {
  it('takes an afsluttet round to the department: the same results, its enhed placed by its path', async () => {
    const made = await lockedRound(leader.api);
    const pakke = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    expect(pakke.fileName).toBe('Resultater Team Nord 01.01.2026–31.03.2026.tilsyn');
    const result = await indlaes(department.api, pakke);
    expect(result).toMatchObject({
      runder: { ny: 1, opdateret: 0, uaendret: 0 },
      enheder: ['Jobcenter Vest', 'Team Nord'],
    });
    expect(result.skabeloner).toEqual([]); // the shipped template is there already, found by its content

    const [imported] = await department.api.call('tilsyn.list', {});
    expect(imported).toMatchObject({ status: 'afsluttet', titel: 'Team Nord 01.01.2026–31.03.2026 (indlæst)' });
    const there = await department.api.call('resultater.get', { tilsynId: imported?.id ?? 0 });
    const here = await leader.api.call('resultater.get', { tilsynId: made.tilsynId });
    expect(numbers(there.results)).toEqual(numbers(here.results));
    expect(there.results.overall).toEqual(here.results.overall);
    const units = await department.api.call('enheder.list', {});
    const team = units.find((u) => u.navn === 'Team Nord');
    expect(units.find((u) => u.id === team?.foraelderId)?.navn).toBe('Jobcenter Vest');
    expect(team?.bekraeftet).toBe(false); // for the department's leader to confirm or merge
  });

  it('carries no sagsnummer, caseworker, title or note: aggregates and the templates only', async () => {
    const made = await lockedRound(leader.api);
    const pakke = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    const members = unzipSync(bytesOf(pakke));
    const all = Object.values(members)
      .map((m) => strFromU8(m))
      .join('\n');
    for (const sag of made.sager) expect(all).not.toContain(sag.sagsnummer);
    expect(all).not.toMatch(/Karin|Omar|Lene|Se sagen|Runde med/);
  });

  it('read twice changes nothing and says so; a newer one of the same round brings it up to date', async () => {
    const made = await lockedRound(leader.api);
    const first = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    await indlaes(department.api, first);
    expect(await indlaes(department.api, first)).toMatchObject({ runder: { ny: 0, opdateret: 0, uaendret: 1 } });
    // The leader reopens, answers one sag otherwise, and locks again.
    await leader.api.call('tilsyn.genaabn', {
      tilsynId: made.tilsynId,
      navn: 'Lene',
      begrundelse: 'Et svar var forkert',
    });
    const sag = made.sager[1];
    await leader.api.call('gennemgang.svar', {
      sagId: sag?.id ?? 0,
      key: 'plan.aktuel',
      value: 'ja',
      reason: 'Se sagen',
    });
    await lockTilsyn(leader.api, made.tilsynId, { dato: '2026-04-03' });
    const second = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    expect(await indlaes(department.api, second)).toMatchObject({ runder: { ny: 0, opdateret: 1, uaendret: 0 } });
    const list = await department.api.call('tilsyn.list', {});
    expect(list).toHaveLength(1);
    const there = await department.api.call('resultater.get', { tilsynId: list[0]?.id ?? 0 });
    const here = await leader.api.call('resultater.get', { tilsynId: made.tilsynId });
    expect(numbers(there.results)).toEqual(numbers(here.results));
  });

  it('puts two teams of one afdeling side by side in the department view', async () => {
    const nord = await lockedRound(leader.api, ['ja', 'ja', 'ja', 'nej'], 'Team Nord');
    const syd = await lockedRound(leader.api, ['nej', 'nej', 'ja', 'nej'], 'Team Syd');
    for (const t of [nord, syd])
      await indlaes(department.api, await leader.api.call('pakke.resultater', { tilsynId: t.tilsynId }));
    const units = await department.api.call('enheder.list', {});
    const afdeling = units.find((u) => u.navn === 'Jobcenter Vest');
    const comparison = await department.api.call('enheder.sammenlign', { enhedId: afdeling?.id ?? 0, aar: 2026 });
    expect(comparison.families[0]?.columns.map((c) => c.enhed)).toEqual(['Team Nord', 'Team Syd']);
    const plan = comparison.families[0]?.rows.find((r) => r.key === 'plan.aktuel');
    expect(plan?.cells.map((c) => c?.met)).toEqual([3, 1]);
    // The whole area: the two teams' rounds added up, krav by krav and in the quarter their periods end in.
    const family = comparison.families[0];
    const row = family?.rows.findIndex((r) => r.key === 'plan.aktuel') ?? -1;
    expect(family?.area.rows[row]).toMatchObject({ met: 4, applicable: 8, share: 0.5 });
    const overall = family?.columns.map((c) => c.overall) ?? [];
    expect(family?.area.overall).toMatchObject({
      met: overall.reduce((n, s) => n + s.met, 0),
      applicable: overall.reduce((n, s) => n + s.applicable, 0),
    });
    expect(family?.development.enheder.map((e) => [e.enhed, e.quarters.map((q) => q?.met ?? null)])).toEqual([
      ['Team Nord', [overall[0]?.met, null, null, null]],
      ['Team Syd', [overall[1]?.met, null, null, null]],
    ]);
    expect(family?.development.area[0]).toEqual(family?.area.overall);
  });

  it("make the department's period report, which says what a pakke does not carry", async () => {
    // Pakker made before coverage travelled (see pakker-daekning.test.ts for those that carry it).
    for (const team of ['Team Nord', 'Team Syd']) {
      const t = await lockedRound(leader.api, ['ja', 'nej', 'ja', 'ja'], team);
      await indlaes(
        department.api,
        withoutCoverage(await leader.api.call('pakke.resultater', { tilsynId: t.tilsynId })),
      );
    }
    const afdeling = (await department.api.call('enheder.list', {})).find((u) => u.navn === 'Jobcenter Vest');
    const file = await department.api.call('rapport.periode', {
      enhedId: afdeling?.id ?? 0,
      fra: '2026-01-01',
      til: '2026-12-31',
    });
    const text = (await pdfText(bytesOf(file))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Dækningen kan ikke opgøres: runderne er indlæst fra lederes resultatpakker');
    expect(text).toContain('Ledelsens opfølgningsplaner følger ikke med en resultatpakke; for de 2 indlæste runder');
    // Two teams' rounds: the department's report, the area added up krav by krav.
    expect(file.fileName).toBe('Ledelsestilsyn Jobcenter Vest 01.01.2026–31.12.2026 – samlet rapport.pdf');
    expect(text).toContain('3.1 Har borgeren en aktuel plan, som borgeren har adgang til? 75 % (6 af 8)');
    expect(text).not.toMatch(/Karin|Omar|Runde med/);
  });

  it('of an enhed and a period holds its afsluttede rounds; a round not afsluttet is not sent', async () => {
    const made = await lockedRound(leader.api);
    const pakke = await leader.api.call('pakke.resultater', {
      enhedId: made.enhedId,
      fra: '2026-01-01',
      til: '2026-12-31',
    });
    expect(pakke.fileName).toBe('Resultater Team Nord 01.01.2026–31.12.2026.tilsyn');
    expect((await indlaes(department.api, pakke)).runder.ny).toBe(1);
    await leader.api.call('tilsyn.genaabn', {
      tilsynId: made.tilsynId,
      navn: 'Lene',
      begrundelse: 'Et svar skal rettes',
    });
    await expect(leader.api.call('pakke.resultater', { tilsynId: made.tilsynId })).rejects.toThrow(
      'Kun afsluttede runder kan sendes som resultater. Afslut tilsynet først.',
    );
  });

  it('is refused: changed on the way, read back into its own file, or reopened where it came in', async () => {
    const made = await lockedRound(leader.api);
    const pakke = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    const entries = unzipSync(bytesOf(pakke));
    const rounds = JSON.parse(strFromU8(entries['runder.json'] ?? new Uint8Array()));
    rounds[0].resultater.overall.met = 4;
    entries['runder.json'] = strToU8(JSON.stringify(rounds));
    const changed = { fileName: 'runde.tilsyn', dataBase64: Buffer.from(zipSync(entries)).toString('base64') };
    await expect(indlaes(department.api, changed)).rejects.toThrow(
      '»runde.tilsyn« kan ikke indlæses: »runder.json« passer ikke til sit fingeraftryk. Pakken er ændret eller beskadiget.',
    );
    await expect(indlaes(leader.api, pakke)).rejects.toThrow('er lavet fra netop denne fil');
    await indlaes(department.api, pakke);
    const [imported] = await department.api.call('tilsyn.list', {});
    await expect(
      department.api.call('tilsyn.genaabn', {
        tilsynId: imported?.id ?? 0,
        navn: 'Afdelingsleder',
        begrundelse: 'Test',
      }),
    ).rejects.toThrow(
      'er indlæst fra en resultatpakke, som kun har rundens samlede resultater, så kan den ikke genåbnes her.',
    );
    expect(await department.api.call('tilsyn.list', {})).toHaveLength(1);
  });
});

describe("a local template's round", () => {
  it('brings its template along, into the family of the shipped one it was copied from', async () => {
    const copy = await leader.api.call('skabelon.copy', {
      versionId: JOB,
      meta: { name: 'Vores rettidighed', area: 'beskaeftigelse' },
    });
    // The local copy says more in a help text: another content than the shipped version.
    const draft = await leader.api.call('skabelon.version', { versionId: copy.versionId });
    const content = structuredClone(draft.content);
    const first = content.sections[0]?.questions[0];
    if (first) first.help = 'Se også vores lokale retningslinje for samtaler.';
    await leader.api.call('skabelon.saveDraft', { versionId: copy.versionId, content });
    await leader.api.call('skabelon.publish', { versionId: copy.versionId });
    const units = await leader.api.call('enheder.opret', { navn: 'Team Øst', niveau: 'team' });
    const made = await round(leader.api, {
      ...jobCentreRound('Runde', '2026-04-01', '2026-06-30', ['ja', 'ja']),
      tilsyn: {
        titel: 'Runde',
        periodeFra: '2026-04-01',
        periodeTil: '2026-06-30',
        enhedId: units.id,
        skabelonVersionId: copy.versionId,
      },
      finish: FINISH_AS_OTHER,
    });
    await lockTilsyn(leader.api, made.tilsynId, { dato: '2026-07-01' });
    const pakke = await leader.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    const result = await indlaes(department.api, pakke);
    expect(result.skabeloner).toEqual(['Vores rettidighed']);
    const templates = await department.api.call('skabelon.list', {});
    const placed = templates.find((t) => t.name === 'Vores rettidighed');
    expect(placed).toMatchObject({ kilde: 'importeret' });
    expect(placed?.versions.map((v) => v.status)).toEqual(['publiceret']);
    const family = department.db.sqlite
      .prepare('SELECT k.standard_id AS s FROM skabelon t JOIN skabelon k ON k.id = t.kopi_af WHERE t.id = ?')
      .get(placed?.id ?? 0) as { s: string } | undefined;
    expect(family?.s).toBe(templates.find((t) => t.versions.some((v) => v.id === JOB))?.standardId);
    // Read again: found by its content, not made twice.
    expect((await indlaes(department.api, pakke)).skabeloner).toEqual([]);
    expect((await department.api.call('skabelon.list', {})).filter((t) => t.name === 'Vores rettidighed')).toHaveLength(
      1,
    );
  });
});
