// Review figures for `npm run bench`: saving an answer, opening a sag, opening the workspace of 60 sager.
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { createHandlers } from '../../electron/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { templateContentSchema } from '../../shared/domain/skabelon';
import { templateFileText } from '../../shared/domain/template-file';
import { validTilsynInput } from '../support/temp';
import { syntheticTemplate } from './synthetic';

export interface ReviewFigures {
  saveP50: number;
  saveP99: number;
  openSag: number;
  openWorkspace: number;
  questions: number;
}

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const res = await promise;
  if (!res.ok) throw new Error(res.error?.message);
  return res.value as T;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function reviewFigures(dir: string): Promise<ReviewFigures> {
  const db = openDatabase(join(dir, 'review.db'));
  const h = createHandlers({ db, mode: 'browser', version: 'bench', backups: false });
  // A template of 60 questions, as the figure asks, imported and published like a leader's own.
  const text = templateFileText(
    { name: 'Måleskabelon 60', area: 'andet', description: 'Til benchmark' },
    templateContentSchema.parse(syntheticTemplate(60)),
  );
  const { versionId } = await ok<{ versionId: number }>(dispatch(h, 'skabelon.import', { fileName: 'b.json', text }));
  await ok(dispatch(h, 'skabelon.publish', { versionId }));
  const { id: tilsynId } = await ok<{ id: number }>(
    dispatch(h, 'tilsyn.create', { ...validTilsynInput, skabelonVersionId: versionId }),
  );
  const csv = ['Sagsnr.;Sagstype;Rådgiver'];
  for (let i = 1; i <= 80; i++) csv.push(`2026-${String(i).padStart(4, '0')};§ 32;Rådgiver ${i % 8}`);
  const file = { tilsynId, fileName: 'b.csv', dataBase64: Buffer.from(csv.join('\n')).toString('base64') };
  const preview = await ok<{ headerRow: number; mapping: unknown }>(dispatch(h, 'population.preview', file));
  await ok(dispatch(h, 'population.import', { ...file, headerRow: preview.headerRow, mapping: preview.mapping }));
  const record = await ok<{ sager: { id: number; role: string }[] }>(
    dispatch(h, 'stikproeve.draw', {
      tilsynId,
      spec: { method: 'simpel', size: 60, spares: 0, seed: 3 },
      drawnBy: 'Bench',
    }),
  );
  const sagIds = record.sager.filter((s) => s.role === 'udvalgt').map((s) => s.id);
  const sagId = sagIds[0] ?? 0;
  const review = await ok<{ content: { sections: { questions: { key: string; answerType: string }[] }[] } }>(
    dispatch(h, 'gennemgang.sag', { sagId }),
  );
  const keys = review.content.sections.flatMap((s) =>
    s.questions.filter((q) => q.answerType === 'jnd').map((q) => q.key),
  );

  const saves: number[] = [];
  for (let i = 0; i < 300; i++) {
    const start = performance.now();
    await ok(
      dispatch(h, 'gennemgang.svar', {
        sagId: sagIds[i % sagIds.length] ?? sagId,
        key: keys[i % keys.length] ?? '',
        value: i % 3 ? 'ja' : 'nej',
      }),
    );
    saves.push(performance.now() - start);
  }
  saves.sort((a, b) => a - b);
  // The opened sag has every question answered, a note on each, findings and actions.
  for (const key of keys)
    await ok(dispatch(h, 'gennemgang.svar', { sagId, key, value: 'ja', note: 'Set i journalen.' }));
  for (const kind of ['styrke', 'laeringspunkt', 'opmaerksomhedspunkt'])
    await ok(dispatch(h, 'gennemgang.fund', { sagId, kind, text: 'Et punkt fra gennemgangen af sagen.' }));
  await ok(dispatch(h, 'gennemgang.handling', { sagId, text: 'Ret planen.', ansvarlig: 'Anne', frist: '2027-01-31' }));
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
  const openSag = await time(30, () => ok(dispatch(h, 'gennemgang.sag', { sagId })));
  const openWorkspace = await time(10, () => ok(dispatch(h, 'gennemgang.sager', { tilsynId })));
  db.close();
  return {
    saveP50: percentile(saves, 0.5),
    saveP99: percentile(saves, 0.99),
    openSag,
    openWorkspace,
    questions: review.content.sections.reduce((n, s) => n + s.questions.length, 0),
  };
}
