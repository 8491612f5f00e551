import { useEffect, useRef, useState } from 'react';
import {
  EXCLUSION_REASON_LABELS,
  EXCLUSION_REASONS,
  type ExclusionReason,
  type SampledSag,
} from '../../../shared/domain/sample';
import { Select } from '../components/Select';

/** Why a sag udgår: a reason, and a note (needed for »anden«). */
export function ExcludeForm(props: {
  sag: SampledSag;
  onSubmit(reason: ExclusionReason, note: string): void;
  onCancel(): void;
}) {
  const [reason, setReason] = useState<ExclusionReason>('lukket_foer_perioden');
  const [note, setNote] = useState('');
  const root = useRef<HTMLDivElement>(null);
  // Keyboard users land in the form that replaced the button they pressed.
  useEffect(() => {
    root.current?.querySelector('select')?.focus();
  }, []);
  const needsNote = reason === 'anden' && !note.trim();
  // Said when she tries, beside the field: a greyed-out button does not say what is missing.
  const [tried, setTried] = useState(false);
  const noteId = `exclude-note-${props.sag.id}`;
  const showError = tried && needsNote;
  function submit() {
    if (!needsNote) return props.onSubmit(reason, note);
    setTried(true);
    root.current?.querySelector<HTMLInputElement>(`#${noteId}`)?.focus();
  }
  return (
    <div className="exclude-form" ref={root}>
      <Select
        id={`exclude-reason-${props.sag.id}`}
        label="Årsag"
        value={reason}
        options={EXCLUSION_REASONS.map((r) => [r, EXCLUSION_REASON_LABELS[r]])}
        onChange={(v) => setReason(v as ExclusionReason)}
      />
      <div className={`form-group${showError ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor={noteId}>
          Bemærkning {reason !== 'anden' && <span className="optional">(valgfri)</span>}
        </label>
        {reason === 'anden' && (
          <span className="form-hint" id={`${noteId}-hint`}>
            Skriv, hvorfor sagen udgår, når årsagen er »{EXCLUSION_REASON_LABELS.anden}«.
          </span>
        )}
        {showError && (
          <span className="form-error-message" id={`${noteId}-error`}>
            <span className="sr-only">Fejl: </span>Beskriv årsagen
          </span>
        )}
        <input
          id={noteId}
          className="form-input"
          value={note}
          aria-invalid={showError}
          aria-describedby={
            [reason === 'anden' ? `${noteId}-hint` : '', showError ? `${noteId}-error` : '']
              .filter(Boolean)
              .join(' ') || undefined
          }
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={submit}>
          Lad sagen udgå<span className="sr-only"> (sag {props.sag.sagsnummer})</span>
        </button>
        <button type="button" className="button button-tertiary" onClick={props.onCancel}>
          Annullér
        </button>
      </div>
    </div>
  );
}
