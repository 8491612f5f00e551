import { ApiError } from '../../shared/api/errors';
import type { Handlers } from './dispatch';
import type { ResultsService } from './results-api';
import type { Review } from './review';

type FeedbackHandlers = Pick<
  Handlers,
  | 'rapport.feedback'
  | 'rapport.feedbackMappe'
  | 'refleksion.list'
  | 'refleksion.tilfoej'
  | 'refleksion.slet'
  | 'refleksion.forslag'
  | 'eksport.excel'
>;

/** Feedback notes, reflection questions and the Excel export. Not built yet. */
export function createFeedbackHandlers(_review: Review, _results: ResultsService): FeedbackHandlers {
  const notYet = () => {
    throw new ApiError('CONFLICT', 'Denne funktion er ikke klar endnu.');
  };
  return {
    'rapport.feedback': notYet,
    'rapport.feedbackMappe': notYet,
    'refleksion.list': notYet,
    'refleksion.tilfoej': notYet,
    'refleksion.slet': notYet,
    'refleksion.forslag': notYet,
    'eksport.excel': notYet,
  };
}
