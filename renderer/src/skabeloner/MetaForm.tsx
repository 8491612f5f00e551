import { type FormEvent, useState } from 'react';
import { fieldErrorsFromZod } from '../../../shared/api/errors';
import { AREA_LABELS, AREAS, type Area, type TemplateMeta, templateMetaSchema } from '../../../shared/domain/template';
import { TextField } from '../components/TextField';

/** A template's name, area and description, checked with the backend's schema before it is sent. */
export function MetaForm(props: {
  heading: string;
  initial: TemplateMeta;
  submitLabel: string;
  onSubmit(meta: TemplateMeta): void;
  onCancel(): void;
}) {
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = templateMetaSchema.safeParse(values);
    if (!parsed.success) setErrors(fieldErrorsFromZod(parsed.error));
    else props.onSubmit(parsed.data);
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate>
      <h2 className="h3">{props.heading}</h2>
      <TextField
        id="meta-name"
        label="Navn"
        value={values.name}
        onChange={(name) => setValues({ ...values, name })}
        error={errors.name}
        wide
      />
      <div className="form-group">
        <label className="form-label" htmlFor="meta-area">
          Område
        </label>
        <select
          id="meta-area"
          className="form-select"
          value={values.area}
          onChange={(e) => setValues({ ...values, area: e.target.value as Area })}
        >
          {AREAS.map((a) => (
            <option key={a} value={a}>
              {AREA_LABELS[a]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="meta-description"
        label="Beskrivelse"
        optional
        rows={3}
        value={values.description}
        onChange={(description) => setValues({ ...values, description })}
        error={errors.description}
        wide
      />
      <div className="button-row form-actions">
        <button type="submit" className="button button-primary">
          {props.submitLabel}
        </button>
        <button type="button" className="button button-tertiary" onClick={props.onCancel}>
          Annullér
        </button>
      </div>
    </form>
  );
}
