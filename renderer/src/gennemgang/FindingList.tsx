import { useState } from 'react';
import { FINDING_LABELS, type Finding, type FindingKind } from '../../../shared/domain/findings';
import { CprWarning } from '../components/CprWarning';
import { SavedTextArea } from '../components/SavedTextArea';
import { useSavedText } from '../hooks/useSavedText';
import { ItemMeta, QuestionLink, type QuestionRef } from './QuestionLink';

interface FindingListProps {
  kind: FindingKind;
  findings: Finding[];
  questions: QuestionRef[];
  disabled: boolean;
  hint?: string;
  onAdd(finding: Omit<Finding, 'id'>): void;
  onUpdate(finding: Finding, text: string): void;
  onDelete(finding: Finding): void;
}

/** One kind of finding (e.g. læringspunkter) of a sag: the list, each editable in place, and a way to add one. */
export function FindingList({
  kind,
  findings,
  questions,
  disabled,
  hint,
  onAdd,
  onUpdate,
  onDelete,
}: FindingListProps) {
  const [adding, setAdding] = useState(false);
  const label = FINDING_LABELS[kind];
  const mine = findings.filter((f) => f.kind === kind);
  return (
    <div className={`finding-list finding-${kind}`}>
      <h3 className="h5">{label.many}</h3>
      {hint && <p className="form-hint">{hint}</p>}
      {mine.length === 0 && !adding && <p className="muted">Ingen endnu.</p>}
      <ul className="nobullet-list">
        {mine.map((f) => (
          <FindingItem
            key={f.id}
            finding={f}
            question={questions.find((q) => q.key === f.questionKey)}
            disabled={disabled}
            onUpdate={(text) => onUpdate(f, text)}
            onDelete={() => onDelete(f)}
          />
        ))}
      </ul>
      {adding ? (
        <AddFinding
          kind={kind}
          questions={questions}
          onCancel={() => setAdding(false)}
          onAdd={(text, questionKey) => {
            onAdd({ kind, text, questionKey });
            setAdding(false);
          }}
        />
      ) : (
        !disabled && (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            + Tilføj {label.one.toLowerCase()}
          </button>
        )
      )}
    </div>
  );
}

function FindingItem(props: {
  finding: Finding;
  question: QuestionRef | undefined;
  disabled: boolean;
  onUpdate(text: string): void;
  onDelete(): void;
}) {
  const text = useSavedText(props.finding.text, (value) => {
    if (value.trim()) props.onUpdate(value);
  });
  const id = `fund-${props.finding.id}`;
  return (
    <li className="finding-item">
      <label className="sr-only" htmlFor={id}>
        {FINDING_LABELS[props.finding.kind].one}
      </label>
      <SavedTextArea id={id} field={text} disabled={props.disabled} />
      <ItemMeta
        question={props.question}
        disabled={props.disabled}
        what={FINDING_LABELS[props.finding.kind].one.toLowerCase()}
        onDelete={props.onDelete}
      />
    </li>
  );
}

function AddFinding(props: {
  kind: FindingKind;
  questions: QuestionRef[];
  onAdd(text: string, questionKey: string | null): void;
  onCancel(): void;
}) {
  const [text, setText] = useState('');
  const [questionKey, setQuestionKey] = useState('');
  const [error, setError] = useState<string>();
  const id = `ny-${props.kind}`;
  const one = FINDING_LABELS[props.kind].one;
  const submit = () => {
    if (!text.trim()) return setError('Skriv teksten');
    props.onAdd(text.trim(), questionKey || null);
  };
  return (
    <div className={`add-finding form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        Ny {one.toLowerCase()}
      </label>
      {error && (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">Fejl: </span>
          {error}
        </span>
      )}
      <textarea
        id={id}
        className="form-input input-wide"
        rows={2}
        // biome-ignore lint/a11y/noAutofocus: the leader asked to add one; she types at once
        autoFocus
        value={text}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          if (e.key === 'Escape') props.onCancel();
        }}
      />
      <CprWarning text={text} onMask={setText} />
      {props.questions.length > 0 && (
        <QuestionLink id={`${id}-q`} questions={props.questions} value={questionKey} onChange={setQuestionKey} />
      )}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={submit}>
          Tilføj {one.toLowerCase()}
        </button>
        <button type="button" className="link-button" onClick={props.onCancel}>
          Annullér
        </button>
      </div>
    </div>
  );
}
