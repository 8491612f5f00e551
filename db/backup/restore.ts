// Staging a restore: a marker file names the copy, and the next openDatabase puts it in place (./apply-restore).
import { writeFileSync } from 'node:fs';
import type { BackupInfo, RestoreResult } from '../../shared/domain/backup';
import { formatDanishDateTime } from '../../shared/domain/dates';
import { replaceDurably } from '../file-format';
import { DatabaseFileChangedError } from '../file-guard';
import type { TilsynDatabase } from '../open';
import { BackupError, findBackup, type Located, type RestoreMarker, restoreMarkerPath } from './files';
import { type TakeBackupOptions, takeBackup } from './take';
import { verifyBackupFile } from './verify';

function sameFile(db: TilsynDatabase): boolean {
  try {
    db.assertSameFile();
    return true;
  } catch (err) {
    if (err instanceof DatabaseFileChangedError) return false;
    throw err;
  }
}

const backupGone = () =>
  new BackupError('NOT_FOUND', 'Sikkerhedskopien findes ikke (den kan være slettet). Vælg en anden kopi.');

/** Checks that a copy can be restored (one of this database's, intact, ours, not too new); returns it. */
export function checkRestorable(dbPath: string, fileName: string): Located {
  const found = findBackup(dbPath, fileName);
  if (!found) throw backupGone();
  const check = verifyBackupFile(found.path, { full: true });
  if (!check.ok) {
    throw new BackupError(
      'INVALID',
      `Sikkerhedskopien fra ${formatDanishDateTime(found.info.createdAt)} kan ikke gendannes: ${check.reason}. ` +
        'Intet er ændret. Vælg en anden kopi.',
    );
  }
  return found;
}

function writeMarker(dbPath: string, marker: RestoreMarker): string {
  const path = restoreMarkerPath(dbPath);
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o600 });
  replaceDurably(tmp, path);
  return path;
}

export interface StagedRestore {
  backup: BackupInfo;
  markerPath: string;
  /** Danish, for the user. */
  message: string;
}

/**
 * Asks the next openDatabase to restore a backup copy. Works without opening the database (also when it is
 * damaged): the current file is set aside when the copy is put in place, nothing is deleted.
 * Throws a BackupError (NOT_FOUND, INVALID) with a Danish message; then nothing is changed.
 */
export function stageRestore(
  dbPath: string,
  backupFileName: string,
  options: { safetyCopy?: string; now?: Date } = {},
): StagedRestore {
  return stage(dbPath, checkRestorable(dbPath, backupFileName).info, options);
}

function stage(dbPath: string, info: BackupInfo, options: { safetyCopy?: string; now?: Date }): StagedRestore {
  const markerPath = writeMarker(dbPath, {
    fileName: info.fileName,
    safetyCopy: options.safetyCopy,
    stagedAt: (options.now ?? new Date()).toISOString(),
  });
  const when = formatDanishDateTime(info.createdAt);
  const message = options.safetyCopy
    ? `Sikkerhedskopien fra ${when} gendannes, når Tilsyn startes igen. Den nuværende database er gemt som sikkerhedskopi først.`
    : `Sikkerhedskopien fra ${when} gendannes, når Tilsyn startes igen. Den nuværende databasefil gemmes ved siden af først.`;
  return { backup: info, markerPath, message };
}

/**
 * "Gendan" from the running app: checks the copy, copies the current database aside as 'foer-gendannelse'
 * (online backup API), and stages the restore for the next start.
 */
export async function requestRestore(
  db: TilsynDatabase,
  backupFileName: string,
  options: TakeBackupOptions = {},
): Promise<RestoreResult> {
  const { info } = checkRestorable(db.path, backupFileName);
  if (!sameFile(db) || db.integrity.damage()) {
    // The file at the path is not the one open (db/file-guard.ts), or it failed its check after the start
    // (db/integrity.ts): no copy of it is filed among the good copies; the file found there is set aside when the
    // copy is put in place, so nothing is deleted.
    const staged = stage(db.path, info, { now: options.now?.() });
    db.holdWrites(waiting(info));
    return { restartRequired: true, message: staged.message };
  }
  // The chosen copy is protected: the pruning after the new copy must not let it go.
  const safety = await takeBackup(db, 'foer-gendannelse', { ...options, protect: [info.fileName] });
  if (!findBackup(db.path, info.fileName)) throw backupGone();
  const staged = stage(db.path, info, { safetyCopy: safety.fileName, now: options.now?.() });
  db.holdWrites(waiting(info));
  return { restartRequired: true, message: staged.message };
}

/** Why nothing more is saved once a restore is staged: the next start puts the copy in place of this file. */
function waiting(info: BackupInfo): string {
  return (
    `Sikkerhedskopien fra ${formatDanishDateTime(info.createdAt)} gendannes, når Tilsyn startes igen. ` +
    'Start Tilsyn igen, før du arbejder videre: det, der gemmes nu, ville ikke komme med. Intet er gemt.'
  );
}
