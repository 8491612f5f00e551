// Where a database's backup copies live and how they are named, found and moved (see ./index for the whole scheme).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_KINDS, type BackupInfo, type BackupKind } from '../../shared/domain/backup';
import { restrictToOwner } from '../file-format';

export type BackupErrorCode = 'NOT_FOUND' | 'INVALID' | 'FAILED';

/** A backup or restore that could not be done; the message is Danish and meant for the user. */
export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string) {
    super(message);
    this.name = 'BackupError';
    this.code = code;
  }
}

/** A backup copy as listed, and where it is. */
export interface Located {
  info: BackupInfo;
  path: string;
}

const stem = (dbPath: string) => basename(dbPath, extname(dbPath)) || basename(dbPath);

/** The folder of a database's backup copies: `<dir>/<name>-sikkerhedskopier`. */
export function backupFolder(dbPath: string): string {
  const path = resolve(dbPath);
  return join(dirname(path), `${stem(path)}-sikkerhedskopier`);
}

/** The marker file that asks the next start to restore a backup copy. */
export function restoreMarkerPath(dbPath: string): string {
  return `${resolve(dbPath)}.gendan.json`;
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;
/** A moment as it stands in file names: the ISO time with ':' and '.' made '-'. */
export const stampOf = (moment: Date) => moment.toISOString().replace(/[:.]/g, '-');
const NAME = new RegExp(`-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-(${BACKUP_KINDS.join('|')})\\.db$`);

/** `tilsyn-2026-11-25T21-40-05-123Z-auto.db` for tilsyn.db: sorts by time (UTC) and tells why it was taken. */
export function backupFileName(dbPath: string, createdAt: Date, kind: BackupKind): string {
  return `${stem(resolve(dbPath))}-${stampOf(createdAt)}-${kind}.db`;
}

/** The time and kind a backup file name carries; undefined for any other file. */
export function parseBackupFileName(fileName: string): { createdAt: string; kind: BackupKind } | undefined {
  const match = NAME.exec(fileName);
  const stamp = match && STAMP.exec(match[1] ?? '');
  if (!match || !stamp) return undefined;
  const createdAt = `${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return undefined;
  return { createdAt, kind: match[2] as BackupKind };
}

/** openDatabase's own copy before a schema upgrade, beside the file: `tilsyn.db.foer-opgradering-v3.sqlite`. */
const isPreMigrationCopy = (dbPath: string, fileName: string) =>
  fileName.startsWith(`${basename(dbPath)}.foer-opgradering-v`) && /\.foer-opgradering-v\d+\.sqlite$/.test(fileName);

/** The names in a folder; none when it does not exist (yet). */
export function filesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** Every backup copy of the database with its path, newest first. */
export function locateAll(dbPath: string): Located[] {
  const path = resolve(dbPath);
  const found: Located[] = [];
  const add = (file: string, fileName: string, kind: BackupKind, createdAt?: string) => {
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return;
      found.push({
        path: file,
        info: { fileName, createdAt: createdAt ?? stat.mtime.toISOString(), sizeBytes: stat.size, kind },
      });
    } catch {
      // Deleted meanwhile.
    }
  };
  const folder = backupFolder(path);
  for (const fileName of filesIn(folder)) {
    const parsed = parseBackupFileName(fileName);
    if (parsed) add(join(folder, fileName), fileName, parsed.kind, parsed.createdAt);
  }
  for (const fileName of filesIn(dirname(path))) {
    if (isPreMigrationCopy(path, fileName)) add(join(dirname(path), fileName), fileName, 'migrering');
  }
  return found.sort(
    (a, b) => b.info.createdAt.localeCompare(a.info.createdAt) || b.info.fileName.localeCompare(a.info.fileName),
  );
}

/** The database's backup copies, newest first: its backup folder, and the copies taken before schema upgrades. */
export function listBackups(dbPath: string): BackupInfo[] {
  return locateAll(dbPath).map((l) => l.info);
}

/**
 * A backup copy by the name list gives, and its path; undefined for any other name. Only names in the
 * listing are accepted, so '../tilsyn.db' or an absolute path can never reach a file outside the backups.
 */
export function findBackup(dbPath: string, fileName: string): Located | undefined {
  if (fileName !== basename(fileName) || fileName.includes('/') || fileName.includes('\\')) return undefined;
  return locateAll(dbPath).find((l) => l.info.fileName === fileName);
}

/** A file name for a new copy that is not taken yet (two copies in the same millisecond get the next one). */
export function newBackupPath(dbPath: string, now: Date, kind: BackupKind): { fileName: string; path: string } {
  const folder = backupFolder(dbPath);
  mkdirSync(folder, { recursive: true });
  restrictToOwner(folder, 0o700);
  for (let ms = now.getTime(); ; ms++) {
    const fileName = backupFileName(dbPath, new Date(ms), kind);
    const path = join(folder, fileName);
    if (!existsSync(path) && !existsSync(`${path}.tmp`)) return { fileName, path };
  }
}

/** Deletes a database file and the log files SQLite may have left beside it. */
export function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** Switches a database file to a rollback journal, folding its write-ahead log (if any) into the file. */
export function switchToRollbackJournal(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Moves a database file with its logs (the -shm index is rebuilt from the -wal, so it is dropped). */
export function moveWithSidecars(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of ['-wal', '-journal']) {
    if (existsSync(`${from}${suffix}`)) renameSync(`${from}${suffix}`, `${to}${suffix}`);
  }
  rmSync(`${from}-shm`, { force: true });
}

/** What a staged restore's marker file holds. */
export interface RestoreMarker {
  fileName: string;
  /** The copy of the current database taken when the restore was asked for. */
  safetyCopy?: string;
  stagedAt: string;
}

/** The staged restore's marker, if there is one ({} when it is not an object, so callers can refuse it). */
export function readMarker(dbPath: string): Partial<RestoreMarker> | undefined {
  try {
    const marker = JSON.parse(readFileSync(restoreMarkerPath(dbPath), 'utf8')) as unknown;
    return marker && typeof marker === 'object' ? (marker as Partial<RestoreMarker>) : {};
  } catch {
    return undefined;
  }
}
