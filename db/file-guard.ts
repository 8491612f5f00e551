// The database file changing under the app (issue #11): deleted, renamed away, or replaced by another file while
// it is open. SQLite keeps writing through its open descriptor into the old file (lost when that file is gone) and
// its -wal would be replayed into the newcomer after a crash, so every write first checks that the path still is
// the file that was opened.
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../shared/domain/backup';
import { formatDanishDateTime } from '../shared/domain/dates';
import { takeRescueCopy } from './backup/publish';
import { goodCopyAdvice } from './backup/verify';
import { readHeader } from './open-checks';

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

/** What became of the file at the path: gone (deleted or moved), another file in its place, or cut short. */
export type FileChange = 'gone' | 'replaced' | 'cut';

const WHAT: Record<FileChange, string> = {
  gone: 'er blevet slettet eller flyttet, mens Tilsyn havde den åben',
  replaced: 'er blevet erstattet af en anden fil, mens Tilsyn havde den åben',
  cut: 'er blevet tømt eller afkortet af et andet program, mens Tilsyn havde den åben',
};

/**
 * The one message for a file that changed under the app: what happened, that nothing more is written, and where
 * the leader's work is: the rescue copy taken the moment it was seen, or else the newest good copy.
 */
export function fileChanged(path: string, change: FileChange, rescued?: BackupInfo): DatabaseFileChangedError {
  const start =
    `Databasefilen ${path} ${WHAT[change]}. Tilsyn gemmer ikke mere, så intet skrives i en forkert fil; ` +
    'den seneste ændring er ikke gemt.';
  const restore = ' Gendan den under Indstillinger › Sikkerhedskopier; filen, der ligger der nu, gemmes ved siden af.';
  if (rescued) {
    return new DatabaseFileChangedError(
      `${start} Alt, hvad der var gemt indtil da, er reddet i sikkerhedskopien fra ` +
        `${formatDanishDateTime(rescued.createdAt)} (${rescued.fileName}).${restore}`,
      rescued,
    );
  }
  const advice = goodCopyAdvice(path);
  return new DatabaseFileChangedError(
    `${start} Det, der var gemt, kunne ikke reddes. ${advice.text}${advice.backup ? restore : ''}`,
    advice.backup,
  );
}

/**
 * Checks that `path` still is the file `opened`, whole; throws DatabaseFileChangedError otherwise. The first time
 * a change is seen, a deleted or replaced file's -wal is checkpointed through SQLite's own descriptors (so its
 * frames go into the old file and can never be replayed into a newcomer at this path), and a rescue copy of what
 * the connection still reads is taken at once; every later write gets the same answer until the file is back.
 */
export function createIdentityCheck(sqlite: Database.Database, path: string, opened: FileIdentity): () => void {
  let refusal: DatabaseFileChangedError | undefined;
  // While the change is handled, the checkpoint and the copy run through the guarded connection themselves.
  let handling = false;
  return () => {
    if (handling) return;
    const change = changeOf(path, opened);
    // A file put back where it was takes saves again.
    if (!change) return;
    if (refusal) throw refusal;
    handling = true;
    try {
      if (change !== 'cut') {
        try {
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // The old file's folder may be gone with it; then its -wal went too.
        }
      }
      refusal = fileChanged(path, change, takeRescueCopy(sqlite, path));
    } finally {
      handling = false;
    }
    throw refusal;
  };
}

/** Whether the path still leads to the opened file, and that file still holds what its own header says. */
function changeOf(path: string, opened: FileIdentity): FileChange | undefined {
  const now = identityOf(path);
  if (!now) return 'gone';
  if (now.dev !== opened.dev || now.ino !== opened.ino) return 'replaced';
  try {
    const header = readHeader(path);
    return header.tilsyn && !header.truncated ? undefined : 'cut';
  } catch {
    return 'gone';
  }
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
