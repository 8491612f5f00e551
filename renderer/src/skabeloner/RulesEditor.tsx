import type { Rule, TemplateContentInput } from '../../../shared/domain/template';
import { Choice } from '../components/Choice';

type RuleInput = NonNullable<TemplateContentInput['sections'][number]['rules']>[number];

interface RulesEditorProps {
  idPrefix: string;
  rules: RuleInput[];
  content: TemplateContentInput;
  /** The question being edited, which a rule cannot point at. */
  ownKey?: string;
  onChange(rules: RuleInput[]): void;
}

/** "Gælder kun når …": conditions on the sag's type or on another question's answer. */
export function RulesEditor({ idPrefix, rules, content, ownKey, onChange }: RulesEditorProps) {
  const candidates = content.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.key !== ownKey && (q.options?.length ?? 0) > 0);
  const set = (i: number, rule: RuleInput) => onChange(rules.map((r, j) => (j === i ? rule : r)));

  return (
    <fieldset className="rules-editor">
      <legend className="form-label">Gælder kun når</legend>
      {rules.length === 0 && <p className="form-hint">Ingen betingelser: gælder altid.</p>}
      {rules.map((rule, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rules have no ids; the position tells them apart
        <div className="rule-row" key={`${rule.type}-${i}`}>
          {rule.type === 'sagstype' ? (
            <div className="form-group">
              <label className="form-label" htmlFor={`${idPrefix}-rule-${i}`}>
                Sagstypen er en af (adskil med komma)
              </label>
              <input
                id={`${idPrefix}-rule-${i}`}
                className="form-input input-wide"
                value={rule.anyOf.join(', ')}
                onChange={(e) =>
                  set(i, { type: 'sagstype', anyOf: e.target.value.split(',').map((t) => t.trimStart()) })
                }
              />
            </div>
          ) : (
            <AnswerRule
              idPrefix={`${idPrefix}-rule-${i}`}
              rule={rule}
              candidates={candidates}
              onChange={(r) => set(i, r)}
            />
          )}
          <button type="button" className="link-button" onClick={() => onChange(rules.filter((_, j) => j !== i))}>
            Fjern betingelse
          </button>
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button-tertiary"
          disabled={candidates.length === 0}
          onClick={() => onChange([...rules, { type: 'svar', question: candidates[0]?.key ?? '', anyOf: [] }])}
        >
          + Betingelse på et andet svar
        </button>
        <button
          type="button"
          className="button button-tertiary"
          onClick={() => onChange([...rules, { type: 'sagstype', anyOf: [] }])}
        >
          + Betingelse på sagstype
        </button>
      </div>
    </fieldset>
  );
}

function AnswerRule(props: {
  idPrefix: string;
  rule: Extract<Rule, { type: 'svar' }>;
  candidates: TemplateContentInput['sections'][number]['questions'];
  onChange(rule: Extract<Rule, { type: 'svar' }>): void;
}) {
  const { rule, candidates, idPrefix } = props;
  const target = candidates.find((q) => q.key === rule.question);
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={`${idPrefix}-question`}>
        Svaret på spørgsmålet
      </label>
      <select
        id={`${idPrefix}-question`}
        className="form-select input-wide"
        value={rule.question}
        onChange={(e) => props.onChange({ type: 'svar', question: e.target.value, anyOf: [] })}
      >
        {!target && <option value={rule.question}>{rule.question || 'Vælg spørgsmål'} (findes ikke)</option>}
        {candidates.map((q) => (
          <option key={q.key} value={q.key}>
            {q.text || q.key}
          </option>
        ))}
      </select>
      <p className="form-hint">er et af disse svar:</p>
      <div className="checkbox-row">
        {(target?.options ?? []).map((option) => (
          <Choice
            key={option.value}
            type="checkbox"
            id={`${idPrefix}-answer-${option.value}`}
            checked={rule.anyOf.includes(option.value)}
            onChange={(checked) =>
              props.onChange({
                ...rule,
                anyOf: checked ? [...rule.anyOf, option.value] : rule.anyOf.filter((v) => v !== option.value),
              })
            }
          >
            {option.label}
          </Choice>
        ))}
      </div>
    </div>
  );
}
