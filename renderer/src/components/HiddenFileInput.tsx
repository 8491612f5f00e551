import type { InputHTMLAttributes, Ref } from 'react';

/**
 * The file input behind a button that opens it (issue #17): out of sight, out of the tab order and out of the
 * accessibility tree, because the button is the control a leader (and a screen reader) meets.
 */
export function HiddenFileInput(
  props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & { ref: Ref<HTMLInputElement> },
) {
  return <input {...props} type="file" className="sr-only" tabIndex={-1} aria-hidden="true" />;
}
