import { useEffect, useState } from 'react';
import { progressText } from '../../../shared/domain/progress';
import { type RunningTask, useTasks } from '../tasks';

/** Work done within this is over before a bar would mean anything: no panel flashes by. */
const SHOW_AFTER_MS = 400;
/** How long »… er afbrudt« stays before it goes by itself. */
const STOPPED_SHOWN_MS = 8000;

/**
 * The panel of long work in progress (renderer/src/tasks.ts), in the lower corner above every screen: what is being
 * done, how far, and »Afbryd« where stopping is safe. The phase is announced; the counts are not, every 250 ms.
 */
export function TaskProgress() {
  const running = useTasks((s) => s.running);
  const stopped = useTasks((s) => s.stopped);
  const dismiss = useTasks((s) => s.dismissStopped);
  const [now, setNow] = useState(() => Date.now());
  const active = running.length > 0 || stopped !== undefined;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [active]);
  useEffect(() => {
    if (stopped && now - stopped.at > STOPPED_SHOWN_MS) dismiss();
  }, [stopped, now, dismiss]);

  const shown = running.filter((t) => now - t.startedAt >= SHOW_AFTER_MS);
  if (shown.length === 0 && !stopped) return null;
  return (
    <section className="task-panel" aria-label="Arbejde i gang">
      {shown.map((t) => (
        <TaskRow key={t.id} task={t} />
      ))}
      {stopped && (
        <div className="task-stopped" role="status">
          <p>{stopped.text}</p>
          <button type="button" className="link-button" onClick={dismiss}>
            Luk
          </button>
        </div>
      )}
    </section>
  );
}

function TaskRow({ task }: { task: RunningTask }) {
  const stop = useTasks((s) => s.stop);
  const p = task.progress;
  const counted = p && p.total !== null && p.total > 0;
  const blocked = p?.kanAnnulleres === false;
  const titleId = `opgave-${task.id}`;
  return (
    <div className="task">
      <p className="task-title" id={titleId}>
        {task.titel}
      </p>
      <progress
        className="task-bar"
        aria-labelledby={titleId}
        value={counted ? p.done : undefined}
        max={counted ? (p.total ?? undefined) : undefined}
      />
      <p className="task-phase">{task.stopping ? 'Afbryder …' : p ? progressText(p) : 'Går i gang …'}</p>
      <p className="sr-only" aria-live="polite">
        {task.stopping ? 'Afbryder' : (p?.fase ?? '')}
      </p>
      {task.kanAfbrydes && (
        <div className="task-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={task.stopping || blocked}
            aria-describedby={blocked ? `${titleId}-hint` : undefined}
            onClick={() => stop(task.id)}
          >
            Afbryd
          </button>
          {blocked && !task.stopping && (
            <span className="form-hint" id={`${titleId}-hint`}>
              Kan ikke afbrydes nu: det sidste gemmes samlet.
            </span>
          )}
        </div>
      )}
    </div>
  );
}
