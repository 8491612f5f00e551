import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CommitteeFormat } from '../../../../shared/domain/reports';
import { safeFileName, titlePart } from '../file-name';
import { DEFAULT_STYLE, keepHeadingsWithContent, PAGE_MARGINS, PAGE_SIZE, pageFooter, STYLES } from '../pdf-style';
import type { CommitteeCharts } from './charts';
import { developmentSection } from './development-section';
import { frontPage } from './front-page';
import { methodSection } from './method-section';
import { followUpSection, planSection } from './plan-section';
import type { CommitteeReportData } from './report-types';
import { groupsSection, resultsSection } from './results-section';
import { shortReportContent } from './short-document';
import { purposeSection, summarySection } from './summary-section';

/**
 * The committee report as a pdfmake document: a municipal agenda annex (dagsordensbilag). PURE: it only arranges
 * CommitteeReportData (aggregates and the leader's checked texts) and, optionally, chart SVGs made from the same
 * data. Readable in black and white: "Under måltal" is written out, never shown by colour alone.
 */

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
  return safeFileName(`${titlePart(base.slice(0, 150)) || 'Ledelsestilsyn'} – udvalg.pdf`);
}

export function committeeDocDefinition(
  data: CommitteeReportData,
  charts: CommitteeCharts = {},
  format: CommitteeFormat = 'fuld',
): TDocumentDefinitions {
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
    content: format === 'kort' ? shortReportContent(data, title) : fullReportContent(data, title, charts),
  };
}

function fullReportContent(data: CommitteeReportData, title: string, charts: CommitteeCharts) {
  return [
    frontPage(data, title),
    ...summarySection(data),
    ...purposeSection(data),
    ...methodSection(data),
    ...resultsSection(data, charts),
    ...groupsSection(data),
    ...developmentSection(data, charts),
    ...followUpSection(data),
    ...planSection(data),
  ];
}
