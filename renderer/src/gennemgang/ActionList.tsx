import { useState } from 'react';
import { formatDanishDate, todayIso } from '../../../shared/domain/dates';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  type Action,
  type ActionStatus,
  isOverdue,
} from '../../../shared/domain/findings';
import { DateInput } from '../components/DateInput';
import { Field } from '../components/Field';
import { SavedTextArea, SavedTextInput } from '../components/SavedTextArea';
import { useSavedText } from '../hooks/useSavedText';
import { ItemMeta, QuestionLink, type QuestionRef } from './QuestionLink';

interface ActionListProps {
  actions: Action[];
  questions: QuestionRef[];
  disabled: boolean;
  onAdd(action: Omit<Action, 'id'>): void;
  onUpdate(old: Action, patch: Partial<Omit<Action, 'id'>>): void;
  onDelete(action: Action): void;
}

/** What must be corrected in this sag: each with ansvarlig, frist and status, changed in place. */
export function ActionList({ actions, questions, disabled, onAdd, onUpdate, onDelete }: ActionListProps) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="action-list">
      {actions.length === 0 && !adding && <p className="muted">Ingen handlinger for sagen.</p>}
      <ol className="nobullet-list">
        {actions.map((a, i) => (
          <ActionItem
            key={a.id}
            number={i + 1}
            action={a}
            question={questions.find((q) => q.key === a.questionKey)}
            disabled={disabled}
            onUpdate={(next) => onUpdate(a, next)}
            onDelete={() => onDelete(a)}
          />
        ))}
      </ol>
      {adding ? (
        <AddAction
          questions={questions}
          onCancel={() => setAdding(false)}
          onAdd={(a) => {
            onAdd(a);
            setAdding(false);
          }}
        />
      ) : (
        !disabled && (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            + Tilføj handling
          </button>
        )
      )}
    </div>
  );
}

function ActionItem(props: {
  number: number;
  action: Action;
  question: QuestionRef | undefined;
  disabled: boolean;
  onUpdate(patch: Partial<Omit<Action, 'id'>>): void;
  onDelete(): void;
}) {
  const { action } = props;
  const save = (patch: Partial<Omit<Action, 'id'>>) => props.onUpdate(patch);
  const text = useSavedText(action.text, (value) => value.trim() && save({ text: value }));
  const ansvarlig = useSavedText(action.ansvarlig, (value) => save({ ansvarlig: value }));
  const id = `handling-${action.id}`;
  const overdue = isOverdue(action, todayIso());
  return (
    <li className={`action-item${overdue ? ' overdue' : ''}`}>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-tekst`}>
          Handling {props.number}
          {overdue && <span className="tag-overdue">Frist overskredet</span>}
        </label>
        <SavedTextArea id={`${id}-tekst`} field={text} disabled={props.disabled} />
      </div>
      <div className="form-row">
        <Field id={`${id}-ansvarlig`} label="Ansvarlig">
          {() => <SavedTextInput id={`${id}-ansvarlig`} field={ansvarlig} disabled={props.disabled} />}
        </Field>
        <Field id={`${id}-frist`} label="Frist">
          {() => (
            <DateInput
              id={`${id}-frist`}
              disabled={props.disabled}
              value={action.frist ?? ''}
              onChange={(date) => save({ frist: date || null })}
            />
          )}
        </Field>
        <Field id={`${id}-status`} label="Status">
          {() => (
            <select
              id={`${id}-status`}
              className="form-select"
              disabled={props.disabled}
              value={action.status}
              onChange={(e) => save({ status: e.target.value as ActionStatus })}
            >
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTION_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ItemMeta
        question={props.question}
        disabled={props.disabled}
        what={`handling ${props.number}`}
        onDelete={props.onDelete}
      />
    </li>
  );
}

function AddAction(props: { questions: QuestionRef[]; onAdd(action: Omit<Action, 'id'>): void; onCancel(): void }) {
  const [text, setText] = useState('');
  const [ansvarlig, setAnsvarlig] = useState('');
  const [frist, setFrist] = useState('');
  const [questionKey, setQuestionKey] = useState('');
  const [error, setError] = useState<string>();
  const submit = () => {
    if (!text.trim()) return setError('Beskriv hvad der skal rettes i sagen');
    props.onAdd({
      text: text.trim(),
      ansvarlig: ansvarlig.trim(),
      frist: frist || null,
      status: 'aaben',
      questionKey: questionKey || null,
    });
  };
  return (
    <div className="add-action">
      <div className={`form-group${error ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="ny-handling">
          Ny handling: hvad skal rettes i sagen?
        </label>
        {error && (
          <span className="form-error-message" id="ny-handling-error">
            <span className="sr-only">Fejl: </span>
            {error}
          </span>
        )}
        <textarea
          id="ny-handling"
          className="form-input input-wide"
          rows={2}
          // biome-ignore lint/a11y/noAutofocus: the leader asked to add one; she types at once
          autoFocus
          value={text}
          aria-describedby={error ? 'ny-handling-error' : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
        />
      </div>
      <div className="form-row">
        <div className="form-group">
          <label className="form-label" htmlFor="ny-handling-ansvarlig">
            Ansvarlig
          </label>
          <input
            id="ny-handling-ansvarlig"
            className="form-input"
            value={ansvarlig}
            onChange={(e) => setAnsvarlig(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="ny-handling-frist">
            Frist <span className="optional">(valgfrit)</span>
          </label>
          <input
            id="ny-handling-frist"
            type="date"
            className="form-input"
            value={frist}
            onChange={(e) => setFrist(e.target.value)}
          />
        </div>
      </div>
      {props.questions.length > 0 && (
        <div className="form-group">
          <QuestionLink id="ny-handling-q" questions={props.questions} value={questionKey} onChange={setQuestionKey} />
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={submit}>
          Tilføj handling
        </button>
        <button type="button" className="link-button" onClick={props.onCancel}>
          Annullér
        </button>
      </div>
    </div>
  );
}

/** "Frist 01.02.2027" or "Ingen frist", for lists. */
export function fristText(frist: string | null): string {
  return frist ? `Frist ${formatDanishDate(frist)}` : 'Ingen frist';
}
