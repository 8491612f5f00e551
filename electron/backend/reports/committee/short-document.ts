import type { Content, TableCell } from 'pdfmake/interfaces';
import { ACTION_STATUSES, type ActionStatus } from '../../../../shared/domain/findings';
import { formatCount, formatShare } from '../../../../shared/domain/format';
import { COLORS, danishDate, danishPeriod, heading, TABLE_LAYOUT } from '../pdf-style';
import { developmentSection, signedPoints } from './development-section';
import { senderBlock } from './front-page';
import { methodSection } from './method-section';
import { followUpSection, noPlanSentence } from './plan-section';
import { smallGroupRule } from './report-data';
import type { CommitteeMeasure, CommitteeReportData } from './report-types';
import { assessmentCell, groupsSection, requirementCell, resultCell, resultsSection } from './results-section';
import { keyFigures, purposeSection, summaryText } from './summary-section';

/**
 * The short committee report (issue #12): the one or two pages a committee reads (key figures, the sammenfatning,
 * the krav below måltal with ledelsens vurdering and plan, the development, the last plan's follow-up, the method in
 * one paragraph), then the full table and the rest as an appendix. PURE, like the full report.
 */

/** Krav below måltal listed in the short part; the rest are in the appendix's table. */
export const SHORT_BELOW_TARGET = 8;

const sager = (n: number) => `${formatCount(n)} ${n === 1 ? 'sag' : 'sager'}`;

function belowTarget(data: CommitteeReportData): Content[] {
  const below = data.measures
    .filter((m): m is CommitteeMeasure & { share: number; target: number } => m.belowTarget === true)
    // Those with ledelsens words first (the committee reads what is done about them), each group furthest below first.
    .sort(
      (a, b) =>
        Number(!(a.vurdering || a.plan)) - Number(!(b.vurdering || b.plan)) ||
        a.share * 100 - a.target - (b.share * 100 - b.target),
    );
  if (below.length === 0)
    return [heading('Krav under måltal', 'h2'), { text: 'Alle viste krav med måltal er nået.', style: 'body' }];
  const shown = below.slice(0, SHORT_BELOW_TARGET);
  const header: TableCell[] = ['Krav', 'Resultat', 'Ledelsens vurdering og plan'].map((t) => ({
    text: t,
    style: 'tableHeader',
  }));
  const body: TableCell[][] = [
    header,
    ...shown.map((m): TableCell[] => [
      requirementCell(m),
      resultCell(m),
      m.vurdering || m.plan
        ? assessmentCell(m)
        : { text: 'Ledelsen har ikke skrevet vurdering eller plan.', style: 'note' },
    ]),
  ];
  const rest = below.length - shown.length;
  return [
    heading('Krav under måltal', 'h2'),
    {
      text:
        below.length === 1
          ? 'Ét krav ligger under måltallet.'
          : `${below.length} krav ligger under måltallet${rest > 0 ? `; ${shown.length} står her (dem med ledelsens vurdering eller plan først, ellers dem, der ligger længst under), resten i bilaget` : ', længst under først'}.`,
      style: 'body',
      margin: [0, 0, 0, 6],
    },
    { table: { headerRows: 1, dontBreakRows: true, widths: ['34%', '22%', '*'], body }, layout: TABLE_LAYOUT },
  ];
}

function developmentLine(data: CommitteeReportData): Content {
  const points = data.development?.overall ?? [];
  if (points.length < 2)
    return {
      text: 'Det er første runde med denne skabelon, så der er ingen tidligere resultater at sammenligne med.',
      style: 'body',
    };
  const first = points[0];
  const last = points.at(-1);
  const change =
    first && last ? ` Det er ${signedPoints((last.share - first.share) * 100)} procentpoint siden ${first.label}.` : '';
  return {
    text: `Samlet målopfyldelse for de viste krav: ${points.map((p) => `${p.label} ${formatShare(p.share)} (${sager(p.sager)})`).join(' · ')}.${change}`,
    style: 'body',
  };
}

