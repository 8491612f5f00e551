import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/domain/backup';
import { formatDanishDateTime } from '../../shared/domain/dates';
import { APPLICATION_ID, errorCode, LATEST_SCHEMA_VERSION, passesCheck } from '../file-format';
import { backupFolder, locateAll } from './files';

export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; reason: string };

/**
 * Opens a file read-only and checks that it is an intact Tilsyn database this version can open:
 * our application_id, a schema version no newer than the app's, and `PRAGMA quick_check`
 * (or the slower, complete `integrity_check` with full: true) answering 'ok'. The reason is Danish.
 */
export function verifyBackupFile(file: string, options: { full?: boolean } = {}): BackupCheck {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    if (probe.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      return { ok: false, reason: 'filen er ikke en Tilsyn-database' };
    }
    const schemaVersion = probe.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      return { ok: false, reason: `den er lavet af en nyere version af Tilsyn (skemaversion ${schemaVersion})` };
    }
    if (!passesCheck(probe, options.full ? 'integrity_check(5)' : 'quick_check(5)')) {
      return { ok: false, reason: 'den er beskadiget' };
    }
    return { ok: true, schemaVersion };
  } catch (err) {
    const code = errorCode(err);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return { ok: false, reason: 'den er beskadiget' };
    if (code === 'SQLITE_CANTOPEN') return { ok: false, reason: 'filen kan ikke åbnes' };
    return { ok: false, reason: `filen kan ikke læses (${code || 'ukendt fejl'})` };
  } finally {
    probe?.close();
  }
}

/**
 * The rows of every table, less the shipped templates every database is given: what a copy holds of the
 * leader's work. Read from the copy's own schema, so a table added later counts without being listed here.
 */
function countWorkRows(probe: Database.Database): number {
  const tables = probe
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  let rows = 0;
  for (const table of tables) {
    const where =
      table === 'skabelon'
        ? ' WHERE standard_id IS NULL'
        : table === 'skabelon_version'
          ? ' WHERE skabelon_id IN (SELECT id FROM skabelon WHERE standard_id IS NULL)'
          : '';
    rows += probe
      .prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"${where}`)
      .pluck()
      .get() as number;
  }
  return rows;
}

/** A named copy never changes, so its count is kept by path, size and time of change. */
const workRowsCache = new Map<string, number | undefined>();

/**
 * How many rows of the leader's work a copy holds (0: a copy of an empty database), read-only; undefined when the
 * copy cannot be read (then pruning treats it as one with work in it, and it is never the copy with the most).
 */
export function workRowsOf(file: string): number | undefined {
  let key: string;
  try {
    const stat = statSync(file);
    key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
  if (workRowsCache.has(key)) return workRowsCache.get(key);
  let probe: Database.Database | undefined;
  let rows: number | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    rows = countWorkRows(probe);
  } catch {
    rows = undefined;
  } finally {
    probe?.close();
  }
  workRowsCache.set(key, rows);
  return rows;
}

/** The newest backup copy that passes verifyBackupFile; works without opening the database itself. */
export function newestGoodBackup(dbPath: string): BackupInfo | undefined {
  for (const { info, path } of locateAll(dbPath)) {
    if (verifyBackupFile(path).ok) return info;
  }
  return undefined;
}

/**
 * What to tell the leader about backup copies when the file itself cannot be used (damaged, empty, changed under
 * the app): the newest good copy by name, or that there is none. How to restore it depends on where the message is
 * shown (a button in the desktop app's dialog, Indstillinger › Sikkerhedskopier, --gendan in browser mode), so the
 * caller says that.
 */
export function goodCopyAdvice(dbPath: string): { text: string; backup?: BackupInfo } {
  const backup = newestGoodBackup(dbPath);
  if (!backup) {
    return {
      text:
        `Der er ingen sikkerhedskopi, der er i orden, i mappen ${backupFolder(dbPath)}. ` +
        'Gem filen, som den er, og kontakt IT-supporten.',
    };
  }
  return {
    backup,
    text:
      `Den nyeste sikkerhedskopi, der er i orden, er fra ${formatDanishDateTime(backup.createdAt)} ` +
      `(${backup.fileName} i mappen ${backupFolder(dbPath)}). ` +
      'Gendannes den, gemmes den nuværende fil ved siden af, så intet slettes.',
  };
}
