import type { Question } from './template';

const JND_KEYS: Record<string, string> = { j: 'ja', n: 'nej', d: 'delvist', i: 'ikke_relevant' };

/**
 * The answer a key press gives: J, N, D and I for Ja, Nej, Delvist and Ikke relevant; 1-9 for the n-th option
 * of a scale or a choice. undefined when the key means nothing for this question.
 */
export function answerForKey(question: Pick<Question, 'answerType' | 'options'>, key: string): string | undefined {
  const k = key.toLowerCase();
  const byLetter = JND_KEYS[k];
  if (byLetter && question.options.some((o) => o.value === byLetter)) return byLetter;
  if (/^[1-9]$/.test(k) && question.answerType !== 'frist') return question.options[Number(k) - 1]?.value;
  return undefined;
}
