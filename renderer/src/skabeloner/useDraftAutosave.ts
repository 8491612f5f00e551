import { useCallback, useEffect, useRef, useState } from 'react';
import type { TemplateContentInput } from '../../../shared/domain/template';
import { messageOf } from '../errors';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

const DELAY_MS = 300;

/**
 * Saves a draft shortly after each change (typing is batched), and at once when the editor closes.
 * A failed save keeps the content on screen and is retried with the next change or on request.
 */
export function useDraftAutosave(
  save: (content: TemplateContentInput) => Promise<void>,
  content: TemplateContentInput,
) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const pending = useRef<TemplateContentInput | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const first = useRef(true);
  // Saves run one after another, so an older save can never land after (and over) a newer one.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(async () => {
      const toSave = pending.current;
      if (!toSave) return;
      pending.current = undefined;
      setState({ kind: 'saving' });
      try {
        await save(toSave);
        setState(pending.current ? { kind: 'saving' } : { kind: 'saved' });
      } catch (err) {
        // Keep the content for the next try, unless a newer edit is already waiting.
        pending.current ??= toSave;
        setState({ kind: 'error', message: messageOf(err) });
      }
    });
    return queue.current;
  }, [save]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    pending.current = content;
    setState({ kind: 'saving' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DELAY_MS);
  }, [content, flush]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      void flush();
    };
  }, [flush]);

  return { state, flush };
}
