import { findCprNumbers } from './cpr';
import { digitLike as plainDigitLike } from './digit-like';
import { fold } from './fold';
import type { Hit } from './hit';
import type { KnownIdentifiers } from './scrub';

/** Sagsnumre are read with B for 8 too (the CPR reading leaves B, as checksums in hex have it). */
const digitLike = (s: string) => plainDigitLike(s, 'with-b');

/**
 * The publication check's search for numbers that may identify someone (issue #12): CPR-like numbers, known
 * sagsnumre in any spelling, and any other run of six or more digits that is not a date, a period, an amount or a
 * time. Pure; see publication.ts.
 */

// A valid calendar date is a date, not a case number (31-01-2026, 2026-01-31, 31.01.2026, 31/1-2026).
const DATE = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})$|^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function isDate(token: string): boolean {
  const m = DATE.exec(token);
  if (!m) return false;
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
  const year = y && y.length === 2 ? 2000 + Number(y) : Number(y);
  const date = new Date(Date.UTC(year, Number(mo) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1;
}

/** A year (2026) or the short year after one (2024/25). */
const YEAR = /^(19|20)\d\d$|^\d\d$/;

/**
 * Numbers a report is full of that identify no one: a period of dates or years (01.01.2026-31.03.2026, 2025-2026,
 * 2024/25), an amount (2.500.000 kr., kr. 150.000) and a time (kl. 10.00-12.00).
 */
function ordinaryNumber(text: string, at: number, run: string): boolean {
  const plain = run.normalize('NFKC');
  const pieces = plain.split(/\s*[-–/]\s*/u);
  if (pieces.length > 1 && pieces.every((p) => isDate(p) || YEAR.test(p))) return true;
  const before = text.slice(Math.max(0, at - 5), at);
  const after = text.slice(at + run.length, at + run.length + 5);
  return /kr\.?\s*$/iu.test(before) || /^\s*kr\b/iu.test(after) || /kl\.?\s*$/iu.test(before);
}

/** What may stand between the parts of a number as written: spaces, dashes of any kind, dots, slashes, invisibles. */
const SEPARATORS = '[\\s\\p{Pd}\\p{Cf}./_]*';

/** Any run of six or more digits, whatever stands between them (spaces, dashes of any kind, dots, slashes). */
const DIGIT_RUN = /\p{Nd}(?:[\s\p{Pd}\p{Cf}./_]{0,3}\p{Nd})+/gu;

export function numberHits(text: string, known: KnownIdentifiers): Hit[] {
  const hits: Hit[] = [];
  for (const c of findCprNumbers(text)) hits.push({ start: c.start, end: c.end, kind: 'cpr' });
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0].replace(/[\s\p{Pd}\p{Cf}./_]+$/u, '');
    // A KLE journal plan number (27.24.12, 27.24.12-G01) names a subject, not a case; with a serial after it, it does.
    const rest = text.slice(m.index + run.length, m.index + run.length + 12);
    if (/^\d{2}\.\d{2}\.\d{2}$/.test(run) && !/^(-[A-ZÆØÅ]\d{2})?[-–.]\d/u.test(rest)) continue;
    const digits = run.normalize('NFKC').replace(/\D/g, '');
    if (digits.length < 6 || isDate(run.normalize('NFKC')) || ordinaryNumber(text, m.index ?? 0, run)) continue;
    hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + run.length, kind: 'talraekke' });
  }
  // Known sagsnumre in any spelling: compared without separators and case ("bu 2026 1003", "BU‑2026‑1003").
  const squeezed: number[] = [];
  let flat = '';
  // Letters for digits as typed (also Ø for 0, which folding would spell out), read before folding.
  const typed = digitLike(text);
  for (let i = 0; i < typed.length; i++) {
    const ch = fold(typed[i] ?? '');
    if (/^[\p{L}\p{N}]+$/u.test(ch)) {
      flat += ch;
      for (let k = 0; k < ch.length; k++) squeezed.push(i);
    }
  }
  // A letter typed for the digit it looks like (»BU-2026-1O1«) compares as that digit.
  flat = digitLike(flat);
  for (const n of preparedNumbers(known)) {
    for (const t of n.tokens) wholeTokens(t, t.afterCaseWord ? CASE_WORD : undefined);
    if (n.wholeOnly) continue;
    for (let at = flat.indexOf(n.target); at >= 0; at = flat.indexOf(n.target, at + 1)) place(at, n.target);
  }
  // Sagsnumre of deleted case data, kept as hashes: every piece of the squeezed text of a length one has is hashed.
  const hashed = known.hashed;
  for (const [length, hashes] of hashed?.sagsnumre ?? []) {
    if (length < 4) {
      // A short one only as a whole token, as when it is known in plain.
      for (const m of text.matchAll(SHORT_TOKEN)) {
        const key = sagsnummerKey(m[0]);
        if (key.length === length && hashes.has(hashed?.hash(key) ?? ''))
          hits.push({ start: m.index, end: m.index + m[0].length, kind: 'sagsnummer' });
      }
      continue;
    }
    for (let at = 0; at + length <= flat.length; at++) {
      const piece = flat.slice(at, at + length);
      if (hashes.has(hashed?.hash(piece) ?? '')) place(at, piece);
    }
  }
  return hits;

  /** Every place `plain` (letters and digits) stands as a whole token, whatever separates its characters. */
  function wholeTokens({ plain, needle }: WholeToken, after?: RegExp): void {
    // Looked for only where the squeezed text holds it at all: a regular expression per number is slow.
    if (!flat.includes(needle)) return;
    const chars = [...plain].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const token = new RegExp(`(?<![\\p{L}\\p{N}])${chars.join(SEPARATORS)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(token)) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (after && (!after.test(before) || LAW_REFERENCE.test(before))) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, kind: 'sagsnummer' });
    }
  }

  /** A known sagsnummer found at `at` in the squeezed text, unless it is a short law number (»LBK nr. 4711«). */
  function place(at: number, target: string): void {
    const start = squeezed[at] ?? 0;
    const end = (squeezed[at + target.length - 1] ?? start) + 1;
    const lawNumber = target.length < 6 && /^\d+$/.test(target);
    if (lawNumber && LAW_REFERENCE.test(text.slice(Math.max(0, start - 30), start))) return;
    hits.push({ start, end, kind: 'sagsnummer' });
  }
}

/** A known sagsnummer's forms, made once per check (folding every number for every text took most of a check). */
interface PreparedNumber {
  /** Letters and digits, folded. */
  plain: string;
  /** As compared in the squeezed text (sagsnummerKey). */
  target: string;
  /** A short one (»B-7«) is found only as a whole token: inside words and numbers it would be everywhere. */
  wholeOnly: boolean;
  /**
   * Written shorter, each found as a whole token: without the leading zeros of its groups (»SAG-2026-42«, »2026-1«);
   * its serial alone with the zeros (»04711«: a count never starts with 0), or after »sag«/»nr.« without them.
   */
  tokens: WholeToken[];
}

/** A form found only as a whole token; `needle` is how the squeezed text reads it (letters beside digits as digits). */
interface WholeToken {
  plain: string;
  needle: string;
  afterCaseWord: boolean;
}

const wholeToken = (plain: string, afterCaseWord = false): WholeToken => ({
  plain,
  needle: digitLike(plain),
  afterCaseWord,
});

const prepared = new WeakMap<KnownIdentifiers, PreparedNumber[]>();

function preparedNumbers(known: KnownIdentifiers): PreparedNumber[] {
  const cached = prepared.get(known);
  if (cached) return cached;
  const out: PreparedNumber[] = [];
  for (const number of known.sagsnumre) {
    const plain = fold(number).replace(/[^\p{L}\p{N}]/gu, '');
    if (plain.length < 4) {
      // One of digits only (»12«) would be found in every count of the report: left to the six-digit rule.
      if (/\p{N}/u.test(plain) && /\p{L}/u.test(plain))
        out.push({ plain, target: plain, wholeOnly: true, tokens: [wholeToken(plain)] });
      continue;
    }
    const stripped = number.replace(/(?<!\d)0+(?=\d)/g, '');
    const serial = /(\d+)\D*$/.exec(number)?.[1] ?? '';
    const short = serial.replace(/^0+(?=\d)/, '');
    const tokens: PreparedNumber['tokens'] = [];
    if (stripped !== number) tokens.push(wholeToken(fold(stripped).replace(/[^\p{L}\p{N}]/gu, '')));
    if (serial.length >= 4 && serial !== short) tokens.push(wholeToken(serial));
    // The serial alone is the sagsnummer's only when the number has more than it (letters or other digits).
    if (short.length >= 3 && (serial !== number.replace(/\D/g, '') || /\p{L}/u.test(number)))
      tokens.push(wholeToken(short, true));
    out.push({ plain, target: sagsnummerKey(number), wholeOnly: false, tokens });
  }
  prepared.set(known, out);
  return out;
}

/**
 * A sagsnummer as the check compares it: folded, letters and digits only, letters that stand for digits as digits.
 * The one definition, also for the hashes kept after case data is deleted.
 */
export function sagsnummerKey(number: string): string {
  return digitLike(fold(number).replace(/[^\p{L}\p{N}]/gu, ''));
}

/** A token of two or three letters and digits, separators allowed between (»X88«, »b 7«). */
const SHORT_TOKEN = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[\s\p{Pd}\p{Cf}./_]*[\p{L}\p{N}]){1,2}(?![\p{L}\p{N}])/gu;

/** A word that names a case just before a number: »sag 4711«, »sagsnr. 4711«, »j.nr. 4711«, »nr. 4711«. */
const CASE_WORD =
  /(?<!\p{L})(sag(en|s|snr\.?|snummer(et)?)?|j\.?\s?nr\.?|journal(nr\.?|nummer)|nr\.?|nummer)\s*[(]?\s*$/iu;

/** A law, notice or circular named just before a number: »LBK nr.«, »bekendtgørelse nr.«, »lov nr.«. */
const LAW_REFERENCE =
  /(?<!\p{L})(lbk|bek|lov|lovbekendtg(ø|oe)relse|bekendtg(ø|oe)relse|cirkul(æ|ae)re|vejledning|vejl\.)\s*(nr\.?)?\s*$/iu;
