import type {
  Content,
  CustomTableLayout,
  DynamicContent,
  Node,
  NodeQueries,
  StyleDictionary,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { formatDanishDate, formatDanishPeriod } from '../../../shared/domain/dates';
import { cutText } from '../../../shared/domain/format';

/**
 * The look shared by Tilsyn's PDFs (committee report, feedback notes): A4, Roboto, a restrained palette that
 * reads the same in black and white (meaning is carried by text, weight and lines, never by colour alone), Danish
 * dates and a footer with "Side 1 af 6". Pure: no Node, no pdfmake runtime; only its types.
 */

export const PAGE_SIZE = 'A4' as const;
/** Left, top, right, bottom; the bottom leaves room for the footer. */
export const PAGE_MARGINS: [number, number, number, number] = [50, 50, 50, 60];
/** A4 is 595.28 pt wide. */
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

export const COLORS = {
  text: '#1a1a1a',
  muted: '#555555',
  accent: '#1f3a5f',
  rule: '#8a8f98',
  hairline: '#c9cdd3',
  headerFill: '#e8ebef',
  bandFill: '#f4f5f7',
} as const;

export const STYLES: StyleDictionary = {
  h1: { fontSize: 17, bold: true, color: COLORS.accent, margin: [0, 0, 0, 10] },
  h2: { fontSize: 12.5, bold: true, color: COLORS.accent, margin: [0, 14, 0, 6] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 10, 0, 4] },
  body: { fontSize: 10, lineHeight: 1.25 },
  small: { fontSize: 8.5, color: COLORS.muted },
  note: { fontSize: 8.5, italics: true, color: COLORS.muted },
  label: { fontSize: 8.5, bold: true, color: COLORS.muted, characterSpacing: 0.4 },
  tableHeader: { fontSize: 9, bold: true, color: COLORS.text },
  tableCell: { fontSize: 9, lineHeight: 1.15 },
};

export const DEFAULT_STYLE = { font: 'Roboto', fontSize: 10, color: COLORS.text, lineHeight: 1.2 };

/** 2026-03-31 → "31.03.2026". */
export const danishDate = formatDanishDate;
/** → "01.01.2026–31.03.2026". */
export const danishPeriod = formatDanishPeriod;

/** Tables with hairlines between rows, a firmer line under the header, and no vertical lines. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) =>
    i === 0 || i === node.table.body.length ? 0.8 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.4,
  vLineWidth: () => 0,
  hLineColor: (i, node) =>
    i === 0 || i === node.table.body.length || i === node.table.headerRows ? COLORS.rule : COLORS.hairline,
  fillColor: (row, node) => (row < (node.table.headerRows ?? 0) ? COLORS.headerFill : null),
  paddingLeft: (i) => (i === 0 ? 4 : 6),
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

/** A table without any lines: for label/value lists such as the front page's facts. */
export const PLAIN_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 10,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A framed box for key figures and notes: a thin rule all round, a light fill. */
export const BOX_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => COLORS.rule,
  vLineColor: () => COLORS.rule,
  fillColor: () => COLORS.bandFill,
  paddingLeft: () => 10,
  paddingRight: () => 10,
  paddingTop: () => 8,
  paddingBottom: () => 8,
};

/** A thin horizontal rule across the content width. */
export function rule(margin: [number, number, number, number] = [0, 4, 0, 8], color: string = COLORS.rule): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.6, lineColor: color }],
    margin,
  };
}

/**
 * The heading of an unbreakable block (a heading with its chart or table): the block keeps them together, so it
 * carries no headlineLevel; a page break pdfmake is asked for before a node inside such a block loses the block.
 */
export function blockHeading(text: string, level: 'h2' | 'h3' = 'h2'): Content {
  return { text, style: level };
}

/** A section heading that never ends a page alone. */
export function heading(text: string, level: 'h1' | 'h2' | 'h3' = 'h2', pageBreak?: 'before'): Content {
  // An h1 that does not start a page gets air above it.
  const margin: [number, number, number, number] | undefined =
    level === 'h1' && !pageBreak ? [0, 20, 0, 10] : undefined;
  return { text, style: level, headlineLevel: 1, pageBreak, ...(margin ? { margin } : {}) };
}

/** Paragraphs from a free text: blank lines separate paragraphs, single line breaks stay. */
export function paragraphs(text: string, style = 'body'): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, style, margin: [0, 0, 0, 6] as [number, number, number, number] }));
}

/** The footer of every page: who and what on the left, "Side 3 af 6" on the right, above a hairline. */
export function pageFooter(left: string): DynamicContent {
  return (currentPage, pageCount) => ({
    margin: [PAGE_MARGINS[0], 18, PAGE_MARGINS[2], 0],
    stack: [
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.4, lineColor: COLORS.hairline }],
      },
      {
        margin: [0, 5, 0, 0],
        columns: [
          { text: left, style: 'small', width: '*' },
          { text: `Side ${currentPage} af ${pageCount}`, style: 'small', width: 70, alignment: 'right', noWrap: true },
        ],
      },
    ],
  });
}

/**
 * pdfmake's pageBreakBefore callback: a heading (a node with headlineLevel) moves to the next page when nothing of
 * its section would follow it on this page, or when it starts in the last 80 pt above the footer.
 */
export function keepHeadingsWithContent(node: Node, queries: NodeQueries): boolean {
  if (!node.headlineLevel) return false;
  const top = node.startPosition?.top ?? 0;
  const pageHeight = node.startPosition?.pageInnerHeight ?? 0;
  const nearBottom = pageHeight > 0 && top > PAGE_MARGINS[1] + pageHeight - 80;
  return nearBottom || queries.getFollowingNodesOnPage().length === 0;
}

/** At most `max` characters (cutText's), cut at a word with an ellipsis. */
export function shorten(text: string, max: number): string {
  const whole = cutText(text, max);
  if (whole === text) return text;
  const cut = whole.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * What a municipal report's document has besides its content: A4 with the shared styles, the PDF's properties (by
 * the municipality), headings kept with their sections, and the footer »Kommune · what« (kept to one line).
 */
export function reportDocument(r: {
  title: string;
  subject: string;
  kommune: string;
  forvaltning: string;
  footer: string;
}): Omit<TDocumentDefinitions, 'content'> {
  return {
    pageSize: PAGE_SIZE,
    pageMargins: PAGE_MARGINS,
    info: {
      title: r.title,
      author: [r.kommune, r.forvaltning].filter(Boolean).join(', ') || 'Tilsyn',
      subject: r.subject,
      creator: 'Tilsyn',
      producer: 'Tilsyn',
    },
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    footer: pageFooter([shorten(r.kommune, 60), shorten(r.footer, 70)].filter(Boolean).join(' · ')),
    pageBreakBefore: keepHeadingsWithContent,
  };
}
