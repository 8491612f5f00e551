import type { useSavedText } from '../hooks/useSavedText';
import { CprWarning } from './CprWarning';

/**
 * A free-text area saved when typing pauses and when it is left (see useSavedText), pointing out a CPR-like number
 * while it is typed. The label is the caller's, linked by `id`.
 */
export function SavedTextArea(props: {
  id: string;
  field: ReturnType<typeof useSavedText>;
  rows?: number;
  disabled?: boolean;
}) {
  const { field } = props;
  return (
    <>
      <textarea
        id={props.id}
        className="form-input input-wide"
        rows={props.rows ?? 2}
        disabled={props.disabled}
        value={field.text}
        onChange={(e) => field.change(e.target.value)}
        onBlur={field.flush}
      />
      <CprWarning text={field.text} onMask={field.change} />
    </>
  );
}

/** A one-line text field saved like SavedTextArea (short texts such as a name or a role: no CPR check). */
export function SavedTextInput(props: {
  id: string;
  field: ReturnType<typeof useSavedText>;
  wide?: boolean;
  placeholder?: string;
  disabled?: boolean;
}) {
  const { field } = props;
  return (
    <input
      id={props.id}
      className={`form-input${props.wide ? ' input-wide' : ''}`}
      placeholder={props.placeholder}
      disabled={props.disabled}
      value={field.text}
      onChange={(e) => field.change(e.target.value)}
      onBlur={field.flush}
    />
  );
}
