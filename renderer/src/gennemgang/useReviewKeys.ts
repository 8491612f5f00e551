import { useEffect, useRef } from 'react';
import { isTyping, moveQuestion, moveSection, nextMissing, toggleQuestionHelp } from './navigation';

interface ReviewKeys {
  /** The questions still lacking something, in order (read when U is pressed). */
  missingKeys(): readonly string[];
  onUndo(): void;
  onToggleHelp(): void;
}

/**
 * The review's keyboard shortcuts (answer keys live on each question): Alt+↓/↑ next/previous question,
 * Alt+Shift+↓/↑ or Alt+PageDown/PageUp next/previous afsnit, Enter on an answer goes on to the next question,
 * U the next unanswered, Ctrl+Z undo, ? the list of shortcuts.
 */
export function useReviewKeys(keys: ReviewKeys) {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const { missingKeys, onUndo, onToggleHelp } = ref.current;
      const typing = isTyping(e.target);
      const act = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        if (e.key === 'ArrowDown') return act(() => (e.shiftKey ? moveSection(1) : moveQuestion(1)));
        if (e.key === 'ArrowUp') return act(() => (e.shiftKey ? moveSection(-1) : moveQuestion(-1)));
        if (e.key === 'PageDown') return act(() => moveSection(1));
        if (e.key === 'PageUp') return act(() => moveSection(-1));
        return;
      }
      if (typing) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') return act(onUndo);
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio')
        return act(() => moveQuestion(1));
      if (e.key === 'u' || e.key === 'U') return act(() => nextMissing(missingKeys()));
      if (e.key === '?') return act(onToggleHelp);
      if (e.key === 'h' || e.key === 'H') return act(toggleQuestionHelp);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

export const SHORTCUTS: [string, string][] = [
  ['J, N, D, I', 'Ja, Nej, Delvist, Ikke relevant (1–9 for skalaer og valg)'],
  ['Enter', 'Videre til næste spørgsmål'],
  ['Alt + ↓ / ↑', 'Næste / forrige spørgsmål'],
  ['Alt + Skift + ↓ / ↑', 'Næste / forrige afsnit'],
  ['U', 'Næste spørgsmål, der mangler svar'],
  ['H', 'Vis eller skjul hjælpen til spørgsmålet'],
  ['Ctrl + Z', 'Fortryd seneste ændring'],
  ['?', 'Vis eller skjul tastaturgenveje'],
];
