import { useEffect, useRef, useState } from 'react';
import { usePageLeave } from '../hooks/usePageLeave';

/**
 * A date field with its own state while the leader types, saved when she leaves it, presses Enter, or the page goes:
 * while a date is being typed the field reports no value, and saving those would wipe the stored date.
 */
export function DateInput(props: { id: string; value: string; disabled?: boolean; onChange(date: string): void }) {
  const [value, setValue] = useState(props.value);
  useEffect(() => setValue(props.value), [props.value]);
  // A half-typed date reads as '' (badInput): leaving the field then must not wipe the stored date.
  const commit = (input: HTMLInputElement) => {
    if (input.validity.badInput) return;
    if (value !== props.value) props.onChange(value);
  };
  const input = useRef<HTMLInputElement>(null);
  // A whole date typed just before a reload or a closed window is saved too.
  usePageLeave(() => {
    if (input.current) commit(input.current);
  });
  return (
    <input
      ref={input}
      id={props.id}
      type="date"
      className="form-input"
      disabled={props.disabled}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={(e) => commit(e.currentTarget)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget);
      }}
    />
  );
}
