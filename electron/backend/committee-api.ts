import { ApiError } from '../../shared/api/errors';
import type { Handlers } from './dispatch';
import type { ResultsService } from './results-api';

type CommitteeHandlers = Pick<Handlers, 'rapport.udvalg'>;

/** The committee report (PDF). Not built yet. */
export function createCommitteeHandlers(_results: ResultsService): CommitteeHandlers {
  return {
    'rapport.udvalg': () => {
      throw new ApiError('CONFLICT', 'Rapporten til udvalget kan ikke laves endnu.');
    },
  };
}
