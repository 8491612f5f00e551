import type { Content, TableCell } from 'pdfmake/interfaces';
import { SUPPRESSED_TEXT } from '../../../../shared/charts';
import { formatCount, formatPercent, formatShare } from '../../../../shared/domain/format';
import { lateInWords } from '../../../../shared/domain/results';
import { blockHeading, COLORS, CONTENT_WIDTH, danishDate, heading, TABLE_LAYOUT } from '../pdf-style';
import type { CommitteeCharts } from './charts';
import type { CommitteeGroup, CommitteeMeasure, CommitteeReportData } from './report-types';

export function requirementCell(m: CommitteeMeasure): TableCell {
  return {
    stack: [
      { text: [{ text: `${m.number}  `, bold: true }, m.text], style: 'tableCell' },
      { text: m.categoryLabel, style: 'small', margin: [0, 2, 0, 0] },
    ],
  };
}

/** The måltal, and by when where the enhed's goal has dated steps. */
export function targetCell(m: Pick<CommitteeMeasure, 'target' | 'targetDue'>): TableCell {
  if (m.target === null) return { text: '–', style: 'tableCell', alignment: 'right' };
  const value = { text: formatPercent(m.target), style: 'tableCell', alignment: 'right' } as const;
  if (!m.targetDue) return value;
  const small = { style: 'small', alignment: 'right', noWrap: true } as const;
  return { stack: [value, { text: 'senest', ...small }, { text: danishDate(m.targetDue), ...small, fontSize: 7 }] };
}

export function resultCell(m: CommitteeMeasure): TableCell {
  if (m.status === 'undertrykt') return { text: m.resultText, style: 'note' };
  const tags: Content[] = [];
  if (m.belowTarget === true) tags.push({ text: 'Under måltal', bold: true, fontSize: 8.5, margin: [0, 3, 0, 0] });
  if (m.belowTarget === false)
    tags.push({ text: 'Måltal nået', fontSize: 8.5, color: COLORS.muted, margin: [0, 3, 0, 0] });
  if (m.smallN) tags.push({ text: 'Få sager', style: 'note', margin: [0, 2, 0, 0] });
  if (m.late) tags.push({ text: `${lateInWords(m.late)}.`, style: 'small', margin: [0, 2, 0, 0] });
  return { stack: [{ text: m.resultText, style: 'tableCell' }, ...tags] };
}

export function assessmentCell(m: CommitteeMeasure): TableCell {
  if (m.status === 'undertrykt') {
    return { text: 'Ikke vist (for få sager)', style: 'tableCell', italics: true, color: COLORS.muted };
  }
  const parts: Content[] = [];
  if (m.vurdering) parts.push({ text: m.vurdering, style: 'tableCell' });
  if (m.plan) parts.push({ text: [{ text: 'Plan: ', bold: true }, m.plan], style: 'tableCell', margin: [0, 3, 0, 0] });
  const who = [m.ansvarlig && `Ansvarlig: ${m.ansvarlig}`, m.frist && `Frist: ${danishDate(m.frist)}`].filter(Boolean);
  if (who.length > 0) parts.push({ text: who.join(' · '), style: 'small', margin: [0, 3, 0, 0] });
  return parts.length > 0 ? { stack: parts } : { text: '–', style: 'tableCell', color: COLORS.muted };
}

export function resultsSection(data: CommitteeReportData, charts: CommitteeCharts, title = 'Resultater'): Content[] {
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
    body.push([requirementCell(m), targetCell(m), resultCell(m), assessmentCell(m)]);
  }
  const out: Content[] = [
    heading(title, 'h1', 'before'),
    {
      text:
        'Tabellen viser for hvert krav måltallet, resultatet i stikprøven og ledelsens vurdering og plan. ' +
        'Krav, hvor resultatet ligger under måltallet, er markeret »Under måltal«.',
      style: 'body',
      margin: [0, 0, 0, 8],
    },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['29%', 46, '22%', '*'], body },
      layout: TABLE_LAYOUT,
    },
  ];
  const bars = charts.measures ?? [];
  bars.forEach((svg, i) => {
    const first: Content[] =
      i === 0
        ? [
            blockHeading('Målopfyldelse pr. krav'),
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

export function groupsSection(data: CommitteeReportData): Content[] {
  const hidden = data.measures.filter((m) => m.status === 'undertrykt').length;
  return [
    {
      stack: [
        blockHeading('Resultater pr. afsnit og kategori'),
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
