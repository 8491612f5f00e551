import { execFileSync, spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeBackup } from '../../db/backup';
import { lockPath } from '../../db/lock';
import { DatabaseOpenError, openDatabase, type TilsynDatabase } from '../../db/open';
import { createBackendSession } from '../../electron/backend/session';
import { startWebHost, TOKEN_HEADER } from '../../electron/web-host';
import { makeTempDir } from '../support/temp';

// Issue #11 point 3: which paths are opened, the lock on the real file, stale locks, read-only, owner-only files,
// and malformed URLs. Real devices, FIFOs, sockets, links, mounts and a bound host.
let temp: ReturnType<typeof makeTempDir>;
const open: TilsynDatabase[] = [];
beforeEach(() => {
  temp = makeTempDir('tilsyn-aabn-');
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.sqlite.open) db.close();
  temp.cleanup();
});

function openError(path: string): DatabaseOpenError {
  try {
    open.push(openDatabase(path));
  } catch (err) {
    if (err instanceof DatabaseOpenError) return err;
    throw err;
  }
  throw new Error(`${path} blev åbnet`);
}

describe('only a regular file or a new name in an existing folder is opened', () => {
  it('refuses a device, a FIFO and a socket untouched, without hanging', async () => {
    const fifo = join(temp.dir, 'kanal.db');
    execFileSync('mkfifo', [fifo]);
    const socket = join(temp.dir, 'sokkel.db');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const devMode = statSync('/dev/null').mode;
      for (const path of ['/dev/null', fifo, socket]) {
        const err = openError(path);
        expect(err.code).toBe('NOT_A_FILE');
        expect(err.message).toContain('ikke en databasefil');
      }
      expect(statSync('/dev/null').mode).toBe(devMode);
      expect(existsSync('/dev/null.laas')).toBe(false);
    } finally {
      server.close();
    }
  });

  it('refuses an existing empty file, and a chosen file in a folder that does not exist', () => {
    const empty = join(temp.dir, 'tom.db');
    writeFileSync(empty, '');
    expect(openError(empty).code).toBe('EMPTY');
    expect(statSync(empty).size).toBe(0);
    const session = createBackendSession({ dbPath: join(temp.dir, 'a.db'), mode: 'browser', version: 't' });
    try {
      expect(() => session.handlers['app.aabnDatabase']({ path: empty })).toThrow(/er tom \(0 byte\)/);
      expect(() => session.handlers['app.aabnDatabase']({ path: '/dev/zero' })).toThrow(/ikke en databasefil/);
    } finally {
      session.close();
    }
    expect(() => openDatabase(join(temp.dir, 'mangler', 'x.db'), { createFolder: false })).toThrow(/findes ikke/);
  });
});

describe('the lock is on the real file', () => {
  /** Another running copy of Tilsyn: a child process that opens `path` and waits. */
  async function otherCopy(path: string) {
    const script = join(temp.dir, 'holder.mts');
    writeFileSync(
      script,
      `import { openDatabase } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'db', 'open.ts'))};
openDatabase(process.argv[2]); process.stdout.write('åben\\n'); setInterval(() => undefined, 1000);`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`Kopien stoppede (${code})`)));
    });
    return child;
  }

  it('refuses a symlink and a hard link to a file open in another copy, and in this one', async () => {
    const path = join(temp.dir, 'team.db');
    openDatabase(path).close();
    const soft = join(temp.dir, 'genvej.db');
    const hard = join(temp.dir, 'haardt-link.db');
    symlinkSync(path, soft);
    linkSync(path, hard);
    const child = await otherCopy(path);
    try {
      for (const alias of [soft, hard]) expect(openError(alias).code).toBe('LOCKED');
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    open.push(openDatabase(path));
    expect(openError(hard).code).toBe('LOCKED');
  }, 20_000);
});

