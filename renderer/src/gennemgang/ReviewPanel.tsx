import type { TemplateNumbers } from '../../../shared/domain/numbering';
import { type ReviewSagSummary, ruleDateMissingKey, type SagReview } from '../../../shared/domain/review';
import { numberedMissing } from '../../../shared/domain/review-progress';
import { SAG_STATUS_LABELS } from '../../../shared/domain/tilsyn';
import { DateInput } from '../components/DateInput';
import { routeHref } from '../routes';
import { anchorId, jumpTo, jumpToSection } from './navigation';
import type { SaveState, UndoStep } from './reviewSession';
import { SHORTCUTS } from './useReviewKeys';

export interface SectionState {
  key: string;
  label: string;
  questions: number;
  missing: number;
}

interface ReviewPanelProps {
  tilsynId: number;
  review: SagReview;
  siblings: ReviewSagSummary[];
  locked: boolean;
  save: SaveState;
  lastUndo: UndoStep | undefined;
  showShortcuts: boolean;
  /** The applicable afsnit, each with how many of its questions are still missing. */
  sections: SectionState[];
  /** The template's numbers, which the missing items are listed with. */
  numbers: TemplateNumbers;
  onDate(key: string, date: string | null): void;
  onFinish(): void;
  onUndo(): void;
  onRetry(): void;
  onToggleShortcuts(): void;
}

/** The sag beside its questions: facts, dates, progress, what is missing, saving, undo and the way on. */
export function ReviewPanel({ tilsynId, review, siblings, locked, save, lastUndo, ...props }: ReviewPanelProps) {
  const active = siblings.filter((s) => s.status !== 'udgaaet');
  const index = active.findIndex((s) => s.id === review.sag.id);
  const next = active[index + 1];
  const previous = index > 0 ? active[index - 1] : undefined;
  const { missing } = review.progress;
  return (
    <aside className="review-panel" aria-label="Sagen">
      <h2 className="h3">Sag {review.sag.sagsnummer}</h2>
      <p>
        <span className={`status-badge sag-${review.sag.status}`}>{SAG_STATUS_LABELS[review.sag.status]}</span>
      </p>
      <div className="review-progress review-progress-top" aria-live="polite">
        <p>
          <strong>
            {review.progress.answered} af {review.progress.applicable}
          </strong>{' '}
          spørgsmål besvaret{review.form === 'selvevaluering_foerst' ? ' af lederen' : ''}
        </p>
        <SaveIndicator state={save} onRetry={props.onRetry} />
      </div>
      {lastUndo && !locked && (
        <button type="button" className="button button-tertiary undo-button" onClick={props.onUndo}>
          ↶ Fortryd: {lastUndo.label}
        </button>
      )}
      {review.sag.status !== 'faerdig' && !locked && (
        <button type="button" className="button button-primary" disabled={missing.length > 0} onClick={props.onFinish}>
          Markér sagen som færdig
        </button>
      )}
      {missing.length > 0 && (
        <details className="missing">
          <summary>Der mangler {missing.length}</summary>
          <ul>
            {missing.map((m) => (
              <li key={m.key}>
                <a
                  href={`#${anchorId(m.key)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    jumpTo(m.key);
                  }}
                >
                  {numberedMissing(m, props.numbers)}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
      {review.sag.status === 'faerdig' && !locked && (
        <p className="next-sag">
          {next ? (
            <a className="button button-primary" href={routeHref({ name: 'sag', id: tilsynId, sagId: next.id })}>
              Næste sag: {next.sagsnummer} →
            </a>
          ) : (
            <a className="button button-secondary" href={routeHref({ name: 'gennemgang', id: tilsynId })}>
              Tilbage til alle sager
            </a>
          )}
        </p>
      )}
      {props.sections.length > 1 && (
        <nav className="section-nav" aria-label="Afsnit">
          <h3 className="h5">Afsnit</h3>
          <ul className="nobullet-list">
            {props.sections.map((x) => (
              <li key={x.key} className={x.missing === 0 ? 'section-done' : undefined}>
                <a
                  href={`#afsnit-${x.key}`}
                  onClick={(e) => {
                    e.preventDefault();
                    jumpToSection(x.key);
                  }}
                >
                  {x.label}
                </a>{' '}
                <span className="muted">
                  {x.missing === 0 ? (
                    <>
                      <span aria-hidden="true">✓</span>
                      <span className="sr-only">alle besvaret</span>
                    </>
                  ) : (
                    `${x.questions - x.missing} af ${x.questions}`
                  )}
                </span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <dl className="facts">
        <dt>Sagstype</dt>
        <dd>{review.sag.sagstype || '–'}</dd>
        <dt>Sagsbehandler</dt>
        <dd>{review.sag.sagsbehandler || '–'}</dd>
        <dt>Team</dt>
        <dd>{review.sag.team || '–'}</dd>
      </dl>
      {review.content.dateFields.length > 0 && <h3 className="h5">Datoer</h3>}
      {review.content.dateFields.map((f) => (
        <div className="form-group date-field" key={f.key} id={anchorId(ruleDateMissingKey(f.key))}>
          <label className="form-label" htmlFor={`dato-${f.key}`}>
            {f.label}
          </label>
          {review.dates[f.key] && !review.enteredDates[f.key] && <span className="form-hint">Fra sagslisten</span>}
          <DateInput
            id={`dato-${f.key}`}
            disabled={locked}
            value={review.dates[f.key] ?? ''}
            onChange={(date) => props.onDate(f.key, date || null)}
          />
        </div>
      ))}
      <nav className="sag-nav" aria-label="Andre sager">
        {previous && <a href={routeHref({ name: 'sag', id: tilsynId, sagId: previous.id })}>← {previous.sagsnummer}</a>}
        <a href={routeHref({ name: 'gennemgang', id: tilsynId })}>Alle sager</a>
        {next && <a href={routeHref({ name: 'sag', id: tilsynId, sagId: next.id })}>{next.sagsnummer} →</a>}
      </nav>
      <button
        type="button"
        className="link-button shortcuts-toggle"
        aria-expanded={props.showShortcuts}
        onClick={props.onToggleShortcuts}
      >
        Tastaturgenveje (?)
      </button>
      {props.showShortcuts && (
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      )}
    </aside>
  );
}

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  if (state.kind === 'saving') return <p className="save-indicator saving">Gemmer …</p>;
  if (state.kind === 'saved') {
    const time = state.at.toLocaleTimeString('da-DK', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return <p className="save-indicator saved">✓ Gemt kl. {time}</p>;
  }
  if (state.kind === 'error')
    return (
      <div className="save-indicator error" role="alert">
        <p>Ikke gemt: {state.message}</p>
        <p>Det, du har skrevet, står stadig på skærmen. Når problemet er løst, sendes ændringen igen herfra.</p>
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Prøv at gemme igen
        </button>
      </div>
    );
  return <p className="save-indicator muted">Svar gemmes, i det øjeblik du giver dem.</p>;
}
