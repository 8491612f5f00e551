import { daysInMonth } from './dates';
import { digitLike } from './digit-like';

/**
 * CPR numbers (DDMMYY-SSSS) are recognised by their date, not by modulus 11: numbers issued since 2007
 * need not pass that check, so a valid birth date is what makes ten digits look like a CPR number.
 *
 * The text is normalised first, so every spelling a person, a spreadsheet or a copy from a web page produces is
 * one spelling here: Unicode NFKC (full-width digits, no-break and thin spaces), invisible format characters and
 * combining marks removed (soft hyphen, zero-width space, BOM, keycap marks), and so are control, private-use and
 * blank-looking characters (Hangul fillers, braille blank, U+FFFC, U+FFFD); every Unicode decimal digit is read as
 * its ASCII digit. Detection then works on digit groups: runs of digits joined by runs of separators (spaces and
 * dashes of any length, or up to three of anything that is neither a letter nor a digit: ", ", ":", "(", "•" …).
 */

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
  /** Offsets in the original text (not the normalised one), so a mask replaces exactly what was written. */
  start: number;
  end: number;
  text: string;
}

/**
 * Removed before detection: format characters, combining marks, control characters other than the whitespace ones
 * (tab, line feed, vertical tab, form feed, carriage return), private-use characters and the blank-looking ones
 * (Hangul fillers, braille blank, object and replacement characters).
 */
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}\p{Co}\u115f\u1160\u3164\uffa0\u2800\ufffc\ufffd]|(?![\t\n\v\f\r])\p{Cc}/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
/**
 * What may read as a digit once the text is read (NFKC): a number of any script, and the signs that are no number
 * but hold one (»㏠« is »1日«, »㋀« is »1月«, »㎟« is »mm2«). Every such sign of Unicode is listed; a unit test reads
 * all of Unicode to keep it so (a split number in »ℓlOlO« and »lOlO㏠« went unseen until it was).
 */
export const ANY_NUMBER = /[\p{N}\u32c0-\u32cb\u3358-\u3370\u3378\u3379\u339f-\u33a6\u33a8\u33af\u33e0-\u33fe]/u;
const ASCII = /^[ -~\t\n\r]*$/;
/** Spaces of every kind, dashes of every kind, the minus sign, dots, slashes, underscores. */
const SEPARATORS = /^[\s\p{Pd}\u2212._/\\\u00b7\u2027\u2044\u2215]+$/u;
/** Any short run (up to three) of what is neither a letter nor a digit: commas, colons, brackets, bullets … */
const SHORT_GAP = /^[^\p{L}\p{N}]{1,3}$/u;
/** A dash, dot or slash alone: a number joined like this to the one before is part of it ("2024-0101901234"). */
const TIGHT = /^\S$/u;

/** The ASCII digit of a Unicode decimal digit: every block of decimal digits runs 0-9 in code point order. */
function asciiDigit(cp: number): string {
  let zero = cp;
  while (zero > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
}

/** The fewest digits a CPR-like number reads as (ddmmåå-nnnn). */
export const CPR_DIGITS = 10;

/**
 * How many characters of an ASCII text may read as digits: its digits and the letters digitLike may read as digits
 * (o, O, i, I, l), counted from `from` and no further than CPR_DIGITS. Undefined when the text is not ASCII: NFKC may
 * make digits of other characters (»⑩« is »10«).
 */
export function asciiDigitCount(text: string, from = 0): number | undefined {
  let n = from;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) return undefined;
    if ((c >= 48 && c <= 57) || c === 111 || c === 79 || c === 105 || c === 73 || c === 108) {
      if (++n >= CPR_DIGITS) return n;
    }
  }
  return n;
}

