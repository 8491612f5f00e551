import { create } from 'zustand';
import { ApiError } from '../../shared/api/errors';
import { CANCELLED_MESSAGE, newTaskId, type Progress } from '../../shared/domain/progress';
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
}

interface TaskState {
  running: RunningTask[];
  /** What became of the last work the leader asked to stop: stopped with nothing kept, or done before it could be. */
  stopped?: { text: string; at: number };
  stop(id: string): void;
  dismissStopped(): void;
}

/** »Intet er gemt eller lavet.«: the cancel message without its first word. */
const NOTHING_KEPT = CANCELLED_MESSAGE.replace(/^Afbrudt\. /, '');

/** How often a running call is asked how far it has come. */
const POLL_MS = 250;

export const useTasks = create<TaskState>((set, get) => ({
  running: [],
  stop(id) {
    set({ running: get().running.map((t) => (t.id === id ? { ...t, stopping: true } : t)) });
    void api.call('opgave.annuller', { id }).catch(() => undefined);
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
  const id = newTaskId();
  const task: RunningTask = {
    id,
    titel,
    startedAt: Date.now(),
    progress: null,
    stopping: false,
    kanAfbrydes: options.kanAfbrydes ?? true,
  };
  // A new piece of work: what was said of the one before has been read.
  useTasks.setState((s) => ({ running: [...s.running, task], stopped: undefined }));
  const timer = setInterval(() => {
    api.call('opgave.status', { id }).then(
      (progress) => progress && update(id, (t) => ({ ...t, progress })),
      () => undefined,
    );
  }, POLL_MS);
  const stopping = () => useTasks.getState().running.find((t) => t.id === id)?.stopping ?? false;
  const say = (text: string) => useTasks.setState({ stopped: { text, at: Date.now() } });
  try {
    const result = await call(id);
    // The leader asked to stop it, but it was done first (or at a step that cannot stop): said, not hidden.
    if (stopping()) say(`»${titel}« blev gjort færdigt, før det kunne afbrydes.`);
    return result;
  } catch (err) {
    if (isCancelled(err)) say(`»${titel}« er afbrudt. ${NOTHING_KEPT}`);
    throw err;
  } finally {
    clearInterval(timer);
    useTasks.setState((s) => ({ running: s.running.filter((t) => t.id !== id) }));
  }
}

/** The leader stopped the work herself: not an error to show beside the button. */
export function isCancelled(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'CANCELLED';
}
