import { describe, expect, it } from 'vitest';
import { hookTestApi } from '../support/hooks';
import { pdfText } from '../support/pdf-text';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, type RoundOptions, round } from '../support/scenario';

// Plans written on Resultater become items of the follow-up list (Handlinger), and the next round's committee report
// shows their status (issue #12).

const backend = hookTestApi('each', { file: 'planer.db' });
const { api } = backend;

/** A job-centre round, every sag færdig. */
const jobRound = (titel: string, periodeFra: string, periodeTil: string, plan: string[]): RoundOptions => ({
  ...jobCentreRound(titel, periodeFra, periodeTil, plan),
  // »Andet forløb«: the questions of no particular period, so the sager need none of the dates left out here.
  finish: FINISH_AS_OTHER,
});

const PLAN = 'Alle planer deles med borgeren inden for en uge; status på teammødet hver måned.';
const assess = (tilsynId: number, key: string, plan: string, frist: string | null) =>
  api.call('resultater.vurdering', { tilsynId, key, vurdering: 'Under måltal.', plan, ansvarlig: 'Teamleder', frist });
const reportText = async (tilsynId: number) => {
  const file = await api.call('rapport.udvalg', { tilsynId });
  return (await pdfText(Buffer.from(file.dataBase64, 'base64'))).join('\n');
};

