import { create } from 'zustand';
import { ApiError } from '../../shared/api/errors';
import { NOTHING_KEPT, newTaskId, type Progress } from '../../shared/domain/progress';
import { api } from './api';

/** A long call the leader is waiting for (an import, a PDF, a workbook, a backup), as the progress panel shows it. */
export interface RunningTask {
  id: string;
  /** What the leader asked for: »Importerer sagslisten«. */
  titel: string;
  startedAt: number;
  progress: Progress | null;
  /** »Afbryd« was clicked: the work stops at its next checkpoint. */
  stopping: boolean;
  /** False for work that is never stopped halfway (sending the report to the udvalg): no »Afbryd«. */
  kanAfbrydes: boolean;
  /** Work the renderer does itself, a call at a time (several files read): stopped between calls, here. */
  local?: boolean;
}

interface TaskState {
  running: RunningTask[];
  /** What became of the last work the leader asked to stop: stopped with nothing kept, or done before it could be. */
  stopped?: { text: string; at: number };
  stop(id: string): void;
  dismissStopped(): void;
}

/** How often a running call is asked how far it has come. */
const POLL_MS = 250;

export const useTasks = create<TaskState>((set, get) => ({
  running: [],
  stop(id) {
    const task = get().running.find((t) => t.id === id);
    set({ running: get().running.map((t) => (t.id === id ? { ...t, stopping: true } : t)) });
    if (task && !task.local) void api.call('opgave.annuller', { id }).catch(() => undefined);
  },
  dismissStopped() {
    set({ stopped: undefined });
  },
}));

function update(id: string, change: (t: RunningTask) => RunningTask): void {
  useTasks.setState((s) => ({ running: s.running.map((t) => (t.id === id ? change(t) : t)) }));
}

/**
 * Runs a long call under a new task id, with the progress panel following it (components/TaskProgress.tsx). A call
 * the leader stops rejects with CANCELLED, as before: the caller shows nothing for it (isCancelled), the panel
 * says it was stopped, or that it was done before it could be.
 */
export async function tracked<T>(
  titel: string,
  call: (opgaveId: string) => Promise<T>,
  options: { kanAfbrydes?: boolean } = {},
): Promise<T> {
  const task = begin({ titel, progress: null, kanAfbrydes: options.kanAfbrydes ?? true });
  const timer = setInterval(() => {
    api.call('opgave.status', { id: task.id }).then(
      (progress) => progress && update(task.id, (t) => ({ ...t, progress })),
      () => undefined,
    );
  }, POLL_MS);
  try {
    const result = await call(task.id);
    // The leader asked to stop it, but it was done first (or at a step that cannot stop): said, not hidden.
    if (task.stopping()) task.say(`»${titel}« blev gjort færdigt, før det kunne afbrydes.`);
    return result;
  } catch (err) {
    if (isCancelled(err)) task.say(`»${titel}« er afbrudt. ${NOTHING_KEPT}`);
    throw err;
  } finally {
    clearInterval(timer);
    task.end();
  }
}

/** A new piece of work on the panel (what was said of the one before has been read), and what it does there. */
function begin(shown: Pick<RunningTask, 'titel' | 'progress' | 'kanAfbrydes' | 'local'>) {
  const id = newTaskId();
  const task: RunningTask = { id, startedAt: Date.now(), stopping: false, ...shown };
  useTasks.setState((s) => ({ running: [...s.running, task], stopped: undefined }));
  return {
    id,
    /** »Afbryd« was clicked. */
    stopping: () => useTasks.getState().running.find((t) => t.id === id)?.stopping ?? false,
    say: (text: string) => useTasks.setState({ stopped: { text, at: Date.now() } }),
    end: () => useTasks.setState((s) => ({ running: s.running.filter((t) => t.id !== id) })),
  };
}

/** The leader stopped the work herself: not an error to show beside the button. */
export function isCancelled(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'CANCELLED';
}

/**
 * Runs `step` on each item in turn, with the panel counting them (»Indlæser pakkerne: 12 af 40 pakker«); »Afbryd«
 * stops before the next item, and each item done is kept (each is whole on its own). Returns how many were done.
 */
export async function trackedSteps<T>(
  titel: string,
  items: readonly T[],
  enhed: string,
  step: (item: T) => Promise<void>,
): Promise<number> {
  const progress = (done: number): Progress => ({ fase: titel, done, total: items.length, enhed, kanAnnulleres: true });
  const task = begin({ titel, progress: progress(0), kanAfbrydes: items.length > 1, local: true });
  let done = 0;
  try {
    for (const item of items) {
      if (task.stopping()) break;
      await step(item);
      done++;
      update(task.id, (t) => ({ ...t, progress: progress(done) }));
    }
    if (done < items.length)
      task.say(`»${titel}« er afbrudt efter ${done} af ${items.length} ${enhed}. De resterende er ikke læst ind.`);
    return done;
  } finally {
    task.end();
  }
}
