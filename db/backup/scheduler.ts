// The automatic schedule: a copy at start, at most one per interval while something is written, a last one at close.
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/domain/backup';
import type { PruningOptions } from '../../shared/domain/backup-pruning';
import type { TilsynDatabase } from '../open';
import { removeStaleTemporaryFiles, type TakeBackupOptions, takeBackup, takeBackupSync } from './take';

export const DEFAULT_BACKUP_INTERVAL_MS = 15 * 60 * 1000;

export interface BackupSchedulerOptions {
  /** How often to look for changes; default 15 minutes. */
  intervalMs?: number;
  /** A copy right away (default true). */
  backupAtStart?: boolean;
  /** Where failed automatic copies are reported; default console.error. */
  onError?: (err: unknown) => void;
  now?: () => Date;
  pagesPerStep?: number;
  pruning?: PruningOptions;
}

export interface BackupScheduler {
  /** What the timer does: a copy if the database changed since the last one. */
  tick(): Promise<BackupInfo | undefined>;
  /** Stops the timer, waits for a running copy, and takes a last one if anything changed since. */
  stop(): Promise<void>;
  readonly stopped: boolean;
  /** The newest copy this scheduler took. */
  readonly last: BackupInfo | undefined;
}

const schedulers = new WeakMap<Database.Database, BackupScheduler>();

/**
 * Automatic copies ('auto'): one at start, then at most every `intervalMs` but only when something was written
 * (`total_changes()` of the connection moved), and a last one when the database is closed. The timer is unref'd,
 * so it never keeps the process alive. `db.close()` is wrapped: it stops the timer and, if anything changed since
 * the last copy, takes that last copy synchronously before closing. One scheduler per database.
 */
export function startBackupScheduler(db: TilsynDatabase, options: BackupSchedulerOptions = {}): BackupScheduler {
  const existing = schedulers.get(db.sqlite);
  if (existing && !existing.stopped) return existing;

  const onError = options.onError ?? ((err: unknown) => console.error('Automatisk sikkerhedskopi mislykkedes:', err));
  const now = options.now ?? (() => new Date());
  const takeOptions: TakeBackupOptions = { now, pagesPerStep: options.pagesPerStep, pruning: options.pruning };
  // Plucked at each read: the statement cache hands a statement back with pluck off to whoever prepares it again.
  const totalChanges = db.sqlite.prepare('SELECT total_changes()');
  const changes = () => totalChanges.pluck(true).get() as number;

  /** total_changes() when the newest copy was started: later writes make the next tick copy again. */
  let copiedAt: number | undefined;
  let running: Promise<BackupInfo | undefined> | undefined;
  let stopped = false;
  let last: BackupInfo | undefined;
  const baseline = changes();

  const run = () => {
    const before = changes();
    running = takeBackup(db, 'auto', takeOptions)
      .then(
        (info) => {
          copiedAt = before;
          last = info;
          return info;
        },
        (err: unknown) => {
          // A copy cut short by closing the database is not an error.
          if (db.sqlite.open) onError(err);
          return undefined;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const changedSinceCopy = () => changes() !== (copiedAt ?? baseline);

  const timer = setInterval(() => void scheduler.tick(), options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS);
  timer.unref();

  const halt = () => {
    stopped = true;
    clearInterval(timer);
  };

  const scheduler: BackupScheduler = {
    get stopped() {
      return stopped;
    },
    get last() {
      return last;
    },
    async tick() {
      if (stopped) return undefined;
      if (!db.sqlite.open) {
        halt();
        return undefined;
      }
      if (running || (copiedAt !== undefined && !changedSinceCopy())) return undefined;
      return run();
    },
    async stop() {
      if (stopped) return;
      halt();
      await running;
      if (db.sqlite.open && changedSinceCopy()) {
        const before = changes();
        try {
          last = await takeBackup(db, 'auto', takeOptions);
          copiedAt = before;
        } catch (err) {
          if (db.sqlite.open) onError(err);
        }
      }
    },
  };

  const close = db.close;
  db.close = () => {
    if (!stopped) {
      halt();
      if (db.sqlite.open && changedSinceCopy()) {
        try {
          last = takeBackupSync(db, 'auto', takeOptions);
        } catch (err) {
          onError(err);
        }
      }
    }
    close.call(db);
  };

  schedulers.set(db.sqlite, scheduler);
  removeStaleTemporaryFiles(db.path, now());
  if (options.backupAtStart ?? true) void run();
  else copiedAt = baseline;
  return scheduler;
}
