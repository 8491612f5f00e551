import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatShare } from '../../../../shared/domain/format';
import { BOX_LAYOUT, COLORS, heading, paragraphs } from '../pdf-style';
import { signedPoints } from './development-section';
import type { CommitteeReportData } from './report-types';

export function keyFigure(value: string, label: string): TableCell {
  return {
    stack: [
      { text: value, fontSize: 18, bold: true, color: COLORS.accent },
      { text: label, fontSize: 8.5, color: COLORS.muted, margin: [0, 2, 0, 0] },
    ],
  };
}

/** The row of key figures: sager, the headline share, krav under måltal, and the change since the baseline. */
export function keyFigures(data: CommitteeReportData): Content {
  const withTarget = data.measures.filter((m) => m.status === 'vist' && m.target !== null);
  const below = withTarget.filter((m) => m.belowTarget === true).length;
  const figures: TableCell[] = [
    keyFigure(
      String(data.method.faerdige),
      data.method.faerdige === 1 ? 'sag færdiggennemgået' : 'sager færdiggennemgået',
    ),
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
  return {
    table: { widths: figures.map(() => '*'), body: [figures] },
    layout: { ...BOX_LAYOUT, vLineWidth: (i, node) => (i === 0 || i === node.table.widths?.length ? 0.6 : 0.3) },
    margin: [0, 0, 0, 14],
  };
}

/** The leader's sammenfatning, or a line saying there is none. */
export function summaryText(data: CommitteeReportData): Content[] {
  return data.sammenfatning
    ? paragraphs(data.sammenfatning)
    : [{ text: 'Ledelsen har ikke skrevet en sammenfatning.', style: 'note' }];
}

export function summarySection(data: CommitteeReportData): Content[] {
  return [heading('Sammenfatning', 'h1', 'before'), keyFigures(data), ...summaryText(data)];
}

export function purposeSection(data: CommitteeReportData): Content[] {
  return [
    heading('Formål og fokus'),
    { text: 'Formål', style: 'h3', margin: [0, 0, 0, 3] },
    ...paragraphs(data.formaal),
    ...(data.fokus ? [{ text: 'Fokus', style: 'h3', margin: [0, 4, 0, 3] } as Content, ...paragraphs(data.fokus)] : []),
  ];
}
