// The database file changing under the app (issue #11): deleted, renamed away, replaced, cut short or written over
// while it is open. SQLite keeps writing through its open descriptor into the old file (lost when that file is
// gone) and its -wal would be replayed into the newcomer after a crash, so every write first checks that the path
// still is the file that was opened, as the app left it (./write-hooks.ts makes every write ask).
import { closeSync, fstatSync, openSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../shared/domain/backup';
import { formatDanishDateTime } from '../shared/domain/dates';
import { takeRescueCopy } from './backup/publish';
import { goodCopyAdvice } from './backup/verify';
import { createFingerprint } from './file-fingerprint';
import { fsyncPath } from './file-format';

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

/** What became of the file at the path: gone, another file in its place, cut short, or written over in place. */
export type FileChange = 'gone' | 'replaced' | 'cut' | 'overwritten';

const WHAT: Record<FileChange, string> = {
  gone: 'er blevet slettet eller flyttet, mens Tilsyn havde den åben',
  replaced: 'er blevet erstattet af en anden fil, mens Tilsyn havde den åben',
  cut: 'er blevet tømt eller afkortet af et andet program, mens Tilsyn havde den åben',
  overwritten: 'er blevet overskrevet af et andet program (fx en kopi lagt oven i den), mens Tilsyn havde den åben',
};

/**
 * The one message for a file that changed under the app: what happened, that nothing more is written, and where
 * the leader's work is: the rescue copy taken the moment it was seen, or else the newest good copy.
 */
export function fileChanged(
  path: string,
  change: FileChange,
  rescued?: BackupInfo,
  keptAside?: string,
): DatabaseFileChangedError {
  const kept = keptAside
    ? ` Filen, der blev lagt oven i den, er gemt uændret som ${keptAside} og lægges tilbage på sin plads, når ` +
      'Tilsyn lukkes. Luk Tilsyn, før filen bruges igen.'
    : '';
  const start =
    `Databasefilen ${path} ${WHAT[change]}. Tilsyn gemmer ikke mere, så intet skrives i en forkert fil; ` +
    `den seneste ændring er ikke gemt.${kept}`;
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
    `${start} Det, der var gemt siden den seneste sikkerhedskopi, kunne ikke reddes. ${advice.text}` +
      (advice.backup ? restore : ''),
    advice.backup,
  );
}

/** The file as this connection last left it: which file, how long, when last written. */
interface Seen {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
}

const seenOf = (path: string): Seen | undefined => statSync(path, { bigint: true, throwIfNoEntry: false });

/** The first page of a database (4 KB, page 1 at the usual page size): its header and schema root. */
const HEAD_BYTES = 4096;

export interface IdentityCheck {
  /** Before a write: throws DatabaseFileChangedError when the file is not as this connection left it. */
  check(): void;
  /** After a write (which may have checkpointed into the file): the file as it is now is this connection's. */
  written(): void;
  /**
   * After the connection is closed: lets go of the guard's own descriptor, and puts a file that was written over
   * in place back as it was laid there (closing checkpointed this connection's -wal into it).
   */
  closed(): void;
}

/**
 * Checks that `path` still is the file that was opened, as this connection left it: the same file (device and
 * inode), and, when its length or time of last change moved without this connection writing, the same first page
 * and, where the file was fingerprinted as this connection left it, the same content (a `touch` or a sync tool
 * changes only the time; an older copy of the same file laid back changes the content, often not the first page). The first time a change is seen:
 * - deleted or replaced: the -wal is checkpointed through SQLite's own descriptors into the old file (so it can
 *   never be replayed into a newcomer at this path), and a rescue copy of the connection's data is taken;
 * - cut short: a rescue copy is tried (it passes its check only when every page could still be read);
 * - written over in place: no rescue copy (it would mix two databases); the -wal is moved aside, so a crash
 *   does not replay it into the other file, and the other file is kept aside exactly as it was laid there and put
 *   back when the connection has closed (closing checkpoints into the file through SQLite's own descriptor).
 * Every later write gets the same answer until the file is back as it was.
 *
 * The first page is read through one descriptor kept open until the connection has closed: closing any
 * descriptor of the database file in this process would drop SQLite's operating-system lock on it (POSIX locks
 * belong to the process and the file).
 */
