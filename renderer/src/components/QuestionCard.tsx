import { answerForKey } from '../../../shared/domain/answer-keys';
import { evaluateFrist } from '../../../shared/domain/frist';
import { dateRuleInWords } from '../../../shared/domain/rules';
import { CATEGORY_LABELS, type DateField, type Question } from '../../../shared/domain/template';
import { Choice } from './Choice';

interface QuestionCardProps {
  number: string;
  question: Question;
  value: string | undefined;
  onChange(value: string | undefined): void;
  dates: Record<string, string | undefined>;
  dateFields: DateField[];
  disabled?: boolean;
}

/** One question as the reviewer sees it: text, help one click away, and the answer control. */
export function QuestionCard({ number, question, value, onChange, dates, dateFields, disabled }: QuestionCardProps) {
  const id = `q-${question.key.replace(/[^a-z0-9_-]/g, '_')}`;
  const labels = Object.fromEntries(dateFields.map((f) => [f.key, f.label]));
  return (
    // J/N/D/I or 1-9 answer the question whose control has focus.
    <article
      className="question-card"
      aria-labelledby={`${id}-text`}
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        if (event.ctrlKey || event.metaKey || event.altKey || target.matches('textarea, input:not([type=radio])'))
          return;
        const value = answerForKey(question, event.key);
        if (value !== undefined) {
          event.preventDefault();
          onChange(value);
          document.getElementById(`${id}-${value}`)?.focus();
        }
      }}
    >
      <header className="question-head">
        <span className="question-number">{number}</span>
        <div>
          <p className="question-text" id={`${id}-text`}>
            {question.text}
          </p>
          <p className="question-meta">
            <span className={`tag-category category-${question.category}`}>{CATEGORY_LABELS[question.category]}</span>
            {question.legalRef && <span>{question.legalRef}</span>}
            {question.target !== undefined && <span>Måltal {question.target} %</span>}
          </p>
          {question.rules.map(
            (rule) =>
              rule.type === 'dato' && (
                <p className="question-meta" key={`${rule.felt}-${rule.fra ?? ''}-${rule.foer ?? ''}`}>
                  Reglen gælder sager, hvor {dateRuleInWords(rule, labels[rule.felt] ?? 'datoen')}
                  {rule.kilde ? ` (${rule.kilde})` : ''}
                </p>
              ),
          )}
        </div>
      </header>
      {question.help && (
        <details className="question-help">
          <summary>Hjælp: hvad skal jeg kigge efter?</summary>
          <p className="prewrap">{question.help}</p>
        </details>
      )}
      {(question.answerType === 'jnd' || question.answerType === 'skala' || question.answerType === 'valg') && (
        <fieldset className="answer-options" aria-labelledby={`${id}-text`}>
          {question.options.map((option) => (
            <Choice
              key={option.value}
              type="radio"
              id={`${id}-${option.value}`}
              name={id}
              checked={value === option.value}
              disabled={disabled}
              onChange={() => onChange(option.value)}
            >
              {option.label}
            </Choice>
          ))}
        </fieldset>
      )}
      {question.answerType === 'frist' && question.frist && Number.isFinite(question.frist.graense) && (
        <p className="frist-result" aria-live="polite">
          {evaluateFrist(question.frist, dates, labels).explanation}
        </p>
      )}
      {question.answerType === 'tekst' && (
        <textarea
          className="form-input input-wide"
          rows={3}
          aria-labelledby={`${id}-text`}
          disabled={disabled}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      )}
      {question.answerType === 'dato' && (
        <input
          type="date"
          className="form-input"
          aria-labelledby={`${id}-text`}
          disabled={disabled}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      )}
    </article>
  );
}
