import type {
  Column,
  Content,
  ContentImage,
  ContentStack,
  ContentSvg,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { measureBarsSvg, SUPPRESSED_TEXT, trendSvg } from '../../../shared/charts';
import { formatCount, formatPercent, formatShare } from '../../../shared/domain/format';
import type {
  CommitteeGroup,
  CommitteeMeasure,
  CommitteeReportData,
  CommitteeTrend,
  CommitteeTrendPoint,
} from './committee-data';
import {
  BOX_LAYOUT,
  COLORS,
  CONTENT_WIDTH,
  DEFAULT_STYLE,
  danishDate,
  danishPeriod,
  heading,
  keepHeadingsWithContent,
  PAGE_MARGINS,
  PAGE_SIZE,
  PLAIN_LAYOUT,
  pageFooter,
  paragraphs,
  rule,
  STYLES,
  TABLE_LAYOUT,
} from './pdf-style';

/**
 * The committee report as a pdfmake document: a municipal agenda annex (dagsordensbilag). PURE: it only arranges
 * CommitteeReportData (aggregates and the leader's scrubbed texts) and, optionally, chart SVGs made from the same
 * data. Readable in black and white: "Under måltal" is written out, never shown by colour alone.
 */

/** Chart SVGs for the report; each is optional and left out when missing. */
export interface CommitteeCharts {
  /** Every measure's share against its måltal: one chart per part, each small enough for a page. */
  measures?: string[];
  /** The shown measures together, round by round. */
  overallTrend?: string;
  /** Per measure key: its share round by round. */
  trends?: Record<string, string>;
}

const TREND_COLUMN_GAP = 14;
/** A bar chart of more measures than this is split: an SVG taller than the page would not be drawn at all. */
const BARS_PER_CHART = 16;
const TREND_WIDTH = (CONTENT_WIDTH - TREND_COLUMN_GAP) / 2;

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
  return points.map((p) => ({ label: p.label, share: p.share, n: p.applicable, baseline: p.baseline }));
}

/** At most `max` characters, cut at a word with an ellipsis. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** "Ledelsestilsyn: Børnesamtaler" — without doubling a title that already says Ledelsestilsyn. */
export function reportTitle(title: string): string {
  return /^ledelsestilsyn\b/i.test(title.trim()) ? title.trim() : `Ledelsestilsyn: ${title.trim()}`;
}

