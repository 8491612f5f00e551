import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatMonth } from '../../../../shared/domain/dates';
import { formatCount, formatDecimal, formatShare } from '../../../../shared/domain/format';
import { type CaseloadAggregate, countingInWords, trendInWords } from '../../../../shared/domain/sagsoverblik';
import { danishDate, heading, TABLE_LAYOUT } from '../pdf-style';

const count = (n: number | null) => (n === null ? '–' : formatCount(n));

/**
 * The sagsoverblik in a public report (issue #19): per enhed the months with a list, their sager, tilgang and
 * afgang, and the caseload per caseworker, which is left out where the enhed had fewer caseworkers than the smallest
 * group (one caseworker's load would be readable). No names.
 */
export function caseloadSection(enheder: readonly CaseloadAggregate[], minCell: number): Content[] {
  if (enheder.length === 0) return [];
  const first = enheder[0];
  return [
    heading('Sagsoverblik', 'h2'),
    {
      text: `Antallet af sager ved hver måneds start, tilgangen og afgangen til næste måneds sagsliste, og sager pr. sagsbehandler. ${countingInWords(first?.counting ?? 'sager')}`,
      style: 'body',
      margin: [0, 0, 0, 6],
    },
    ...enheder.flatMap((e) => enhedTable(e, enheder.length > 1, minCell)),
  ];
}

function enhedTable(e: CaseloadAggregate, named: boolean, minCell: number): Content[] {
  const shown = e.months.filter((m) => !m.skjult);
  const title = named ? [heading(e.enhed, 'h3')] : [];
  // An enhed of fewer caseworkers than the smallest group shows nothing but why.
  if (shown.length === 0)
    return [
      ...title,
      {
        text: `Tallene vises ikke: enheden havde færre end ${minCell} sagsbehandlere, så antallet af sager ville vise den enkeltes.`,
        style: 'body',
        margin: [0, 0, 0, 10],
      },
    ];
  const anyLoad = shown.some((m) => !m.udenSagsbehandlere);
  const load = anyLoad ? ['Gns. pr. sagsbehandler', e.maal === null ? 'Over måltal' : `Over måltal (${e.maal})`] : [];
  const header: TableCell[] = ['Måned', 'Liste fra', 'Ved start', 'Tilgang', 'Afgang', 'Sagsbehandlere', ...load].map(
    (text, i) => ({ text, style: 'tableHeader', alignment: i < 2 ? ('left' as const) : ('right' as const) }),
  );
  const right = (text: string): TableCell => ({ text, style: 'tableCell', alignment: 'right' });
  const rows: TableCell[][] = e.months.map((m) =>
    m.skjult
      ? [
          { text: formatMonth(m.maaned), style: 'tableCell' },
          { text: danishDate(m.dato), style: 'tableCell' },
          { text: '*', style: 'tableCell', alignment: 'right', colSpan: 4 + load.length },
          ...Array.from({ length: 3 + load.length }, () => ({ text: '' })),
        ]
      : [
          { text: formatMonth(m.maaned), style: 'tableCell' },
          { text: danishDate(m.dato), style: 'tableCell' },
          // A month whose list had no person column is counted in sager, and says so.
          right(m.counting === e.counting ? count(m.bestand) : `${count(m.bestand)} sager`),
          ...[m.tilgang, m.afgang, m.sagsbehandlere].map((n) => right(count(n))),
          ...(anyLoad
            ? [
                right(formatDecimal(m.gennemsnit)),
                right(m.udenSagsbehandlere || e.maal === null ? '–' : formatShare(m.andelOverMaal)),
              ]
            : []),
        ],
  );
  const widths = anyLoad ? [68, 52, 44, 38, 38, 68, '*', 58] : [68, 52, 44, 38, 38, '*'];
  const notes = [
    ...(e.months.some((m) => m.skjult)
      ? [`* Færre end ${minCell} sagsbehandlere den måned: tallene vises ikke, så den enkeltes sager ikke kan aflæses.`]
      : []),
    ...(!anyLoad ? ['Listerne nævner ingen sagsbehandlere, så belastningen pr. sagsbehandler kan ikke vises.'] : []),
  ];
  return [
    ...title,
    ...(e.trend ? [{ text: trendInWords(e.trend, e.counting), style: 'body', margin: [0, 0, 0, 4] } as Content] : []),
    {
      table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
      layout: TABLE_LAYOUT,
      fontSize: 8.5,
      margin: [0, 0, 0, notes.length > 0 ? 2 : 10],
    },
    ...notes.map(
      (text, i) => ({ text, style: 'small', margin: [0, 0, 0, i === notes.length - 1 ? 10 : 0] }) as Content,
    ),
  ];
}
