import { useEffect, useState } from 'react';
import type { SagReview } from '../../../shared/domain/review';
import { messageOf } from '../errors';
import { createReviewSession, type ReviewSessionState, type ReviewTransport } from './reviewSession';

/**
 * The review of one sag for the screen: loaded once, then changed through the session's save queue and undo
 * (reviewSession.ts), whose state is shown as it changes.
 */
export function useReviewSession(load: () => Promise<SagReview>, transport: ReviewTransport) {
  const [state, setState] = useState<ReviewSessionState>();
  const [loadError, setLoadError] = useState<string>();
  const [session] = useState(() => createReviewSession(transport, { onChange: setState, messageOf }));

  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once; the screen is keyed by the sag
  useEffect(() => {
    load().then(session.start, (err) => setLoadError(messageOf(err)));
  }, [session]);

  const current = state ?? session.state();
  return {
    review: current.review,
    loadError,
    save: current.save,
    send: session.send,
    undo: session.undo,
    retry: session.retry,
    lastUndo: current.undoSteps.at(-1),
  };
}
