import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import type { BackupInfo } from '../shared/domain/backup';
import { formatDanishDateTime } from '../shared/domain/dates';
import { type AppliedRestore, applyStagedRestore } from './backup/apply-restore';
import { BackupError, backupFolder } from './backup/files';
import { newestGoodBackup } from './backup/verify';
import { APPLICATION_ID, errorCode, LATEST_SCHEMA_VERSION, passesCheck, restrictToOwner } from './file-format';
import { acquireLock } from './lock';
import { MIGRATIONS } from './migrations';
import * as schema from './schema';

// Kept here too for the callers that know a database file by this module.
export { APPLICATION_ID, LATEST_SCHEMA_VERSION };

export type DatabaseOpenErrorCode =
  | 'SCHEMA_TOO_NEW'
  | 'NOT_A_DATABASE'
  | 'NOT_TILSYN'
  | 'CANNOT_OPEN'
  /** The file is Tilsyn's but fails `PRAGMA quick_check`; left untouched. */
  | 'DAMAGED'
  /** A staged restore (db/backup/) could not be done; nothing was changed. */
  | 'RESTORE_FAILED'
  /** Another running copy of Tilsyn has the file open (db/lock.ts). */
  | 'LOCKED';

/** Why a database file could not be opened; the message is Danish and meant for the user. */
export class DatabaseOpenError extends Error {
  readonly code: DatabaseOpenErrorCode;
  /** For DAMAGED (and NOT_A_DATABASE): the newest backup copy that passes a check, if there is one. */
  readonly newestGoodBackup?: BackupInfo;
  constructor(code: DatabaseOpenErrorCode, message: string, newestGoodBackup?: BackupInfo) {
    super(message);
    this.name = 'DatabaseOpenError';
    this.code = code;
    this.newestGoodBackup = newestGoodBackup;
  }
}

export interface TilsynDatabase {
  path: string;
  sqlite: Database.Database;
  orm: BetterSQLite3Database<typeof schema>;
  schemaVersion: number;
  /** Set when this open put a staged backup copy in place (see db/backup/). */
  restored?: AppliedRestore;
  close(): void;
}

/**
 * Opens (or creates) a Tilsyn database file and brings its schema up to date.
 * A file from a newer version of the app, or a file that is not Tilsyn's, is refused untouched.
 */
export function openDatabase(filePath: string): TilsynDatabase {
  const path = resolve(filePath);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new DatabaseOpenError('CANNOT_OPEN', `${path} er en mappe. Angiv en databasefil, fx ${path}/tilsyn.db.`);
  }
  if (!existsSync(path)) mkdirSync(dirname(path), { recursive: true });
  const lock = acquireLock(path);
  if ('refused' in lock) {
    throw new DatabaseOpenError(
      'LOCKED',
      `Databasefilen ${path} er allerede åbnet i Tilsyn på ${lock.refused.by} (siden ${formatDanishDateTime(lock.refused.since)}). Luk Tilsyn dér først; to kopier må ikke skrive i samme fil.`,
    );
  }
  try {
    return openLocked(path, lock.release);
  } catch (err) {
    lock.release();
    throw err;
  }
}

function openLocked(path: string, releaseLock: () => void): TilsynDatabase {
  const restored = applyRestore(path);
  if (existsSync(path)) inspectExistingFile(path);

  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
    restrictToOwner(path, 0o600);
  } catch (err) {
    throw new DatabaseOpenError('CANNOT_OPEN', `Databasefilen ${path} kan ikke åbnes: ${describe(err)}`);
  }
  try {
    sqlite.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the call returns, so an acknowledged answer survives power loss.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 32 MB of page cache (default 2 MB): a 50,000-sag population is read in a third of the time.
    sqlite.pragma('cache_size = -32768');
    const schemaVersion = migrate(sqlite);
    return {
      path,
      sqlite,
      orm: drizzle(sqlite, { schema }),
      schemaVersion,
      restored,
      close: () => {
        sqlite.close();
        releaseLock();
      },
    };
  } catch (err) {
    sqlite.close();
    throw err;
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

/** What to tell the user about backup copies when the file itself is damaged. */
function backupAdvice(path: string): { text: string; backup?: BackupInfo } {
  const backup = newestGoodBackup(path);
  if (!backup) {
    return {
      text:
        `Der er ingen sikkerhedskopi, der er i orden, i mappen ${backupFolder(path)}. ` +
        'Gem filen, som den er, og kontakt IT-supporten.',
    };
  }
  return {
    backup,
    text:
      `Den nyeste sikkerhedskopi, der er i orden, er fra ${formatDanishDateTime(backup.createdAt)} ` +
      `(${backup.fileName} i mappen ${backupFolder(path)}). ` +
      `Start Tilsyn med --gendan ${backup.fileName} for at gendanne den; ` +
      'den beskadigede fil gemmes ved siden af, så intet slettes.',
  };
}

/**
 * Reads the header of an existing file read-only, so a refused file is never modified,
 * and checks the file with `PRAGMA quick_check`: a damaged file is refused as DAMAGED, naming the newest good copy.
 */
function inspectExistingFile(path: string): void {
  let probe: Database.Database | undefined;
  let ours = false;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true });
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
    if (!passesCheck(probe, 'quick_check(5)')) throw damaged(path);
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    const code = errorCode(err);
    if ((code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') && (ours || headerSaysTilsyn(path))) {
      throw damaged(path);
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      const advice = backupAdvice(path);
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

/** The file's own first 100 bytes name it Tilsyn's, also when SQLite cannot read it (e.g. cut short). */
function headerSaysTilsyn(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100) return false;
    return header.toString('latin1', 0, 16) === 'SQLite format 3\0' && header.readUInt32BE(68) === APPLICATION_ID;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function damaged(path: string): DatabaseOpenError {
  const advice = backupAdvice(path);
  return new DatabaseOpenError(
    'DAMAGED',
    `Databasefilen ${path} er beskadiget: kontrollen af filen fandt fejl. Intet er ændret i filen. ${advice.text}`,
    advice.backup,
  );
}

/** Applies the embedded migrations not yet applied, all in one transaction. Returns the schema version. */
function migrate(sqlite: Database.Database): number {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current >= LATEST_SCHEMA_VERSION) return current;
  if (current > 0) backupBeforeMigration(sqlite, current);
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