const charCache = new Map<string, string>();
/** One code point of the original as it reads for detection ('' when invisible). */
function normaliseChar(ch: string): string {
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  let out = '';
  for (const c of ch.normalize('NFKC')) {
    if (INVISIBLE.test(c)) continue;
    const cp = c.codePointAt(0) ?? 0;
    out += cp > 0x7f && DECIMAL_DIGIT.test(c) ? asciiDigit(cp) : c;
  }
  if (charCache.size < 10_000) charCache.set(ch, out);
  return out;
}

interface Normalised {
  text: string;
  /** For each unit of `text`: where its code point starts and ends in the original. */
  from: number[];
  to: number[];
}

/** The text as detection reads it, with each unit's place in the original (no map when nothing changed). */
function normalise(text: string): Normalised {
  if (ASCII.test(text)) return { text, from: [], to: [] };
  // Danish letters read as themselves: most texts need no map, so it is only built when a character changed.
  let out = '';
  let same = true;
  for (const ch of text) {
    const n = normaliseChar(ch);
    if (n !== ch) same = false;
    out += n;
  }
  if (same) return { text, from: [], to: [] };
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const ch of text) {
    for (let k = normaliseChar(ch).length; k > 0; k--) {
      from.push(at);
      to.push(at + ch.length);
    }
    at += ch.length;
  }
  return { text: out, from, to };
}

/** The text as the CPR search reads it: NFKC, invisible characters gone, every decimal digit an ASCII one. */
export function detectionText(text: string): string {
  return normalise(text).text;
}

interface Group {
  start: number;
  end: number;
  /**
   * How the group is joined to the one before by separators only: hard when by a single dash, dot or slash and no
   * space ("2024-0101901234"), soft otherwise ("1. 0101901234", "31.12.2026 - 0101901234", "12,0101901234").
   */
  joined: 'soft' | 'hard' | 'no';
}

function digitGroups(text: string): Group[] {
  const groups: Group[] = [];
  let i = 0;
  let lastEnd = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    let joined: Group['joined'] = 'no';
    if (lastEnd >= 0) {
      const gap = text.slice(lastEnd, start);
      if (SEPARATORS.test(gap) || SHORT_GAP.test(gap))
        joined = TIGHT.test(gap) && SEPARATORS.test(gap) ? 'hard' : 'soft';
    }
    groups.push({ start, end: i, joined });
    lastEnd = i;
  }
  return groups;
}

/**
 * Separators may stand between DD, MM, YY and the serial, and in the middle of the serial (12 34); "31.12.2026 12"
 * (a date and an hour) splits inside YYYY and is not a CPR spelling.
 */
function validSplits(splits: readonly number[]): boolean {
  // One digit at a time ("0 1 0 1 9 0 1 2 3 4").
  if (splits.length === 9 && splits.every((s, k) => s === k + 1)) return true;
  return splits.every((s) => s % 2 === 0 && s <= 8) && (!splits.includes(8) || splits.includes(6));
}

/**
 * A birth date written with its whole year and the serial right after it (»01.01.1990-1234«): the same ten digits as
 * a CPR number, when the year is the one the serial's seventh digit gives. A date and a number that do not agree
 * (»01.01.2026-2027«: a 2 gives the 1900s) are left alone, and so is a number after a space (»pr. 01.03.2026 5000
 * kr«, an amount). As the CPR number it spells, or undefined.
 */
function withFullYear(digits: string, splits: readonly number[], serialJoinedTight: boolean): string | undefined {
  if (!serialJoinedTight || digits.length !== 12 || splits.join() !== '2,4,8') return undefined;
  const [ddmm, year, serial] = [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)];
  const yy = year.slice(2);
  return birthYear(Number(yy), Number(serial[0])) === Number(year) ? `${ddmm}${yy}${serial}` : undefined;
}

/**
 * Every CPR-like number in a text: ten digits, possibly split by separators, whose first six form a real date.
 * Not one inside a longer number: digits right before or after, or a number of two or more digits joined before it by
 * a single dash, dot or slash with no space ("2024-0101901234" is a case number; "3/0101901234", "1. 0101901234"
 * and "2024 - 0101901234" count). Glued to letters it counts ("SAG0101901234", "CPR:0101901234").
 */
