import { describe, expect, it } from 'vitest';
import { answerForKey } from '../../shared/domain/answer-keys';
import { JND_OPTIONS } from '../../shared/domain/template';

const jnd = { answerType: 'jnd' as const, options: JND_OPTIONS };
const skala = {
  answerType: 'skala' as const,
  options: ['1', '2', '3', '4'].map((value) => ({ value, label: value, outcome: 'opfyldt' as const })),
};

describe('answering with the keyboard', () => {
  it('J, N, D and I answer Ja, Nej, Delvist and Ikke relevant, in either case', () => {
    expect(['j', 'N', 'd', 'I'].map((k) => answerForKey(jnd, k))).toEqual(['ja', 'nej', 'delvist', 'ikke_relevant']);
  });
  it('digits choose the n-th option of a scale or a choice', () => {
    expect(answerForKey(skala, '3')).toBe('3');
    expect(answerForKey(jnd, '2')).toBe('nej');
  });
  it('other keys, and letters a question has no option for, do nothing', () => {
    expect(answerForKey(jnd, 'x')).toBeUndefined();
    expect(answerForKey(jnd, '7')).toBeUndefined();
    expect(
      answerForKey({ answerType: 'valg', options: [{ value: 'ja', label: 'Ja', outcome: 'udeladt' }] }, 'n'),
    ).toBeUndefined();
    expect(answerForKey({ answerType: 'frist', options: [] }, '1')).toBeUndefined();
  });
});