/** A plan's status as counted: »1 åben«, »3 åbne«. */
const STATUS_WORDS: Record<ActionStatus, [string, string]> = {
  aaben: ['åben', 'åbne'],
  i_gang: ['i gang', 'i gang'],
  udfoert: ['udført', 'udført'],
  kan_ikke_udfoeres: ['kan ikke udføres', 'kan ikke udføres'],
};

function followUpLine(data: CommitteeReportData): Content[] {
  const f = data.followUp;
  if (!f) return [];
  const periode = danishPeriod(f.periode.from, f.periode.to);
  if (f.items.length === 0) return [{ text: noPlanSentence(f), style: 'body', margin: [0, 6, 0, 0] }];
  const counts = ACTION_STATUSES.map((s) => [s, f.items.filter((i) => i.state === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${STATUS_WORDS[s][n === 1 ? 0 : 1]}`);
  const overdue = f.items.filter((i) => i.overdue).length;
  const [only] = f.items;
  const text =
    f.items.length === 1 && only
      ? `Opfølgningsplanen fra sidste tilsyn (${periode}) havde én plan; den er ${STATUS_WORDS[only.state][0]}` +
        `${only.overdue ? ', og fristen er overskredet' : ''}. Planen står i bilaget.`
      : `Opfølgningsplanen fra sidste tilsyn (${periode}) havde ${f.items.length} planer: ${counts.join(', ')}` +
        `${overdue > 0 ? `; fristen er overskredet for ${overdue}` : ''}. Planerne står i bilaget.`;
  return [
    {
      text,
      style: 'body',
      margin: [0, 6, 0, 0],
    },
  ];
}

function methodParagraph(data: CommitteeReportData): Content {
  const m = data.method;
  const done = m.faerdige === m.counted ? 'alle færdiggennemgået' : `heraf ${m.faerdige} færdiggennemgået`;
  const sentences = [
    `${m.reviewForm}: ledelsen ${m.faerdige === m.counted ? 'har gennemgået' : 'gennemgår'} en tilfældig stikprøve af ${sager(m.counted)} (${done}) fra enhedens ` +
      `sagsliste med ${sager(m.populationCount)}, ud fra skabelonen ${m.template}.`,
    m.udgaaede > 0 ? `${sager(m.udgaaede)} udgik af stikprøven.` : '',
    m.qualityAssurance ?? '',
    'Et krav tæller kun i de sager, hvor det var relevant, og »Delvist« tæller som ikke opfyldt.',
    smallGroupRule(data.minCell),
    'Metoden står i sin helhed i bilaget.',
  ];
  return {
    text: sentences.filter(Boolean).join(' '),
    style: 'body',
  };
}

/** The short report's content: its first pages, then the appendix. */
export function shortReportContent(data: CommitteeReportData, title: string): Content[] {
  return [
    senderBlock(data),
    { text: 'RAPPORT TIL DET POLITISKE UDVALG', style: 'label', color: COLORS.accent, margin: [0, 14, 0, 4] },
    { text: title, fontSize: 20, bold: true, color: COLORS.accent, lineHeight: 1.1, margin: [0, 0, 0, 4] },
    {
      text: `${danishPeriod(data.periode.from, data.periode.to)} · ${data.enhed} · Udarbejdet ${danishDate(data.generated)}`,
      fontSize: 10,
      color: COLORS.muted,
      margin: [0, 0, 0, 12],
    },
    keyFigures(data),
    heading('Sammenfatning', 'h2'),
    ...summaryText(data),
    ...belowTarget(data),
    heading('Udvikling', 'h2'),
    developmentLine(data),
    ...followUpLine(data),
    heading('Metode', 'h2'),
    methodParagraph(data),
    {
      text:
        'Offentlig rapport: kun samlede resultater, ingen sagsnumre, navne eller oplysninger om enkelte sager eller ' +
        'sagsbehandlere.',
      style: 'note',
      margin: [0, 10, 0, 0],
    },
    // The appendix holds every figure as a table; the charts belong to the full report.
    ...resultsSection(data, {}, 'Bilag: Resultater for alle krav'),
    ...groupsSection(data),
    ...developmentSection(data, {}),
    ...followUpSection(data),
    ...purposeSection(data),
    ...methodSection(data),
  ];
}
