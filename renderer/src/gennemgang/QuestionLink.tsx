/** An applicable question as a finding or action can point to it: its key and "2.3 Question text". */
export interface QuestionRef {
  key: string;
  label: string;
}

/** The question a new finding or action is tied to, if any (label and select; the caller places them). */
export function QuestionLink(props: {
  id: string;
  questions: QuestionRef[];
  value: string;
  onChange(questionKey: string): void;
}) {
  return (
    <>
      <label className="form-label" htmlFor={props.id}>
        Knyttet til spørgsmål <span className="optional">(valgfrit)</span>
      </label>
      <select
        id={props.id}
        className="form-select input-wide"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">Ikke knyttet til et bestemt spørgsmål</option>
        {props.questions.map((q) => (
          <option key={q.key} value={q.key}>
            {q.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** Under a finding or action: the question it is tied to, and deleting it. */
export function ItemMeta(props: {
  question: QuestionRef | undefined;
  disabled: boolean;
  /** Read by screen readers after »Slet«, e.g. "handling 2". */
  what: string;
  onDelete(): void;
}) {
  return (
    <div className="finding-meta">
      {props.question && <span className="muted">Spørgsmål {props.question.label}</span>}
      {!props.disabled && (
        <button type="button" className="link-button" onClick={props.onDelete}>
          Slet<span className="sr-only"> {props.what}</span>
        </button>
      )}
    </div>
  );
}
