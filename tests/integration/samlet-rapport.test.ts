import { describe, expect, it } from 'vitest';
import { findCprNumbers } from '../../shared/domain/cpr';
import { hookTestApi } from '../support/hooks';
import { pdfText } from '../support/pdf-text';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from '../support/scenario';

// The department's report to the committee (issue #15): the teams' afsluttede rounds under an afdeling, added up
// quarter by quarter — the whole area krav by krav against the måltal of the time, and each team's krav samlet —
// with the public report's rules: no names, nothing under the smallest group, no suppressed team found by difference.

const backend = hookTestApi('each', { file: 'samlet.db' });
const { api } = backend;

async function teamRound(enhedId: number, team: string, fra: string, til: string, plan: string[]) {
  const titel = `${team} med Karin Lund ${fra}`;
  const made = await round(api, {
    ...jobCentreRound(titel, fra, til, plan),
    sagsnummer: (i) => `${team.slice(5)}${fra}-${i}`,
    tilsyn: { titel, periodeFra: fra, periodeTil: til, enhedId, skabelonVersionId: 3 },
    finish: FINISH_AS_OTHER,
  });
  // The enhed's måltal for the plan rises by dated steps: 80 % by the end of March, 90 % by the end of June.
  await api.call('resultater.maal', {
    tilsynId: made.tilsynId,
    key: 'plan.aktuel',
    steps: [
      { dato: '2026-03-31', maaltal: 80 },
      { dato: '2026-06-30', maaltal: 90 },
    ],
    indikator: '',
    metode: '',
  });
  await lockTilsyn(api, made.tilsynId, { dato: til });
}

const text = async (file: { dataBase64: string }) =>
  (await pdfText(Buffer.from(file.dataBase64, 'base64'))).join('\n').replace(/\s+/g, ' ');

describe('the department’s report to the committee', () => {
  it('adds the teams up by quarter against the dated måltal, and shows each team without a small one', async () => {
    const afdeling = await api.call('enheder.opret', { navn: 'Jobcenter Vest', niveau: 'afdeling' });
    const nord = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: afdeling.id });
    const syd = await api.call('enheder.opret', { navn: 'Team Syd', niveau: 'team', foraelderId: afdeling.id });
    const lille = await api.call('enheder.opret', { navn: 'Team Øst', niveau: 'team', foraelderId: afdeling.id });
    await teamRound(nord.id, 'Team Nord', '2026-01-01', '2026-03-31', ['ja', 'ja', 'ja', 'nej']);
    await teamRound(syd.id, 'Team Syd', '2026-01-01', '2026-03-31', ['ja', 'ja', 'ja', 'ja']);
    await teamRound(nord.id, 'Team Nord', '2026-04-01', '2026-06-30', ['ja', 'ja', 'ja', 'ja']);
    await teamRound(syd.id, 'Team Syd', '2026-04-01', '2026-06-30', ['ja', 'nej', 'nej', 'ja']);
    // Two sager: fewer than the smallest group of three.
    await teamRound(lille.id, 'Team Øst', '2026-04-01', '2026-06-30', ['nej', 'nej']);

    const file = await api.call('rapport.periode', { enhedId: afdeling.id, fra: '2026-01-01', til: '2026-12-31' });
    expect(file.fileName).toBe('Ledelsestilsyn Jobcenter Vest 01.01.2026–31.12.2026 – samlet rapport.pdf');
    const said = await text(file);
    expect(said).toContain('Samlet rapport til udvalget: ledelsestilsyn i Jobcenter Vest, 01.01.2026–31.12.2026');
    expect(said).toContain('5 runder fra 3 enheder i perioden');
    expect(said).toContain('Hele området, krav for krav Krav 1. kvt. 2026 2. kvt. 2026');
    // Q1: 7 of 8 against the step of 31.03 (80 %); Q2: 6 of 8 against 90 %: Team Øst's two sager (both »nej«) are in
    // no figure, or the area would show them as the difference.
    expect(said).toContain(
      '3.1 Har borgeren en aktuel plan, som borgeren har adgang til? 87,5 % (7 af 8) måltal 80 % 75 % (6 af 8) måltal 90 % Under måltal',
    );
    expect(said).not.toContain('af 10)');
    expect(said).toMatch(/Team Øst – Færre sager end den mindste gruppe/);
    expect(said).toMatch(/Team Nord [\d,]+ % \(4 sager\) [\d,]+ % \(4 sager\)/);
    // The total is that of the teams shown: Team Øst's two sager are not in it.
    expect(said).toMatch(/De viste enheder samlet [\d,]+ % \(8 sager\) [\d,]+ % \(8 sager\)/);
    expect(said).not.toMatch(/Karin|Omar|med Karin/);
    expect(findCprNumbers(said)).toEqual([]);
  });

  it('is refused like the committee report when a team’s name could identify a caseworker', async () => {
    const afdeling = await api.call('enheder.opret', { navn: 'Jobcenter Vest', niveau: 'afdeling' });
    const a = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: afdeling.id });
    const b = await api.call('enheder.opret', { navn: 'Karin Lunds team', niveau: 'team', foraelderId: afdeling.id });
    await teamRound(a.id, 'Team Nord', '2026-01-01', '2026-03-31', ['ja', 'ja', 'nej']);
    await teamRound(b.id, 'Team Lund', '2026-01-01', '2026-03-31', ['ja', 'ja', 'nej']);
    await expect(
      api.call('rapport.periode', { enhedId: afdeling.id, fra: '2026-01-01', til: '2026-12-31' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('»Karin Lund') });
  });
});
