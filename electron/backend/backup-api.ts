import { ApiError } from '../../shared/api/errors';
import type { BackendContext } from '.';
import type { Handlers } from './dispatch';

type BackupHandlers = Pick<Handlers, 'sikkerhedskopi.list' | 'sikkerhedskopi.tag' | 'sikkerhedskopi.gendan'>;

/** Backup copies of the database. Not built yet. */
export function createBackupHandlers(_ctx: BackendContext): BackupHandlers {
  const notYet = () => {
    throw new ApiError('CONFLICT', 'Sikkerhedskopier kan ikke håndteres endnu.');
  };
  return { 'sikkerhedskopi.list': notYet, 'sikkerhedskopi.tag': notYet, 'sikkerhedskopi.gendan': notYet };
}
