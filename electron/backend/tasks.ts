import { ApiError } from '../../shared/api/errors';
import { CANCELLED_MESSAGE, type Progress } from '../../shared/domain/progress';

/** How far work has come: `done` of `total`, in `enhed` (»rækker«) where the count means something to the leader. */
type Count = Pick<Progress, 'done' | 'enhed'> & { total: number };

/**
 * One piece of long work, as the code doing it sees it: it says where it is, and at its checkpoints lets the
 * event loop answer »how far?« and »cancel« (the work runs on the one thread that answers them).
 */
export interface Task {
  /** Where the work is now, counted where it can be. Cancelling is allowed unless said otherwise. */
  report(fase: string, count?: Count, kanAnnulleres?: boolean): void;
  /** Yields to the event loop when the work has held it for a while; throws CANCELLED once the leader cancelled. */
  checkpoint(): Promise<void>;
  /** Throws CANCELLED once the leader cancelled, without yielding (for a callback that cannot wait). */
  throwIfCancelled(): void;
}

/** How long work holds the event loop at most between two yields, so a status call is answered within it. */
const HOLD_MS = 40;
/** Cancels that came before their work (the cancel overtook the call): remembered this many, this long. */
const EARLY_CANCELS = 50;
const EARLY_CANCEL_MS = 10_000;

interface Running {
  progress: Progress;
  cancelled: boolean;
}

/** Work without an id (a test, a script): reports to nobody, and cannot be cancelled. */
export const untracked: Task = {
  report: () => undefined,
  checkpoint: () => Promise.resolve(),
  throwIfCancelled: () => undefined,
};

/** The long work running in one backend, by the id the renderer gave it. */
export function createTasks(now: () => number = () => performance.now()) {
  const running = new Map<string, Running>();
  let early: { id: string; at: number }[] = [];

  function cancelledError(): ApiError {
    return new ApiError('CANCELLED', CANCELLED_MESSAGE);
  }

  /** Runs `work` as the task `id` (or untracked without one); its state is gone when it ends, however it ends. */
  async function run<T>(id: string | undefined, work: (task: Task) => T | Promise<T>): Promise<T> {
    if (id === undefined) return work(untracked);
    if (running.has(id)) throw new ApiError('CONFLICT', 'Opgaven kører allerede.');
    // A cancel that came just before the call is for this call only; one for work long over is forgotten.
    const overtaken = early.some((c) => c.id === id && now() - c.at <= EARLY_CANCEL_MS);
    early = early.filter((c) => c.id !== id);
    const state: Running = {
      progress: { fase: 'Går i gang', done: 0, total: null, kanAnnulleres: true },
      cancelled: overtaken,
    };
    running.set(id, state);
    let heldSince = now();
    const throwIfCancelled = () => {
      if (state.cancelled && state.progress.kanAnnulleres) throw cancelledError();
    };
    const task: Task = {
      report(fase, count, kanAnnulleres = true) {
        state.progress = {
          fase,
          done: count?.done ?? 0,
          total: count?.total ?? null,
          kanAnnulleres,
          enhed: count?.enhed,
        };
        // Work that can no longer be stopped says so at its next checkpoint, to a status call waiting for it.
        if (!kanAnnulleres) heldSince = Number.NEGATIVE_INFINITY;
      },
      async checkpoint() {
        if (now() - heldSince >= HOLD_MS) {
          // Two turns of the event loop: a call that came during a long step is read in one, answered in the next.
          await new Promise((resolve) => setImmediate(resolve));
          await new Promise((resolve) => setImmediate(resolve));
          heldSince = now();
        }
        throwIfCancelled();
      },
      throwIfCancelled,
    };
    try {
      throwIfCancelled();
      return await work(task);
    } finally {
      running.delete(id);
    }
  }

  return {
    run,
    /** How many pieces of work are running now. */
    active: () => running.size,
    /** Where the work `id` is, or null when it is not running (not begun, or ended). */
    status: (id: string): Progress | null => running.get(id)?.progress ?? null,
    /** Asks the work `id` to stop at its next checkpoint; true when it was running. */
    cancel(id: string): boolean {
      const state = running.get(id);
      if (state) {
        state.cancelled = true;
        return true;
      }
      early = [...early.filter((c) => c.id !== id), { id, at: now() }].slice(-EARLY_CANCELS);
      return false;
    },
  };
}

export type Tasks = ReturnType<typeof createTasks>;