describe('a lock left behind', () => {
  const writeLock = (path: string, info: Record<string, unknown>) =>
    writeFileSync(
      lockPath(path),
      JSON.stringify({
        app: 'Tilsyn',
        host: hostname(),
        startedAt: new Date().toISOString(),
        heartbeat: new Date().toISOString(),
        ...info,
      }),
    );

  it('is freed when its PID now belongs to another program (its start time differs)', () => {
    const path = join(temp.dir, 'team.db');
    openDatabase(path).close();
    // PID 1 runs, but it is not the Tilsyn that wrote the lock: that one started at another moment.
    writeLock(path, { pid: 1, processStart: '1' });
    // The -wal a crashed copy leaves beside the file (else the open reports it missing, see file-changed.test).
    writeFileSync(`${path}-wal`, '');
    const db = openDatabase(path);
    open.push(db);
    expect(JSON.parse(readFileSync(lockPath(path), 'utf8')).pid).toBe(process.pid);
  });

  it('says which file to delete when the holder cannot be proven gone', () => {
    const path = join(temp.dir, 'team.db');
    openDatabase(path).close();
    writeLock(path, { pid: 1 });
    const err = openError(path);
    expect(err.code).toBe('LOCKED');
    expect(err.message).toContain(`slet filen ${lockPath(path)}`);
    expect(err.message).toContain('ingen anden Tilsyn har filen åben');
  });
});

describe('read-only and owner-only', () => {
  it('names a read-only file system as read-only', () => {
    const mount = join(temp.dir, 'drev');
    mkdirSync(mount);
    const root = process.getuid?.() === 0;
    // As root, permissions do not stop writes, so a real read-only mount is used; else a chmod'ed file.
    if (root) execFileSync('mount', ['-t', 'tmpfs', 'tmpfs', mount]);
    try {
      const path = join(mount, 'tilsyn.db');
      openDatabase(path).close();
      if (root) execFileSync('mount', ['-o', 'remount,ro', mount]);
      else execFileSync('chmod', ['0444', path]);
      const err = openError(path);
      expect(err.code).toBe('READ_ONLY');
      expect(err.message).toMatch(/^Filen .* kan kun læses/);
      expect(err.message).not.toContain('måske ikke adgang');
    } finally {
      if (root) execFileSync('umount', [mount]);
    }
  });

  it('writes the database, its -wal, copies, lock and recent list owner-only, and shares no -shm', async () => {
    const path = join(temp.dir, 'tilsyn.db');
    const recentFile = join(temp.dir, 'indstillinger', 'seneste.json');
    const session = createBackendSession({ dbPath: path, mode: 'browser', version: 't', recentFile });
    try {
      const copy = await takeBackup(session.db, 'manuel');
      const mode = (file: string) => statSync(file).mode & 0o777;
      for (const file of [path, `${path}-wal`, lockPath(path), recentFile]) {
        expect([file, mode(file)]).toEqual([file, 0o600]);
      }
      // The connection holds the file exclusively: its WAL index lives in its own memory, never in a shared file.
      expect(existsSync(`${path}-shm`)).toBe(false);
      expect(mode(join(temp.dir, 'tilsyn-sikkerhedskopier', copy.fileName))).toBe(0o600);
      expect(mode(join(temp.dir, 'tilsyn-sikkerhedskopier'))).toBe(0o700);
      expect(mode(join(temp.dir, 'indstillinger'))).toBe(0o700);
    } finally {
      session.close();
    }
  });
});

describe('the web host', () => {
  it('answers malformed percent-encoding with 400, not 500', async () => {
    const staticDir = join(temp.dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<meta name="tilsyn-token" content="" />');
    const host = await startWebHost({ dbPath: join(temp.dir, 'web.db'), port: 0, staticDir });
    try {
      const statuses: number[] = [];
      for (const [method, path] of [
        ['GET', '/%E0%A4%A'],
        ['POST', '/api/%ZZ'],
        ['GET', '/assets/%'],
      ] as const) {
        const res = await fetch(`${host.url.slice(0, -1)}${path}`, {
          method,
          headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' },
          body: method === 'POST' ? '{}' : undefined,
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([400, 400, 400]);
      expect((await fetch(host.url)).status).toBe(200);
    } finally {
      await host.close();
    }
  });
});
