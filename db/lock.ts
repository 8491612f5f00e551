import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Written beside the database while a copy of Tilsyn has it open: `<file>.laas`. */
interface LockInfo {
  app: 'Tilsyn';
  pid: number;
  host: string;
  startedAt: string;
  /** Refreshed every minute, so a lock left by a crash on another computer goes stale. */
  heartbeat: string;
}

/** A lock on another computer counts as left behind when its heartbeat is older than this. */
export const STALE_AFTER_MS = 3 * 60_000;
const HEARTBEAT_MS = 60_000;

export type LockRefusal = { by: string; since: string };

export const lockPath = (dbPath: string) => `${dbPath}.laas`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return info.app === 'Tilsyn' && typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Who holds a lock that is still valid, or undefined when the lock is absent, ours, or left behind. */
export function lockHolder(path: string, now = Date.now()): LockRefusal | undefined {
  const info = read(path);
  if (!info) return undefined;
  if (info.host === hostname()) {
    if (info.pid === process.pid || !alive(info.pid)) return undefined;
  } else if (now - Date.parse(info.heartbeat) > STALE_AFTER_MS) {
    return undefined;
  }
  return { by: info.host === hostname() ? 'denne computer' : `computeren ${info.host}`, since: info.startedAt };
}

/**
 * Takes the lock on a database file, so a second running copy of Tilsyn (on this computer or, for a file on a
 * network drive, on another) is refused instead of both writing to it. Returns a release function, or the
 * holder when the file is in use. A folder where no lock can be written (read-only) gets no lock: opening the
 * database reports that problem itself.
 */
export function acquireLock(dbPath: string): { release(): void } | { refused: LockRefusal } {
  const path = lockPath(dbPath);
  const holder = lockHolder(path);
  if (holder) return { refused: holder };
  const startedAt = new Date().toISOString();
  const write = (flag: 'w' | 'wx') => {
    const info: LockInfo = {
      app: 'Tilsyn',
      pid: process.pid,
      host: hostname(),
      startedAt,
      heartbeat: new Date().toISOString(),
    };
    writeFileSync(path, JSON.stringify(info), { flag });
  };
  try {
    // A fresh lock is created exclusively, so two copies starting at the same moment cannot both take it.
    write(existsSync(path) ? 'w' : 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      const other = lockHolder(path);
      if (other) return { refused: other };
    }
    return { release: () => undefined };
  }
  const timer = setInterval(() => {
    try {
      if (read(path)?.startedAt === startedAt) write('w');
    } catch {
      // A network drive that went away: the next open will find the lock stale.
    }
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    release() {
      clearInterval(timer);
      const info = read(path);
      if (info?.pid === process.pid && info.startedAt === startedAt) rmSync(path, { force: true });
    },
  };
}
