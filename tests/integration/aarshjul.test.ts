import { describe, expect, it } from 'vitest';
import { findCprNumbers } from '../../shared/domain/cpr';
import { todayIso } from '../../shared/domain/dates';
import { hookTestApi } from '../support/hooks';
import { pdfText } from '../support/pdf-text';
import { FINISH_AS_OTHER, finishSag, jobCentreRound, lockTilsyn, round as sampledRound } from '../support/scenario';
import { validTilsynInput } from '../support/temp';

// The årshjul (issue #14): rounds planned per enhed and year, where each stands today, and starting one as a tilsyn
// made from the plan. Years are counted from today, so the states hold whenever the suite runs.

const backend = hookTestApi('each', { file: 'aarshjul.db' });
const { api } = backend;
const YEAR = Number(todayIso().slice(0, 4));
const JOB_TEMPLATE_VERSION = 3;

async function team() {
  return api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team' });
}

const round = (enhedId: number, extra: Record<string, unknown> = {}) => ({
  enhedId,
  art: 'loebende' as const,
  titel: 'Løbende tilsyn',
  skabelonVersionId: JOB_TEMPLATE_VERSION,
  form: 'ledelseskontrol' as const,
  stikproeve: { regel: 'pr_sagsbehandler' as const, antal: 1 },
  ansvarlig: 'Teamleder',
  fra: `${YEAR + 1}-03-01`,
  til: `${YEAR + 1}-03-31`,
  ...extra,
});

