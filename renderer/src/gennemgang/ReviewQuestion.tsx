import { useState } from 'react';
import { type AnswerRecord, asksReason, type ReviewRole } from '../../../shared/domain/review';
import { scoreAnswer } from '../../../shared/domain/scoring';
import { type DateField, OUTCOME_LABELS, OUTCOMES, type Outcome, type Question } from '../../../shared/domain/template';
import { QuestionCard } from '../components/QuestionCard';
import { SavedTextArea } from '../components/SavedTextArea';
import { Select } from '../components/Select';
import { useSavedText } from '../hooks/useSavedText';
import type { AnswerChange } from './changes';

interface ReviewQuestionProps {
  number: string;
  question: Question;
  answer: AnswerRecord | undefined;
  dates: Record<string, string | undefined>;
  dateFields: DateField[];
  disabled: boolean;
  /** Selvevaluering først: whose answer this is. */
  role?: ReviewRole;
  /** Selvevaluering først, in the leader's view: the caseworker's answer beside hers. */
  caseworkerAnswer?: { label: string; differs: boolean };
  onSave(change: AnswerChange): void;
}

/** A question in the review: the answer, a reason where one is needed, a note, and a frist override. */
export function ReviewQuestion(props: ReviewQuestionProps) {
  const { number, question, answer, dates, dateFields, disabled, role, caseworkerAnswer, onSave } = props;
  const labels = Object.fromEntries(dateFields.map((f) => [f.key, f.label]));
  const outcome = scoreAnswer(question, answer, dates, labels).outcome;
  const needsReason = asksReason(question, answer, outcome);
  const reason = useSavedText(answer?.reason ?? '', (text) => onSave({ reason: text }));
  const note = useSavedText(answer?.note ?? '', (text) => onSave({ note: text }));
  // The override is saved once the leader has chosen her own judgement; a reason typed first waits for it.
  const overrideReason = useSavedText(answer?.override?.reason ?? '', (text) => {
    if (answer?.override) onSave({ override: { outcome: answer.override.outcome, reason: text } });
  });
  const [overriding, setOverriding] = useState(false);
  // A free-text answer is saved when typing pauses, like notes: one save (and one undo step) per pause.
  const textAnswer = useSavedText(answer?.value ?? '', (text) => onSave({ value: text || null }));
  const [showNote, setShowNote] = useState(Boolean(answer?.note));
  const id = `svar-${question.key.replace(/[^a-z0-9_-]/g, '_')}`;

  return (
    <div
      className={`review-question${needsReason && !reason.text.trim() ? ' needs-reason' : ''}${caseworkerAnswer?.differs ? ' differs' : ''}${role ? ` as-${role}` : ''}`}
    >
      <QuestionCard
        number={number}
        question={question}
        value={question.answerType === 'tekst' ? textAnswer.text : answer?.value}
        onChange={(value) =>
          question.answerType === 'tekst' ? textAnswer.change(value ?? '') : onSave({ value: value ?? null })
        }
        dates={dates}
        dateFields={dateFields}
        disabled={disabled}
      />
      <div className="review-extras">
        {caseworkerAnswer && (
          <p className={`caseworker-answer${caseworkerAnswer.differs ? ' differs' : ''}`}>
            Sagsbehandlerens svar: <strong>{caseworkerAnswer.label}</strong>
            {caseworkerAnswer.differs && <span className="tag-differs">Uenige</span>}
          </p>
        )}
        {question.answerType === 'frist' &&
          (answer?.override || overriding ? (
            <div className="override">
              <Select
                id={`${id}-override`}
                label="Din vurdering i stedet for beregningen"
                value={answer?.override?.outcome ?? ''}
                disabled={disabled}
                // No judgement is chosen for her: the list starts empty until she picks one.
                options={[
                  ...(answer?.override ? [] : ([['', 'Vælg din vurdering']] as [string, string][])),
                  ...OUTCOMES.map((o): [string, string] => [o, OUTCOME_LABELS[o]]),
                ]}
                onChange={(o) => {
                  if (o) onSave({ override: { outcome: o as Outcome, reason: overrideReason.text } });
                }}
              />
              <label className="form-label" htmlFor={`${id}-override-reason`}>
                Begrundelse for at tilsidesætte beregningen
              </label>
              <SavedTextArea id={`${id}-override-reason`} field={overrideReason} disabled={disabled} />
              {!answer?.override && overrideReason.text.trim() && (
                // Nothing is chosen for her, so the reason has nothing to be saved with yet: she is told so.
                <p className="form-hint" role="status">
                  Begrundelsen gemmes, når du har valgt din vurdering ovenfor.
                </p>
              )}
              <button
                type="button"
                className="link-button"
                disabled={disabled}
                onClick={() => {
                  setOverriding(false);
                  if (answer?.override) onSave({ override: null });
                }}
              >
                {answer?.override ? 'Brug beregningen igen' : 'Fortryd'}
              </button>
            </div>
          ) : (
            <button type="button" className="link-button" disabled={disabled} onClick={() => setOverriding(true)}>
              Tilsidesæt beregningen<span className="sr-only"> for spørgsmål {number}</span>
            </button>
          ))}
        {needsReason && (
          <div className="form-group">
            <label className="form-label" htmlFor={`${id}-reason`}>
              Begrundelse <span className="optional">(skal udfyldes, når kravet ikke er opfyldt)</span>
            </label>
            <SavedTextArea id={`${id}-reason`} field={reason} disabled={disabled} />
          </div>
        )}
        {showNote ? (
          <div className="form-group">
            <label className="form-label" htmlFor={`${id}-note`}>
              Note
            </label>
            <SavedTextArea id={`${id}-note`} field={note} disabled={disabled} />
          </div>
        ) : (
          <button type="button" className="link-button" disabled={disabled} onClick={() => setShowNote(true)}>
            + Note<span className="sr-only"> til spørgsmål {number}</span>
          </button>
        )}
      </div>
    </div>
  );
}
