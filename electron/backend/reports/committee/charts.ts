import { measureBarsSvg, SUPPRESSED_TEXT, trendSvg } from '../../../../shared/charts';
import type { CommitteeReportData, CommitteeTrendPoint } from './report-types';

/** Chart SVGs for the report; each is optional and left out when missing. */
export interface CommitteeCharts {
  /** Every measure's share against its måltal: one chart per part, each small enough for a page. */
  measures?: string[];
  /** The shown measures together, round by round. */
  overallTrend?: string;
  /** Per measure key: its share round by round. */
  trends?: Record<string, string>;
}

/** A bar chart of more measures than this is split: an SVG taller than the page would not be drawn at all. */
const BARS_PER_CHART = 16;

/** The charts for the report, drawn from the report's own (anonymous) data. */
export function committeeCharts(data: CommitteeReportData): CommitteeCharts {
  // The chart library's own "too few" text names a fixed limit: rows it would mislabel are left out of the chart.
  const chartSaysLimit = SUPPRESSED_TEXT === data.suppressedText;
  const rows = data.measures
    .filter((m) => m.status !== 'undertrykt' || chartSaysLimit)
    .map((m) => ({
      label: `${m.number} ${m.text}`,
      share: m.share,
      target: m.target,
      n: m.applicable ?? 0,
      suppressed: m.status === 'undertrykt',
    }));
  const parts: (typeof rows)[] = [];
  const partCount = Math.ceil(rows.length / BARS_PER_CHART);
  const perPart = Math.ceil(rows.length / Math.max(1, partCount));
  for (let i = 0; i < rows.length; i += perPart) parts.push(rows.slice(i, i + perPart));
  const charts: CommitteeCharts = { measures: parts.map((part) => measureBarsSvg(part, { width: 640 })) };
  const dev = data.development;
  if (dev) {
    charts.overallTrend = trendSvg(trendPoints(dev.overall), { width: 640, height: 240 });
    charts.trends = Object.fromEntries(
      dev.measures.map((t) => [t.key, trendSvg(trendPoints(t.points), { width: 320, height: 210, target: t.target })]),
    );
  }
  return charts;
}

function trendPoints(points: readonly CommitteeTrendPoint[]) {
  return points.map((p) => ({ label: p.label, share: p.share, n: p.sager, baseline: p.baseline }));
}
