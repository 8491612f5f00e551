import { type FormEvent, useState } from 'react';
import { fieldErrorsFromZod } from '../../../shared/api/errors';
import { type ManualSag, manualSagSchema } from '../../../shared/domain/sample';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { messageOf } from '../errors';

/** A sag added by hand (one the file missed), before the draw. */
export function ManualSagForm({ onAdd }: { onAdd(sag: ManualSag): Promise<void> }) {
  const empty = { sagsnummer: '', sagstype: '', sagsbehandler: '', team: '' };
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = manualSagSchema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    try {
      await onAdd(parsed.data);
      setValues(empty);
      setErrors({});
      setError(undefined);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  if (!open) {
    return (
      <button type="button" className="button button-tertiary" onClick={() => setOpen(true)}>
        + Tilføj en sag manuelt
      </button>
    );
  }
  return (
    <form className="card inline-form" onSubmit={submit} noValidate>
      <h2 className="h3">Tilføj en sag manuelt</h2>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      <div className="form-row">
        {(['sagsnummer', 'sagstype', 'sagsbehandler', 'team'] as const).map((field) => (
          <TextField
            key={field}
            id={`manual-${field}`}
            label={
              { sagsnummer: 'Sagsnummer', sagstype: 'Sagstype', sagsbehandler: 'Sagsbehandler', team: 'Team' }[field]
            }
            optional={field !== 'sagsnummer'}
            value={values[field]}
            onChange={(v) => setValues({ ...values, [field]: v })}
            error={errors[field]}
          />
        ))}
      </div>
      <div className="button-row form-actions">
        <button type="submit" className="button button-primary">
          Tilføj sagen
        </button>
        <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
          Luk
        </button>
      </div>
    </form>
  );
}
