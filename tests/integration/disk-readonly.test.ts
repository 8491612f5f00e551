import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { openTestApi } from '../support/api';
import { type HostProcess, type HostProcessOptions, hostApi, startHostProcess } from '../support/host-process';
import { makeTempDir, validTilsynInput } from '../support/temp';

// Issue #11, point 5: a read-only database file and a read-only folder, made so with chmod on the real file
// system. Root ignores file modes, so when the tests run as root (as here and in CI) the browser-mode host runs as
// the unprivileged user `nobody`, who owns the files; as a normal user it runs as that user. The leader opens the
// read-only file from the running app: it is refused as read-only in Danish, left byte for byte and mode for mode
// as it was, and the file she had open stays open and keeps saving.

const temp = makeTempDir('tilsyn-readonly-files-');
const asRoot = process.getuid?.() === 0;
const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
const user: HostProcessOptions['user'] = asRoot ? { uid: id('-u'), gid: id('-g') } : undefined;

const own = join(temp.dir, 'egen', 'egen.db');
const fileCase = join(temp.dir, 'fil-skrivebeskyttet', 'tilsyn.db');
const folderCase = join(temp.dir, 'mappe-skrivebeskyttet', 'tilsyn.db');
let host: HostProcess | undefined;

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const mode = (path: string) => statSync(path).mode & 0o777;

/** Every file and folder under `dir`, owned by `nobody` when the test runs as root. */
function handOver(dir: string): void {
  if (!user) return;
  chownSync(dir, user.uid, user.gid);
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    chownSync(join(dir, entry), user.uid, user.gid);
  }
}

/** A Tilsyn file holding one tilsyn named `titel`, closed again (single file, no WAL beside it). */
async function databaseWith(path: string, titel: string): Promise<void> {
  mkdirSync(join(path, '..'), { recursive: true });
  const t = openTestApi({ dir: join(path, '..'), file: path });
  try {
    await t.api.call('tilsyn.create', { ...validTilsynInput, titel });
    t.db.sqlite.pragma('journal_mode = DELETE');
  } finally {
    t.close();
  }
}

beforeAll(async () => {
  await Promise.all([
    databaseWith(own, 'Egen'),
    databaseWith(fileCase, 'Låst fil'),
    databaseWith(folderCase, 'Låst mappe'),
  ]);
  handOver(temp.dir);
  chmodSync(fileCase, 0o444);
  chmodSync(join(folderCase, '..'), 0o555);
  host = await startHostProcess(own, [], { fromSource: true, user });
});
afterAll(async () => {
  await host?.stop();
  chmodSync(join(folderCase, '..'), 0o700);
  temp.cleanup();
});

describe('opening a database the leader may not write to', () => {
  it('has files the host really cannot write: the user it runs as is refused by the file system', () => {
    const tryWrite = (path: string) =>
      execFileSync(
        process.execPath,
        [
          '-e',
          `try { require('fs').openSync(process.argv[1], 'a'); console.log('skrivbar') } catch (e) { console.log(e.code) }`,
          path,
        ],
        { ...user, encoding: 'utf8' },
      ).trim();
    expect(tryWrite(fileCase)).toBe('EACCES');
    expect(tryWrite(join(folderCase, '..', 'ny-fil'))).toBe('EACCES');
    expect(tryWrite(own)).toBe('skrivbar');
  });

  // Each case with what the message must name: the file, or the folder that cannot be written.
  for (const [what, path, named] of [
    ['a file made read-only (chmod 0444)', fileCase, fileCase],
    ['a file in a folder made read-only (chmod 0555)', folderCase, join(folderCase, '..')],
  ] as const) {
    it(`refuses ${what} as read-only, leaves it untouched and keeps the open file`, async () => {
      if (!host) throw new Error('Værten kører ikke');
      const api = hostApi(host);
      const folder = join(path, '..');
      const before = { sha: sha256(path), mode: mode(path), folderMode: mode(folder), files: readdirSync(folder) };

      const err = await api.call('app.aabnDatabase', { path }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('READ_ONLY');
      expect((err as ApiError).message).toMatch(/kan kun læses|skrivebeskyttet/);
      expect((err as ApiError).message).toContain(named);

      // Not a byte, a mode bit or a side file (-wal, -shm, lock) changed.
      expect({ sha: sha256(path), mode: mode(path), folderMode: mode(folder), files: readdirSync(folder) }).toEqual(
        before,
      );
      // The leader is still in her own file, and it still saves.
      expect((await api.call('app.info', {})).databasePath).toBe(own);
      await api.call('tilsyn.create', { ...validTilsynInput, titel: `Efter ${what}` });
      expect((await api.call('tilsyn.list', {})).map((t) => t.titel)).toContain(`Efter ${what}`);
    });
  }

  it('loses nothing: once writable again, each file opens with what it held', async () => {
    chmodSync(fileCase, 0o600);
    chmodSync(join(folderCase, '..'), 0o700);
    for (const [path, titel] of [
      [fileCase, 'Låst fil'],
      [folderCase, 'Låst mappe'],
    ] as const) {
      const t = openTestApi({ dir: join(path, '..'), file: path });
      try {
        expect(t.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((await t.api.call('tilsyn.list', {})).map((x) => x.titel)).toEqual([titel]);
      } finally {
        t.db.close();
      }
    }
  });
});
