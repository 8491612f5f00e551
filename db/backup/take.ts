// Taking a copy: SQLite's online backup API while the app keeps working (or VACUUM INTO when closing), each copy
// verified before it gets its name, and only then older copies pruned by the pruning rules.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo, BackupKind } from '../../shared/domain/backup';
import { type PruningOptions, planPruning } from '../../shared/domain/backup-pruning';
import type { TilsynDatabase } from '../open';
import {
  backupFolder,
  filesIn,
  locateAll,
  newBackupPath,
  readMarker,
  removeWithSidecars,
  switchToRollbackJournal,
} from './files';
import { publishCopy } from './publish';
import { workRowsOf } from './verify';

/** Pages copied per step of the online backup; between steps the event loop (and the app's writes) run. */
export const DEFAULT_PAGES_PER_STEP = 256;

const queues = new WeakMap<Database.Database, Promise<unknown>>();

/** One backup at a time per connection: a manual copy waits for a running automatic one. */
function enqueue<T>(db: TilsynDatabase, job: () => Promise<T>): Promise<T> {
  const previous = queues.get(db.sqlite) ?? Promise.resolve();
  const next = previous.then(job, job);
  queues.set(
    db.sqlite,
    next.catch(() => undefined),
  );
  return next;
}

export interface TakeBackupOptions {
  now?: () => Date;
  pagesPerStep?: number;
  pruning?: PruningOptions;
  /** Copies the pruning after this copy must leave alone (besides the new one and a staged restore's). */
  protect?: string[];
  /**
   * Told the pages copied of all between the online backup's steps. A throw stops the copy: the half-made copy is
   * deleted, and the throw is what takeBackup rejects with (a cancel, say).
   */
  onProgress?: (copiedPages: number, totalPages: number) => void;
}

/**
 * A new copy: written to `tmp` first (the two ways of taking a copy differ only in how), then either discarded
 * after a failed write, or published (verified and named) and followed by pruning the older copies.
 */
function newCopy(db: TilsynDatabase, kind: BackupKind, options: TakeBackupOptions) {
  const createdAt = options.now?.() ?? new Date();
  const { path: target } = newBackupPath(db.path, createdAt, kind);
  const tmp = `${target}.tmp`;
  return {
    tmp,
    discard: () => removeWithSidecars(tmp),
    publish(): BackupInfo {
      const info = publishCopy(tmp, target, kind, createdAt);
      pruneBackups(db.path, createdAt, {
        protect: [info.fileName, ...(options.protect ?? [])],
        pruning: options.pruning,
      });
      return info;
    },
  };
}

/**
 * Takes a copy with SQLite's online backup API: page by page, with the event loop (and the app's own writes,
 * which SQLite copies along) running between steps. The copy is verified before it gets its name, and only then
 * are older copies pruned by the pruning rules.
 */
export function takeBackup(db: TilsynDatabase, kind: BackupKind, options: TakeBackupOptions = {}): Promise<BackupInfo> {
  return enqueue(db, async () => {
    // A copy is taken of a file that has passed its check (db/integrity.ts): the start's copy waits for it.
    await db.integrity.settled();
    db.integrity.ensure();
    // A copy of a file that is no longer at its path would be filed among the copies of whatever is there now.
    db.assertSameFile();
    const copy = newCopy(db, kind, options);
    const pages = options.pagesPerStep ?? DEFAULT_PAGES_PER_STEP;
    // The app's own writes between steps go into the copy as they happen (SQLite updates a backup from the same
    // connection); no other connection can write, as the app holds the file exclusively (db/open.ts).
    const progress = ({ totalPages, remainingPages }: { totalPages: number; remainingPages: number }) => {
      options.onProgress?.(totalPages - remainingPages, totalPages);
      return pages;
    };
    try {
      await db.sqlite.backup(copy.tmp, { progress });
      // The copy carries the source's WAL mode; a copy is one self-contained file, so it gets a rollback journal.
      switchToRollbackJournal(copy.tmp);
    } catch (err) {
      copy.discard();
      throw err;
    }
    return copy.publish();
  });
}

/**
 * The same as takeBackup, but synchronous, with `VACUUM INTO`: for closing, when nothing else runs and
 * the caller cannot wait. It holds the event loop for the whole copy.
 */
export function takeBackupSync(db: TilsynDatabase, kind: BackupKind, options: TakeBackupOptions = {}): BackupInfo {
  db.integrity.ensure();
  db.assertSameFile();
  const copy = newCopy(db, kind, options);
  try {
    db.sqlite.prepare('VACUUM INTO ?').run(copy.tmp);
  } catch (err) {
    copy.discard();
    throw err;
  }
  return copy.publish();
}

/**
 * Deletes the copies the pruning rules let go (see shared/domain/backup-pruning.ts); `protect` names copies
 * that stay whatever the rules say (the one just made). The copies a staged restore names are never deleted.
 * Returns what was deleted.
 */
export function pruneBackups(
  dbPath: string,
  now: Date,
  options: { protect?: string[]; pruning?: PruningOptions } = {},
): BackupInfo[] {
  const located = locateAll(dbPath);
  const byInfo = new Map(located.map((l) => [{ ...l.info, workRows: workRowsOf(l.path) }, l.path]));
  const marker = readMarker(dbPath);
  const protect = [...(options.protect ?? []), marker?.fileName, marker?.safetyCopy];
  const deleted: BackupInfo[] = [];
  for (const info of planPruning([...byInfo.keys()], now, options.pruning).delete) {
    const path = byInfo.get(info);
    if (!path || protect.includes(info.fileName)) continue;
    removeWithSidecars(path);
    deleted.push(info);
  }
  return deleted;
}

/** Half-written copies left by a crash or a kill (a finished copy never ends in .tmp). */
export function removeStaleTemporaryFiles(dbPath: string, now: Date): void {
  const folder = backupFolder(dbPath);
  for (const fileName of filesIn(folder)) {
    if (!/\.tmp(-journal|-wal|-shm)?$/.test(fileName)) continue;
    try {
      const file = join(folder, fileName);
      if (now.getTime() - statSync(file).mtimeMs > 60 * 60 * 1000) rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  }
}
