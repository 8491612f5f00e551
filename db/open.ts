import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { formatDanishDateTime } from '../shared/domain/dates';
import { unitKey } from '../shared/domain/enhed';
import { type AppliedRestore, applyStagedRestore } from './backup/apply-restore';
import { BackupError } from './backup/files';
import { goodCopyAdvice } from './backup/verify';
import {
  APPLICATION_ID,
  errorCode,
  LATEST_SCHEMA_VERSION,
  passesCheck,
  replaceDurably,
  restrictToOwner,
} from './file-format';
import { createIdentityCheck, identityOf } from './file-guard';
import { createIntegrity, forgetMark, type Integrity, leftWhole } from './integrity';
import { acquireLock, type LockRefusal, lockedFileKey, lockPath } from './lock';
import { MIGRATIONS } from './migrations';
import {
  damaged,
  readHeader,
  refuseEmptyOrCutShort,
  refuseForeignWal,
  refuseMissingWal,
  refuseMissingWithCopies,
  refuseReadOnly,
  resolveDatabasePath,
} from './open-checks';
import { DatabaseOpenError, WritesHeldError } from './open-error';
import * as schema from './schema';
import { cacheStatements } from './statement-cache';
import { guardWrites } from './write-hooks';

export { DatabaseOpenError, type DatabaseOpenErrorCode } from './open-error';
// Kept here too for the callers that know a database file by this module.
export { APPLICATION_ID, LATEST_SCHEMA_VERSION };

export interface TilsynDatabase {
  path: string;
  sqlite: Database.Database;
  orm: BetterSQLite3Database<typeof schema>;
  schemaVersion: number;
  /** Set when this open put a staged backup copy in place (see db/backup/). */
  restored?: AppliedRestore;
  /**
   * Throws DatabaseFileChangedError (db/file-guard.ts) when the path no longer is the file that was opened
   * (deleted, renamed away, replaced). Every write calls it first; backups call it too.
   */
  assertSameFile(): void;
  /** The file's integrity check, at open or just after it (./integrity.ts): every write and backup ensures it. */
  integrity: Pick<Integrity, 'ensure' | 'settled' | 'damage'>;
  /**
   * From now on every write is refused with `reason` (a WritesHeldError): a restore is staged for the next start,
   * which would put another file in place, so a change made now would be lost without a word.
   */
  holdWrites(reason: string): void;
  /**
   * How many writes (statements outside a transaction, and transactions) this connection has made: what was computed
   * from the file at one count holds until it moves (the open round's results, read again on every visit).
   */
  writes(): number;
  close(): void;
}

export interface OpenOptions {
  /** Create the folder of a new file (the app's own default location); else a missing folder is refused. */
  createFolder?: boolean;
}

/**
 * Opens (or creates) a Tilsyn database file and brings its schema up to date. Only a regular file or a new name
 * in an existing folder is opened, by its real path; a file from a newer version of the app, a file that is not
 * Tilsyn's, a damaged, empty or cut-short file, and a read-only one are refused untouched.
 */
export function openDatabase(filePath: string, options: OpenOptions = {}): TilsynDatabase {
  const path = resolveDatabasePath(filePath, options.createFolder ?? true);
  refuseReadOnly(path, existsSync(path));
  // A lock already there that we may take over was left by a run that did not close the file.
  const leftBehind = existsSync(lockPath(path));
  const crashedFile = lockedFileKey(path);
  const lock = acquireLock(path, identityOf(path));
  if ('refused' in lock) throw locked(path, lock.refused);
  try {
    const db = openLocked(path, leftBehind ? { file: crashedFile } : undefined);
    const id = identityOf(path);
    if (id) lock.identify(id);
    const close = db.close;
    db.close = () => {
      close.call(db);
      lock.release();
    };
    return db;
  } catch (err) {
    lock.release();
    throw err;
  }
}

function locked(path: string, holder: LockRefusal): DatabaseOpenError {
  const since = holder.since ? ` (siden ${formatDanishDateTime(holder.since)})` : '';
  const free = holder.provable
    ? ''
    : ` Kører Tilsyn ikke længere dér (fx efter et nedbrud), så slet filen ${holder.lockFile} og prøv igen; ` +
      'gør det kun, når du er sikker på, at ingen anden Tilsyn har filen åben.';
  return new DatabaseOpenError(
    'LOCKED',
    `Databasefilen ${path} er allerede åbnet i Tilsyn på ${holder.by}${since}. ` +
      `Luk Tilsyn dér først; to kopier må ikke skrive i samme fil.${free}`,
  );
}

