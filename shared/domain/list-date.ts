import { inYearRange, isoDate, isValidIsoDate } from './dates';

/**
 * The day a sagsliste was taken from the case system, as a first guess for the leader to confirm (issue #19): a
 * date in the file's name (»sagsliste 2026-11-01.csv«, »Udtræk_01.11.2026.xlsx«, »sager20261101.csv«), or a date
 * in the lines above the column headers (»Udtrukket 01-11-2026 08:14«). Two different dates in one place say
 * nothing (»periode 01.01.2026-30.06.2026«): then no guess.
 */
export interface ListDateHint {
  dato: string;
  /** Where it was found, for the leader: »filnavnet« or »linjerne over overskrifterne«. */
  kilde: string;
}

// Digits not part of a longer number on either side.
const YMD = /(?<!\d)(\d{4})[-._ ]?(\d{2})[-._ ]?(\d{2})(?!\d)/g;
const DMY = /(?<!\d)(\d{1,2})[-./ _](\d{1,2})[-./ _](\d{4})(?!\d)/g;

/** Every valid date written in a text, as åååå-mm-dd. */
export function datesIn(text: string): string[] {
  const found = new Set<string>();
  const add = (y: number, m: number, d: number) => {
    if (m < 1 || m > 12 || d < 1 || d > 31) return;
    const iso = isoDate(y, m, d);
    if (isValidIsoDate(iso) && inYearRange(iso)) found.add(iso);
  };
  const plain = text.normalize('NFKC');
  for (const [, y, m, d] of plain.matchAll(YMD)) add(Number(y), Number(m), Number(d));
  for (const [, d, m, y] of plain.matchAll(DMY)) add(Number(y), Number(m), Number(d));
  return [...found];
}

const only = (dates: string[]) => (dates.length === 1 ? dates[0] : undefined);

/** The guess from the file's name and the lines above its headers; none when they give no one date. */
export function listDateHint(fileName: string, preamble: readonly (readonly string[])[]): ListDateHint | null {
  const base = fileName.replace(/\.[A-Za-z]{2,5}$/, '');
  const fromName = only(datesIn(base));
  if (fromName) return { dato: fromName, kilde: 'filnavnet' };
  const fromLines = only(datesIn(preamble.map((r) => r.join(' ')).join('\n')));
  return fromLines ? { dato: fromLines, kilde: 'linjerne over overskrifterne' } : null;
}
