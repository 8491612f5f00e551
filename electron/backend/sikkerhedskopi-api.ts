import { BackupError, listBackups, requestRestore, takeBackup } from '../../db/backup';
import { ApiError } from '../../shared/api/errors';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

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

/** Backup copies of the database: list, take one now ("Tag sikkerhedskopi nu"), and restore one ("Gendan"). */
export function sikkerhedskopiApi({ ctx }: Services): NamespaceHandlers<'sikkerhedskopi'> {
  return {
    'sikkerhedskopi.list': () => listBackups(ctx.db.path),
    'sikkerhedskopi.tag': async () => {
      try {
        return await takeBackup(ctx.db, 'manuel');
      } catch (err) {
        throw apiError(err);
      }
    },
    // The copy is checked, the current database copied aside, and the restore done at the next start.
    'sikkerhedskopi.gendan': async ({ fileName }) => {
      try {
        return await requestRestore(ctx.db, fileName);
      } catch (err) {
        throw apiError(err);
      }
    },
  };
}