/** `crashed`: the last run left its lock behind, naming the file it had open. */
function openLocked(path: string, crashed: { file?: string } | undefined): TilsynDatabase {
  const restored = applyRestore(path);
  let deferred = false;
  if (existsSync(path)) {
    const header = readHeader(path);
    refuseEmptyOrCutShort(path, header);
    // Before any SQLite connection: even a read-only one makes a new, empty -wal.
    refuseMissingWal(path, header, !!crashed && !restored);
    if (crashed && !restored) refuseForeignWal(path, crashed.file);
    deferred = inspectExistingFile(path, header.tilsyn, !crashed && !restored && leftWhole(path));
    // From here the file changes: its mark says nothing until a clean close writes it again.
    forgetMark(path);
  } else {
    refuseMissingWithCopies(path);
    createDatabase(path);
  }

  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { fileMustExist: true, timeout: OS_LOCK_WAIT_MS });
    restrictToOwner(path, 0o600);
  } catch (err) {
    throw new DatabaseOpenError('CANNOT_OPEN', `Databasefilen ${path} kan ikke åbnes: ${describe(err)}`);
  }
  try {
    const schemaVersion = configure(sqlite, { exclusive: true });
    const opened = identityOf(path);
    if (!opened) throw new DatabaseOpenError('CANNOT_OPEN', `Databasefilen ${path} forsvandt, mens den blev åbnet.`);
    const guard = createIdentityCheck(sqlite, path);
    const integrity = createIntegrity(sqlite, path, deferred);
    let held: string | undefined;
    // Nothing is written to a file before it has passed its check, nor once a restore waits for the next start.
    let writes = 0;
    guardWrites(sqlite, {
      check: () => {
        if (held !== undefined) throw new WritesHeldError(held);
        integrity.ensure();
        guard.check();
      },
      written: () => {
        writes++;
        guard.written();
      },
    });
    cacheStatements(sqlite);
    const assertSameFile = () => guard.check();
    return {
      path,
      sqlite,
      orm: drizzle(sqlite, { schema }),
      schemaVersion,
      restored,
      assertSameFile,
      integrity,
      holdWrites: (reason) => {
        held = reason;
      },
      writes: () => writes,
      close: () => {
        // Closing checkpoints the -wal into the file: first make sure it still is this connection's (an idle app
        // may not have looked since its last save); a refusal here has done what the change asks for.
        let same = true;
        try {
          guard.check();
        } catch {
          // Reported to the leader at the write that saw it, or at the next start.
          same = false;
        }
        integrity.closing();
        sqlite.close();
        // A file written over in place is put back as it was laid there.
        guard.closed();
        integrity.closed(same);
      },
    };
  } catch (err) {
    sqlite.close();
    if (isBusy(err)) throw inUseElsewhere(path);
    throw err;
  }
}

const isBusy = (err: unknown) => ['SQLITE_BUSY', 'SQLITE_LOCKED'].includes(errorCode(err));

/** The operating system's lock on the file is held by another process: the lock file beside it said nothing. */
function inUseElsewhere(path: string): DatabaseOpenError {
  return new DatabaseOpenError(
    'LOCKED',
    `Databasefilen ${path} er allerede åbnet i en anden Tilsyn eller et andet program, måske under et andet navn ` +
      'eller fra en anden mappe (en genvej eller et link til samme fil). Luk den først; to kopier må ikke skrive ' +
      'i samme fil. Filen er ikke ændret.',
  );
}

/** How long an open waits for another program's hold on the file before it says the file is in use. */
const OS_LOCK_WAIT_MS = 250;

/**
 * The connection settings every open uses; migrates the schema and returns its version. `exclusive`: the
 * connection holds the operating system's lock on the file itself until it closes (SQLite's EXCLUSIVE locking
 * mode, set before WAL is first used, so no -shm is shared either). That lock belongs to the file, not its name:
 * a second Tilsyn reaching the same file by a hard link or a symlink in any folder is refused, and the operating
 * system lets go of it when the process dies, so a crash never leaves it behind.
 */
function configure(sqlite: Database.Database, options: { exclusive?: boolean } = {}): number {
  if (options.exclusive) sqlite.pragma('locking_mode = EXCLUSIVE');
  sqlite.pragma('journal_mode = WAL');
  // SQLite gives the -wal and -shm the file's own mode; said again, for a file made before that was 0600.
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(`${sqlite.name}${suffix}`)) restrictToOwner(`${sqlite.name}${suffix}`, 0o600);
  // FULL: a commit is on disk before the call returns, so an acknowledged answer survives power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // 32 MB of page cache (default 2 MB): a 50,000-sag population is read in a third of the time.
  sqlite.pragma('cache_size = -32768');
  return migrate(sqlite);
}

/**
 * A new database is made complete under a temporary name (owner-only from the first byte) and then renamed into
 * place, so the app never leaves an empty file at the path: an empty file found there is never Tilsyn's own.
 */
function createDatabase(path: string): void {
  const tmp = `${path}.ny-${process.pid}`;
  // Left by a run that stopped while creating: never Tilsyn's data yet.
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
  let sqlite: Database.Database | undefined;
  try {
    closeSync(openSync(tmp, 'w', 0o600));
    restrictToOwner(tmp, 0o600);
    sqlite = new Database(tmp, { fileMustExist: true });
    configure(sqlite);
    sqlite.close();
    sqlite = undefined;
    replaceDurably(tmp, path);
  } catch (err) {
    sqlite?.close();
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError('CANNOT_OPEN', `Databasefilen ${path} kan ikke oprettes: ${describe(err)}`);
  }
}

