/**
 * The one set of Danish number formatters, used by screens, charts, PDFs and Excel alike, so a table and its chart
 * never disagree.
 */

/** A whole number with Danish thousands separators: 1234 → "1.234". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return rounded < 0 ? `-${digits}` : digits;
}

/** A count with its noun in the right number: (1, 'runde', 'runder') → "1 runde", (1200, …) → "1.200 runder". */
export function formatCountOf(value: number, one: string, many: string): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

/**
 * A percentage the Danish way, with at most one decimal and a space before the sign:
 * 75 → "75 %", 66.666 → "66,7 %". A value just under 100 never rounds up to "100 %" (99.96 → "99,9 %"),
 * so a chart cannot claim full compliance that is not there; the same holds just above 0.
 */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return '–';
  let tenths = Math.round(percent * 10);
  if (tenths === 1000 && percent < 100) tenths = 999;
  if (tenths === 0 && percent > 0) tenths = 1;
  const whole = Math.trunc(tenths / 10);
  const decimal = Math.abs(tenths % 10);
  const sign = tenths < 0 && whole === 0 ? '-' : '';
  return decimal === 0 ? `${sign}${whole} %` : `${sign}${whole},${decimal} %`;
}

/** A share 0..1 as a Danish percentage: 0.75 → "75 %"; no share (nothing to count) → "–". */
export function formatShare(share: number | null): string {
  return share === null ? '–' : formatPercent(share * 100);
}

/** A number with at most one decimal, the Danish way: 10.25 → "10,3", 24 → "24"; no number → "–". */
export function formatDecimal(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const tenths = Math.round(value * 10);
  const whole = formatCount(Math.trunc(tenths / 10));
  const decimal = Math.abs(tenths % 10);
  const sign = tenths < 0 && Math.trunc(tenths / 10) === 0 ? '-' : '';
  return decimal === 0 ? `${sign}${whole}` : `${sign}${whole},${decimal}`;
}

/** »sager« → »Sager«: a word at the start of a heading or a sentence. */
export const capitalFirst = (text: string) => text.charAt(0).toLocaleUpperCase('da') + text.slice(1);

/** »A«, »A og B«, »A, B og C«: a list in a Danish sentence. */
export function listInDanish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`;
}

const graphemes = new Intl.Segmenter('da', { granularity: 'grapheme' });

/**
 * At most `max` characters as a reader counts them (an emoji, a letter with its accent: one each), ended with an
 * ellipsis when anything was cut, and never cut inside one: half an emoji made the Udvikling chart throw and the
 * Resultater screen go blank (found by an attack).
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  if (parts.length <= max) return text;
  const kept = parts.slice(0, max - 1).join('');
  return `${kept.trimEnd()}…`;
}
