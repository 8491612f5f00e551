// Applying a staged restore at start, before the database file is opened (see ./restore for staging one).
import { closeSync, copyFileSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupInfo } from '../../shared/domain/backup';
import { formatDanishDateTime } from '../../shared/domain/dates';
import { replaceDurably } from '../file-format';
import {
  BackupError,
  findBackup,
  type Located,
  moveWithSidecars,
  newBackupPath,
  readMarker,
  removeWithSidecars,
  restoreMarkerPath,
  stampOf,
  switchToRollbackJournal,
} from './files';
import { verifyBackupFile } from './verify';

export interface AppliedRestore {
  restored: BackupInfo;
  /** Where the database that was replaced went: a 'foer-gendannelse' copy, or a file beside it if it failed checks. */
  previous?: { backup: BackupInfo } | { path: string };
}

/** Equal files apart from the 100-byte header (change counter, journal mode): the same pages. */
function samePages(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  try {
    const size = 1 << 20;
    const ba = Buffer.alloc(size);
    const bb = Buffer.alloc(size);
    for (let position = 0; ; position += size) {
      const na = readSync(fa, ba, 0, size, position);
      const nb = readSync(fb, bb, 0, size, position);
      if (na !== nb) return false;
      if (na === 0) return true;
      const from = position === 0 ? 100 : 0;
      if (from < na && ba.compare(bb, from, na, from, na) !== 0) return false;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

/** Moves the current database out of the way, keeping it: a verified copy in the folder, or a file beside it. */
function setCurrentAside(path: string, now: Date, safetyCopy: Located | undefined): AppliedRestore['previous'] {
  // Read-only first (through its -wal): a damaged or foreign file is set aside exactly as it is, with its log files.
  if (verifyBackupFile(path).ok) {
    try {
      // Folds the write-ahead log into the file, so the copy is one self-contained file like every other copy.
      switchToRollbackJournal(path);
    } catch {
      // Then it keeps its -wal beside it (moved along below).
    }
    if (safetyCopy && samePages(path, safetyCopy.path)) {
      // Unchanged since the copy taken when the restore was asked for: that copy is the current database.
      removeWithSidecars(path);
      return { backup: safetyCopy.info };
    }
    const { fileName, path: target } = newBackupPath(path, now, 'foer-gendannelse');
    moveWithSidecars(path, target);
    return {
      backup: { fileName, createdAt: now.toISOString(), sizeBytes: statSync(target).size, kind: 'foer-gendannelse' },
    };
  }
  const target = `${path}.sat-til-side-${stampOf(now)}`;
  moveWithSidecars(path, target);
  return { path: target };
}

/**
 * Called by openDatabase before it opens the file: if a restore was staged and the copy is still valid, the
 * current file (and its -wal) is set aside and the copy put in its place; then the marker is deleted.
 * If the copy is no longer valid, nothing is changed, the marker is renamed to `.afvist`, and a BackupError
 * (INVALID) explains it in Danish. Returns undefined when no restore was staged.
 */
export function applyStagedRestore(dbPath: string, now: Date = new Date()): AppliedRestore | undefined {
  const path = resolve(dbPath);
  const markerPath = restoreMarkerPath(path);
  if (!existsSync(markerPath)) return undefined;

  const refuse = (why: string): never => {
    try {
      renameSync(markerPath, `${markerPath}.afvist`);
    } catch {
      // Then it is refused again next time, with the same message.
    }
    throw new BackupError(
      'INVALID',
      `Den bestilte gendannelse af en sikkerhedskopi blev ikke udført: ${why}. Databasen ${path} er ikke ændret. ` +
        'Start Tilsyn igen for at arbejde videre i den, eller vælg en anden sikkerhedskopi.',
    );
  };

  const marker = readMarker(path);
  if (!marker) return refuse(`filen ${markerPath} kan ikke læses`);
  const found = typeof marker.fileName === 'string' ? findBackup(path, marker.fileName) : undefined;
  if (!found) return refuse('sikkerhedskopien findes ikke længere');
  const check = verifyBackupFile(found.path, { full: true });
  if (!check.ok) {
    return refuse(
      `sikkerhedskopien fra ${formatDanishDateTime(found.info.createdAt)} kan ikke bruges: ${check.reason}`,
    );
  }
  const safetyCopy = typeof marker.safetyCopy === 'string' ? findBackup(path, marker.safetyCopy) : undefined;

  const previous = existsSync(path) && statSync(path).size > 0 ? setCurrentAside(path, now, safetyCopy) : undefined;
  // Log files left without their database would be replayed into the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  const tmp = `${path}.gendan-tmp`;
  copyFileSync(found.path, tmp);
  replaceDurably(tmp, path);
  rmSync(markerPath, { force: true });
  return { restored: found.info, previous };
}
