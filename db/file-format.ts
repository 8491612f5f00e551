// What makes a file a Tilsyn database, and how its files are kept on disk: shared by opening (./open) and by the
// backup copies (./backup), so neither has to import the other.
import { chmodSync, closeSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

/** Marks a SQLite file as Tilsyn's ('TILS'), so we never migrate somebody else's database. */
export const APPLICATION_ID = 0x54494c53;
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** True when `PRAGMA quick_check(5)` (or the complete `integrity_check(5)`) answers a single 'ok'. */
export function passesCheck(probe: Database.Database, pragma: 'quick_check(5)' | 'integrity_check(5)'): boolean {
  const answers = (probe.pragma(pragma) as Record<string, string>[]).map((row) => Object.values(row)[0]);
  return answers.length === 1 && answers[0] === 'ok';
}

/** The code of a Node or SQLite error ('SQLITE_CORRUPT', 'ENOSPC', …); '' when it has none. */
export function errorCode(err: unknown): string {
  return (err as { code?: string }).code ?? '';
}

/**
 * Only the user who runs Tilsyn may read the database and its backups (on macOS and Linux; on Windows the user's
 * profile folder already is private). A share that does not support permissions is left as it is.
 */
export function restrictToOwner(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(path, mode);
  } catch {
    // e.g. a network drive without POSIX permissions: the folder's own access rules apply.
  }
}

/** Flushes a file (or a folder, after a rename in it) to disk. */
export function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be synced on Windows; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Puts a finished temporary file in its place: on disk first, then renamed, then the rename itself on disk. */
export function replaceDurably(tmp: string, target: string): void {
  fsyncPath(tmp);
  renameSync(tmp, target);
  fsyncPath(dirname(target));
}
