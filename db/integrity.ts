// The integrity check of an open (issue #18): `PRAGMA quick_check` reads the whole file, about 190 ms at 160 MB, and
// every start paid for it before the first screen. A file found exactly as this app left it after a check it
// passed (same inode, length and times, no -wal beside it, at most a week ago) is checked just after the start instead:
// before its first write or backup, or two seconds in, whichever comes first. Any other file is checked at open as
// before, so a file changed, copied, cut short or laid back since is still refused untouched.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { DEFERRED_CHECK_MS } from '../shared/domain/backup';
import { passesCheck, restrictToOwner } from './file-format';
import { damaged } from './open-checks';
import type { DatabaseOpenError } from './open-error';

/** A mark older than this is not trusted: the file is checked at open again (bit rot is found within a week). */
const MARK_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

interface Mark {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  /** Changed by every write and by setting the time back: a file written and »touched« back is not as it was left. */
  ctimeNs: string;
  checkedAt: string;
}

/** Beside the file: what the file was when the app last closed it, whole. */
export const markPath = (path: string) => `${path}.tjekket`;

function stampOf(path: string): Omit<Mark, 'checkedAt'> | undefined {
  try {
    const s = statSync(path, { bigint: true });
    const [dev, ino, size, mtimeNs, ctimeNs] = [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].map(String);
    return { dev, ino, size, mtimeNs, ctimeNs } as Omit<Mark, 'checkedAt'>;
  } catch {
    return undefined;
  }
}

/** True when the file is exactly as the app left it after a check it passed, recently, with nothing beside it. */
export function leftWhole(path: string, now: Date = new Date()): boolean {
  let mark: Mark;
  try {
    mark = JSON.parse(readFileSync(markPath(path), 'utf8')) as Mark;
  } catch {
    return false;
  }
  const stamp = stampOf(path);
  if (!stamp || existsSync(`${path}-wal`) || existsSync(`${path}-journal`)) return false;
  const age = now.getTime() - Date.parse(mark.checkedAt);
  if (!(age >= 0 && age <= MARK_MAX_AGE_MS)) return false;
  return (Object.keys(stamp) as (keyof typeof stamp)[]).every((k) => mark[k] === stamp[k]);
}

/** The file, closed whole after a check it passed (`checkedAt`), is marked so; a mark that cannot be written is none. */
export function markWhole(path: string, checkedAt: Date): void {
  const stamp = stampOf(path);
  if (!stamp) return;
  const tmp = `${markPath(path)}.ny`;
  try {
    writeFileSync(tmp, JSON.stringify({ ...stamp, checkedAt: checkedAt.toISOString() }), { mode: 0o600 });
    restrictToOwner(tmp, 0o600);
    renameSync(tmp, markPath(path));
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** The file is open and will change: its mark says nothing any more. */
export function forgetMark(path: string): void {
  rmSync(markPath(path), { force: true });
}

/**
 * The check of one open file: done at open (`deferred` false), or pending until ensure() runs it. A failed check
 * is kept: every later ensure() throws the same DAMAGED error, so nothing more is written to the file.
 */
export function createIntegrity(sqlite: Database.Database, path: string, deferred: boolean) {
  let state: 'ok' | 'pending' | DatabaseOpenError = deferred ? 'pending' : 'ok';
  let checkedAt = deferred ? undefined : new Date();
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  if (!deferred) settle();
  const timer = deferred ? setTimeout(() => safely(), DEFERRED_CHECK_MS) : undefined;
  timer?.unref();

  /** Runs the check now if it is pending; throws DAMAGED when it failed, now or before. */
  function ensure(): void {
    if (state === 'pending') {
      clearTimeout(timer);
      state = sqlite.open && !passesCheck(sqlite, 'quick_check(5)') ? damaged(path) : 'ok';
      checkedAt = new Date();
      settle();
    }
    if (state !== 'ok') throw state;
  }

  function safely(): void {
    try {
      ensure();
    } catch {
      // Kept in `state`: said at the next write, backup or app.info.
    }
  }

  return {
    ensure,
    /** Resolves once the check has run (at once when it ran at open); the start's backup waits for it. */
    settled: () => settled,
    /** The Danish message of a check that failed after the start; null while it passes or is pending. */
    damage: (): DatabaseOpenError | null => (typeof state === 'string' ? null : state),
    /** Before the connection closes: a check still pending runs now, so the next start can leave it until after. */
    closing: safely,
    /** After it closed: a file checked whole this run is marked so for the next start. */
    closed(whole: boolean): void {
      clearTimeout(timer);
      settle();
      if (whole && state === 'ok' && checkedAt) markWhole(path, checkedAt);
    },
  };
}

export type Integrity = ReturnType<typeof createIntegrity>;
