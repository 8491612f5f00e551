import type { TrendPoint } from '../../../../shared/domain/results';
import type {
  CommitteeDevelopment,
  CommitteeMeasure,
  CommitteeReportInput,
  CommitteeTrend,
  CommitteeTrendPoint,
} from './report-types';

/** The committee report's development across rounds of the same template. PURE, like the rest of the builder. */

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "1. kvt. 2026" for a calendar quarter, "2026" for a year, "1. halvår 2026", "marts 2026"; else by periodeTil. */
export function roundLabel(periodeFra: string, periodeTil: string): string {
  const [fy, fm, fd] = periodeFra.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = periodeTil.split('-').map(Number) as [number, number, number];
  const wholeMonths = fd === 1 && td === lastDayOf(ty, tm) && fy === ty;
  const months = tm - fm + 1;
  if (wholeMonths && fm === 1 && tm === 12) return String(ty);
  if (wholeMonths && months === 6 && (fm === 1 || fm === 7)) return `${fm === 1 ? 1 : 2}. halvår ${ty}`;
  if (wholeMonths && months === 1) return `${MONTHS[tm - 1]} ${ty}`;
  return `${Math.floor((tm - 1) / 3) + 1}. kvt. ${ty}`;
}

/** The rounds compared, each measure's points and the rounds' totals; null unless two rounds can be shown. */
export function development(
  input: CommitteeReportInput,
  measures: readonly CommitteeMeasure[],
  minCell: number,
): CommitteeDevelopment | null {
  // The rounds, oldest first, as the trends order them.
  const rounds = new Map<number, TrendPoint>();
  for (const points of Object.values(input.trends)) for (const p of points) rounds.set(p.tilsynId, p);
  const ordered = [...rounds.values()].sort(
    (a, b) =>
      a.periodeTil.localeCompare(b.periodeTil) || a.periodeFra.localeCompare(b.periodeFra) || a.tilsynId - b.tilsynId,
  );
  // One label per round: the period's name, or the round's title where two rounds share a period name.
  const byPeriod = new Map<string, number>();
  for (const r of ordered) {
    const l = roundLabel(r.periodeFra, r.periodeTil);
    byPeriod.set(l, (byPeriod.get(l) ?? 0) + 1);
  }
  const labelOf = (p: Pick<TrendPoint, 'periodeFra' | 'periodeTil' | 'titel'>) => {
    const l = roundLabel(p.periodeFra, p.periodeTil);
    return (byPeriod.get(l) ?? 0) > 1 ? p.titel : l;
  };
  const point = (r: TrendPoint, met: number, applicable: number, sager: number): CommitteeTrendPoint => ({
    label: labelOf(r),
    share: met / applicable,
    met,
    applicable,
    sager,
    baseline: r.baseline,
    current: r.tilsynId === input.tilsyn.id,
  });

  // A round where a measure applied in fewer than minCell sager leaves no point for it, and does not count in that
  // round's total either: the total of the shown points is all a reader can add up, so nothing can be subtracted.
  const shownPoints = (key: string) => (input.trends[key] ?? []).filter((p) => p.applicable >= minCell);
  const perMeasure = measures.map((m) => ({ m, points: shownPoints(m.key) }));

  const overall = ordered.flatMap((r) => {
    let met = 0;
    let applicable = 0;
    for (const { points } of perMeasure) {
      const p = points.find((x) => x.tilsynId === r.tilsynId);
      if (!p) continue;
      met += p.met;
      applicable += p.applicable;
    }
    // n of a round's total is its sager, as everywhere: the round's own, from its total point.
    const sager = (input.trends['*'] ?? []).find((x) => x.tilsynId === r.tilsynId)?.sager ?? r.sager;
    return applicable > 0 ? [point(r, met, applicable, sager)] : [];
  });
  if (overall.length < 2) return null;

  const trendMeasures: CommitteeTrend[] = perMeasure.flatMap(({ m, points }) =>
    points.length < 2
      ? []
      : [
          {
            key: m.key,
            number: m.number,
            text: m.text,
            target: m.target,
            points: points.map((p) => point(p, p.met, p.applicable, p.sager)),
          },
        ],
  );
  const baseline = ordered.find((r) => r.baseline);
  return {
    overall,
    measures: trendMeasures,
    baselineLabel: baseline ? labelOf(baseline) : null,
    rounds: overall.length,
  };
}
