import { useEffect, useRef, useState } from 'react';
import { usePageLeave } from './usePageLeave';

/**
 * A text field saved shortly after typing stops, and at once when the field loses focus, the screen closes, or the
 * page goes (a reload, a closed window). Returns the value to show, its setter and the blur handler.
 */
export function useSavedText(stored: string, save: (text: string) => void, delayMs = 600) {
  const [text, setText] = useState(stored);
  const last = useRef(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = () => {
    clearTimeout(timer.current);
    if (text !== last.current) {
      last.current = text;
      saveRef.current(text);
    }
  };
  // A stored value that changes from outside (undo, another field's save) replaces what is shown.
  useEffect(() => {
    if (stored !== last.current) {
      last.current = stored;
      setText(stored);
    }
  }, [stored]);

  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => flushRef.current(), []);
  usePageLeave(flush);

  const change = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => flushRef.current(), delayMs);
  };
  return { text, change, flush };
}
