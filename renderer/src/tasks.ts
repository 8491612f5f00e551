import { create } from 'zustand';
import { ApiError } from '../../shared/api/errors';
import { newTaskId, type Progress } from '../../shared/domain/progress';
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
}

interface TaskState {
  running: RunningTask[];
  /** The last work the leader stopped, said once (what was stopped, and that nothing was kept). */
  stopped?: { titel: string; at: number };
  stop(id: string): void;
  dismissStopped(): void;
}

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
 * says it was stopped.
 */
export async function tracked<T>(titel: string, call: (opgaveId: string) => Promise<T>): Promise<T> {
  const id = newTaskId();
  useTasks.setState((s) => ({
    running: [...s.running, { id, titel, startedAt: Date.now(), progress: null, stopping: false }],
  }));
  const timer = setInterval(() => {
    api.call('opgave.status', { id }).then(
      (progress) => progress && update(id, (t) => ({ ...t, progress })),
      () => undefined,
    );
  }, POLL_MS);
  try {
    return await call(id);
  } catch (err) {
    if (isCancelled(err)) useTasks.setState({ stopped: { titel, at: Date.now() } });
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