describe('ledelsens plans, followed up', () => {
  it('lists a plan for a krav beside the handlinger, named by its krav, overdue when its frist has passed', async () => {
    const { tilsynId } = await round(
      api,
      jobRound('Første runde', '2026-01-01', '2026-03-31', ['nej', 'nej', 'nej', 'ja']),
    );
    await assess(tilsynId, 'plan.aktuel', PLAN, '2026-02-01');
    // A vurdering without a plan is not something to follow up.
    await assess(tilsynId, 'samtaler.rettidighed', '', null);
    const plans = (await api.call('handlinger.list', {})).filter((a) => a.origin === 'krav');
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      text: PLAN,
      ansvarlig: 'Teamleder',
      frist: '2026-02-01',
      status: 'aaben',
      overdue: true,
      sagId: null,
      tilsynTitel: 'Første runde',
      questionKey: 'plan.aktuel',
    });
    expect(plans[0]?.krav?.number).toMatch(/^\d+\.\d+$/);
    expect(plans[0]?.krav?.text).toContain('plan');

    const done = await api.call('handlinger.planStatus', { tilsynId, key: 'plan.aktuel', status: 'udfoert' });
    expect(done).toMatchObject({ status: 'udfoert', overdue: false });
    expect((await api.call('resultater.get', { tilsynId })).assessments[0]?.planStatus).toBe('udfoert');
    await expect(
      api.call('handlinger.planStatus', { tilsynId, key: 'samtaler.rettidighed', status: 'udfoert' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the status when the plan text is saved again, follows up after sending, and logs it', async () => {
    const { tilsynId } = await round(
      api,
      jobRound('Første runde', '2026-01-01', '2026-03-31', ['nej', 'nej', 'nej', 'ja']),
    );
    await assess(tilsynId, 'plan.aktuel', PLAN, null);
    await api.call('handlinger.planStatus', { tilsynId, key: 'plan.aktuel', status: 'i_gang' });
    await assess(tilsynId, 'plan.aktuel', `${PLAN} Rettet.`, null);
    expect((await api.call('resultater.get', { tilsynId })).assessments[0]?.planStatus).toBe('i_gang');

    await api.call('tilsyn.afslut', { tilsynId, navn: 'Lene', dato: '2026-04-02' });
    await api.call('rapport.send', { tilsynId, navn: 'Lene' });
    await api.call('handlinger.planStatus', { tilsynId, key: 'plan.aktuel', status: 'udfoert' });
    const entry = (await api.call('tilsyn.log', { tilsynId })).at(-1);
    expect(entry).toMatchObject({ kind: 'aendring', sagsnummer: null, oldValue: 'I gang', newValue: 'Udført' });
    expect(entry?.what).toContain('Opfølgning på planen for krav');
  });

  it('shows the last round’s printed plans and their status in the next round’s report', async () => {
    const first = (await round(api, jobRound('Første runde', '2026-01-01', '2026-03-31', ['nej', 'nej', 'nej', 'ja'])))
      .tilsynId;
    await assess(first, 'plan.aktuel', PLAN, '2026-05-31');
    expect(await reportText(first)).not.toContain('Opfølgning på sidste opfølgningsplan');
    await api.call('handlinger.planStatus', { tilsynId: first, key: 'plan.aktuel', status: 'udfoert' });
    await lockTilsyn(api, first, { dato: '2026-04-02' });

    const second = (await round(api, jobRound('Anden runde', '2026-04-01', '2026-06-30', ['ja', 'ja', 'ja', 'nej'])))
      .tilsynId;
    const text = await reportText(second);
    expect(text).toContain('Opfølgning på sidste opfølgningsplan');
    expect(text).toContain('01.01.2026–31.03.2026');
    expect(text.replace(/\s+/g, ' ')).toContain(PLAN);
    expect(text).toMatch(/31\.05\.2026\s+Udført/);

    // The last round's plan is the leader's text in this report too: the publication check sees it.
    await assess(first, 'plan.aktuel', 'Omar Said følger op på planerne i teamet.', '2026-05-31');
    const check = await api.call('rapport.tjek', { tilsynId: second, dokument: 'udvalg' });
    const passage = check.passages.find((p) => p.text === 'Omar Said');
    expect(passage?.place).toEqual({ screen: 'tidligere', tilsynId: first });
    expect(passage?.label).toContain('fra sidste tilsyn');
  });

  it('says the last round had no opfølgningsplan, and leaves out a plan its report did not print', async () => {
    const first = (await round(api, jobRound('Første runde', '2026-01-01', '2026-03-31', ['ja', 'ja', 'ja', 'ja'])))
      .tilsynId;
    // At the måltal: the report printed no plan for it, so the next report does not follow it up.
    await assess(first, 'plan.aktuel', 'Fortsæt som nu.', null);
    await lockTilsyn(api, first, { dato: '2026-04-02' });
    const second = (await round(api, jobRound('Anden runde', '2026-04-01', '2026-06-30', ['ja', 'ja', 'ja', 'nej'])))
      .tilsynId;
    const text = await reportText(second);
    expect(text).toContain('Opfølgning på sidste opfølgningsplan');
    expect(text).not.toContain('Fortsæt som nu.');
    // It says what the last round had: no krav below måltal, or krav below måltal that no plan was written for.
    const below = (await api.call('resultater.get', { tilsynId: first })).results.measures.filter(
      (m) => m.belowTarget === true && m.applicable >= 3,
    ).length;
    expect(text.replace(/\s+/g, ' ')).toContain(
      below === 0
        ? 'gav ikke anledning til en opfølgningsplan'
        : `havde ${below === 1 ? 'ét krav' : `${below} krav`} under måltal, men ledelsen skrev ingen plan for`,
    );
  });

  it('follows up only an afsluttet round of the same enhed, and compares with that enhed only', async () => {
    const nord = (title: string, from: string, to: string, plan: string[]) => ({
      ...jobRound(title, from, to, plan),
      tilsyn: { ...jobRound(title, from, to, plan).tilsyn, enhed: 'Team Nord' },
    });
    const syd = { ...jobRound('Syd Q1', '2026-01-01', '2026-03-31', ['nej', 'nej', 'ja', 'ja']) };
    syd.tilsyn = { ...syd.tilsyn, enhed: 'Team Syd' };
    const nordQ1 = (await round(api, nord('Nord Q1', '2026-01-01', '2026-03-31', ['nej', 'nej', 'nej', 'ja'])))
      .tilsynId;
    await assess(nordQ1, 'plan.aktuel', 'Nordteamets plan for planerne.', null);
    const sydQ1 = (await round(api, syd)).tilsynId;
    await assess(sydQ1, 'plan.aktuel', 'Sydteamets plan.', null);
    await lockTilsyn(api, sydQ1, { dato: '2026-04-02' });
    const nordQ2 = (await round(api, nord('Nord Q2', '2026-04-01', '2026-06-30', ['ja', 'ja', 'ja', 'nej']))).tilsynId;
    // Nord Q1 is still open: nothing to follow up yet, and Syd's plan is not Nord's.
    let text = await reportText(nordQ2);
    expect(text).not.toContain('Sydteamets plan');
    expect(text).not.toContain('Opfølgning på sidste opfølgningsplan');
    await lockTilsyn(api, nordQ1, { dato: '2026-04-02' });
    text = await reportText(nordQ2);
    expect(text).toContain('Nordteamets plan for planerne.');
    // The development compares Nord with Nord.
    const trend = (await api.call('resultater.get', { tilsynId: nordQ2 })).trends['*'] ?? [];
    expect(trend.map((p) => p.titel)).toEqual(['Nord Q1', 'Nord Q2']);
  });
});
