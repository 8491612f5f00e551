import { z } from '../zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as yyyy-mm-dd. */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The years a date in a sag, a tilsyn or a rule can have. Outside them a date is a slip of the keyboard (»0025« for
 * 2025): frister computed from it would be nonsense, and JavaScript reads years 0-99 as 1900-1999.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** True when a valid ISO date's year lies in FIRST_YEAR-LAST_YEAR. */
export function inYearRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

export const YEAR_RANGE_MESSAGE = `Året skal ligge mellem ${FIRST_YEAR} og ${LAST_YEAR}`;

/** A zod schema for an ISO date with Danish messages. */
export function isoDateSchema(requiredMessage: string) {
  return (
    z
      .string({ error: requiredMessage })
      .trim()
      .min(1, requiredMessage)
      // Said as the date fields show a date (dd.mm.åååå in Danish), not as it is sent.
      .refine((v) => ISO_DATE.test(v), 'Skriv datoen som dd.mm.åååå')
      .refine((v) => !ISO_DATE.test(v) || isValidIsoDate(v), 'Datoen findes ikke i kalenderen')
      .refine((v) => !ISO_DATE.test(v) || inYearRange(v), YEAR_RANGE_MESSAGE)
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date as åååå-mm-dd (`month` 1–12). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Today's date (or `now`'s) in local time as åååå-mm-dd. */
export function todayIso(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A stored ISO timestamp as its local calendar date; a timestamp that cannot be read keeps its first 10 characters. */
export function localDateOf(timestamp: string): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? timestamp.slice(0, 10) : todayIso(d);
}

const DAY_MS = 86_400_000;

/** Midnight UTC of an ISO date: whole days apart whatever the local daylight-saving changes. */
const utcOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** The ISO date `days` calendar days after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  const d = new Date(utcOf(iso) + days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The ISO date `months` calendar months after `iso` (before, when negative). Where the target month is shorter,
 * the day is its last day: 31.10 + 4 months = 28/29.02, 31.05 − 3 months = 28/29.02.
 */
export function addMonths(iso: string, months: number): string {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return isoDate(year, month, Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month)));
}

/** 2026-03-31 → 31.03.2026, the way Danish case systems print dates. */
/** The months in Danish, and their short forms (»jan«) for narrow columns and charts. */
export const MONTH_NAMES = 'januar februar marts april maj juni juli august september oktober november december'.split(
  ' ',
);
export const MONTH_SHORT = MONTH_NAMES.map((m) => m.slice(0, 3));

/** 'åååå-mm' → »marts 2026«. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${y}`;
}

export function formatDanishDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export function formatDanishPeriod(fromIso: string, toIso: string): string {
  return `${formatDanishDate(fromIso)}–${formatDanishDate(toIso)}`;
}

/** An ISO timestamp (as stored) → "23.11.2026 kl. 18.45" in local time. */
export function formatDanishDateTime(isoTimestamp: string): string {
  const d = new Date(isoTimestamp);
  if (Number.isNaN(d.getTime())) return isoTimestamp;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} kl. ${pad(d.getHours())}.${pad(d.getMinutes())}`;
}

/** A year cut into parts of `months` months (1, 3 or 12): each part's first and last day, in order. */
export function partsOfYear(year: number, months: 1 | 3 | 12): { fra: string; til: string }[] {
  return Array.from({ length: 12 / months }, (_, i) => {
    const first = i * months + 1;
    const last = first + months - 1;
    return { fra: isoDate(year, first, 1), til: isoDate(year, last, daysInMonth(year, last)) };
  });
}
