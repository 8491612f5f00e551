// Giving a freshly written copy its name once it passes its check, and the rescue copy taken when the open file
// changed under the app.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo, BackupKind } from '../../shared/domain/backup';
import { replaceDurably, restrictToOwner } from '../file-format';
import { BackupError, newBackupPath, removeWithSidecars } from './files';
import { verifyBackupFile } from './verify';

/** Verifies a freshly written copy and gives it its final name; a copy that fails is deleted, never kept. */
export function publishCopy(tmp: string, target: string, kind: BackupKind, createdAt: Date): BackupInfo {
  const check = verifyBackupFile(tmp);
  if (!check.ok) {
    removeWithSidecars(tmp);
    throw new BackupError(
      'FAILED',
      `Sikkerhedskopien kunne ikke bekræftes (${check.reason}). De tidligere sikkerhedskopier er bevaret.`,
    );
  }
  restrictToOwner(tmp, 0o600);
  replaceDurably(tmp, target);
  return { fileName: basename(target), createdAt: createdAt.toISOString(), sizeBytes: statSync(target).size, kind };
}

/**
 * A copy of what the open connection still reads when its file changed under the app (deleted, replaced, cut
 * short): taken at once, before anything else is lost, into the copies of the path, so the leader restores it under
 * Indstillinger › Sikkerhedskopier. Not pruned and never pruning. Undefined when it cannot be taken or fails its
 * check (a file cut short may have lost pages the connection had not read).
 */
export function takeRescueCopy(sqlite: Database.Database, dbPath: string, now = new Date()): BackupInfo | undefined {
  let tmp: string | undefined;
  try {
    const { path: target } = newBackupPath(dbPath, now, 'reddet');
    tmp = `${target}.tmp`;
    sqlite.prepare('VACUUM INTO ?').run(tmp);
    return publishCopy(tmp, target, 'reddet', now);
  } catch {
    if (tmp) removeWithSidecars(tmp);
    return undefined;
  }
}
