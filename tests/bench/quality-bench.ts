// Figures of kvalitetssikring for `npm run bench` (issue #16): the agreement of a round of 60 sager, 20 of them
// reviewed a second time (with some questions judged differently), as the leader's view computes it.
import { openTestApi } from '../support/api';
import { FINISH_AS_OTHER, jobCentreRound, round } from '../support/scenario';

export interface QualityFigures {
  /** Median of `kvalitet.get` over repeated calls. */
  agreementMs: number;
  sager: number;
  doubled: number;
  pairs: number;
}

export async function qualityFigures(dir: string, runs = 10): Promise<QualityFigures> {
  const { api, close } = openTestApi({ dir, file: 'kvalitet-bench.db', version: 'bench' });
  try {
    const plan = Array.from({ length: 60 }, (_, i) => (i % 4 === 0 ? 'nej' : 'ja'));
    const made = await round(api, {
      ...jobCentreRound('Runde', '2026-01-01', '2026-03-31', plan),
      sagsnummer: (i) => `Q-${i}`,
      finish: FINISH_AS_OTHER,
    });
    const setUp = await api.call('kvalitet.opret', {
      tilsynId: made.tilsynId,
      bedoemmer: 'Mette Berg',
      udvaelgelse: { art: 'antal', antal: 20 },
      seed: 1,
      navn: 'Lene',
    });
    for (const [i, s] of setUp.sager.entries()) {
      const first = await api.call('gennemgang.sag', { sagId: s.sagId });
      for (const [key, a] of Object.entries(first.answers)) {
        if (!a?.value) continue;
        // Every fifth sag judged otherwise on the plan.
        const value = key === 'plan.aktuel' && i % 5 === 0 ? (a.value === 'ja' ? 'nej' : 'ja') : a.value;
        await api.call('kvalitet.svar', { sagId: s.sagId, key, value });
      }
    }
    const samples: number[] = [];
    let pairs = 0;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      const view = await api.call('kvalitet.get', { tilsynId: made.tilsynId });
      samples.push(performance.now() - start);
      pairs = view?.overall.n ?? 0;
    }
    samples.sort((a, b) => a - b);
    return { agreementMs: samples[Math.floor(runs / 2)] ?? 0, sager: 60, doubled: setUp.sager.length, pairs };
  } finally {
    close();
  }
}