/** Puts a staged backup copy in place before the file is opened; a refused restore changes nothing. */
function applyRestore(path: string): AppliedRestore | undefined {
  try {
    return applyStagedRestore(path);
  } catch (err) {
    if (err instanceof BackupError) throw new DatabaseOpenError('RESTORE_FAILED', err.message);
    throw new DatabaseOpenError('RESTORE_FAILED', `Sikkerhedskopien kunne ikke gendannes: ${describe(err)}`);
  }
}

/**
 * Reads the header of an existing file read-only, so a refused file is never modified,
 * and checks the file with `PRAGMA quick_check`: a damaged file is refused as DAMAGED, naming the newest good copy.
 * Returns true when the check is left until just after the start (the file is as the app left it, whole).
 */
function inspectExistingFile(path: string, headerSaysTilsyn: boolean, leftWholeHere: boolean): boolean {
  let probe: Database.Database | undefined;
  let ours = false;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, timeout: OS_LOCK_WAIT_MS });
    const applicationId = probe.pragma('application_id', { simple: true }) as number;
    ours = applicationId === APPLICATION_ID;
    const userVersion = probe.pragma('user_version', { simple: true }) as number;
    const tableCount = (
      probe.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }
    ).n;
    if (applicationId !== APPLICATION_ID && (applicationId !== 0 || tableCount > 0)) {
      throw new DatabaseOpenError(
        'NOT_TILSYN',
        `Filen ${path} er en database, men ikke fra Tilsyn. Den er ikke ændret. Vælg en anden fil.`,
      );
    }
    if (userVersion > LATEST_SCHEMA_VERSION) {
      throw new DatabaseOpenError(
        'SCHEMA_TOO_NEW',
        `Databasefilen ${path} er lavet af en nyere version af Tilsyn (skemaversion ${userVersion}; ` +
          `denne version kender op til ${LATEST_SCHEMA_VERSION}). Filen er ikke ændret. ` +
          'Opdatér Tilsyn for at åbne den.',
      );
    }
    // A file left whole by this version is checked just after the start (./integrity.ts); any other now.
    const deferred = leftWholeHere && userVersion === LATEST_SCHEMA_VERSION;
    if (!deferred && !passesCheck(probe, 'quick_check(5)')) throw damaged(path);
    return deferred;
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    if (isBusy(err)) throw inUseElsewhere(path);
    const code = errorCode(err);
    if ((code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') && (ours || headerSaysTilsyn)) {
      throw damaged(path);
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      const advice = goodCopyAdvice(path);
      throw new DatabaseOpenError(
        'NOT_A_DATABASE',
        `Filen ${path} er ikke en gyldig Tilsyn-database (den kan være beskadiget). Den er ikke ændret.` +
          (advice.backup ? ` ${advice.text}` : ''),
        advice.backup,
      );
    }
    throw new DatabaseOpenError('CANNOT_OPEN', `Databasefilen ${path} kan ikke åbnes: ${describe(err)}`);
  } finally {
    probe?.close();
  }
}

/** Applies the embedded migrations not yet applied, all in one transaction. Returns the schema version. */
function migrate(sqlite: Database.Database): number {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current >= LATEST_SCHEMA_VERSION) return current;
  if (current > 0) backupBeforeMigration(sqlite, current);
  // Migrations compare enheder's names as the app does (0030).
  sqlite.function('tilsyn_unit_key', { deterministic: true }, (name) => unitKey(String(name ?? '')));
  sqlite.transaction(() => {
    for (const migration of MIGRATIONS.slice(current)) {
      for (const statement of migration.sql.split('--> statement-breakpoint')) {
        if (statement.trim()) sqlite.exec(statement);
      }
    }
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
  })();
  return LATEST_SCHEMA_VERSION;
}

/** A complete copy beside the file, so a failed or regretted upgrade can be undone by hand. */
function backupBeforeMigration(sqlite: Database.Database, fromVersion: number): void {
  const target = `${sqlite.name}.foer-opgradering-v${fromVersion}.sqlite`;
  if (!existsSync(target)) {
    sqlite.prepare('VACUUM INTO ?').run(target);
    restrictToOwner(target, 0o600);
  }
}

/** A Danish reason for the common ways opening fails; SQLite's own English text only as a last resort. */
function describe(err: unknown): string {
  const code = errorCode(err);
  if (code === 'SQLITE_CANTOPEN') return 'filen kan ikke åbnes; du har måske ikke adgang til den.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM') return 'du har ikke adgang til mappen.';
  if (code === 'SQLITE_READONLY') return 'filen eller mappen er skrivebeskyttet.';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'filen er i brug af et andet program.';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'disken er fuld.';
  return `uventet fejl (${err instanceof Error ? err.message : String(err)}).`;
}
