import { DatabaseFileChangedError } from '../../db/file-guard';
import { DatabaseOpenError, WritesHeldError } from '../../db/open-error';
import { ApiError } from '../../shared/api/errors';

/** »Filen kan kun læses …«: the one wording for a save refused because the file or its drive is read-only. */
export const READ_ONLY_MESSAGE =
  'Filen kan kun læses (skrivebeskyttet fil, mappe eller drev, eller manglende skriveadgang). Ændringen er ikke gemt.';

/**
 * Maps anything thrown inside a handler to an ApiError with a Danish message.
 * SQLite's own conditions get messages that tell the user what to do; nothing was half-written,
 * because every write runs in a transaction that SQLite rolls back.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof DatabaseFileChangedError) return new ApiError('FILE_CHANGED', err.message);
  if (err instanceof DatabaseOpenError && err.code === 'DAMAGED') return new ApiError('DAMAGED', err.message);
  if (err instanceof WritesHeldError) return new ApiError('CONFLICT', err.message);
  const code = (err as { code?: unknown })?.code;
  switch (code) {
    case 'SQLITE_FULL':
      return new ApiError(
        'DISK_FULL',
        'Disken er fuld, så ændringen kunne ikke gemmes. Frigør plads og prøv igen – det du har skrevet, er ikke gemt endnu.',
      );
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DBMOVED':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
      return new ApiError('READ_ONLY', READ_ONLY_MESSAGE);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new ApiError('DB_BUSY', 'Databasen er optaget af et andet program. Vent et øjeblik og prøv igen.');
    case 'SQLITE_IOERR':
      return new ApiError(
        'INTERNAL',
        'Der opstod en fejl ved læsning eller skrivning af databasefilen. Ændringen er ikke gemt.',
      );
    default:
      return new ApiError('INTERNAL', 'Der opstod en uventet fejl. Ændringen er ikke gemt; prøv igen.');
  }
}
