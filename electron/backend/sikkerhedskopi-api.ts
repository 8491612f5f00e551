import { BackupError, listBackups, requestRestore, takeBackup } from '../../db/backup';
import { ApiError } from '../../shared/api/errors';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';
import type { Task } from './tasks';

/** BackupError (Danish already) to the API's codes; a full disk or a closed folder is said as such. */
function apiError(err: unknown): unknown {
  if (err instanceof BackupError) return new ApiError(err.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'CONFLICT', err.message);
  const code = (err as { code?: unknown })?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new ApiError(
      'DISK_FULL',
      'Disken er fuld, så sikkerhedskopien kunne ikke tages. Frigør plads og prøv igen.',
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN') {
    return new ApiError(
      'READ_ONLY',
      'Mappen med sikkerhedskopier kan kun læses (skrivebeskyttet eller manglende skriveadgang). Intet er ændret.',
    );
  }
  return err;
}

/** The online backup's pages, said to the task; a cancel stops the copy between two of its steps. */
function copying(task: Task, fase: string) {
  return (copied: number, total: number) => {
    task.report(fase, { done: copied, total });
    task.throwIfCancelled();
  };
}

/** Backup copies of the database: list, take one now ("Tag sikkerhedskopi nu"), and restore one ("Gendan"). */
export function sikkerhedskopiApi({ ctx }: Services): NamespaceHandlers<'sikkerhedskopi'> {
  return {
    'sikkerhedskopi.list': () => listBackups(ctx.db.path),
    'sikkerhedskopi.tag': async (_input, task) => {
      try {
        return await takeBackup(ctx.db, 'manuel', { onProgress: copying(task, 'Kopierer databasen') });
      } catch (err) {
        throw apiError(err);
      }
    },
    // The copy is checked, the current database copied aside, and the restore done at the next start.
    'sikkerhedskopi.gendan': async ({ fileName }, task) => {
      try {
        const onProgress = copying(task, 'Gemmer en kopi af databasen, som den er nu');
        return await requestRestore(ctx.db, fileName, { onProgress });
      } catch (err) {
        throw apiError(err);
      }
    },
  };
}