/** "Ledelsestilsyn 1. kvartal 2026 – udvalg.pdf" with characters file systems refuse replaced. */
export function committeeFileName(title: string): string {
  const base = /^ledelsestilsyn\b/i.test(title.trim()) ? title.trim() : `Ledelsestilsyn ${title.trim()}`;
  const safe = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names.
    .replace(/[\u0000-\u001f\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[. ]+$/, '')
    .slice(0, 150)
    .trim();
  return `${safe || 'Ledelsestilsyn'} – udvalg.pdf`;
}

export function committeeDocDefinition(data: CommitteeReportData, charts: CommitteeCharts = {}): TDocumentDefinitions {
  const title = reportTitle(data.title);
  const footerLeft = [data.kommune, shorten(title.replace(/^Ledelsestilsyn: /, 'Ledelsestilsyn '), 70)]
    .filter(Boolean)
    .join(' · ');
  return {
    pageSize: PAGE_SIZE,
    pageMargins: PAGE_MARGINS,
    info: {
      title,
      author: [data.kommune, data.forvaltning].filter(Boolean).join(', ') || 'Tilsyn',
      subject: 'Ledelsestilsyn: resultater til udvalget',
      creator: 'Tilsyn',
      producer: 'Tilsyn',
    },
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    footer: pageFooter(footerLeft),
    pageBreakBefore: keepHeadingsWithContent,
    content: [
      frontPage(data, title),
      ...summarySection(data),
      ...purposeSection(data),
      ...methodSection(data),
      ...resultsSection(data, charts),
      ...groupsSection(data),
      ...developmentSection(data, charts),
      ...planSection(data),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Front page

/** A logo data URL as pdfmake content: PNG and JPEG as images, SVG as vector. */
function logoContent(logo: string | null): ContentImage | ContentSvg | null {
  if (!logo) return null;
  const svg = /^data:image\/svg\+xml;base64,(.+)$/.exec(logo);
  if (svg?.[1]) {
    try {
      const bytes = Uint8Array.from(atob(svg[1]), (c) => c.charCodeAt(0));
      return { svg: new TextDecoder().decode(bytes), fit: [120, 60] };
    } catch {
      return null;
    }
  }
  return /^data:image\/(png|jpeg);base64,/.test(logo) ? { image: logo, fit: [120, 60] } : null;
}

function frontPage(data: CommitteeReportData, title: string): Content {
  const logo = logoContent(data.logo);
  const sender: Content = {
    stack: [
      { text: data.kommune || ' ', fontSize: 12, bold: true, color: COLORS.accent },
      ...(data.forvaltning ? [{ text: data.forvaltning, fontSize: 10, color: COLORS.muted }] : []),
    ],
    alignment: logo ? 'right' : 'left',
  };
  const facts: [string, string][] = [
    ['Periode', danishPeriod(data.periode.from, data.periode.to)],
    ['Enhed', data.enhed],
    ['Spørgeramme', data.method.template],
    ['Sager i stikprøven', `${data.method.counted}`],
    ['Udarbejdet', danishDate(data.generated)],
  ];
  return {
    stack: [
      logo
        ? { columns: [{ stack: [logo], width: 'auto' }, { ...sender, width: '*' } as Column], columnGap: 20 }
        : sender,
      rule([0, 10, 0, 0]),
      { text: 'RAPPORT TIL DET POLITISKE UDVALG', style: 'label', color: COLORS.accent, margin: [0, 150, 0, 8] },
      { text: title, fontSize: 26, bold: true, color: COLORS.accent, lineHeight: 1.1, margin: [0, 0, 0, 8] },
      { text: danishPeriod(data.periode.from, data.periode.to), fontSize: 14, color: COLORS.text },
      { text: data.enhed, fontSize: 12, color: COLORS.muted, margin: [0, 4, 0, 0] },
      rule([0, 28, 0, 10]),
      {
        table: {
          widths: [120, '*'],
          body: facts.map(([k, v]) => [
            { text: k, style: 'label' },
            { text: v, fontSize: 10 },
          ]),
        },
        layout: PLAIN_LAYOUT,
      },
      {
        absolutePosition: { x: PAGE_MARGINS[0], y: 842 - PAGE_MARGINS[3] - 78 },
        table: {
          widths: [CONTENT_WIDTH - 20],
          body: [
            [
              {
                stack: [
                  { text: 'Offentlig rapport', bold: true, fontSize: 9, margin: [0, 0, 0, 2] },
                  {
                    text:
                      'Rapporten indeholder kun samlede resultater: ingen sagsnumre, navne eller oplysninger om ' +
                      `enkelte sager eller sagsbehandlere. Krav, der var relevante i færre end ${data.minCell} sager, ` +
                      'vises uden tal.',
                    fontSize: 8.5,
                    color: COLORS.muted,
                  },
                ],
              },
            ],
          ],
        },
        layout: BOX_LAYOUT,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Summary, purpose, method

function keyFigure(value: string, label: string): TableCell {
  return {
    stack: [
      { text: value, fontSize: 18, bold: true, color: COLORS.accent },
      { text: label, fontSize: 8.5, color: COLORS.muted, margin: [0, 2, 0, 0] },
    ],
  };
}

function signedPoints(diff: number): string {
  const rounded = Math.round(diff * 10) / 10;
  const text = Number.isInteger(rounded) ? String(Math.abs(rounded)) : Math.abs(rounded).toFixed(1).replace('.', ',');
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${text}`;
}

function summarySection(data: CommitteeReportData): Content[] {
  const withTarget = data.measures.filter((m) => m.status === 'vist' && m.target !== null);
  const below = withTarget.filter((m) => m.belowTarget === true).length;
  const figures: TableCell[] = [
    keyFigure(String(data.method.faerdige), 'sager færdiggennemgået'),
    keyFigure(formatShare(data.overall.share), 'samlet målopfyldelse (alle viste krav)'),
    keyFigure(`${below} af ${withTarget.length}`, 'krav med måltal ligger under måltallet'),
  ];
  const dev = data.development;
  const baseline = dev?.overall.find((p) => p.baseline && !p.current);
  const current = dev?.overall.find((p) => p.current);
  if (baseline && current) {
    figures.push(
      keyFigure(
        signedPoints((current.share - baseline.share) * 100),
        `procentpoint siden baseline (${baseline.label})`,
      ),
    );
  }
  return [
    heading('Sammenfatning', 'h1', 'before'),
    {
      table: { widths: figures.map(() => '*'), body: [figures] },
      layout: { ...BOX_LAYOUT, vLineWidth: (i, node) => (i === 0 || i === node.table.widths?.length ? 0.6 : 0.3) },
      margin: [0, 0, 0, 14],
    },
    ...(data.sammenfatning
      ? paragraphs(data.sammenfatning)
      : [{ text: 'Ledelsen har ikke skrevet en sammenfatning.', style: 'note' } as Content]),
  ];
}

function purposeSection(data: CommitteeReportData): Content[] {
  return [
    heading('Formål og fokus'),
    { text: 'Formål', style: 'h3', margin: [0, 0, 0, 3] },
    ...paragraphs(data.formaal),
    ...(data.fokus ? [{ text: 'Fokus', style: 'h3', margin: [0, 4, 0, 3] } as Content, ...paragraphs(data.fokus)] : []),
  ];
}

function methodSection(data: CommitteeReportData): Content[] {
  const m = data.method;
  const sager = (n: number) => `${formatCount(n)} ${n === 1 ? 'sag' : 'sager'}`;
  const why = m.exclusions.map((e) => (m.exclusions.length > 1 ? `${e.reason}: ${e.count}` : e.reason)).join(', ');
  const spares =
    m.replacedBySpare === 0
      ? 'og tæller ikke med'
      : m.replacedBySpare === m.udgaaede
        ? `og er erstattet af ${m.udgaaede === 1 ? 'en reservesag' : 'reservesager'} fra stikprøven`
        : `; ${m.replacedBySpare} af dem er erstattet af reservesager`;
  const reviewed =
    m.udgaaede > 0
      ? `${sager(m.counted)}, ${m.faerdige === m.counted ? 'alle' : `heraf ${m.faerdige}`} færdiggennemgået. ` +
        `${sager(m.udgaaede)} udgik af stikprøven` +
        `${why ? ` (${why.toLowerCase()})` : ''} ${spares}.`
      : m.faerdige === m.counted
        ? `${sager(m.counted)}, alle færdiggennemgået.`
        : `${sager(m.counted)}, heraf ${m.faerdige} færdiggennemgået.`;
  const rows: [string, string][] = [
    ['Tilsynsform', `${m.reviewForm}. ${m.reviewFormDescription}`],
    ['Spørgeramme', m.template],
    ['Sagsliste', `${sager(m.populationCount)} i alt`],
    ...(m.afterFilters !== m.populationCount
      ? ([['Efter afgrænsning', sager(m.afterFilters)]] as [string, string][])
      : []),
    ['Stikprøve', `${sager(m.sampleSize)} udtrukket ${danishDate(m.drawnAt)}`],
    ['Udtrækning', m.drawnHow],
    ['Gennemgået', reviewed],
    ...(m.reviewedBetween
      ? ([
          [
            'Gennemgangsperiode',
            m.reviewedBetween.from === m.reviewedBetween.to
              ? danishDate(m.reviewedBetween.from)
              : danishPeriod(m.reviewedBetween.from, m.reviewedBetween.to),
          ],
        ] as [string, string][])
      : []),
  ];
  const provisional =
    m.faerdige < m.counted
      ? [
          {
            text: `Bemærk: ${sager(m.counted - m.faerdige)} er endnu ikke færdiggennemgået; resultaterne er foreløbige.`,
            bold: true,
            margin: [0, 6, 0, 0],
          } as Content,
        ]
      : [];
  return [
    heading('Metode'),
    {
      text:
        `Ledelsen har gennemgået en tilfældig stikprøve af ${sager(m.counted)} fra enhedens sagsliste med ` +
        `${sager(m.populationCount)} og vurderet hver sag ud fra en fast spørgeramme.`,
      style: 'body',
      margin: [0, 0, 0, 8],
    },
    {
      table: {
        widths: [110, '*'],
        body: rows.map(([k, v]) => [
          { text: k, style: 'label', margin: [0, 1, 0, 0] },
          { text: v, fontSize: 9.5 },
        ]),
      },
      layout: { ...PLAIN_LAYOUT, paddingTop: () => 3, paddingBottom: () => 3 },
    },
    ...provisional,
    { text: 'Sådan læses resultaterne', style: 'h3' },
    {
      ul: [
        'Et krav tæller kun i de sager, hvor det var relevant. Svaret »Ikke relevant« indgår ikke i beregningen.',
        '»Delvist opfyldt« tæller som ikke opfyldt.',
        'Måltallet er den andel af sagerne, som ledelsen forventer opfylder kravet.',
        `Krav, der var relevante i færre end ${data.minCell} sager, vises uden tal, så ingen enkeltsag eller ` +
          'medarbejder kan genkendes.',
        'Krav, der var relevante i under 10 sager, er markeret »Få sager«: én sag flytter andelen meget.',
      ],
      fontSize: 9.5,
      margin: [0, 0, 0, 0],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Results

function requirementCell(m: CommitteeMeasure): TableCell {
  return {
    stack: [
      { text: [{ text: `${m.number}  `, bold: true }, m.text], style: 'tableCell' },
      { text: m.categoryLabel, style: 'small', margin: [0, 2, 0, 0] },
    ],
  };
}

function resultCell(m: CommitteeMeasure): TableCell {
  if (m.status === 'undertrykt') return { text: m.resultText, style: 'note' };
  const tags: Content[] = [];
  if (m.belowTarget === true) tags.push({ text: 'Under måltal', bold: true, fontSize: 8.5, margin: [0, 3, 0, 0] });
  if (m.belowTarget === false)
    tags.push({ text: 'Måltal nået', fontSize: 8.5, color: COLORS.muted, margin: [0, 3, 0, 0] });
  if (m.smallN) tags.push({ text: 'Få sager', style: 'note', margin: [0, 2, 0, 0] });
  return { stack: [{ text: m.resultText, style: 'tableCell' }, ...tags] };
}

function assessmentCell(m: CommitteeMeasure): TableCell {
  const parts: Content[] = [];
  if (m.vurdering) parts.push({ text: m.vurdering, style: 'tableCell' });
  if (m.plan) parts.push({ text: [{ text: 'Plan: ', bold: true }, m.plan], style: 'tableCell', margin: [0, 3, 0, 0] });
  const who = [m.ansvarlig && `Ansvarlig: ${m.ansvarlig}`, m.frist && `Frist: ${danishDate(m.frist)}`].filter(Boolean);
  if (who.length > 0) parts.push({ text: who.join(' · '), style: 'small', margin: [0, 3, 0, 0] });
  return parts.length > 0 ? { stack: parts } : { text: '–', style: 'tableCell', color: COLORS.muted };
}

function resultsSection(data: CommitteeReportData, charts: CommitteeCharts): Content[] {
  const header: TableCell[] = ['Krav', 'Måltal', 'Resultat', 'Ledelsens vurdering og plan'].map((t) => ({
    text: t,
    style: 'tableHeader',
  }));
  const body: TableCell[][] = [header];
  let section = '';
  for (const m of data.measures) {
    if (m.sectionTitle !== section) {
      section = m.sectionTitle;
      body.push([
        { text: section, bold: true, fontSize: 9.5, colSpan: 4, fillColor: COLORS.bandFill, color: COLORS.accent },
        {},
        {},
        {},
      ]);
    }
    body.push([
      requirementCell(m),
      { text: m.target === null ? '–' : formatPercent(m.target), style: 'tableCell', alignment: 'right' },
      resultCell(m),
      assessmentCell(m),
    ]);
  }
  const out: Content[] = [
    heading('Resultater', 'h1', 'before'),
    {
      text:
        'Tabellen viser for hvert krav måltallet, resultatet i stikprøven og ledelsens vurdering og plan. ' +
        'Krav, hvor resultatet ligger under måltallet, er markeret »Under måltal«.',
      style: 'body',
      margin: [0, 0, 0, 8],
    },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['29%', 40, '22%', '*'], body },
      layout: TABLE_LAYOUT,
    },
  ];
  const bars = charts.measures ?? [];
  bars.forEach((svg, i) => {
    const first: Content[] =
      i === 0
        ? [
            heading('Målopfyldelse pr. krav'),
            {
              text:
                'Andelen af de relevante sager, der opfylder kravet. Den stiplede streg er måltallet; skraverede ' +
                'søjler ligger under måltallet. n er antallet af sager, hvor kravet var relevant.',
              style: 'small',
              margin: [0, 0, 0, 6],
            },
          ]
        : [{ text: `Målopfyldelse pr. krav (fortsat, ${i + 1} af ${bars.length})`, style: 'h3', margin: [0, 8, 0, 4] }];
    out.push({ stack: [...first, { svg, width: CONTENT_WIDTH }], unbreakable: true });
  });
  if (
    bars.length > 0 &&
    SUPPRESSED_TEXT !== data.suppressedText &&
    data.measures.some((m) => m.status === 'undertrykt')
  ) {
    out.push({
      text: `Krav, der var relevante i færre end ${data.minCell} sager, er ikke med i figuren.`,
      style: 'note',
    });
  }
  return out;
}

function groupRow(g: CommitteeGroup, bold = false): TableCell[] {
  return [
    { text: g.label, style: 'tableCell', bold },
    {
      text: g.measuresShown === g.measuresTotal ? `${g.measuresTotal}` : `${g.measuresShown} af ${g.measuresTotal}`,
      style: 'tableCell',
      alignment: 'right',
      bold,
    },
    {
      text: g.met === null || g.applicable === null ? '–' : `${formatCount(g.met)} af ${formatCount(g.applicable)}`,
      style: 'tableCell',
      alignment: 'right',
      bold,
    },
    { text: formatShare(g.share), style: 'tableCell', alignment: 'right', bold: true },
    { text: String(g.belowTarget), style: 'tableCell', alignment: 'right', bold },
  ];
}

function groupTable(title: string, groups: readonly CommitteeGroup[], total?: CommitteeGroup): Content {
  const header: TableCell[] = [title, 'Krav vist', 'Opfyldt', 'Andel', 'Under måltal'].map((t, i) => ({
    text: t,
    style: 'tableHeader',
    alignment: i === 0 ? 'left' : 'right',
  }));
  const body: TableCell[][] = [header, ...groups.map((g) => groupRow(g)), ...(total ? [groupRow(total, true)] : [])];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['*', 55, 80, 50, 60], body },
    layout: {
      ...TABLE_LAYOUT,
      hLineWidth: (i, node) =>
        total && i === node.table.body.length - 1 ? 0.8 : (TABLE_LAYOUT.hLineWidth?.(i, node) ?? 0.4),
      hLineColor: (i, node) =>
        total && i === node.table.body.length - 1
          ? COLORS.rule
          : typeof TABLE_LAYOUT.hLineColor === 'function'
            ? TABLE_LAYOUT.hLineColor(i, node, 0)
            : COLORS.hairline,
    },
    margin: [0, 0, 0, 10],
  };
}

function groupsSection(data: CommitteeReportData): Content[] {
  const hidden = data.measures.filter((m) => m.status === 'undertrykt').length;
  return [
    {
      stack: [
        heading('Resultater pr. afsnit og kategori'),
        {
          text:
            '»Opfyldt« tæller vurderinger: én for hver sag, hvor et krav var relevant. ' +
            (hidden > 0
              ? `${hidden} krav, der var relevant${hidden === 1 ? '' : 'e'} i færre end ${data.minCell} sager, ` +
                'indgår ikke i tallene.'
              : ''),
          style: 'small',
          margin: [0, 0, 0, 6],
        },
        groupTable('Afsnit', data.sections),
      ],
      unbreakable: true,
    },
    { stack: [groupTable('Kategori', data.categories, data.overall)], unbreakable: true },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Development

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

function trendBlock(t: CommitteeTrend, svg: string | undefined): ContentStack {
  const last = t.points.at(-1);
  const first = t.points[0];
  const change = last && first ? `${signedPoints((last.share - first.share) * 100)} procentpoint` : '';
  return {
    stack: [
      { text: [{ text: `${t.number}  `, bold: true }, t.text], fontSize: 9, bold: false, margin: [0, 0, 0, 2] },
      {
        text: `Ændring: ${change}${t.target === null ? '' : ` · måltal ${formatPercent(t.target)}`}`,
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

function developmentSection(data: CommitteeReportData, charts: CommitteeCharts): Content[] {
  const dev = data.development;
  if (!dev) return [];
  const earlier = dev.rounds - 1;
  const intro =
    `Resultaterne sammenlignes med ${earlier === 1 ? 'én tidligere runde' : `${earlier} tidligere runder`} af ` +
    'samme spørgeramme. ' +
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

// ---------------------------------------------------------------------------------------------------------------
// Plan

function planSection(data: CommitteeReportData): Content[] {
  const intro: Content = {
    text: 'Krav, hvor resultatet ligger under måltallet, og hvad ledelsen vil gøre for at rette op.',
    style: 'body',
    margin: [0, 0, 0, 8],
  };
  if (data.plan.length === 0) {
    return [
      heading('Handleplan', 'h1'),
      { text: 'Alle krav med måltal er nået. Tilsynet giver ikke anledning til en handleplan.', style: 'body' },
    ];
  }
  const header: TableCell[] = ['Krav', 'Resultat', 'Plan', 'Ansvarlig', 'Frist'].map((t) => ({
    text: t,
    style: 'tableHeader',
  }));
  const body: TableCell[][] = [
    header,
    ...data.plan.map((p): TableCell[] => [
      { text: [{ text: `${p.number}  `, bold: true }, p.text], style: 'tableCell' },
      {
        stack: [
          { text: p.resultText, style: 'tableCell' },
          { text: `Måltal ${formatPercent(p.target)}`, style: 'small', margin: [0, 2, 0, 0] },
        ],
      },
      p.plan ? { text: p.plan, style: 'tableCell' } : { text: 'Ingen plan beskrevet endnu', style: 'note' },
      { text: p.ansvarlig || '–', style: 'tableCell' },
      { text: p.frist ? danishDate(p.frist) : '–', style: 'tableCell', noWrap: true },
    ]),
  ];
  return [
    heading('Handleplan', 'h1'),
    intro,
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['24%', '20%', '*', 70, 52], body },
      layout: TABLE_LAYOUT,
    },
  ];
}
