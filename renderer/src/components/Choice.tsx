import type { ReactNode } from 'react';

interface ChoiceProps {
  type: 'radio' | 'checkbox';
  id: string;
  name?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  children: ReactNode;
  hint?: string;
  disabled?: boolean;
}

/** A radio button or checkbox in the design system's accessible markup (input, then its label). */
export function Choice({ type, id, name, checked, onChange, children, hint, disabled }: ChoiceProps) {
  const kind = type === 'radio' ? 'radio' : 'checkbox';
  return (
    <div className={`form-group-${kind}`}>
      <input
        type={type}
        className={`form-${kind}`}
        id={id}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{children}</label>
      {hint && (
        <span className="form-hint choice-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
