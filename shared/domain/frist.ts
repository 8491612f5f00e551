import { addDays, addMonths, daysBetween, formatDanishDate, isValidIsoDate } from './dates';
import { FRIST_UNIT_LABELS, type Frist, type FristUnit } from './template';

// Kept here for the callers that count a frist's days; the calendar arithmetic itself is in ./dates.
export { daysBetween };

/**
 * The last day of a period counted from `start`. Months are calendar months; where the target month is
 * shorter, the deadline is its last day (4 months from 31 October is 28 or 29 February).
 */
export function addPeriod(start: string, amount: number, unit: FristUnit): string {
  if (unit === 'dage') return addDays(start, amount);
  if (unit === 'uger') return addDays(start, amount * 7);
  return addMonths(start, amount);
}

export function describeLimit(frist: Pick<Frist, 'graense' | 'enhed'>): string {
  if (frist.graense === 1) return { dage: '1 dag', uger: '1 uge', maaneder: '1 måned' }[frist.enhed];
  return `${frist.graense} ${FRIST_UNIT_LABELS[frist.enhed]}`;
}

export type FristResult =
  | { status: 'mangler_dato'; missing: string[]; explanation: string }
  | { status: 'ugyldig'; explanation: string }
  | {
      status: 'opfyldt' | 'ikke_opfyldt';
      /** Days from the `fra` date to the `til` date (negative when `til` came first and that meets the frist). */
      days: number;
      deadline: string;
      /** Days past the deadline; 0 when met. */
      daysLate: number;
      explanation: string;
    };

/** The rule a sag is judged by: the frist's own, or an earlier time's when the `fra` date lies before its end. */
export function ruleFor(
  frist: Frist,
  from: string,
): Pick<Frist, 'graense' | 'enhed' | 'foerOpfylder' | 'kilde'> & {
  earlier: string | null;
} {
  const earlier = [...(frist.tidligereRegler ?? [])]
    .sort((a, b) => a.foer.localeCompare(b.foer))
    .find((r) => from < r.foer);
  return earlier ? { ...earlier, earlier: earlier.foer } : { ...frist, earlier: null };
}

/**
 * Computes a frist from the sag's dates: met when the `til` date lies on or before the deadline.
 * `labels` gives the dates' Danish names for the explanation shown to the reviewer.
 */
export function evaluateFrist(
  frist: Frist,
  dates: Readonly<Record<string, string | undefined>>,
  labels: Readonly<Record<string, string>> = {},
): FristResult {
  const name = (key: string) => labels[key] ?? key;
  const from = dates[frist.fra];
  const to = dates[frist.til];
  const missing = [frist.fra, frist.til].filter((key) => !dates[key]);
  if (missing.length > 0) {
    return {
      status: 'mangler_dato',
      missing,
      explanation: `Fristen kan ikke beregnes: ${missing.map(name).join(' og ')} mangler.`,
    };
  }
  if (!from || !to || !isValidIsoDate(from) || !isValidIsoDate(to)) {
    return { status: 'ugyldig', explanation: 'Fristen kan ikke beregnes: en af datoerne er ugyldig.' };
  }
  const rule = ruleFor(frist, from);
  // Which rule, and from where: »(reglerne før 01.01.2024: SEL § 140)«.
  const source = rule.earlier
    ? ` (reglerne før ${formatDanishDate(rule.earlier)}${rule.kilde ? `: ${rule.kilde}` : ''})`
    : rule.kilde
      ? ` (${rule.kilde})`
      : '';
  const days = daysBetween(from, to);
  const deadline = addPeriod(from, rule.graense, rule.enhed);
  const dayWord = (n: number) => (Math.abs(n) === 1 ? 'dag' : 'dage');
  if (days < 0) {
    if (rule.foerOpfylder)
      return {
        status: 'opfyldt',
        days,
        deadline,
        daysLate: 0,
        explanation: `${name(frist.til)} ${-days} ${dayWord(days)} før ${name(frist.fra).toLowerCase()}; det opfylder fristen${source}.`,
      };
    return {
      status: 'ugyldig',
      explanation: `${name(frist.til)} ligger før ${name(frist.fra).toLowerCase()}; kontrollér datoerne.`,
    };
  }
  const met = to <= deadline;
  const daysLate = met ? 0 : daysBetween(deadline, to);
  return {
    status: met ? 'opfyldt' : 'ikke_opfyldt',
    days,
    deadline,
    daysLate,
    explanation:
      `${name(frist.til)} ${days} ${dayWord(days)} efter ${name(frist.fra).toLowerCase()}; fristen er ` +
      `${describeLimit(rule)}${source}: ${met ? 'opfyldt' : `overskredet med ${daysLate} ${dayWord(daysLate)}`}.`,
  };
}
