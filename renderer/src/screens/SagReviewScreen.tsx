import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewSagSummary, SagReview } from '../../../shared/domain/gennemgang';
import { applicableQuestions } from '../../../shared/domain/rules';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { TilsynLayout } from '../components/TilsynLayout';
import { SAG_STATUS_LABELS } from '../gennemgang/labels';
import { type AnswerChange, ReviewQuestion } from '../gennemgang/ReviewQuestion';
import { routeHref } from '../routes';
import { messageOf } from '../store';

export function SagReviewScreen({ id, sagId }: { id: number; sagId: number }) {
  return (
    <TilsynLayout id={id} step="gennemgang">
      {(tilsyn) => <SagReviewView key={sagId} tilsyn={tilsyn} sagId={sagId} />}
    </TilsynLayout>
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

/** One sag: its facts and dates beside the template's questions; every change is saved at once. */
function SagReviewView({ tilsyn, sagId }: { tilsyn: TilsynSummary; sagId: number }) {
  const [review, setReview] = useState<SagReview>();
  const [siblings, setSiblings] = useState<ReviewSagSummary[]>([]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [error, setError] = useState<string>();
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    api.call('gennemgang.sag', { sagId }).then(setReview, (err) => setError(messageOf(err)));
    api.call('gennemgang.sager', { tilsynId: tilsyn.id }).then(setSiblings, () => undefined);
  }, [sagId, tilsyn.id]);

  // Changes are sent one at a time and in order, so a slow save never lands after a newer one.
  const send = useCallback((call: () => Promise<SagReview>) => {
    setSave({ kind: 'saving' });
    queue.current = queue.current.then(async () => {
      try {
        setReview(await call());
        setSave({ kind: 'saved', at: new Date() });
      } catch (err) {
        setSave({ kind: 'error', message: messageOf(err) });
      }
    });
  }, []);
  const saveAnswer = (key: string) => (change: AnswerChange) =>
    send(() => api.call('gennemgang.svar', { sagId, key, ...change }));

  if (error)
    return (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    );
  if (!review) return <p>Henter sagen …</p>;

  const locked = tilsyn.status === 'afsluttet' || review.sag.status === 'udgaaet';
  const values = Object.fromEntries(Object.entries(review.answers).map(([k, a]) => [k, a.value]));
  const sections = applicableQuestions(
    review.content,
    { sagstype: review.sag.sagstype, answers: values },
    review.sectionKeys ?? undefined,
  );
  const active = siblings.filter((s) => s.status !== 'udgaaet');
  const index = active.findIndex((s) => s.id === sagId);
  const next = active[index + 1];
  const previous = index > 0 ? active[index - 1] : undefined;

  return (
    <div className="review-layout">
      <aside className="review-panel" aria-label="Sagen">
        <h2 className="h3">Sag {review.sag.sagsnummer}</h2>
        <p>
          <span className={`status-badge sag-${review.sag.status}`}>{SAG_STATUS_LABELS[review.sag.status]}</span>
        </p>
        <dl className="facts">
          <dt>Sagstype</dt>
          <dd>{review.sag.sagstype || '–'}</dd>
          <dt>Sagsbehandler</dt>
          <dd>{review.sag.sagsbehandler || '–'}</dd>
          <dt>Team</dt>
          <dd>{review.sag.team || '–'}</dd>
        </dl>
        <h3 className="h5">Datoer</h3>
        {review.content.dateFields.map((f) => (
          <div className="form-group date-field" key={f.key}>
            <label className="form-label" htmlFor={`dato-${f.key}`}>
              {f.label}
            </label>
            {review.dates[f.key] && !review.enteredDates[f.key] && <span className="form-hint">Fra sagslisten</span>}
            <DateInput
              id={`dato-${f.key}`}
              disabled={locked}
              value={review.dates[f.key] ?? ''}
              onChange={(date) => send(() => api.call('gennemgang.dato', { sagId, key: f.key, date: date || null }))}
            />
          </div>
        ))}
        <div className="review-progress" aria-live="polite">
          <p>
            <strong>
              {review.progress.answered} af {review.progress.applicable}
            </strong>{' '}
            spørgsmål besvaret
          </p>
          <SaveIndicator state={save} />
        </div>
        {review.sag.status !== 'faerdig' && !locked && (
          <button
            type="button"
            className="button button-primary"
            disabled={review.progress.missing.length > 0}
            onClick={() => send(() => api.call('gennemgang.faerdig', { sagId }))}
          >
            Markér sagen som færdig
          </button>
        )}
        {review.progress.missing.length > 0 && (
          <details className="missing">
            <summary>Der mangler {review.progress.missing.length}</summary>
            <ul>
              {review.progress.missing.map((m) => (
                <li key={m.key}>
                  <a href={`#svar-${m.key.replace(/[^a-z0-9_-]/g, '_')}`} onClick={(e) => jumpTo(e, m.key)}>
                    {m.message}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        )}
        <nav className="sag-nav" aria-label="Andre sager">
          {previous && (
            <a href={routeHref({ name: 'sag', id: tilsyn.id, sagId: previous.id })}>← {previous.sagsnummer}</a>
          )}
          <a href={routeHref({ name: 'gennemgang', id: tilsyn.id })}>Alle sager</a>
          {next && <a href={routeHref({ name: 'sag', id: tilsyn.id, sagId: next.id })}>{next.sagsnummer} →</a>}
        </nav>
      </aside>
      <div className="review-questions">
        {locked && (
          <Alert kind="info">
            <p className="alert-text">
              {review.sag.status === 'udgaaet'
                ? 'Sagen er udgået af stikprøven.'
                : 'Tilsynet er afsluttet; svarene kan ikke ændres.'}
            </p>
          </Alert>
        )}
        {sections.map(({ section, questions }, s) => (
          <section key={section.key} aria-labelledby={`afsnit-${section.key}`}>
            <h2 id={`afsnit-${section.key}`}>
              {s + 1}. {section.title}
            </h2>
            {questions.map((q, i) => (
              <div key={q.key} id={`svar-${q.key.replace(/[^a-z0-9_-]/g, '_')}`}>
                <ReviewQuestion
                  number={`${s + 1}.${i + 1}`}
                  question={q}
                  answer={review.answers[q.key]}
                  dates={review.dates}
                  dateFields={review.content.dateFields}
                  disabled={locked}
                  onSave={saveAnswer(q.key)}
                />
              </div>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}

/**
 * A date field with its own state while the leader types, saved when she leaves it (or presses Enter): while a
 * date is being typed the field reports no value, and saving those would wipe the stored date.
 */
function DateInput(props: { id: string; value: string; disabled: boolean; onChange(date: string): void }) {
  const [value, setValue] = useState(props.value);
  useEffect(() => setValue(props.value), [props.value]);
  const commit = () => {
    if (value !== props.value) props.onChange(value);
  };
  return (
    <input
      id={props.id}
      type="date"
      className="form-input"
      disabled={props.disabled}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

function jumpTo(event: React.MouseEvent, key: string) {
  event.preventDefault();
  const target = document.getElementById(`svar-${key.replace(/[^a-z0-9_-]/g, '_')}`);
  target?.scrollIntoView({ block: 'center' });
  target?.querySelector<HTMLElement>('input, textarea, button')?.focus();
}

function SaveIndicator({ state }: { state: SaveState }) {
  if (state.kind === 'saving') return <p className="save-indicator saving">Gemmer …</p>;
  if (state.kind === 'saved') {
    const time = state.at.toLocaleTimeString('da-DK', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return <p className="save-indicator saved">✓ Gemt kl. {time}</p>;
  }
  if (state.kind === 'error')
    return (
      <p className="save-indicator error" role="alert">
        Ikke gemt: {state.message}
      </p>
    );
  return <p className="save-indicator muted">Svar gemmes, i det øjeblik du giver dem.</p>;
}
