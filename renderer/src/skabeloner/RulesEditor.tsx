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

/** "Gælder kun når …": conditions on the sag's type, on one of its dates or on another question's answer. */
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
          ) : rule.type === 'dato' ? (
            <DateRule
              idPrefix={`${idPrefix}-rule-${i}`}
              rule={rule}
              fields={content.dateFields ?? []}
              onChange={(r) => set(i, r)}
            />
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
        <button
          type="button"
          className="button button-tertiary"
          disabled={(content.dateFields ?? []).length === 0}
          onClick={() => onChange([...rules, { type: 'dato', felt: content.dateFields?.[0]?.key ?? '', kilde: '' }])}
        >
          + Betingelse på en dato
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

/**
 * The rules of their time: the question applies to sager whose date lies in a period, so one version of a
 * template can hold both the rule before a change in the law and the rule after it.
 */
function DateRule(props: {
  idPrefix: string;
  rule: Extract<RuleInput, { type: 'dato' }>;
  fields: NonNullable<TemplateContentInput['dateFields']>;
  onChange(rule: Extract<RuleInput, { type: 'dato' }>): void;
}) {
  const { rule, fields, idPrefix } = props;
  const known = fields.some((f) => f.key === rule.felt);
  const setDate = (end: 'fra' | 'foer', value: string) => {
    const { [end]: _dropped, ...rest } = rule;
    props.onChange(value ? { ...rest, [end]: value } : rest);
  };
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={`${idPrefix}-felt`}>
        Sagens dato
      </label>
      <select
        id={`${idPrefix}-felt`}
        className="form-select input-wide"
        value={rule.felt}
        onChange={(e) => props.onChange({ ...rule, felt: e.target.value })}
      >
        {!known && <option value={rule.felt}>Vælg datofelt</option>}
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label || 'Datofelt uden navn'}
          </option>
        ))}
      </select>
      <div className="preview-sag-fields">
        <div className="form-group">
          <label className="form-label" htmlFor={`${idPrefix}-fra`}>
            er denne dag eller senere
          </label>
          <input
            id={`${idPrefix}-fra`}
            type="date"
            className="form-input"
            value={rule.fra ?? ''}
            onChange={(e) => setDate('fra', e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={`${idPrefix}-foer`}>
            og før denne dag
          </label>
          <input
            id={`${idPrefix}-foer`}
            type="date"
            className="form-input"
            value={rule.foer ?? ''}
            onChange={(e) => setDate('foer', e.target.value)}
          />
        </div>
      </div>
      <label className="form-label" htmlFor={`${idPrefix}-kilde`}>
        Kilde (loven eller aftalen, der satte datoen)
      </label>
      <input
        id={`${idPrefix}-kilde`}
        className="form-input input-wide"
        value={rule.kilde ?? ''}
        onChange={(e) => props.onChange({ ...rule, kilde: e.target.value })}
      />
      <p className="form-hint">
        Sager uden denne dato får ikke spørgsmålet, før datoen er udfyldt; gennemgangen beder om den.
      </p>
    </div>
  );
}
