import {
  ANSWER_TYPE_LABELS,
  ANSWER_TYPES,
  type AnswerType,
  CATEGORIES,
  CATEGORY_LABELS,
  type Category,
  type QuestionInput,
  type TemplateContentInput,
} from '../../../shared/domain/template';
import { answerTypeDefaults } from '../../../shared/domain/template-edit';
import { Choice } from '../components/Choice';
import { Select } from '../components/Select';
import { TextField } from '../components/TextField';
import { bindText } from './bindText';
import { FristEditor } from './FristEditor';
import { OptionsEditor } from './OptionsEditor';
import { RulesEditor } from './RulesEditor';

interface QuestionFormProps {
  question: QuestionInput;
  content: TemplateContentInput;
  /** Field name → Danish message for this question. */
  errors: Record<string, string>;
  onChange(patch: Partial<QuestionInput>): void;
  onRemove(): void;
}

export function QuestionForm({ question, content, errors, onChange, onRemove }: QuestionFormProps) {
  const hasOptions = question.answerType === 'jnd' || question.answerType === 'skala' || question.answerType === 'valg';
  const text = bindText(question, errors, onChange);

  return (
    <div className="item-form">
      <TextField id="q-text" label="Spørgsmål" rows={2} {...text('text')} wide />
      <TextField
        id="q-key"
        label="Nøgle"
        hint="Holdes den samme på tværs af versioner, så resultater kan sammenlignes over tid."
        {...text('key')}
      />
      <TextField
        id="q-help"
        label="Hjælpetekst"
        optional
        hint="Hvad skal der kigges efter i sagen?"
        rows={3}
        {...text('help')}
        wide
      />
      <TextField
        id="q-legal"
        label="Lovhenvisning"
        optional
        hint="Fx »Barnets Lov § 20 (tidl. SEL § 50)«"
        {...text('legalRef')}
        wide
      />
      <div className="form-row">
        <Select
          id="q-category"
          label="Kategori"
          value={question.category}
          options={CATEGORIES.map((c) => [c, CATEGORY_LABELS[c]])}
          onChange={(category) => onChange({ category: category as Category })}
        />
        <Select
          id="q-type"
          label="Svartype"
          value={question.answerType}
          options={ANSWER_TYPES.map((t) => [t, ANSWER_TYPE_LABELS[t]])}
          onChange={(type) => onChange(answerTypeDefaults(content, type as AnswerType))}
        />
      </div>

      {hasOptions && (
        <OptionsEditor
          options={question.options ?? []}
          error={errors.options}
          onChange={(options) => onChange({ options })}
        />
      )}

      {question.answerType === 'frist' && (
        <FristEditor question={question} content={content} errors={errors} onChange={onChange} />
      )}

      {question.answerType !== 'tekst' && question.answerType !== 'dato' && (
        <div className="form-group">
          <label className="form-label" htmlFor="q-target">
            Måltal i procent <span className="optional">(valgfrit)</span>
          </label>
          <span className="form-hint">Andelen af sagerne, hvor kravet skal være opfyldt, fx 100.</span>
          {errors.target && <span className="form-error-message">{errors.target}</span>}
          <input
            id="q-target"
            type="number"
            min={0}
            max={100}
            className="form-input input-narrow"
            value={question.target ?? ''}
            onChange={(e) => onChange({ target: e.target.value === '' ? undefined : Number(e.target.value) })}
          />
        </div>
      )}

      <div className="form-group">
        <Choice
          type="checkbox"
          id="q-reason"
          checked={question.reasonRequiredOnNegative ?? false}
          onChange={(reasonRequiredOnNegative) => onChange({ reasonRequiredOnNegative })}
        >
          Kræv en begrundelse, når svaret er »nej« eller »delvist«
        </Choice>
        <Choice
          type="checkbox"
          id="q-active"
          checked={question.active ?? true}
          onChange={(active) => onChange({ active })}
        >
          Spørgsmålet er i brug (fjern fluebenet for at deaktivere det uden at slette det)
        </Choice>
      </div>

      <RulesEditor
        idPrefix="q"
        rules={question.rules ?? []}
        content={content}
        ownKey={question.key}
        onChange={(rules) => onChange({ rules })}
      />
      {errors.rules && <p className="form-error-message">{errors.rules}</p>}

      <div className="danger-zone">
        <button type="button" className="button button-tertiary" onClick={onRemove}>
          Slet spørgsmålet
        </button>
        <span className="form-hint">
          Svar i tidligere versioner bevares. Deaktivér hellere, hvis spørgsmålet skal tilbage senere.
        </span>
      </div>
    </div>
  );
}
