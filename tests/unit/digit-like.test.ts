import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitLike } from '../../shared/domain/digit-like';

// digitLike got a fast path (issue #18: a sagsliste has millions of cells): a text with no such letter beside a
// digit is returned as it is. The property: the same answer as reading every letter, always.
const LIKE: Record<string, string> = { o: '0', O: '0', ø: '0', Ø: '0', i: '1', I: '1', l: '1' };
const WITH_B: Record<string, string> = { ...LIKE, b: '8', B: '8' };
function slow(text: string, map: Record<string, string>): string {
  const chars = text.split('');
  const isDigit = (c: string | undefined) => c !== undefined && /^[0-9]$/.test(c);
  const pass = (i: number) => {
    const like = map[chars[i] ?? ''];
    if (like && (isDigit(chars[i - 1]) || isDigit(chars[i + 1]))) chars[i] = like;
  };
  for (let i = 0; i < chars.length; i++) pass(i);
  for (let i = chars.length - 1; i >= 0; i--) pass(i);
  return chars.join('');
}

describe('letters read as the digits they look like', () => {
  it('reads runs beside digits and leaves words alone', () => {
    expect(digitLike('01O19O-1234')).toBe('010190-1234');
    expect(digitLike('BU-2026-1OO3', 'with-b')).toBe('BU-2026-1003');
    expect(digitLike('2B5', 'with-b')).toBe('285');
    expect(digitLike('handling i sagen')).toBe('handling i sagen');
    expect(digitLike('Rådgiver 12, team Øst')).toBe('Rådgiver 12, team Øst');
  });

  it('answers as reading every letter would, with the fast path or without (property)', () => {
    const alphabet = fc.constantFrom(...'0123456789oOøØiIlbBax -/'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(digitLike(text)).toBe(slow(text, LIKE));
        expect(digitLike(text, 'with-b')).toBe(slow(text, WITH_B));
      }),
      { numRuns: 3000 },
    );
  });
});
