import {
  ANSWER_TYPE_LABELS,
  ANSWER_TYPES,
  type AnswerType,
  CATEGORIES,
  CATEGORY_LABELS,
  type Category,
  FRIST_UNIT_LABELS,
  FRIST_UNITS,
  type FristUnit,
  OUTCOME_LABELS,
  OUTCOMES,
  type Outcome,
  type QuestionInput,
  type TemplateContentInput,
} from '../../../shared/domain/skabelon';
import { answerTypeDefaults } from '../../../shared/domain/template-edit';
import { Choice } from '../components/Choice';
import { Select } from '../components/Select';
import { TextField } from '../components/TextField';
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
  const options = question.options ?? [];
  const hasOptions = question.answerType === 'jnd' || question.answerType === 'skala' || question.answerType === 'valg';
  const setOption = (i: number, patch: Partial<(typeof options)[number]>) =>
    onChange({ options: options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });

  return (
    <div className="item-form">
      <TextField
        id="q-text"
        label="Spørgsmål"
        rows={2}
        value={question.text}
        onChange={(text) => onChange({ text })}
        error={errors.text}
        wide
      />
      <TextField
        id="q-key"
        label="Nøgle"
        hint="Holdes den samme på tværs af versioner, så resultater kan sammenlignes over tid."
        value={question.key}
        onChange={(key) => onChange({ key })}
        error={errors.key}
      />
      <TextField
        id="q-help"
        label="Hjælpetekst"
        optional
        hint="Hvad skal der kigges efter i sagen?"
        rows={3}
        value={question.help ?? ''}
        onChange={(help) => onChange({ help })}
        error={errors.help}
        wide
      />
      <TextField
        id="q-legal"
        label="Lovhenvisning"
        optional
        hint="Fx »Barnets Lov § 20 (tidl. SEL § 50)«"
        value={question.legalRef ?? ''}
        onChange={(legalRef) => onChange({ legalRef })}
        error={errors.legalRef}
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
        <fieldset className={`options-editor${errors.options ? ' form-error' : ''}`}>
          <legend className="form-label">Svarmuligheder</legend>
          {errors.options && <span className="form-error-message">{errors.options}</span>}
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Tekst</th>
                <th scope="col">Værdi</th>
                <th scope="col">Tæller som</th>
                <th scope="col">
                  <span className="sr-only">Fjern</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {options.map((option, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: option values may repeat or be empty while typed, so the position tells rows apart
                <tr key={`${option.value}-${i}`}>
                  <td>
                    <input
                      className="form-input"
                      aria-label={`Tekst for svarmulighed ${i + 1}`}
                      value={option.label}
                      onChange={(e) => setOption(i, { label: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="form-input input-narrow"
                      aria-label={`Værdi for svarmulighed ${i + 1}`}
                      value={option.value}
                      onChange={(e) => setOption(i, { value: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      className="form-select"
                      aria-label={`Hvordan svarmulighed ${i + 1} tæller`}
                      value={option.outcome}
                      onChange={(e) => setOption(i, { outcome: e.target.value as Outcome })}
                    >
                      {OUTCOMES.map((o) => (
                        <option key={o} value={o}>
                          {OUTCOME_LABELS[o]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onChange({ options: options.filter((_, j) => j !== i) })}
                    >
                      Fjern<span className="sr-only"> svarmulighed {i + 1}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="button button-tertiary"
            onClick={() =>
              onChange({
                options: [...options, { value: `valg-${options.length + 1}`, label: '', outcome: 'opfyldt' }],
              })
            }
          >
            + Tilføj svarmulighed
          </button>
        </fieldset>
      )}

      {question.answerType === 'frist' && (
        <fieldset className="frist-editor">
          <legend className="form-label">Frist</legend>
          {errors.frist && <span className="form-error-message">{errors.frist}</span>}
          <div className="form-row">
            <Select
              id="q-frist-fra"
              label="Regnes fra"
              value={question.frist?.fra ?? ''}
              options={[
                ['', 'Vælg dato'],
                ...(content.dateFields ?? []).map((f) => [f.key, f.label] as [string, string]),
              ]}
              onChange={(fra) => onChange({ frist: { ...fristOf(question), fra } })}
              error={errors['frist.fra']}
            />
            <Select
              id="q-frist-til"
              label="Skal være sket senest"
              value={question.frist?.til ?? ''}
              options={[
                ['', 'Vælg dato'],
                ...(content.dateFields ?? []).map((f) => [f.key, f.label] as [string, string]),
              ]}
              onChange={(til) => onChange({ frist: { ...fristOf(question), til } })}
              error={errors['frist.til']}
            />
          </div>
          <div className="form-row">
            <div className="form-group">
              <label className="form-label" htmlFor="q-frist-graense">
                Fristens længde
              </label>
              <input
                id="q-frist-graense"
                type="number"
                min={0}
                className="form-input input-narrow"
                value={question.frist?.graense ?? ''}
                onChange={(e) =>
                  onChange({
                    frist: {
                      ...fristOf(question),
                      // An emptied field is saved as missing, so publishing asks for the length.
                      graense: (e.target.value === '' ? undefined : Number(e.target.value)) as number,
                    },
                  })
                }
              />
            </div>
            <Select
              id="q-frist-enhed"
              label="Enhed"
              value={question.frist?.enhed ?? 'maaneder'}
              options={FRIST_UNITS.map((u) => [u, FRIST_UNIT_LABELS[u]])}
              onChange={(enhed) => onChange({ frist: { ...fristOf(question), enhed: enhed as FristUnit } })}
            />
          </div>
          <p className="form-hint">Datofelterne defineres under »Datofelter« øverst i oversigten.</p>
        </fieldset>
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

/** The frist being edited; a draft's may lack its length while the leader types. */
function fristOf(question: QuestionInput): NonNullable<QuestionInput['frist']> {
  return question.frist ?? { fra: '', til: '', graense: 3, enhed: 'maaneder' };
}
