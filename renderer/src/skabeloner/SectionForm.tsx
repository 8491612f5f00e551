import type { TemplateContentInput } from '../../../shared/domain/template';
import { Choice } from '../components/Choice';
import { TextField } from '../components/TextField';
import { bindText } from './bindText';
import { EditableRows } from './EditableRows';
import { RulesEditor } from './RulesEditor';

type SectionInput = TemplateContentInput['sections'][number];

export function SectionForm(props: {
  section: SectionInput;
  content: TemplateContentInput;
  errors: Record<string, string>;
  onChange(patch: Partial<SectionInput>): void;
  onAddQuestion(): void;
  onRemove(): void;
}) {
  const { section, errors, onChange } = props;
  const text = bindText(section, errors, onChange);
  return (
    <div className="item-form">
      <TextField id="s-title" label="Afsnittets titel" {...text('title')} wide />
      <TextField
        id="s-key"
        label="Nøgle"
        hint="Bruges når et tematiseret tilsyn vælger afsnit; holdes den samme på tværs af versioner."
        {...text('key')}
      />
      <TextField id="s-description" label="Beskrivelse" optional rows={2} {...text('description')} wide />
      <Choice
        type="checkbox"
        id="s-active"
        checked={section.active ?? true}
        onChange={(active) => onChange({ active })}
      >
        Afsnittet er i brug
      </Choice>
      <RulesEditor
        idPrefix="s"
        rules={section.rules ?? []}
        content={props.content}
        onChange={(rules) => onChange({ rules })}
      />
      {errors.rules && <p className="form-error-message">{errors.rules}</p>}
      <div className="button-row form-actions">
        <button type="button" className="button button-secondary" onClick={props.onAddQuestion}>
          + Tilføj spørgsmål i afsnittet
        </button>
        <button
          type="button"
          className="button button-tertiary"
          onClick={props.onRemove}
          disabled={section.questions.length > 0}
          title={section.questions.length > 0 ? 'Flyt eller slet først afsnittets spørgsmål' : undefined}
        >
          Slet afsnittet
        </button>
      </div>
    </div>
  );
}

export function DateFieldsForm(props: {
  content: TemplateContentInput;
  errors: Record<string, string>;
  onChange(dateFields: NonNullable<TemplateContentInput['dateFields']>): void;
}) {
  const fields = props.content.dateFields ?? [];
  return (
    <div className="item-form">
      <p>
        Datofelter er de datoer på en sag, som fristspørgsmål regnes ud fra, fx »Kommunen blev opmærksom på behov«. De
        kan komme fra importen af sagslisten eller indtastes under gennemgangen.
      </p>
      <EditableRows
        headers={['Navn', 'Nøgle']}
        rows={fields}
        what="datofelt"
        rowKey={(field) => field.key}
        onChange={props.onChange}
        cells={(field, update, i) => (
          <>
            <td>
              <input
                className="form-input"
                aria-label={`Navn på datofelt ${i + 1}`}
                value={field.label}
                onChange={(e) => update({ label: e.target.value })}
              />
            </td>
            <td>
              <input
                className="form-input"
                aria-label={`Nøgle for datofelt ${i + 1}`}
                value={field.key}
                onChange={(e) => update({ key: e.target.value })}
              />
              {props.errors[`${i}`] && <span className="form-error-message">{props.errors[`${i}`]}</span>}
            </td>
          </>
        )}
      />
      <button
        type="button"
        className="button button-tertiary"
        onClick={() => props.onChange([...fields, { key: `dato-${fields.length + 1}`, label: '' }])}
      >
        + Tilføj datofelt
      </button>
    </div>
  );
}
