import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CommitteeFormat } from '../../../../shared/domain/reports';
import { safeFileName, titlePart } from '../file-name';
import { reportDocument } from '../pdf-style';
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
  return {
    ...reportDocument({
      title,
      subject: 'Ledelsestilsyn: resultater til udvalget',
      kommune: data.kommune,
      forvaltning: data.forvaltning,
      footer: title.replace(/^Ledelsestilsyn: /, 'Ledelsestilsyn '),
    }),
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
