// Review figures for `npm run bench`: saving an answer, opening a sag, opening the workspace of 60 sager.
import { openTestApi } from '../support/api';
import { publishedTemplate, sampledTilsyn } from '../support/scenario';
import { syntheticTemplate } from './synthetic';

export interface ReviewFigures {
  saveP50: number;
  saveP99: number;
  openSag: number;
  openWorkspace: number;
  questions: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function reviewFigures(dir: string): Promise<ReviewFigures> {
  const backend = openTestApi({ dir, file: 'review.db', version: 'bench' });
  const { api } = backend;
  // A template of 60 questions, as the figure asks, imported and published like a leader's own.
  const versionId = await publishedTemplate(
    api,
    { name: 'Måleskabelon 60', area: 'andet', description: 'Til benchmark' },
    syntheticTemplate(60),
  );
  const { tilsynId, sager } = await sampledTilsyn(api, {
    tilsyn: { skabelonVersionId: versionId },
    sager: 80,
    sagsnummer: (i) => `2026-${String(i).padStart(4, '0')}`,
    sagstype: '§ 32',
    // Sag i goes to "Rådgiver i % 8".
    caseworkers: Array.from({ length: 8 }, (_, k) => `Rådgiver ${(k + 1) % 8}`),
    fileName: 'b.csv',
    sample: { size: 60, seed: 3 },
    drawnBy: 'Bench',
  });
  const sagIds = sager.map((s) => s.id);
  const sagId = sagIds[0] ?? 0;
  const review = await api.call('gennemgang.sag', { sagId });
  const keys = review.content.sections.flatMap((s) =>
    s.questions.filter((q) => q.answerType === 'jnd').map((q) => q.key),
  );

  const saves: number[] = [];
  for (let i = 0; i < 300; i++) {
    const start = performance.now();
    await api.call('gennemgang.svar', {
      sagId: sagIds[i % sagIds.length] ?? sagId,
      key: keys[i % keys.length] ?? '',
      value: i % 3 ? 'ja' : 'nej',
    });
    saves.push(performance.now() - start);
  }
  saves.sort((a, b) => a - b);
  // The opened sag has every question answered, a note on each, findings and actions.
  for (const key of keys) await api.call('gennemgang.svar', { sagId, key, value: 'ja', note: 'Set i journalen.' });
  for (const kind of ['styrke', 'laeringspunkt', 'opmaerksomhedspunkt'] as const)
    await api.call('gennemgang.fund', { sagId, kind, text: 'Et punkt fra gennemgangen af sagen.' });
  await api.call('gennemgang.handling', { sagId, text: 'Ret planen.', ansvarlig: 'Anne', frist: '2027-01-31' });
  const time = async (runs: number, fn: () => Promise<unknown>) => {
    const t: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await fn();
      t.push(performance.now() - s);
    }
    return percentile(
      t.sort((a, b) => a - b),
      0.5,
    );
  };
  const openSag = await time(30, () => api.call('gennemgang.sag', { sagId }));
  const openWorkspace = await time(10, () => api.call('gennemgang.sager', { tilsynId }));
  backend.close();
  return {
    saveP50: percentile(saves, 0.5),
    saveP99: percentile(saves, 0.99),
    openSag,
    openWorkspace,
    questions: review.content.sections.reduce((n, s) => n + s.questions.length, 0),
  };
}
