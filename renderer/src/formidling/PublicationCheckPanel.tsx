import {
  type CheckedPassage,
  canBeMarked,
  PASSAGE_LABELS,
  type PublicationCheck,
  type PublicDocument,
  type TextPlace,
} from '../../../shared/domain/publication';
import { Alert } from '../components/Alert';
import { type Route, routeHref } from '../routes';

/** A publication check as a screen holds it: the check, an error, and the leader's two actions. */
export interface CheckState {
  check: PublicationCheck | undefined;
  error: string | undefined;
  busy: boolean;
  reload(): Promise<void> | void;
  mark(passage: CheckedPassage, ok: boolean): Promise<void> | void;
}

/** »… i rapportens tekster«. */
const TEXTS_OF: Record<PublicDocument, string> = { udvalg: 'rapportens tekster', team: 'teamnotatets tekster' };

/** Where the leader rewrites a text, as a link and its words. */
function placeLink(tilsynId: number, place: TextPlace): { route: Route; text: string } {
  switch (place.screen) {
    case 'rediger':
      return { route: { name: 'edit', id: tilsynId }, text: 'Ret under tilsynets oplysninger' };
    case 'resultater':
      return { route: { name: 'resultater', id: tilsynId }, text: 'Ret under 5. Resultater' };
    case 'sag':
      return { route: { name: 'sag', id: tilsynId, sagId: place.sagId }, text: 'Ret i sagens gennemgang' };
    case 'formidling':
      return { route: { name: 'formidling', id: tilsynId }, text: 'Ret i refleksionsspørgsmålene nedenfor' };
    case 'indstillinger':
      return { route: { name: 'indstillinger' }, text: 'Ret under Indstillinger' };
    case 'enheder':
      return { route: { name: 'enheder' }, text: 'Ret under Enheder' };
    case 'skabelon':
      return { route: { name: 'skabeloner' }, text: 'Står i skabelonen' };
    case 'tidligere':
      return { route: { name: 'resultater', id: place.tilsynId }, text: 'Ret under 5. Resultater i sidste tilsyn' };
  }
}

/** The words before a passage, cut at a word where the context was cut (…»med teamet. Sagen«). */
const contextBefore = (s: string) => (s.length >= CONTEXT ? `…${s.replace(/^\S*\s/u, '')}` : s);
const contextAfter = (s: string) => (s.length >= CONTEXT ? `${s.replace(/\s\S*$/u, '')}…` : s);
const CONTEXT = 40;

function Passage({
  tilsynId,
  passage,
  onMark,
}: {
  tilsynId: number;
  passage: CheckedPassage;
  /** Undefined when the marks can no longer change (the report was sent with them). */
  onMark?: (ok: boolean) => void;
}) {
  const link = placeLink(tilsynId, passage.place);
  return (
    <li>
      <div className={`passage${passage.ok ? ' passage-ok' : ''}`}>
        <p className="passage-where">
          <strong>{passage.label}</strong> · {PASSAGE_LABELS[passage.kind]}
        </p>
        <p className="passage-context">
          {contextBefore(passage.before)}
          <mark>{passage.text}</mark>
          {contextAfter(passage.after)}
        </p>
        <div className="passage-actions">
          <a href={routeHref(link.route)}>{link.text}</a>
          {passage.ok ? (
            <>
              <span className="passage-marked">✓ Markeret som ikke identificerende</span>
              {onMark && (
                <button type="button" className="button button-tertiary" onClick={() => onMark(false)}>
                  Fortryd
                </button>
              )}
            </>
          ) : !onMark ? null : canBeMarked(passage) ? (
            <button type="button" className="button button-secondary" onClick={() => onMark(true)}>
              Identificerer ingen
            </button>
          ) : (
            <span className="passage-marked">Skal rettes: et CPR-nummer må aldrig stå i rapporten</span>
          )}
        </div>
      </div>
    </li>
  );
}

/**
 * The publication check before a public document is made: each passage that may identify someone, in context, with
 * where to rewrite it and a button to mark it as identifying no one. The document's button waits until none is left.
 */
export function PublicationCheckPanel({
  tilsynId,
  dokument,
  state,
  frozen = false,
}: {
  /** The tilsyn whose texts are checked; 0 for a period report, whose texts are written under Enheder and Indstillinger. */
  tilsynId: number;
  dokument: PublicDocument;
  state: CheckState;
  /** The document was sent as checked: the marks are shown, not changed. */
  frozen?: boolean;
}) {
  const { check, error, busy } = state;
  const id = `tjek-${dokument}`;
  const texts = TEXTS_OF[dokument];
  return (
    <section className="publication-check" aria-labelledby={id}>
      <h3 id={id} className="h4">
        Tjek før offentliggørelse
      </h3>
      {error && !check && <p className="muted">{error}</p>}
      {error && check && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {check && check.passages.length === 0 && (
        <p className="publication-clear">
          ✓ Intet i teksterne ser ud til at kunne identificere et barn eller en sagsbehandler.
        </p>
      )}
      {check && check.passages.length > 0 && (
        <>
          <p>
            {check.unresolved === 0
              ? `✓ Du har gennemgået alle steder i ${texts}, der kunne identificere nogen.`
              : `${check.unresolved === 1 ? 'Ét sted' : `${check.unresolved} steder`} i ${texts} kan måske identificere et barn eller en sagsbehandler. Ret teksten, eller markér stedet, hvis det ikke identificerer nogen. Intet bliver fjernet af sig selv.`}
          </p>
          <ul className="passage-list nobullet-list">
            {check.passages.map((p) => (
              <Passage
                key={`${p.textHash}:${p.start}`}
                tilsynId={tilsynId}
                passage={p}
                onMark={frozen ? undefined : (ok) => state.mark(p, ok)}
              />
            ))}
          </ul>
        </>
      )}
      {!frozen && (
        <button type="button" className="button button-tertiary" onClick={() => state.reload()} disabled={busy}>
          {busy ? 'Tjekker …' : 'Tjek igen'}
        </button>
      )}
    </section>
  );
}
