// A save works out the sag's progress from its answers as the last save here left them (issue #18), not read back
// from SQLite. Whatever else writes between two saves, each save's answer must be the review read afresh.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { reviewFingerprint } from '../../shared/domain/review';
import { hookTestApi } from '../support/hooks';
import { applicableOf, type SampledTilsyn, sampledTilsyn } from '../support/scenario';

const backend = hookTestApi('each', { file: 'saved.db' });
const { api } = backend;
let t: SampledTilsyn;

beforeEach(async () => {
  t = await sampledTilsyn(api, { sager: 3 });
});

/** The progress and fingerprint a fresh read of the sag gives. */
const fresh = async (sagId: number) => {
  const review = await api.call('gennemgang.sag', { sagId });
  return { progress: review.progress, fingerprint: reviewFingerprint(review), status: review.sag.status };
};

const step = fc.oneof(
  fc.record({
    kind: fc.constant('save' as const),
    sag: fc.nat(2),
    q: fc.nat(20),
    value: fc.constantFrom('ja', 'nej', null),
  }),
  // Another path writes the sag's answers between two saves (an import, a second reviewer, a restore …).
  fc.record({ kind: fc.constant('elsewhere' as const), sag: fc.nat(2), value: fc.constantFrom('ja', 'nej') }),
  // A save refused after its upsert (a CPR number split over note and reason): rolled back, nothing of it known.
  fc.record({ kind: fc.constant('refused' as const), sag: fc.nat(2), q: fc.nat(20) }),
);

describe('the answers a save works from', () => {
  it('give each save the progress and fingerprint a fresh read gives (a property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        for (const s of steps) {
          const sagId = t.sager[s.sag]?.id ?? 0;
          const review = await api.call('gennemgang.sag', { sagId });
          const questions = applicableOf(review).filter((q) => q.answerType === 'jnd');
          const question = questions[(s.kind === 'elsewhere' ? 0 : s.q) % questions.length];
          if (!question) continue;
          if (s.kind === 'elsewhere') {
            backend.db.sqlite
              .prepare(
                `INSERT INTO svar (sag_id, spoergsmaal, rolle, vaerdi, note, begrundelse, aendret)
                 VALUES (?, ?, 'leder', ?, '', '', '2026-01-01T00:00:00Z')
                 ON CONFLICT(sag_id, spoergsmaal, rolle) DO UPDATE SET vaerdi = excluded.vaerdi`,
              )
              .run(sagId, question.key, s.value);
            continue;
          }
          if (s.kind === 'refused') {
            // Each half alone is no CPR number; together in one answer they are, so the second save is refused.
            await api.call('gennemgang.svar', { sagId, key: question.key, note: 'Mors nr. 010190' });
            await expect(
              api.call('gennemgang.svar', { sagId, key: question.key, value: 'nej', reason: '1234 er hendes' }),
            ).rejects.toMatchObject({ code: 'VALIDATION' });
            continue;
          }
          const update = await api.call('gennemgang.svar', { sagId, key: question.key, value: s.value });
          const read = await fresh(sagId);
          expect({ progress: update.progress, fingerprint: update.fingerprint }).toEqual({
            progress: read.progress,
            fingerprint: read.fingerprint,
          });
          expect(update.status).toBe(read.status);
        }
      }),
      { numRuns: 40 },
    );
  });
});
