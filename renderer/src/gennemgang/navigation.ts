/** Moving around the review's questions with the keyboard. Each question sits in an element with anchorId(key). */
export function anchorId(key: string): string {
  return `svar-${key.replace(/[^a-z0-9_-]/g, '_')}`;
}

/** Focuses a question's answer: the chosen option, else its first control. */
function focusQuestion(el: Element | null | undefined): boolean {
  if (!(el instanceof HTMLElement)) return false;
  const target =
    el.querySelector<HTMLElement>('input[type=radio]:checked') ??
    el.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled]), button:not([disabled])');
  el.scrollIntoView({ block: 'center' });
  target?.focus();
  return true;
}

export function jumpTo(key: string): void {
  focusQuestion(document.getElementById(anchorId(key)));
}

/** Moves to an afsnit: its first question not yet answered, else its first question. */
export function jumpToSection(sectionKey: string): void {
  const section = document.getElementById(`afsnit-${sectionKey}`)?.closest('.review-section');
  if (!section) return;
  const open = [...section.querySelectorAll('.review-question-anchor')].find(
    (q) => !q.querySelector('input[type=radio]:checked, input[type=checkbox]:checked'),
  );
  focusQuestion(open ?? section.querySelector('.review-question-anchor'));
}

const questionsIn = (root: ParentNode) => [...root.querySelectorAll('.review-question-anchor')];

function currentQuestion(): Element | null {
  return document.activeElement?.closest('.review-question-anchor') ?? null;
}

/** Moves to the next (+1) or previous (-1) question; from outside the questions, to the first one. */
export function moveQuestion(step: 1 | -1): void {
  const all = questionsIn(document);
  const current = currentQuestion();
  const index = current ? all.indexOf(current) : -1;
  focusQuestion(all[index === -1 ? 0 : Math.min(all.length - 1, Math.max(0, index + step))]);
}

/** Moves to the first question of the next (+1) or previous (-1) afsnit. */
export function moveSection(step: 1 | -1): void {
  const sections = [...document.querySelectorAll('.review-section')];
  const current = currentQuestion()?.closest('.review-section');
  const index = current ? sections.indexOf(current) : -1;
  const target = sections[index === -1 ? 0 : Math.min(sections.length - 1, Math.max(0, index + step))];
  if (target) focusQuestion(questionsIn(target)[0]);
}

/** Moves to the first question after the current one that still lacks something (wrapping round). */
export function nextMissing(missingKeys: readonly string[]): boolean {
  if (missingKeys.length === 0) return false;
  const all = questionsIn(document);
  const current = currentQuestion();
  const from = current ? all.indexOf(current) : -1;
  const missing = new Set(missingKeys.map(anchorId));
  const ordered = [...all.slice(from + 1), ...all.slice(0, from + 1)];
  return focusQuestion(ordered.find((el) => missing.has(el.id)));
}

/** True when a key press belongs to a text field (typing), not to the review's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.matches('textarea, select, input:not([type=radio]):not([type=checkbox])')
  );
}

/** Opens or closes the help text (and legal reference) of the question that has focus. */
export function toggleQuestionHelp(): void {
  const help = currentQuestion()?.querySelector('details.question-help');
  if (help instanceof HTMLDetailsElement) help.open = !help.open;
}
