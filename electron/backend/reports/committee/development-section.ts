import type { Column, Content, ContentStack, TableCell } from 'pdfmake/interfaces';
import { formatCount, formatPercent, formatShare } from '../../../../shared/domain/format';
import { CONTENT_WIDTH, heading, TABLE_LAYOUT } from '../pdf-style';
import type { CommitteeCharts } from './charts';
import type { CommitteeReportData, CommitteeTrend, CommitteeTrendPoint } from './report-types';

const TREND_COLUMN_GAP = 14;
const TREND_WIDTH = (CONTENT_WIDTH - TREND_COLUMN_GAP) / 2;

/** A change in percentage points with its sign: "+4,2", "−3", "±0". */
export function signedPoints(diff: number): string {
  const rounded = Math.round(diff * 10) / 10;
  const text = Number.isInteger(rounded) ? String(Math.abs(rounded)) : Math.abs(rounded).toFixed(1).replace('.', ',');
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${text}`;
}

function overallRoundsTable(points: readonly CommitteeTrendPoint[]): Content {
  const header: TableCell[] = ['Runde', 'Opfyldt', 'Andel', ''].map((t, i) => ({
    text: t,
    style: 'tableHeader',
    alignment: i === 0 || i === 3 ? 'left' : 'right',
  }));
  const body: TableCell[][] = [
    header,
    ...points.map((p): TableCell[] => [
      { text: p.label, style: 'tableCell', bold: p.current },
      {
        text: `${formatCount(p.met)} af ${formatCount(p.applicable)}`,
        style: 'tableCell',
        alignment: 'right',
      },
      { text: formatShare(p.share), style: 'tableCell', alignment: 'right', bold: true },
      {
        text: [p.baseline ? 'Baseline' : '', p.current ? 'Denne runde' : ''].filter(Boolean).join(', '),
        style: 'small',
      },
    ]),
  ];
  return {
    table: { headerRows: 1, widths: [130, 80, 50, '*'], body },
    layout: TABLE_LAYOUT,
    margin: [0, 0, 0, 10],
  };
}

/**
 * A krav's change is counted from its own baseline: the first baseline round that had the krav (a themed baseline
 * may have covered only some themes, issue #14), else its first round.
 */
function trendBlock(t: CommitteeTrend, svg: string | undefined): ContentStack {
  const last = t.points.at(-1);
  const base = t.points.find((p) => p.baseline && !p.current);
  const from = base ?? t.points[0];
  const since = base ? 'siden baseline' : from ? `siden ${from.label}` : '';
  const change = last && from ? `${signedPoints((last.share - from.share) * 100)} procentpoint` : '';
  return {
    stack: [
      { text: [{ text: `${t.number}  `, bold: true }, t.text], fontSize: 9, bold: false, margin: [0, 0, 0, 2] },
      // Two lines in every block, so the charts side by side stand level.
      { text: `Ændring ${since}: ${change}`, style: 'small' },
      {
        text: t.target === null ? 'Uden måltal' : `Måltal ${formatPercent(t.target)}`,
        style: 'small',
        margin: [0, 0, 0, 4],
      },
      svg
        ? { svg, width: TREND_WIDTH }
        : {
            text: t.points.map((p) => `${p.label}: ${formatShare(p.share)}`).join(' · '),
            style: 'tableCell',
          },
    ],
    unbreakable: true,
    margin: [0, 0, 0, 12],
  };
}

export function developmentSection(data: CommitteeReportData, charts: CommitteeCharts): Content[] {
  const dev = data.development;
  if (!dev) return [];
  const earlier = dev.rounds - 1;
  const intro =
    `Resultaterne sammenlignes med ${earlier === 1 ? 'én tidligere runde' : `${earlier} tidligere runder`} af ` +
    'samme skabelon. ' +
    (dev.baselineLabel
      ? `Runden ${dev.baselineLabel} er baseline: den måling, de følgende runder sammenlignes med.`
      : 'Ingen runde er markeret som baseline.');
  const out: Content[] = [
    heading('Udvikling', 'h1', 'before'),
    { text: intro, style: 'body', margin: [0, 0, 0, 8] },
    { text: 'Alle viste krav samlet', style: 'h3', margin: [0, 4, 0, 4] },
    overallRoundsTable(dev.overall),
  ];
  if (charts.overallTrend) out.push({ svg: charts.overallTrend, width: CONTENT_WIDTH, margin: [0, 0, 0, 8] });
  if (dev.measures.length > 0) {
    out.push(heading('Udvikling pr. krav', 'h2'));
    out.push({
      text:
        'Kun krav, der kan sammenlignes over mindst to runder, vises. Firkanten markerer baseline. ' +
        `Runder, hvor kravet var relevant i færre end ${data.minCell} sager, er udeladt.`,
      style: 'small',
      margin: [0, 0, 0, 8],
    });
    for (let i = 0; i < dev.measures.length; i += 2) {
      const pair = dev.measures.slice(i, i + 2);
      out.push({
        columns: pair.map((t): Column => ({ ...trendBlock(t, charts.trends?.[t.key]), width: TREND_WIDTH })),
        columnGap: TREND_COLUMN_GAP,
      });
    }
  }
  return out;
}
