import { Field } from './Field';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
  optional?: boolean;
  /** 'date' gives the browser's date picker (dd.mm.åååå in Danish), with the value as åååå-mm-dd. */
  type?: 'text' | 'date';
  /** Rows for a multi-line text area; omitted for a one-line input. */
  rows?: number;
  maxLength?: number;
  wide?: boolean;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  /** For a date: the last day that may be chosen (åååå-mm-dd). */
  max?: string;
}

/** A labelled one-line input, date or text area, with hint and Danish error wired for screen readers. */
export function TextField({
  id,
  value,
  onChange,
  type = 'text',
  rows,
  maxLength,
  wide,
  list,
  max,
  ...field
}: TextFieldProps) {
  const className = `form-input${wide ? ' input-wide' : ''}`;
  return (
    <Field id={id} {...field}>
      {(describedBy, invalid) => {
        const common = {
          id,
          className,
          value,
          maxLength,
          'aria-describedby': describedBy,
          'aria-invalid': invalid,
        };
        return rows ? (
          <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} type={type} list={list} max={max} onChange={(e) => onChange(e.target.value)} />
        );
      }}
    </Field>
  );
}
