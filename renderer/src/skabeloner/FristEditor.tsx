import { formatDanishDate } from '../../../shared/domain/dates';
import { describeLimit } from '../../../shared/domain/frist';
import {
  FRIST_UNIT_LABELS,
  FRIST_UNITS,
  type FristUnit,
  type QuestionInput,
  type TemplateContentInput,
} from '../../../shared/domain/template';
import { Choice } from '../components/Choice';
import { Select } from '../components/Select';

/** A frist question's rule: from which date, to which, and how long it may take. */
export function FristEditor({
  question,
  content,
  errors,
  onChange,
}: {
  question: QuestionInput;
  content: TemplateContentInput;
  errors: Record<string, string>;
  onChange(patch: Partial<QuestionInput>): void;
}) {
  return (
    <fieldset className="frist-editor">
      <legend className="form-label">Frist</legend>
      {errors.frist && <span className="form-error-message">{errors.frist}</span>}
      <div className="form-row">
        <Select
          id="q-frist-fra"
          label="Regnes fra"
          value={question.frist?.fra ?? ''}
          options={[['', 'Vælg dato'], ...(content.dateFields ?? []).map((f) => [f.key, f.label] as [string, string])]}
          onChange={(fra) => onChange({ frist: { ...fristOf(question), fra } })}
          error={errors['frist.fra']}
        />
        <Select
          id="q-frist-til"
          label="Skal være sket senest"
          value={question.frist?.til ?? ''}
          options={[['', 'Vælg dato'], ...(content.dateFields ?? []).map((f) => [f.key, f.label] as [string, string])]}
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
      <Choice
        type="checkbox"
        id="q-frist-foer"
        checked={question.frist?.foerOpfylder === true}
        onChange={(on) => onChange({ frist: { ...fristOf(question), foerOpfylder: on || undefined } })}
        hint="Fx barnets plan, der foreligger før afgørelsen (Barnets Lov § 91, stk. 2)."
      >
        En dato før fristens start opfylder fristen
      </Choice>
      {(question.frist?.tidligereRegler ?? []).map((r) => (
        <p key={r.foer} className="form-hint">
          Sager, hvor fristen begynder før {formatDanishDate(r.foer)}, vurderes efter {describeLimit(r)}
          {r.kilde ? ` (${r.kilde})` : ''}.
        </p>
      ))}
      <p className="form-hint">Datofelterne defineres under »Datofelter« øverst i oversigten.</p>
    </fieldset>
  );
}

/** The frist being edited; a draft's may lack its length while the leader types. */
function fristOf(question: QuestionInput): NonNullable<QuestionInput['frist']> {
  return question.frist ?? { fra: '', til: '', graense: 3, enhed: 'maaneder' };
}
