/** Letters typed for the digits they look like: O and Ø for 0, I and l for 1. */
const LIKE: Record<string, string> = { o: '0', O: '0', ø: '0', Ø: '0', i: '1', I: '1', l: '1' };
/** And B for 8, where a hexadecimal checksum (which has b among its digits) is not read: sagsnumre. */
const WITH_B: Record<string, string> = { ...LIKE, b: '8', B: '8' };
const DIGIT = /^[0-9]$/;
/** A letter of LIKE (or WITH_B) beside a digit: the only case that changes anything. */
const BESIDE = /[0-9][oOøØiIl]|[oOøØiIl][0-9]/;
const BESIDE_WITH_B = /[0-9][oOøØiIlbB]|[oOøØiIlbB][0-9]/;

/**
 * A text with each letter that stands beside a digit read as the digit it looks like (»01O19O-1234« is a CPR number,
 * »BU-2026-1OO3« a sagsnummer), while letters among letters stay (»handling«, »BU«). One UTF-16 unit becomes one,
 * so every position stays where it was. Each letter is looked at once from each side, so a run (»1OO3«) is read
 * whole. Pure; used by the CPR detection and the publication check alike.
 */
export function digitLike(text: string, letters: 'plain' | 'with-b' = 'plain'): string {
  // Nothing to read where no such letter stands beside a digit: most texts (a sagsliste has millions of cells).
  if (!(letters === 'with-b' ? BESIDE_WITH_B : BESIDE).test(text)) return text;
  const map = letters === 'with-b' ? WITH_B : LIKE;
  const chars = text.split('');
  const pass = (i: number) => {
    const like = map[chars[i] ?? ''];
    if (like && (DIGIT.test(chars[i - 1] ?? '') || DIGIT.test(chars[i + 1] ?? ''))) chars[i] = like;
  };
  for (let i = 0; i < chars.length; i++) pass(i);
  for (let i = chars.length - 1; i >= 0; i--) pass(i);
  return chars.join('');
}