describe('the årshjul', () => {
  it('plans a series by quarter and a themed round, each with where it stands today', async () => {
    const { id } = await team();
    const { fra: _f, til: _t, ...rest } = round(id);
    const series = await api.call('aarshjul.opretSerie', {
      ...rest,
      aar: YEAR + 1,
      hyppighed: 'kvartal',
      titel: 'Løbende tilsyn',
    });
    expect(series.map((r) => [r.titel, r.fra, r.til, r.state])).toEqual([
      [`Løbende tilsyn – 1. kvartal ${YEAR + 1}`, `${YEAR + 1}-01-01`, `${YEAR + 1}-03-31`, 'planlagt'],
      [`Løbende tilsyn – 2. kvartal ${YEAR + 1}`, `${YEAR + 1}-04-01`, `${YEAR + 1}-06-30`, 'planlagt'],
      [`Løbende tilsyn – 3. kvartal ${YEAR + 1}`, `${YEAR + 1}-07-01`, `${YEAR + 1}-09-30`, 'planlagt'],
      [`Løbende tilsyn – 4. kvartal ${YEAR + 1}`, `${YEAR + 1}-10-01`, `${YEAR + 1}-12-31`, 'planlagt'],
    ]);
    await api.call(
      'aarshjul.opret',
      round(id, {
        art: 'tematiseret',
        titel: 'Tema: plan',
        afsnit: ['forloeb', 'plan'],
        fra: `${YEAR + 1}-05-04`,
        til: `${YEAR + 1}-05-29`,
      }),
    );
    const months = await api.call('aarshjul.opretSerie', {
      ...rest,
      aar: YEAR + 2,
      hyppighed: 'maaned',
      titel: 'Måned',
    });
    expect(months).toHaveLength(12);
    expect(months[1]).toMatchObject({
      fra: `${YEAR + 2}-02-01`,
      til: `${YEAR + 2}-02-${(YEAR + 2) % 4 === 0 ? 29 : 28}`,
    });

    const year = await api.call('aarshjul.aar', { aar: YEAR + 1, enhedId: id });
    expect(year.map((r) => r.titel)).toEqual([
      `Løbende tilsyn – 1. kvartal ${YEAR + 1}`,
      `Løbende tilsyn – 2. kvartal ${YEAR + 1}`,
      'Tema: plan',
      `Løbende tilsyn – 3. kvartal ${YEAR + 1}`,
      `Løbende tilsyn – 4. kvartal ${YEAR + 1}`,
    ]);
    // A round whose last day has passed unstarted is overskredet.
    const late = await api.call('aarshjul.opret', round(id, { fra: `${YEAR - 1}-01-01`, til: `${YEAR - 1}-01-31` }));
    expect(late.state).toBe('overskredet');
  });

  it('starts a planned round as a tilsyn made from the plan, once; then follows the tilsyn to afsluttet', async () => {
    const { id } = await team();
    const planned = await api.call(
      'aarshjul.opret',
      round(id, { art: 'tematiseret', titel: 'Tema: plan', afsnit: ['forloeb', 'plan'] }),
    );
    const tilsyn = await api.call('aarshjul.start', { id: planned.id });
    expect(tilsyn).toMatchObject({
      titel: 'Tema: plan',
      periodeFra: `${YEAR + 1}-03-01`,
      periodeTil: `${YEAR + 1}-03-31`,
      enhedId: id,
      enhed: 'Team Nord',
      form: 'ledelseskontrol',
      skabelonVersionId: JOB_TEMPLATE_VERSION,
      afsnit: ['forloeb', 'plan'],
      formaal: 'Tematiseret runde i årshjulet for Team Nord: 1 sag pr. sagsbehandler, ansvarlig Teamleder.',
      fokus: 'Tema: Borgerens forløb, Borgerens plan (Min Plan / jobplan)',
    });
    const [shown] = await api.call('aarshjul.aar', { aar: YEAR + 1, enhedId: null });
    expect(shown).toMatchObject({ tilsynId: tilsyn.id, state: 'i_gang' });
    await expect(api.call('aarshjul.start', { id: planned.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api.call('aarshjul.ret', { ...round(id), id: planned.id })).rejects.toMatchObject({
      message: 'Runden er startet, og dens tilsyn findes. Ret tilsynet i stedet for planen.',
    });
    await expect(api.call('aarshjul.slet', { id: planned.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('shows the enhed’s tilsyn made outside the årshjul in its year, marked as not planned', async () => {
    const { id } = await team();
    const made = await api.call('tilsyn.create', {
      ...validTilsynInput,
      titel: 'Ekstra runde',
      enhedId: id,
      periodeFra: `${YEAR + 1}-02-01`,
      periodeTil: `${YEAR + 1}-02-28`,
    });
    await api.call('aarshjul.opret', round(id));
    const year = await api.call('aarshjul.aar', { aar: YEAR + 1, enhedId: id });
    expect(year.map((r) => [r.titel, r.uplanlagt ?? false, r.tilsynId])).toEqual([
      ['Ekstra runde', true, made.id],
      ['Løbende tilsyn', false, null],
    ]);
    expect(year[0]?.id).toBe(-made.id);
  });

  it('shows a started round afsluttet when its tilsyn is locked', async () => {
    const { id } = await team();
    const planned = await api.call('aarshjul.opret', round(id, { fra: `${YEAR - 1}-03-01`, til: `${YEAR - 1}-03-31` }));
    const { id: tilsynId } = await api.call('aarshjul.start', { id: planned.id });
    // The started tilsyn gets its sagsliste and sample like any other.
    await api.call('population.addSag', { tilsynId, sag: { sagsnummer: 'J-1', sagsbehandler: 'Karin Lund' } });
    await api.call('stikproeve.draw', {
      tilsynId,
      spec: { method: 'simpel', size: 1, seed: 1, filters: { sagstyper: [], teams: [] } },
      drawnBy: 'Lene',
    });
    const [sag] = await api.call('gennemgang.sager', { tilsynId });
    await finishSag(api, sag?.id ?? 0, FINISH_AS_OTHER);
    expect((await api.call('aarshjul.aar', { aar: YEAR - 1, enhedId: id }))[0]?.state).toBe('overskredet');
    await lockTilsyn(api, tilsynId, { dato: todayIso() });
    expect((await api.call('aarshjul.aar', { aar: YEAR - 1, enhedId: id }))[0]?.state).toBe('afsluttet');
  });

  it('refuses in Danish an enhed that does not exist, dates out of order and a template that is not published', async () => {
    const { id } = await team();
    await expect(api.call('aarshjul.opret', round(9999))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Enheden findes ikke (den kan være slettet eller flettet).',
    });
    await expect(
      api.call('aarshjul.opret', round(id, { fra: `${YEAR + 1}-04-01`, til: `${YEAR + 1}-03-01` })),
    ).rejects.toMatchObject({ fieldErrors: { til: 'Slutdatoen skal ligge på eller efter startdatoen' } });
    const { versionId } = await api.call('skabelon.copy', {
      versionId: JOB_TEMPLATE_VERSION,
      meta: { name: 'Kladde', area: 'beskaeftigelse' },
    });
    await expect(api.call('aarshjul.opret', round(id, { skabelonVersionId: versionId }))).rejects.toMatchObject({
      fieldErrors: { skabelonVersionId: 'Vælg en publiceret skabelon' },
    });
    await expect(api.call('aarshjul.aar', { aar: 1899, enhedId: null })).rejects.toMatchObject({
      message: expect.stringContaining('Året skal ligge mellem 1900 og 2100'),
    });
    await expect(api.call('enheder.slet', { id })).resolves.toBeNull();
  });

  it('masks what it writes into the tilsyn from the plan: a CPR-like number built from a name and a count', async () => {
    const { id } = await api.call('enheder.opret', { navn: 'Team 010190-12', niveau: 'team' });
    const planned = await api.call('aarshjul.opret', round(id, { stikproeve: { regel: 'antal', antal: 34 } }));
    const tilsyn = await api.call('aarshjul.start', { id: planned.id });
    expect(findCprNumbers(tilsyn.formaal)).toEqual([]);
  });

  it('shows coverage: who had a færdig sag reviewed each quarter in the enhed and the teams under it', async () => {
    const afdeling = await api.call('enheder.opret', { navn: 'Myndighed', niveau: 'afdeling' });
    const nord = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: afdeling.id });
    const made = await sampledRound(api, {
      tilsyn: { enhedId: nord.id, periodeFra: `${YEAR - 1}-01-01`, periodeTil: `${YEAR - 1}-03-31` },
      sager: 6,
      caseworkers: ['Anne Holm', 'Bo Nielsen', 'Carla Dam'],
      sample: { size: 2, seed: 3 },
    });
    const [first, second] = made.sager;
    await finishSag(api, first?.id ?? 0);
    const coverage = await api.call('aarshjul.daekning', { enhedId: afdeling.id, aar: YEAR - 1 });
    expect(coverage.parts.map((p) => p.navn)).toEqual(['1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.']);
    const reviewedName = first?.sagsbehandler ?? '';
    expect(coverage.caseworkers.find((r) => r.navn === reviewedName)).toMatchObject({ counts: [1, 0, 0, 0], met: 1 });
    // A sampled sag not yet færdig is not coverage yet; every caseworker of the sagsliste is listed.
    expect(coverage.caseworkers.map((r) => r.navn)).toEqual(['Anne Holm', 'Bo Nielsen', 'Carla Dam']);
    expect(coverage.notReviewed.caseworkers).toHaveLength(2);
    // The drawn sag still under review shows as coming, in its caseworker's quarter.
    const pendingName = second?.sagsbehandler ?? '';
    const pendingRow = coverage.caseworkers.find((r) => r.navn === pendingName);
    expect(pendingRow?.pending[0]).toBe(1);
    expect(second?.id).toBeDefined();
    expect(coverage.roundsWithoutSager).toBe(0);
  });

  it('says how many rounds of the year no longer have their sager, once a round’s case data is deleted', async () => {
    const nord = await team();
    const titel = 'Runde der slettes';
    const made = await sampledRound(api, {
      tilsyn: { titel, enhedId: nord.id, periodeFra: `${YEAR - 1}-01-01`, periodeTil: `${YEAR - 1}-03-31` },
      sager: 4,
      caseworkers: ['Anne Holm', 'Bo Nielsen'],
      sample: { size: 2, seed: 3 },
    });
    for (const sag of made.sager) await finishSag(api, sag.id);
    await lockTilsyn(api, made.tilsynId, { dato: `${YEAR - 1}-04-02` });
    const before = await api.call('aarshjul.daekning', { enhedId: nord.id, aar: YEAR - 1 });
    expect(before.caseworkers.reduce((sum, r) => sum + r.total, 0)).toBe(2);
    await api.call('tilsyn.sletSagsdata', { tilsynId: made.tilsynId, navn: 'Lene', bekraeft: titel });
    const after = await api.call('aarshjul.daekning', { enhedId: nord.id, aar: YEAR - 1 });
    // The names went with the case data; the screen says why the year now counts nobody.
    expect(after.caseworkers).toEqual([]);
    expect(after.roundsWithoutSager).toBe(1);
    expect((await api.call('aarshjul.daekning', { enhedId: nord.id, aar: YEAR - 2 })).roundsWithoutSager).toBe(0);
  });

  it('makes a period report of the enhed’s afsluttede rounds: aggregates, rounds named by their period', async () => {
    const { id } = await team();
    const quarter = async (fra: string, til: string, plan: string[]) => {
      const made = await sampledRound(api, {
        ...jobCentreRound(`Runde med Karin Lund ${fra}`, fra, til, plan),
        tilsyn: {
          titel: `Runde med Karin Lund ${fra}`,
          periodeFra: fra,
          periodeTil: til,
          enhedId: id,
          skabelonVersionId: JOB_TEMPLATE_VERSION,
        },
        finish: FINISH_AS_OTHER,
      });
      await lockTilsyn(api, made.tilsynId, { dato: til });
    };
    await expect(
      api.call('rapport.periode', { enhedId: id, fra: `${YEAR - 1}-01-01`, til: `${YEAR - 1}-12-31` }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('ingen afsluttede runder') });
    await quarter(`${YEAR - 1}-01-01`, `${YEAR - 1}-03-31`, ['nej', 'nej', 'ja', 'ja']);
    await quarter(`${YEAR - 1}-04-01`, `${YEAR - 1}-06-30`, ['ja', 'ja', 'ja', 'nej']);
    const file = await api.call('rapport.periode', { enhedId: id, fra: `${YEAR - 1}-01-01`, til: `${YEAR - 1}-12-31` });
    expect(file.fileName).toBe(`Ledelsestilsyn Team Nord 01.01.${YEAR - 1}–31.12.${YEAR - 1} – periode.pdf`);
    const text = (await pdfText(Buffer.from(file.dataBase64, 'base64'))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`Ledelsestilsyn i Team Nord, 01.01.${YEAR - 1}–31.12.${YEAR - 1}`);
    expect(text).toContain('2 runder i perioden');
    expect(text).toContain('50 % (2 af 4)');
    expect(text).toContain('75 % (3 af 4)');
    // Two caseworkers are fewer than the smallest group (3): the public report does not count them (it would say
    // whose sager the results are).
    expect(text).toContain('vises ikke: der er færre end 3 på sagslisterne, så tallet kunne pege på den enkelte');
    expect(text).not.toContain('2 af 2 sagsbehandlere');
    // With the smallest group at 10, a round of 4 sager shows no figures at all, not even its total.
    await api.call('indstillinger.gem', { kommune: '', forvaltning: '', logo: null, minCell: 10 } as never);
    const small = await api.call('rapport.periode', {
      enhedId: id,
      fra: `${YEAR - 1}-01-01`,
      til: `${YEAR - 1}-12-31`,
    });
    const smallText = (await pdfText(Buffer.from(small.dataBase64, 'base64'))).join('\n').replace(/\s+/g, ' ');
    expect(smallText).not.toMatch(/\d+ % \(\d+ (af \d+|sager)\)/);
    await api.call('indstillinger.gem', { kommune: '', forvaltning: '', logo: null, minCell: 3 } as never);
    // Aggregates only: no round title (a leader may write a name in it), no caseworker, no sagsnummer.
    expect(text).not.toMatch(/Karin|Omar|Runde med/);
    expect(findCprNumbers(text)).toEqual([]);
    // The enhed's name is printed: one that names a caseworker is refused, as in the committee report.
    await api.call('enheder.ret', { id, navn: 'Karin Lunds team', niveau: 'team', foraelderId: null });
    await expect(
      api.call('rapport.periode', { enhedId: id, fra: `${YEAR - 1}-01-01`, til: `${YEAR - 1}-12-31` }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Perioderapporten er et offentligt dokument, og enhedens navn .*»Karin Lund/),
    });
    // A false alarm: the team is named after Lundby, not after Karin Lund.
    await api.call('enheder.ret', { id, navn: 'Team Lund', niveau: 'team', foraelderId: null });
    const year = { enhedId: id, fra: `${YEAR - 1}-01-01`, til: `${YEAR - 1}-12-31` };
    await expect(api.call('rapport.periode', year)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /^Perioderapporten er et offentligt dokument, og enhedens navn har »Lund«.*Årshjul › Perioderapport › Tjek før offentliggørelse/,
      ),
    });
    const [first] = (await api.call('tilsyn.list', {})).filter((t) => t.enhedId === id);
    const lundIn = (c: { passages: { text: string; label: string; textHash: string; ok: boolean }[] }) =>
      c.passages.find((p) => p.text === 'Lund' && p.label.startsWith('Enhed'));
    // Marked in a round's team note only: the committee's readers are others, so it does not count here.
    const inNote = lundIn(await api.call('rapport.tjek', { tilsynId: first?.id ?? 0, dokument: 'team' }));
    const mark = { textHash: inNote?.textHash ?? '', start: 5, end: 9 };
    await api.call('rapport.marker', { tilsynId: first?.id ?? 0, dokument: 'team', ...mark, ok: true });
    expect(lundIn(await api.call('rapport.tjek', { tilsynId: first?.id ?? 0, dokument: 'udvalg' }))?.ok).toBe(false);
    await expect(api.call('rapport.periode', year)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Marked in the round's committee check, where the same text stands, the period report is made.
    await api.call('rapport.marker', { tilsynId: first?.id ?? 0, dokument: 'udvalg', ...mark, ok: true });
    expect(lundIn(await api.call('rapport.periodeTjek', year))?.ok).toBe(true);
    const made = await api.call('rapport.periode', year);
    expect((await pdfText(Buffer.from(made.dataBase64, 'base64'))).join(' ')).toContain('Team Lund');
    // The mark belongs to that text: another name with »Lund« in it is checked again.
    await api.call('enheder.ret', { id, navn: 'Team Lund Nord', niveau: 'team', foraelderId: null });
    await expect(api.call('rapport.periode', year)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets the leader mark a passage in the period report’s own check: an afdeling’s name is in no round', async () => {
    const afdeling = await api.call('enheder.opret', { navn: 'Myndighed Lund', niveau: 'afdeling' });
    const nord = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: afdeling.id });
    const made = await sampledRound(api, {
      ...jobCentreRound('Første kvartal', `${YEAR - 1}-01-01`, `${YEAR - 1}-03-31`, ['ja', 'nej', 'ja', 'ja']),
      tilsyn: {
        titel: 'Første kvartal',
        periodeFra: `${YEAR - 1}-01-01`,
        periodeTil: `${YEAR - 1}-03-31`,
        enhedId: nord.id,
        skabelonVersionId: JOB_TEMPLATE_VERSION,
      },
      finish: FINISH_AS_OTHER,
    });
    await lockTilsyn(api, made.tilsynId, { dato: `${YEAR - 1}-04-02` });
    const year = { enhedId: afdeling.id, fra: `${YEAR - 1}-01-01`, til: `${YEAR - 1}-12-31` };
    await expect(api.call('rapport.periode', year)).rejects.toMatchObject({ code: 'CONFLICT' });
    const check = await api.call('rapport.periodeTjek', year);
    expect(check.unresolved).toBe(1);
    const [lund] = check.passages;
    expect(lund).toMatchObject({ text: 'Lund', label: 'Enhedens navn', place: { screen: 'enheder' }, ok: false });
    const ref = { textHash: lund?.textHash ?? '', start: lund?.start ?? 0, end: lund?.end ?? 0 };
    const marked = await api.call('rapport.periodeMarker', { ...year, ...ref, ok: true });
    expect(marked.unresolved).toBe(0);
    // Kept for the enhed: another period's report of it is made too, and the file keeps it after a restart.
    backend.reopen();
    await api.call('rapport.periode', year);
    expect((await api.call('rapport.periodeTjek', { ...year, til: `${YEAR - 1}-06-30` })).unresolved).toBe(0);
    // A mark for a passage the check does not find, or a CPR-like number, is refused as for a round.
    await expect(api.call('rapport.periodeMarker', { ...year, ...ref, start: 0, ok: true })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // Merged into another afdeling, its marks go along (a mark belongs to a text: the same name is marked there).
    const other = await api.call('enheder.opret', { navn: 'Myndighed Øst', niveau: 'afdeling' });
    await api.call('enheder.flet', { fraId: afdeling.id, tilId: other.id });
    await api.call('enheder.ret', { id: other.id, navn: 'Myndighed Lund', niveau: 'afdeling', foraelderId: null });
    const merged = { ...year, enhedId: other.id };
    expect((await api.call('rapport.periodeTjek', merged)).unresolved).toBe(0);
    // Taken back, the report waits again.
    await api.call('rapport.periodeMarker', { ...merged, ...ref, ok: false });
    await expect(api.call('rapport.periode', merged)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
