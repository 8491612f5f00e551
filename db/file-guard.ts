// The database file changing under the app (issue #11): deleted, renamed away, or replaced by another file while
// it is open. SQLite keeps writing through its open descriptor into the old file (lost when that file is gone) and
// its -wal would be replayed into the newcomer after a crash, so every write first checks that the path still is
// the file that was opened.
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../shared/domain/backup';
import { goodCopyAdvice } from './backup/verify';

/** A file as the file system knows it: device and inode (NTFS fills both in on Windows too). */
export interface FileIdentity {
  dev: number;
  ino: number;
}

/** The identity of the file at `path` now (following symlinks); undefined when nothing is there. */
export function identityOf(path: string): FileIdentity | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? { dev: stat.dev, ino: stat.ino } : undefined;
}

export const identityKey = (id: FileIdentity) => `${id.dev}:${id.ino}`;

/** The open database's path no longer leads to the file it opened; nothing was written. Danish message. */
export class DatabaseFileChangedError extends Error {
  readonly newestGoodBackup?: BackupInfo;
  constructor(message: string, newestGoodBackup?: BackupInfo) {
    super(message);
    this.name = 'DatabaseFileChangedError';
    this.newestGoodBackup = newestGoodBackup;
  }
}

/** The one message for a file that changed under the app: what happened, that nothing is written, what to do. */
export function fileChanged(path: string, now: FileIdentity | undefined): DatabaseFileChangedError {
  const advice = goodCopyAdvice(path);
  const what = now
    ? `er blevet erstattet af en anden fil, mens Tilsyn havde den åben`
    : `er blevet slettet eller flyttet, mens Tilsyn havde den åben`;
  return new DatabaseFileChangedError(
    `Databasefilen ${path} ${what}. Tilsyn gemmer ikke mere, så intet skrives i en forkert fil; ` +
      `ændringen er ikke gemt. ${advice.text}` +
      (advice.backup ? ' Du kan også gendanne den under Indstillinger › Sikkerhedskopier.' : ''),
    advice.backup,
  );
}

/**
 * Checks that `path` still is the file `opened`; throws DatabaseFileChangedError otherwise. The first time the
 * change is seen, the connection's -wal is checkpointed and truncated through SQLite's own descriptors, so its
 * frames go into the old file and can never be replayed into a newcomer at this path.
 */
export function createIdentityCheck(sqlite: Database.Database, path: string, opened: FileIdentity): () => void {
  let seen = false;
  return () => {
    const now = identityOf(path);
    if (now && now.dev === opened.dev && now.ino === opened.ino) return;
    if (!seen) {
      seen = true;
      try {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // The old file's folder may be gone with it; then its -wal went too.
      }
    }
    throw fileChanged(path, now);
  };
}

/**
 * Makes every write through `sqlite` call `check` first: each writing statement outside a transaction, and the
 * first writing statement of each transaction (one stat per transaction, so a bulk import pays once). Reads are
 * left alone, so the leader can still see her work and list the backup copies.
 */
export function guardWrites(sqlite: Database.Database, check: () => void): void {
  let depth = 0;
  let checkedInTransaction = false;
  const beforeWrite = () => {
    if (depth > 0 && checkedInTransaction) return;
    check();
    if (depth > 0) checkedInTransaction = true;
  };

  const prepare = sqlite.prepare.bind(sqlite) as (...args: unknown[]) => Database.Statement;
  sqlite.prepare = ((...args: unknown[]) => {
    const statement = prepare(...args);
    if (statement.readonly) return statement;
    for (const name of ['run', 'get', 'all', 'iterate'] as const) {
      const original = statement[name].bind(statement) as (...a: unknown[]) => unknown;
      Object.defineProperty(statement, name, {
        value: (...a: unknown[]) => {
          beforeWrite();
          return original(...a);
        },
      });
    }
    return statement;
  }) as typeof sqlite.prepare;

  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = (source: string) => {
    beforeWrite();
    return exec(source);
  };

  const transaction = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...a: unknown[]) => unknown) =>
    transaction(function (this: unknown, ...a: unknown[]) {
      if (depth === 0) checkedInTransaction = false;
      depth++;
      try {
        return fn.apply(this, a);
      } finally {
        depth--;
      }
    })) as typeof sqlite.transaction;
}
