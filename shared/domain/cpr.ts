import { daysInMonth } from './dates';

/**
 * CPR numbers (DDMMYY-SSSS) are recognised by their date, not by modulus 11: numbers issued since 2007
 * need not pass that check, so a valid birth date is what makes ten digits look like a CPR number.
 */

// Six digits, an optional separator (dash, en dash and the like, space, no-break space), four digits; not part
// of a longer number ("2024-0101901234" is a case number, but "SAG-0101901234" or "CPR-010190-1234" is not safe).
const CANDIDATE = /(?<!\d-?)(\d{2})(\d{2})(\d{2})[-\u2010-\u2015\u2212\u00a0 ]?(\d{4})(?!\d)/g;

/** The full birth year from YY and the 7th digit (the first of the four), per the CPR office's table. */
export function birthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;
}

function isDateValid(dd: number, mm: number, yy: number, seventh: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  return dd <= daysInMonth(birthYear(yy, seventh), mm);
}

export interface CprMatch {
  start: number;
  end: number;
  text: string;
}

/** Every CPR-like number in a text: ten digits (with or without a dash) whose first six form a real date. */
export function findCprNumbers(text: string): CprMatch[] {
  const found: CprMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [, dd, mm, yy, serial] = m;
    if (isDateValid(Number(dd), Number(mm), Number(yy), Number(serial?.[0]))) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return found;
}

export function containsCpr(text: string): boolean {
  return findCprNumbers(text).length > 0;
}

/** True when the whole value is a CPR-like number (surrounding spaces aside). */
export function isCprValue(value: string): boolean {
  const trimmed = value.trim();
  const [match] = findCprNumbers(trimmed);
  return match !== undefined && match.start === 0 && match.end === trimmed.length;
}

export const CPR_MASK = '[CPR-nummer fjernet]';

/**
 * Replaces CPR-like numbers, so they are never stored. Repeated until none is left: a number right after
 * another ("0101901234-0202901234") only shows once the first is masked.
 */
export function maskCpr(text: string): { text: string; masked: number } {
  let current = text;
  let masked = 0;
  for (let matches = findCprNumbers(current); matches.length > 0; matches = findCprNumbers(current)) {
    let out = '';
    let at = 0;
    for (const m of matches) {
      out += current.slice(at, m.start) + CPR_MASK;
      at = m.end;
    }
    current = out + current.slice(at);
    masked += matches.length;
  }
  return { text: current, masked };
}
