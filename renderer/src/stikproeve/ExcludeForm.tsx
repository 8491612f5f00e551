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
  return (
    <div className="exclude-form" ref={root}>
      <Select
        id={`exclude-reason-${props.sag.id}`}
        label="Årsag"
        value={reason}
        options={EXCLUSION_REASONS.map((r) => [r, EXCLUSION_REASON_LABELS[r]])}
        onChange={(v) => setReason(v as ExclusionReason)}
      />
      <div className="form-group">
        <label className="form-label" htmlFor={`exclude-note-${props.sag.id}`}>
          Bemærkning {reason !== 'anden' && <span className="optional">(valgfri)</span>}
        </label>
        <input
          id={`exclude-note-${props.sag.id}`}
          className="form-input"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={needsNote}
          onClick={() => props.onSubmit(reason, note)}
        >
          Lad sagen udgå<span className="sr-only"> (sag {props.sag.sagsnummer})</span>
        </button>
        <button type="button" className="button button-tertiary" onClick={props.onCancel}>
          Annullér
        </button>
      </div>
    </div>
  );
}
