import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/domain/backup';
import { APPLICATION_ID, errorCode, LATEST_SCHEMA_VERSION, passesCheck } from '../file-format';
import { locateAll } from './files';

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

/** The newest backup copy that passes verifyBackupFile; works without opening the database itself. */
export function newestGoodBackup(dbPath: string): BackupInfo | undefined {
  for (const { info, path } of locateAll(dbPath)) {
    if (verifyBackupFile(path).ok) return info;
  }
  return undefined;
}
