import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { openTestApi, type TestApi } from '../support/api';
import { applicableOf, caseRows, importCaseList, sampledTilsyn } from '../support/scenario';

// Issue #11, point 5: disk full and read-only with real SQLite, not made-up error objects. `PRAGMA max_page_count`
// caps the file a few pages above its size, so SQLite itself answers SQLITE_FULL when a save needs more room,
// exactly as on a full disk; `PRAGMA query_only` makes the app's own connection refuse writes as a read-only
// open does. Everything goes through the app's openDatabase and the real handlers.

let backend: TestApi | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});

/** Every row of every table, in rowid order: two equal snapshots mean not one row was half-written. */
function snapshot(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}"`).raw().all()]));
}

/** The ApiError a call was refused with (fails the test if the call succeeded or threw something else). */
async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

/** A long note of letters only (no digits, so CPR masking leaves it as typed); one of them fills about a page. */
const longNote = (n: number) => `Notat ${'abcdefghij'.charAt(n % 10)} ${'æøå gennemgang af sagen '.repeat(150)}`;

const capAt = (sqlite: Database.Database, extraPages: number) =>
  sqlite.pragma(`max_page_count = ${(sqlite.pragma('page_count', { simple: true }) as number) + extraPages}`);
/** Frees the room again: SQLite's own ceiling. */
const uncap = (sqlite: Database.Database) => sqlite.pragma('max_page_count = 4294967294');

async function sampled(t: TestApi) {
  const { sager } = await sampledTilsyn(t.api, { sager: 6, sample: { size: 3, seed: 5 }, drawnBy: 'Lene' });
  const review = await t.api.call('gennemgang.sag', { sagId: sager[0]!.id });
  const keys = applicableOf(review)
    .filter((q) => q.options.length >= 2)
    .map((q) => ({ key: q.key, value: q.options[0]!.value }));
  return { sagIds: sager.map((s) => s.id), keys };
}

describe('a full disk (SQLITE_FULL from a real database)', () => {
  it('refuses the save in Danish, half-writes nothing, keeps every earlier save, and saves once there is room', async () => {
    backend = openTestApi({ prefix: 'tilsyn-disk-full-' });
    const { api, db } = backend;
    const { sagIds, keys } = await sampled(backend);
    const saves = sagIds.flatMap((sagId) => keys.map((k) => ({ sagId, ...k })));
    expect(saves.length).toBeGreaterThanOrEqual(12);

    const acknowledged: typeof saves = [];
    capAt(db.sqlite, 6);
    let refused: ApiError | undefined;
    let failedAt = -1;
    for (const [n, save] of saves.entries()) {
      const before = snapshot(db.sqlite);
      try {
        await api.call('gennemgang.svar', { ...save, note: longNote(n) });
        acknowledged.push(save);
      } catch (err) {
        expect(err).toBeInstanceOf(ApiError);
        refused = err as ApiError;
        failedAt = n;
        // Not one row of the refused save (answer, sag status, change log) is in the file.
        expect(snapshot(db.sqlite)).toEqual(before);
        break;
      }
    }
    expect(refused?.code).toBe('DISK_FULL');
    expect(refused?.message).toMatch(/Disken er fuld/);
    expect(refused?.message).toMatch(/ikke gemt/);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // The next save that needs room is refused the same way while the disk stays full: no state is left behind.
    const again = await refusal(api.call('gennemgang.svar', { ...saves[failedAt]!, note: longNote(failedAt) }));
    expect(again.code).toBe('DISK_FULL');

    // Room again: the refused save goes through, and every save is there after a restart.
    uncap(db.sqlite);
    await api.call('gennemgang.svar', { ...saves[failedAt]!, note: longNote(failedAt) });
    acknowledged.push(saves[failedAt]!);
    backend.reopen();
    expect(backend.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const [n, save] of acknowledged.entries()) {
      const review = await api.call('gennemgang.sag', { sagId: save.sagId });
      expect(review.answers[save.key], `${save.sagId}/${save.key}`).toMatchObject({
        value: save.value,
        note: longNote(n),
      });
    }
    console.log(
      `Disk full: ${acknowledged.length - 1} saves acknowledged before SQLITE_FULL, 2 refused with DISK_FULL, ` +
        'the retried one stored once there was room.',
    );
  });

  it('refuses a whole case-list import: the earlier list stays, none of the new rows is stored', async () => {
    backend = openTestApi({ prefix: 'tilsyn-disk-import-' });
    const { api, db } = backend;
    const { id: tilsynId } = await api.call('tilsyn.create', {
      titel: 'Fuld disk',
      periodeFra: '2026-01-01',
      periodeTil: '2026-03-31',
      enhed: 'Team Syd',
      form: 'ledelseskontrol',
      formaal: 'Rettidighed',
      fokus: 'Frister',
      skabelonVersionId: 1,
    });
    await importCaseList(api, tilsynId, caseRows(20, { prefix: 'A' }));
    const before = snapshot(db.sqlite);
    capAt(db.sqlite, 3);
    const refused = await refusal(importCaseList(api, tilsynId, caseRows(2000, { prefix: 'B' })));
    expect(refused.code).toBe('DISK_FULL');
    expect(snapshot(db.sqlite)).toEqual(before);
    uncap(db.sqlite);
    const { summary } = await importCaseList(api, tilsynId, caseRows(2000, { prefix: 'B' }));
    expect(summary.rowCount).toBe(2000);
  });
});

describe('a database the app may not write to (SQLITE_READONLY from a real connection)', () => {
  it('refuses the save in Danish as read-only, changes nothing, and saves when writing is allowed again', async () => {
    backend = openTestApi({ prefix: 'tilsyn-readonly-' });
    const { api, db } = backend;
    const { sagIds, keys } = await sampled(backend);
    const first = { sagId: sagIds[0]!, ...keys[0]!, note: 'Før' };
    await api.call('gennemgang.svar', first);
    db.sqlite.pragma('query_only = ON');
    const before = snapshot(db.sqlite);
    for (const save of [
      { ...first, note: 'Efter' },
      { sagId: sagIds[1]!, ...keys[1]!, note: 'Ny' },
    ]) {
      const refused = await refusal(api.call('gennemgang.svar', save));
      expect(refused.code).toBe('READ_ONLY');
      expect(refused.message).toMatch(/skrivebeskyttet/);
      expect(refused.message).toMatch(/ikke gemt/);
    }
    expect(snapshot(db.sqlite)).toEqual(before);
    // Reading still works: the leader sees what was saved.
    expect((await api.call('gennemgang.sag', { sagId: first.sagId })).answers[first.key]?.note).toBe('Før');
    db.sqlite.pragma('query_only = OFF');
    await api.call('gennemgang.svar', { ...first, note: 'Efter' });
    backend.reopen();
    expect((await api.call('gennemgang.sag', { sagId: first.sagId })).answers[first.key]?.note).toBe('Efter');
  });
});