export function createIdentityCheck(sqlite: Database.Database, path: string): IdentityCheck {
  const fd = openSync(path, 'r');
  const headOf = () => {
    const head = Buffer.alloc(HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  };
  let seen = seenOf(path);
  let head = headOf();
  const fingerprint = createFingerprint(fd, () => seenOf(path));
  if (seen) fingerprint.schedule(seen);
  let refusal: { change: FileChange; error: DatabaseFileChangedError } | undefined;
  /** Where the file written over this one is kept, as it was laid there. */
  let foreign: string | undefined;
  // While the change is handled, the checkpoint and the copy run through the guarded connection themselves.
  let handling = false;
  const sameFile = (now: Seen | undefined): now is Seen =>
    !!now && !!seen && now.dev === seen.dev && now.ino === seen.ino;
  const changeOf = (now: Seen | undefined): FileChange | undefined => {
    if (!now || !seen) return 'gone';
    if (!sameFile(now)) return 'replaced';
    if (now.size === seen.size && now.mtimeNs === seen.mtimeNs) return undefined;
    if (now.size < seen.size) return 'cut';
    if (!headOf().equals(head)) return 'overwritten';
    // The first page is this connection's; the whole file is compared when it was fingerprinted as it was left.
    if (fingerprint.unchangedSince(seen, now) === false) return 'overwritten';
    // Only the time (or more pages) moved, the content this connection wrote is there: still its file.
    seen = now;
    fingerprint.schedule(now);
    return undefined;
  };
  const handle = (change: FileChange) => {
    if (change === 'overwritten') {
      moveWalAside(path);
      foreign = keepAside(fd, path);
      return fileChanged(path, change, undefined, foreign);
    }
    if (change !== 'cut') {
      try {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // The old file's folder may be gone with it; then its -wal went too.
      }
    }
    return fileChanged(path, change, takeRescueCopy(sqlite, path));
  };
  return {
    check() {
      if (handling) return;
      const now = seenOf(path);
      const change = foreign !== undefined ? 'overwritten' : changeOf(now);
      if (!change) return;
      const wentAway = refusal?.change === 'gone' || refusal?.change === 'replaced';
      if (wentAway && sameFile(now)) {
        // A file put back where it was takes saves again (changed only by the checkpoint made when it went).
        seen = now;
        head = headOf();
        fingerprint.schedule(now);
        refusal = undefined;
        return;
      }
      if (!refusal) {
        handling = true;
        try {
          refusal = { change, error: handle(change) };
        } finally {
          handling = false;
        }
      }
      throw refusal.error;
    },
    written() {
      if (handling || refusal) return;
      const now = seenOf(path);
      if (!sameFile(now) || !seen) return;
      if (now.size !== seen.size || now.mtimeNs !== seen.mtimeNs) {
        head = headOf();
        fingerprint.schedule(now);
      }
      seen = now;
    },
    closed() {
      fingerprint.stop();
      closeSync(fd);
      if (foreign !== undefined) renameSync(foreign, path);
    },
  };
}

/** A copy of the file as another program laid it over the open one, read through the guard's own descriptor. */
function keepAside(fd: number, path: string): string {
  const aside = `${path}.lagt-oven-i.${Date.now()}`;
  const { size } = fstatSync(fd);
  const bytes = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  writeFileSync(aside, bytes.subarray(0, read), { mode: 0o600 });
  fsyncPath(aside);
  return aside;
}

function moveWalAside(path: string): void {
  try {
    renameSync(`${path}-wal`, `${path}-wal.${Date.now()}.tilsyn-forladt`);
  } catch {
    // No -wal (nothing written since the last checkpoint): nothing to keep away from the other file.
  }
}
