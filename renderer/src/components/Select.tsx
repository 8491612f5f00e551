import { Field } from './Field';

/** A labelled drop-down with its Danish error, in the same markup as every other field. */
export function Select(props: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange(value: string): void;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(describedBy, invalid) => (
        <select
          id={props.id}
          className="form-select"
          value={props.value}
          disabled={props.disabled}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A labelled whole-number input. */
export function NumberField(props: {
  id: string;
  label: string;
  value: number | undefined;
  onChange(value: number): void;
  error?: string;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(describedBy, invalid) => (
        <input
          id={props.id}
          type="number"
          min={0}
          className="form-input input-narrow"
          value={props.value ?? ''}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => props.onChange(Number(e.target.value))}
        />
      )}
    </Field>
  );
}
