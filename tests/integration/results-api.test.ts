import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/backend';
import { clientOf } from '../support/api';
import { hookTestApi } from '../support/hooks';
import {
  FINISH_AS_OTHER,
  finishSag as finishWith,
  jobCentreRound,
  lineage,
  round as sampledRound,
} from '../support/scenario';

const backend = hookTestApi('each', { file: 'resultater.db' });
const { api } = backend;

/** A tilsyn of the job-centre template; `plan` answers 'plan.aktuel' for each sag in turn. */
const jobRound = jobCentreRound;

async function round(titel: string, periodeFra: string, periodeTil: string, plan: string[]) {
  return (await sampledRound(api, jobRound(titel, periodeFra, periodeTil, plan))).tilsynId;
}

describe('resultater', () => {
  it('counts the leader’s answers per measure against the måltal, and shows the development from the baseline', async () => {
    const [, current] = await lineage(api, [
      {
        ...jobRound('Første runde', '2026-01-01', '2026-03-31', ['nej', 'nej', 'ja', 'ikke_relevant']),
        baseline: true,
      },
      jobRound('Anden runde', '2026-04-01', '2026-06-30', ['ja', 'ja', 'delvist', 'ja']),
      // A later round is not part of the development seen from the second.
      jobRound('Tredje runde', '2026-07-01', '2026-09-30', ['ja', 'ja', 'ja', 'ja']),
    ]);

    const view = await api.call('resultater.get', { tilsynId: current?.tilsynId ?? 0 });
    const plan = view.results.measures.find((m) => m.key === 'plan.aktuel');
    expect(plan).toMatchObject({ met: 3, applicable: 4, target: 100, belowTarget: true, smallN: true });
    expect(plan?.counts).toMatchObject({ opfyldt: 3, delvist: 1, ikke_opfyldt: 0, udeladt: 0 });
    expect(view.trends['plan.aktuel']?.map((p) => [p.titel, p.met, p.applicable, p.baseline])).toEqual([
      ['Første runde', 1, 3, true],
      ['Anden runde', 3, 4, false],
    ]);
    expect(view.results.breakdowns.sagsbehandler.map((b) => b.group)).toEqual(['Karin Lund', 'Omar Said']);
  });

  it('keeps ledelsens vurdering and plan per measure and the summary, across closing and opening the file', async () => {
    const tilsynId = await round('Runde', '2026-01-01', '2026-03-31', ['ja', 'nej']);
    await api.call('resultater.vurdering', {
      tilsynId,
      key: 'plan.aktuel',
      vurdering: 'Planerne opdateres ikke efter sygemelding (CPR 010190-1234).',
      plan: 'Gennemgang af alle planer på teammødet.',
      ansvarlig: 'Teamleder',
      frist: '2026-06-30',
    });
    await api.call('resultater.sammenfatning', { tilsynId, tekst: 'Tilsynet viser fremgang.' });
    await expect(
      api.call('resultater.vurdering', {
        tilsynId,
        key: 'findes.ikke',
        vurdering: '',
        plan: '',
        ansvarlig: '',
        frist: null,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    backend.reopen();
    const view = await api.call('resultater.get', { tilsynId });
    expect(view.assessments).toEqual([
      {
        key: 'plan.aktuel',
        vurdering: 'Planerne opdateres ikke efter sygemelding (CPR [CPR-nummer fjernet]).',
        plan: 'Gennemgang af alle planer på teammødet.',
        ansvarlig: 'Teamleder',
        frist: '2026-06-30',
        planStatus: 'aaben',
      },
    ]);
    expect(view.sammenfatning).toBe('Tilsynet viser fremgang.');
  });

  it('saves the report settings and refuses a logo that is not an image', async () => {
    expect(await api.call('indstillinger.get', {})).toMatchObject({ kommune: '', minCell: 3, logo: null });
    // An 8×8 PNG: a real picture is kept as it is.
    const logo =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAANklEQVR4AayOwQkAMAgDD2dy/wncqX0ZWh/6UQhCuJBYwOlkD' +
      'CfACV5lTkAa9S8C/wJX01hxAQAA//+iGdHAAAAABklEQVQDAIb/FmnoPtpPAAAAAElFTkSuQmCC';
    await api.call('indstillinger.gem', { kommune: 'Vejle Kommune', forvaltning: 'Børn og Familie', logo, minCell: 5 });
    backend.reopen();
    expect(await api.call('indstillinger.get', {})).toEqual({
      kommune: 'Vejle Kommune',
      forvaltning: 'Børn og Familie',
      logo,
      minCell: 5,
    });
    await expect(
      api.call('indstillinger.gem', { kommune: '', forvaltning: '', logo: 'data:text/html;base64,PGI+', minCell: 3 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { logo: 'Logoet skal være en PNG-, JPEG- eller SVG-fil' },
    });
  });

  it('keeps a locked round’s results for the development, and computes them again after a reopening', async () => {
    const first = await round('Første runde', '2026-01-01', '2026-03-31', ['nej', 'nej', 'ja', 'ja']);
    const sager = (await api.call('gennemgang.sager', { tilsynId: first })).map((s) => s.id);
    for (const sagId of sager) await finishSag(sagId);
    await api.call('tilsyn.afslut', { tilsynId: first, navn: 'Lene', dato: '2026-04-02' });
    // Locked: the review is frozen; the texts for the committee report stay writable until the report is sent.
    await expect(
      api.call('gennemgang.svar', { sagId: sager[0] ?? 0, key: 'plan.aktuel', value: 'ja' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await api.call('resultater.sammenfatning', { tilsynId: first, tekst: 'Skrevet efter afslutningen' });
    const second = await round('Anden runde', '2026-04-01', '2026-06-30', ['ja', 'ja', 'ja', 'ja']);
    const point = async () => (await api.call('resultater.get', { tilsynId: second })).trends['plan.aktuel']?.[0];
    expect(await point()).toMatchObject({ met: 2, applicable: 4 });
    // A new start reads the stored results of the locked round.
    backend.reopen();
    expect(await point()).toMatchObject({ met: 2, applicable: 4 });
    // Reopened and corrected: the development shows the corrected result.
    await api.call('tilsyn.genaabn', { tilsynId: first, navn: 'Lene', begrundelse: 'Forkert svar' });
    await api.call('gennemgang.svar', { sagId: sager[0] ?? 0, key: 'plan.aktuel', value: 'ja' });
    expect(await point()).toMatchObject({ met: 3, applicable: 4 });
  });
});

describe('the development kept between calls (issue #18)', () => {
  it('follows every change to the round under review as a fresh start computes it', async () => {
    const current = await round('Denne runde', '2026-01-01', '2026-03-31', ['nej', 'nej', 'ja', 'ja']);
    const fresh = () => clientOf(createHandlers({ db: backend.db, mode: 'browser', version: 'test', backups: false }));
    const same = async (step: string) => {
      const kept = await api.call('resultater.get', { tilsynId: current });
      const anew = await fresh().call('resultater.get', { tilsynId: current });
      expect(kept.results, step).toEqual(anew.results);
      expect(kept.trends, step).toEqual(anew.trends);
      return kept.results;
    };
    const before = await same('at first');
    const [first, second] = await api.call('gennemgang.sager', { tilsynId: current });
    await api.call('gennemgang.svar', { sagId: first?.id ?? 0, key: 'plan.aktuel', value: 'ja' });
    expect((await same('after an answer')).overall).not.toEqual(before.overall);
    await api.call('gennemgang.svar', { sagId: first?.id ?? 0, key: 'plan.aktuel', value: null });
    await same('after an answer taken back');
    await api.call('stikproeve.exclude', { sagId: second?.id ?? 0, reason: 'forkert_sagstype', note: '' });
    await same('after a sag left out');
    await finishSag(first?.id ?? 0);
    await same('after a sag marked færdig');
  });

  it('equals the one computed anew after a restart, while the round under review changes', async () => {
    const earlier: number[] = [];
    for (const [i, plan] of [
      ['nej', 'nej', 'ja', 'ja'],
      ['ja', 'nej', 'ja', 'ja'],
      ['ja', 'ja', 'ja', 'delvist'],
    ].entries()) {
      const id = await round(`Runde ${i + 1}`, `2025-0${i * 3 + 1}-01`, `2025-0${i * 3 + 3}-28`, plan);
      for (const s of await api.call('gennemgang.sager', { tilsynId: id })) await finishSag(s.id);
      await api.call('tilsyn.afslut', { tilsynId: id, navn: 'Lene', dato: '2026-01-05' });
      earlier.push(id);
    }
    // The round under review.
    const current = await round('Denne runde', '2026-01-01', '2026-03-31', ['nej', 'nej', 'nej', 'nej']);
    const trendsNow = async () => (await api.call('resultater.get', { tilsynId: current })).trends;
    const first = await trendsNow();
    expect(first['plan.aktuel']?.map((p) => p.met)).toEqual([2, 3, 3, 0]);
    // An answer in this round moves only its own point; the kept rounds stay as they were.
    const [sag] = await api.call('gennemgang.sager', { tilsynId: current });
    await api.call('gennemgang.svar', { sagId: sag?.id ?? 0, key: 'plan.aktuel', value: 'ja' });
    const second = await trendsNow();
    expect(second['plan.aktuel']?.map((p) => p.met)).toEqual([2, 3, 3, 1]);
    backend.reopen();
    expect(await trendsNow()).toEqual(second);
    // A round reopened is no longer kept: its correction shows at once, and after a restart the same.
    await api.call('tilsyn.genaabn', { tilsynId: earlier[0] ?? 0, navn: 'Lene', begrundelse: 'Forkert svar' });
    const [old] = await api.call('gennemgang.sager', { tilsynId: earlier[0] ?? 0 });
    await api.call('gennemgang.svar', { sagId: old?.id ?? 0, key: 'plan.aktuel', value: 'ja' });
    const third = await trendsNow();
    expect(third['plan.aktuel']?.map((p) => p.met)).toEqual([3, 3, 3, 1]);
    backend.reopen();
    expect(await trendsNow()).toEqual(third);
    // A round ending later than the others but before this one, locked afterwards: in its place, not last.
    const late = await round('Sen runde', '2025-10-01', '2025-12-31', ['ja', 'ja', 'ja', 'ja']);
    for (const s of await api.call('gennemgang.sager', { tilsynId: late })) await finishSag(s.id);
    await api.call('tilsyn.afslut', { tilsynId: late, navn: 'Lene', dato: '2026-01-06' });
    expect((await trendsNow())['plan.aktuel']?.map((p) => p.titel)).toEqual([
      'Runde 1',
      'Runde 2',
      'Runde 3',
      'Sen runde',
      'Denne runde',
    ]);
  });
});

/** Answers what is still missing in a sag with its first option, and marks it færdig. */
const finishSag = (sagId: number) => finishWith(api, sagId, FINISH_AS_OTHER);
