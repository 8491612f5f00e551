import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lockPath } from '../../db/lock';
import { type BackendSession, createBackendSession } from '../../electron/backend/session';
import type { ApiClient } from '../../shared/api/client';
import { makeLargeCsv } from '../fixtures/make-fixtures';
import { clientOf } from '../support/api';
import { makeTempDir, validTilsynInput } from '../support/temp';

// Issue #7: open another database file (a team's file on a shared drive), with a list of recent files.
let temp: ReturnType<typeof makeTempDir>;
let session: BackendSession;
let api: ApiClient;

beforeEach(() => {
  temp = makeTempDir('tilsyn-session-');
  session = createBackendSession({
    dbPath: join(temp.dir, 'egen.db'),
    mode: 'browser',
    version: 'test',
    recentFile: join(temp.dir, 'indstillinger', 'seneste-databaser.json'),
    backups: false,
  });
  api = clientOf(() => session.handlers);
});
afterEach(() => {
  session.close();
  temp.cleanup();
});

describe('switching database file', () => {
  it('waits for long work in the open file: refused while an import runs, done after it', async () => {
    const csv = join(temp.dir, 'stor.csv');
    makeLargeCsv(csv, 40_000);
    const { id: tilsynId } = await api.call('tilsyn.create', validTilsynInput);
    const file = { tilsynId, fileName: 'stor.csv', dataBase64: readFileSync(csv).toString('base64') };
    const preview = await api.call('population.preview', file);
    const running = api.track(
      'population.import',
      { ...file, headerRow: preview.headerRow, mapping: preview.mapping, skipInvalid: true },
      'switchswitchswit',
    );
    await vi.waitFor(async () => expect(await api.call('opgave.status', { id: 'switchswitchswit' })).not.toBeNull());
    await expect(api.call('app.aabnDatabase', { path: join(temp.dir, 'andet.db') })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Vent, til det er færdigt, eller afbryd det'),
    });
    expect((await running).rowCount).toBe(40_000);
    expect((await api.call('app.aabnDatabase', { path: join(temp.dir, 'andet.db') })).databasePath).toBe(
      join(temp.dir, 'andet.db'),
    );
  });

  it('opens a team file, lists the files opened before, and goes back with everything in place', async () => {
    await api.call('tilsyn.create', { ...validTilsynInput, titel: 'Mit eget tilsyn' });
    const team = join(temp.dir, 'team.db');
    const info = await api.call('app.aabnDatabase', { path: team });
    expect(info.databasePath).toBe(team);
    expect(await api.call('tilsyn.list', {})).toEqual([]);
    await api.call('tilsyn.create', { ...validTilsynInput, titel: 'Teamets tilsyn' });

    const list = await api.call('app.databaser', {});
    expect(list.current).toBe(team);
    expect(list.recent.map((r) => [r.path, r.exists])).toEqual([[join(temp.dir, 'egen.db'), true]]);

    await api.call('app.aabnDatabase', { path: list.recent[0]?.path ?? '' });
    expect((await api.call('tilsyn.list', {})).map((t) => t.titel)).toEqual(['Mit eget tilsyn']);
    expect((await api.call('app.databaser', {})).recent.map((r) => r.path)).toEqual([team]);
  });

  it('stays on the current file when the other cannot be opened', async () => {
    const other = join(temp.dir, 'andet.db');
    writeFileSync(
      lockPath(other),
      JSON.stringify({
        app: 'Tilsyn',
        pid: 1,
        host: 'kollegas-pc',
        startedAt: new Date().toISOString(),
        heartbeat: new Date().toISOString(),
      }),
    );
    await expect(api.call('app.aabnDatabase', { path: other })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('allerede åbnet i Tilsyn på computeren kollegas-pc'),
    });
    const notTilsyn = join(temp.dir, 'noter.txt');
    writeFileSync(notTilsyn, 'Ikke en database');
    await expect(api.call('app.aabnDatabase', { path: notTilsyn })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api.call('app.aabnDatabase', { path: 'team.db' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(api.call('app.aabnDatabase', { path: join(temp.dir, 'findes-ikke', 'x.db') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The open file's own side files, and a path with a NUL byte: said in Danish, and nothing happens.
    await api.call('tilsyn.create', validTilsynInput);
    for (const side of ['-wal', '-shm'])
      await expect(api.call('app.aabnDatabase', { path: join(temp.dir, `egen.db${side}`) })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: `»egen.db${side}« er en hjælpefil, som SQLite lægger ved siden af databasen. Vælg selve databasefilen, uden »${side}«.`,
      });
    await expect(api.call('app.aabnDatabase', { path: join(temp.dir, 'a\u0000b.db') })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('ikke kan stå i et filnavn'),
    });
    expect((await api.call('app.info', {})).databasePath).toBe(join(temp.dir, 'egen.db'));
    await api.call('tilsyn.create', validTilsynInput);
    expect(await api.call('tilsyn.list', {})).toHaveLength(2);
  });
});
