import type { MethodInput } from '../../../shared/api/contract';
import type { SagReview } from '../../../shared/domain/review';

/** The calls that change a sag's review. */
export type ReviewMethod =
  | 'gennemgang.svar'
  | 'gennemgang.dato'
  | 'gennemgang.faerdig'
  | 'gennemgang.fund'
  | 'gennemgang.fundRet'
  | 'gennemgang.fundSlet'
  | 'gennemgang.handling'
  | 'gennemgang.handlingRet'
  | 'gennemgang.handlingSlet'
  | 'gennemgang.dialog';

/** One such call, as data: which method, with which input. */
export type ReviewRequest = { [M in ReviewMethod]: { method: M; input: MethodInput<M> } }[ReviewMethod];

/**
 * Sends a request to the backend (the API in the app, a fake in tests) and gives the review as it is after it;
 * `current` is the review the request was made from (a save answers with what changed, laid over it).
 */
export type ReviewTransport = (request: ReviewRequest, current: SagReview) => Promise<SagReview>;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

/** A change's way back: what it was, and the request that restores the state before it, given the review now. */
export interface UndoStep {
  label: string;
  revert: (current: SagReview) => ReviewRequest;
  /** A request to send after the revert, given the review then (marking the sag færdig again, say). */
  afterwards?: (afterRevert: SagReview) => ReviewRequest | undefined;
}

/** A change to send, and how to undo it given the review as it was before and after. */
export interface ReviewChange {
  request: ReviewRequest;
  undo?: (before: SagReview, after: SagReview) => UndoStep | undefined;
}

export interface ReviewSessionState {
  review: SagReview | undefined;
  save: SaveState;
  /** Oldest first; the last one is undone next. */
  undoSteps: readonly UndoStep[];
}

export const MAX_UNDO = 50;

interface SessionOptions {
  /** Told of every new state (review, save state, undo steps). */
  onChange(state: ReviewSessionState): void;
  /** The Danish message for a failed save. */
  messageOf(err: unknown): string;
  now?: () => Date;
}

/**
 * The review of one sag while the screen holds it, without React. Changes are sent one at a time and in order, so
 * a slow save never lands after a newer one. A change that cannot be saved (disk full, read-only folder …) is kept
 * until it is sent again, and its error stays until then, even when later changes are saved. Each saved change can
 * be undone, newest first, up to MAX_UNDO steps; undo waits until no save is pending, so it never undoes an older
 * change than the newest one.
 */
export function createReviewSession(transport: ReviewTransport, options: SessionOptions) {
  const now = options.now ?? (() => new Date());
  let state: ReviewSessionState = { review: undefined, save: { kind: 'idle' }, undoSteps: [] };
  // Oldest first, each kept until it is sent again and saved.
  let failed: ReviewChange[] = [];
  let lastError = '';
  let pending = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const update = (patch: Partial<ReviewSessionState>) => {
    state = { ...state, ...patch };
    options.onChange(state);
  };

  function run(task: (before: SagReview) => Promise<{ after: SagReview; step?: UndoStep }>): Promise<void> {
    update({ save: { kind: 'saving' } });
    pending++;
    const next = queue.then(async () => {
      try {
        const before = state.review;
        if (!before) return;
        const { after, step } = await task(before);
        update({
          review: after,
          save: failed.length > 0 ? { kind: 'error', message: lastError } : { kind: 'saved', at: now() },
          ...(step && { undoSteps: [...state.undoSteps.slice(-(MAX_UNDO - 1)), step] }),
        });
      } catch (err) {
        lastError = options.messageOf(err);
        update({ save: { kind: 'error', message: lastError } });
      } finally {
        pending--;
      }
    });
    queue = next;
    return next;
  }

  function send(change: ReviewChange): Promise<void> {
    return run(async (before) => {
      try {
        const after = await transport(change.request, before);
        failed = failed.filter((c) => c !== change);
        return { after, step: change.undo?.(before, after) };
      } catch (err) {
        if (!failed.includes(change)) failed = [...failed, change];
        throw err;
      }
    });
  }

  return {
    state: () => state,
    /** The review as loaded from the backend: where the session starts. */
    start(review: SagReview) {
      update({ review });
    },
    send,
    /** Sends the changes that failed again, oldest first, once the problem (e.g. a full disk) is fixed. */
    retry() {
      for (const change of failed) void send(change);
    },
    /** Undoes the newest change; nothing while a save is pending or nothing is left to undo. */
    undo(): Promise<void> | undefined {
      const step = state.undoSteps.at(-1);
      if (!step || pending > 0) return undefined;
      update({ undoSteps: state.undoSteps.slice(0, -1) });
      return run(async (before) => {
        const reverted = await transport(step.revert(before), before);
        const next = step.afterwards?.(reverted);
        return { after: next ? await transport(next, reverted) : reverted };
      });
    },
  };
}

export type ReviewSession = ReturnType<typeof createReviewSession>;
