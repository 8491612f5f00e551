import type { ChildProcess } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPath, STALE_AFTER_MS } from '../../db/lock';
import { openDatabase } from '../../db/open';
import { openRefusal } from '../support/api';
import { otherCopy as startOtherCopy } from '../support/other-copy';
import { makeTempDir } from '../support/temp';

// Issue #7: a database file open in one running copy of Tilsyn is refused by another, with a clear message.
let temp: ReturnType<typeof makeTempDir>;
let dbPath: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  temp = makeTempDir('tilsyn-laas-');
  dbPath = join(temp.dir, 'team.db');
});
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  temp.cleanup();
});

const otherCopy = (path = dbPath) => startOtherCopy(path, temp.dir);

const openError = () => openRefusal(dbPath);

describe('a database file in use', () => {
  it('is refused while another copy on this computer has it open, and free once that copy is gone', async () => {
    child = await otherCopy();
    const err = openError();
    expect(err.code).toBe('LOCKED');
    expect(err.message).toMatch(/er allerede åbnet i Tilsyn på denne computer .*Luk Tilsyn dér først/);
    // The other copy crashes: its lock is left behind, but its process is gone, so the file opens.
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    const db = openDatabase(dbPath);
    expect(JSON.parse(readFileSync(lockPath(db.path), 'utf8')).pid).toBe(process.pid);
    db.close();
    expect(existsSync(lockPath(dbPath))).toBe(false);
  }, 20_000);

  it('is refused when another copy has the same file open by a hard link in another folder', async () => {
    openDatabase(dbPath).close();
    const elsewhere = join(temp.dir, 'andet-drev');
    mkdirSync(elsewhere);
    const link = join(elsewhere, 'kopi.db');
    linkSync(dbPath, link);
    // The other copy's lock file lies beside the link, where this copy never looks.
    child = await otherCopy(link);
    const err = openError();
    expect(err.code).toBe('LOCKED');
    expect(err.message).toContain('er allerede åbnet i en anden Tilsyn');
    // Refused untouched: the other copy's data stays readable to it, and nothing was written here.
    expect(existsSync(lockPath(dbPath))).toBe(false);
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    // The operating system let go of the file with the process: it opens at once.
    openDatabase(dbPath).close();
  }, 20_000);

  it('names the other computer for a file on a shared drive, and takes over a lock left there long ago', () => {
    const now = new Date();
    const lock = (heartbeat: Date) =>
      writeFileSync(
        lockPath(dbPath),
        JSON.stringify({
          app: 'Tilsyn',
          pid: 1,
          host: `${hostname()}-kollega`,
          startedAt: now.toISOString(),
          heartbeat,
        }),
      );
    openDatabase(dbPath).close();
    lock(now);
    const err = openError();
    expect(err.code).toBe('LOCKED');
    expect(err.message).toContain(`computeren ${hostname()}-kollega`);
    lock(new Date(now.getTime() - STALE_AFTER_MS - 60_000));
    // The -wal the crashed copy left on the share (without it the open reports work that may be missing).
    writeFileSync(`${dbPath}-wal`, '');
    openDatabase(dbPath).close();
  });

  it('lets the same program open and close the file again', () => {
    openDatabase(dbPath).close();
    const again = openDatabase(dbPath);
    expect(existsSync(lockPath(dbPath))).toBe(true);
    again.close();
    expect(existsSync(lockPath(dbPath))).toBe(false);
  });
});
