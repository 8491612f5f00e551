import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSql, replayOf } from '../bench/sql-replay';
import { openTestApi, type TestApi } from '../support/api';
import { jobCentreRound, round } from '../support/scenario';

// The statement cache (db/statement-cache.ts) gives a statement back to whoever prepares the same SQL again, with its
// result modes (raw, pluck) off. A store that set raw once, at prepare, then read objects as lists: the tilsyn's
// template version read as 0, »Skabelonversionen findes ikke« (found when the bench replayed a call's SQL).
let backend: TestApi;
beforeEach(() => {
  backend = openTestApi({ prefix: 'tilsyn-modes-' });
});
afterEach(() => backend.close());

describe('what the app reads, after its every statement is prepared again elsewhere', () => {
  it('is what it read before', async () => {
    const { api } = backend;
    const made = await round(api, jobCentreRound('Runde', '2026-01-01', '2026-03-31', ['ja', 'nej', 'ja']));
    const sagId = (await api.call('gennemgang.sager', { tilsynId: made.tilsynId }))[0]?.id ?? 0;
    const reads = async () => ({
      list: await api.call('tilsyn.list'),
      tilsyn: await api.call('tilsyn.get', { id: made.tilsynId }),
      sager: await api.call('gennemgang.sager', { tilsynId: made.tilsynId }),
      sag: await api.call('gennemgang.sag', { sagId }),
      results: await api.call('resultater.get', { tilsynId: made.tilsynId }),
    });
    let before: Awaited<ReturnType<typeof reads>> | undefined;
    const statements = await recordSql(async () => {
      before = await reads();
    });
    expect(statements.length).toBeGreaterThan(5);
    // Prepared again, as another store (or the bench's replay) would: each in its default mode, and run.
    replayOf(backend.db.sqlite, statements)();
    expect(await reads()).toEqual(before);
    // And a save, whose read of the sag's answers is one of them.
    const saved = await api.call('gennemgang.svar', {
      sagId,
      key: 'plan.aktuel',
      value: 'delvist',
      reason: 'Se sagen',
    });
    expect(saved.progress).toEqual((await api.call('gennemgang.sag', { sagId })).progress);
  });
});
