import { useCallback, useEffect, useRef, useState } from 'react';
import type { SagReview } from '../../../shared/domain/gennemgang';
import { api } from '../api';
import { messageOf } from '../store';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

/** A change's way back: what it was, and the call that restores the state before it. */
export interface UndoStep {
  label: string;
  revert: (current: SagReview) => Promise<SagReview>;
}

/** A change to send, and how to undo it given the review as it was before and after. */
export interface ReviewChange {
  call: () => Promise<SagReview>;
  undo?: (before: SagReview, after: SagReview) => UndoStep | undefined;
}

const MAX_UNDO = 50;

/**
 * The review of one sag as the screen holds it. Changes are sent one at a time and in order, so a slow save
 * never lands after a newer one; each successful change can be undone, newest first.
 */
export function useReviewSession(sagId: number) {
  const [review, setReview] = useState<SagReview>();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [loadError, setLoadError] = useState<string>();
  const [undoSteps, setUndoSteps] = useState<UndoStep[]>([]);
  // Changes that could not be saved (disk full, read-only folder …), oldest first: kept until each is sent again,
  // and the error stays on screen until then, even when later changes are saved.
  const failed = useRef<ReviewChange[]>([]);
  const lastError = useRef('');
  // Saves not yet answered: undo waits for them, so it never undoes an older change than the newest one.
  const pending = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<SagReview | undefined>(undefined);
  const stepsRef = useRef<UndoStep[]>([]);

  useEffect(() => {
    api.call('gennemgang.sag', { sagId }).then(
      (r) => {
        latest.current = r;
        setReview(r);
      },
      (err) => setLoadError(messageOf(err)),
    );
  }, [sagId]);

  const run = useCallback((task: (before: SagReview) => Promise<{ after: SagReview; step?: UndoStep }>) => {
    setSave({ kind: 'saving' });
    pending.current++;
    queue.current = queue.current.then(async () => {
      const before = latest.current;
      if (!before) return;
      try {
        const { after, step } = await task(before);
        latest.current = after;
        setReview(after);
        setSave(
          failed.current.length > 0 ? { kind: 'error', message: lastError.current } : { kind: 'saved', at: new Date() },
        );
        if (step) {
          stepsRef.current = [...stepsRef.current.slice(-(MAX_UNDO - 1)), step];
          setUndoSteps(stepsRef.current);
        }
      } catch (err) {
        lastError.current = messageOf(err);
        setSave({ kind: 'error', message: lastError.current });
      } finally {
        pending.current--;
      }
    });
    return queue.current;
  }, []);

  const send = useCallback(
    (change: ReviewChange) =>
      run(async (before) => {
        try {
          const after = await change.call();
          failed.current = failed.current.filter((c) => c !== change);
          return { after, step: change.undo?.(before, after) };
        } catch (err) {
          if (!failed.current.includes(change)) failed.current = [...failed.current, change];
          throw err;
        }
      }),
    [run],
  );

  /** Sends the changes that failed again, oldest first, once the problem (e.g. a full disk) is fixed. */
  const retry = useCallback(() => {
    for (const change of failed.current) void send(change);
  }, [send]);

  const undo = useCallback(() => {
    const step = stepsRef.current.at(-1);
    if (!step || pending.current > 0) return;
    stepsRef.current = stepsRef.current.slice(0, -1);
    setUndoSteps(stepsRef.current);
    void run(async (before) => ({ after: await step.revert(before) }));
  }, [run]);

  return { review, loadError, save, send, undo, retry, lastUndo: undoSteps.at(-1) };
}