export function findCprNumbers(text: string): CprMatch[] {
  if (!ANY_NUMBER.test(text)) return [];
  // An ASCII text reads as itself; with fewer than ten digits and look-alike letters it holds no CPR number (most
  // cells of a sagsliste: dates, names, types). Other texts may grow digits in NFKC (»⑩« is »10«): read in full.
  if ((asciiDigitCount(text) ?? CPR_DIGITS) < CPR_DIGITS) return [];
  const read = normalise(text);
  // A letter typed for a digit beside digits reads as the digit (»01O19O-1234«); positions stay as they were. The
  // text is read as written too: a name glued to a number (»Bo010190-1234«) would read as a longer number.
  const like = digitLike(read.text);
  const plain = matchesIn(text, read);
  if (like === read.text) return plain;
  return merged(plain, matchesIn(text, { ...read, text: like }));
}

/** Matches of both readings, by where they start; one that overlaps an earlier (or longer) one is left out. */
function merged(a: CprMatch[], b: CprMatch[]): CprMatch[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: CprMatch[] = [];
  for (const m of all) if (!out.some((o) => m.start < o.end && o.start < m.end)) out.push(m);
  return out;
}

/** The CPR-like numbers of `text` as `norm` reads it (norm.from and norm.to give each position's place in text). */
function matchesIn(text: string, norm: ReturnType<typeof normalise>): CprMatch[] {
  const groups = digitGroups(norm.text);
  const found: CprMatch[] = [];
  let lastMatched = -1;
  for (let i = 0; i < groups.length; i++) {
    const first = groups[i] as Group;
    // A number joined tightly to the one before is part of it, unless that one is a single digit: "3/0101901234"
    // reads as a list item or a count before a CPR number, and that doubt is settled for privacy.
    const before = groups[i - 1];
    if (first.joined === 'hard' && lastMatched !== i - 1 && before && before.end - before.start > 1) continue;
    let digits = '';
    const splits: number[] = [];
    let j = i;
    for (; j < groups.length; j++) {
      const g = groups[j] as Group;
      if (j > i) {
        if (g.joined === 'no') break;
        splits.push(digits.length);
      }
      digits += norm.text.slice(g.start, g.end);
      if (digits.length >= 10) break;
    }
    const serialJoin = groups[j]?.joined;
    const cpr =
      digits.length === 10 && validSplits(splits) ? digits : withFullYear(digits, splits, serialJoin === 'hard');
    if (cpr === undefined) continue;
    const [dd, mm, yy, seventh] = [cpr.slice(0, 2), cpr.slice(2, 4), cpr.slice(4, 6), cpr[6]];
    if (!isDateValid(Number(dd), Number(mm), Number(yy), Number(seventh))) continue;
    const last = groups[j] as Group;
    const start = norm.from.length ? (norm.from[first.start] ?? 0) : first.start;
    const end = norm.to.length ? (norm.to[last.end - 1] ?? text.length) : last.end;
    found.push({ start, end, text: text.slice(start, end) });
    lastMatched = j;
    i = j;
  }
  return found;
}

export function containsCpr(text: string): boolean {
  return findCprNumbers(text).length > 0;
}

const EDGE = `(?:\\s|${INVISIBLE.source})+`;
const EDGES = new RegExp(`^${EDGE}|${EDGE}$`, 'gu');

/** True when the whole value is a CPR-like number (surrounding spaces and invisible characters aside). */
export function isCprValue(value: string): boolean {
  const trimmed = value.replace(EDGES, '');
  const [match] = findCprNumbers(trimmed);
  return match !== undefined && match.start === 0 && match.end === trimmed.length;
}

export const CPR_MASK = '[CPR-nummer fjernet]';

/**
 * Replaces CPR-like numbers, so they are never stored. Repeated until none is left: each pass removes digits, so
 * it ends, and a number that only shows once another is gone is masked too.
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
