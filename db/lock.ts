import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { type FileIdentity, identityKey, identityOf } from './file-guard';

/** Written beside the database while a copy of Tilsyn has it open: `<file>.laas`. */
interface LockInfo {
  app: 'Tilsyn';
  pid: number;
  host: string;
  startedAt: string;
  /** Refreshed every minute, so a lock left by a crash on another computer goes stale. */
  heartbeat: string;
  /** When the holder process started (Linux: /proc), so a PID reused by another program is told apart. */
  processStart?: string;
  /** This boot of the computer (Linux): a lock from before a restart is provably left behind. */
  bootId?: string;
  /** The database file's device and inode, so a hard link to the same file finds this lock. */
  file?: string;
  /** Tells this open apart from every other, also in the same process. */
  token?: string;
}

/** A lock on another computer counts as left behind when its heartbeat is older than this. */
export const STALE_AFTER_MS = 3 * 60_000;
const HEARTBEAT_MS = 60_000;

/** Who holds the lock; `provable` when the holder is known to be a running Tilsyn (else the user may free it). */
export type LockRefusal = { by: string; since: string; provable: boolean; lockFile: string };

export const lockPath = (dbPath: string) => `${dbPath}.laas`;

/** The files this process has open, by device and inode: a second path to one of them is refused. */
const openHere = new Map<string, string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat); undefined elsewhere. */
function processStart(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: the fields after the last ')' are plain.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const bootId = () => readText('/proc/sys/kernel/random/boot_id');

function read(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return info.app === 'Tilsyn' && typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** 'gone' when the holder is provably not running, 'running' when provably a running Tilsyn, else 'unknown'. */
function holderState(info: LockInfo, now: number): 'gone' | 'running' | 'unknown' {
  if (info.host !== hostname()) return now - Date.parse(info.heartbeat) > STALE_AFTER_MS ? 'gone' : 'unknown';
  const boot = bootId();
  if (info.bootId && boot && info.bootId !== boot) return 'gone';
  if (info.pid === process.pid) return 'gone';
  if (!alive(info.pid)) return 'gone';
  const started = processStart(info.pid);
  if (!info.processStart || !started) return 'unknown';
  return started === info.processStart ? 'running' : 'gone';
}

/** The file (device:inode) a lock file names, read before it is taken over: what a crashed run had open. */
export function lockedFileKey(dbPath: string): string | undefined {
  return read(lockPath(dbPath))?.file;
}

/** Who holds a lock that is still valid, or undefined when the lock is absent, ours, or left behind. */
export function lockHolder(path: string, now = Date.now()): LockRefusal | undefined {
  const info = read(path);
  if (!info) return undefined;
  const state = holderState(info, now);
  if (state === 'gone') return undefined;
  return {
    by: info.host === hostname() ? 'denne computer' : `computeren ${info.host}`,
    since: info.startedAt,
    provable: state === 'running',
    lockFile: path,
  };
}

/** A valid lock held on the same file under another name (a hard link in the same folder). */
function holderOfAlias(dbPath: string, id: FileIdentity | undefined): LockRefusal | undefined {
  if (!id) return undefined;
  const key = identityKey(id);
  const here = openHere.get(key);
  // Only while that path still leads to the file: a file deleted without closing may have left its inode free.
  const hereNow = here === undefined ? undefined : identityOf(here);
  if (here !== undefined && here !== dbPath && hereNow && identityKey(hereNow) === key) {
    return { by: 'denne computer', since: new Date().toISOString(), provable: true, lockFile: lockPath(here) };
  }
  let names: string[];
  try {
    names = readdirSync(dirname(dbPath));
  } catch {
    return undefined;
  }
  for (const name of names) {
    const other = join(dirname(dbPath), name);
    if (!name.endsWith('.laas') || other === lockPath(dbPath) || read(other)?.file !== key) continue;
    const holder = lockHolder(other);
    if (holder) return holder;
  }
  return undefined;
}

export interface HeldLock {
  release(): void;
  /** Records the file's device and inode (known once a new file exists), so its hard links find the lock. */
  identify(id: FileIdentity): void;
}

/**
 * Takes the lock on a database file (its resolved real path), so a second running copy of Tilsyn (on this
 * computer or, for a file on a network drive, on another) is refused instead of both writing to it, also when it
 * reaches the file by a hard link. Returns the lock, or the holder when the file is in use. A folder where no
 * lock can be written (read-only) gets no lock: opening the database reports that problem itself.
 */
export function acquireLock(dbPath: string, id?: FileIdentity): HeldLock | { refused: LockRefusal } {
  const path = lockPath(dbPath);
  const holder = lockHolder(path) ?? holderOfAlias(dbPath, id);
  if (holder) return { refused: holder };
  const info: LockInfo = {
    app: 'Tilsyn',
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    heartbeat: new Date().toISOString(),
    processStart: processStart(process.pid),
    bootId: bootId(),
    file: id && identityKey(id),
    token: randomBytes(12).toString('hex'),
  };
  const write = (flag: 'w' | 'wx') => {
    info.heartbeat = new Date().toISOString();
    writeFileSync(path, JSON.stringify(info), { flag, mode: 0o600 });
    // The mode above applies only to a new file; a lock left behind keeps its own otherwise.
    if (process.platform !== 'win32') chmodSync(path, 0o600);
  };
  try {
    // A fresh lock is created exclusively, so two copies starting at the same moment cannot both take it.
    write(existsSync(path) ? 'w' : 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      const other = lockHolder(path);
      if (other) return { refused: other };
    }
    return { release: () => undefined, identify: () => undefined };
  }
  const ours = () => read(path)?.token === info.token;
  const timer = setInterval(() => {
    try {
      if (ours()) write('w');
    } catch {
      // A network drive that went away: the next open will find the lock stale.
    }
  }, HEARTBEAT_MS);
  timer.unref();
  const identify = (known: FileIdentity) => {
    info.file = identityKey(known);
    openHere.set(info.file, dbPath);
    try {
      if (ours()) write('w');
    } catch {
      // The lock still guards the path itself.
    }
  };
  if (id) identify(id);
  return {
    identify,
    release() {
      clearInterval(timer);
      if (info.file && openHere.get(info.file) === dbPath) openHere.delete(info.file);
      if (ours()) rmSync(path, { force: true });
    },
  };
}
