import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatMonth } from '../../../../shared/domain/dates';
import { formatCount, formatShare } from '../../../../shared/domain/format';
import { type CaseloadAggregate, countingInWords, trendInWords } from '../../../../shared/domain/sagsoverblik';
import { danishDate, heading, TABLE_LAYOUT } from '../pdf-style';

const count = (n: number | null) => (n === null ? '–' : formatCount(n));
const decimal = (n: number | null) => (n === null ? '–' : n.toLocaleString('da-DK', { maximumFractionDigits: 1 }));

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
  // An enhed whose every month is below the smallest group shows no caseload columns at all, only why.
  const anyLoad = e.months.some((m) => !m.belastningSkjult);
  const someHidden = e.months.some((m) => m.belastningSkjult);
  const load = anyLoad ? ['Gns. pr. sagsbehandler', e.maal === null ? 'Over måltal' : `Over måltal (${e.maal})`] : [];
  const header: TableCell[] = ['Måned', 'Liste fra', 'Ved start', 'Tilgang', 'Afgang', 'Sagsbehandlere', ...load].map(
    (text, i) => ({ text, style: 'tableHeader', alignment: i < 2 ? ('left' as const) : ('right' as const) }),
  );
  const right = (text: string): TableCell => ({ text, style: 'tableCell', alignment: 'right' });
  const rows: TableCell[][] = e.months.map((m) => [
    { text: formatMonth(m.maaned), style: 'tableCell' },
    { text: danishDate(m.dato), style: 'tableCell' },
    ...[m.bestand, m.tilgang, m.afgang, m.sagsbehandlere].map((n) => right(count(n))),
    ...(anyLoad
      ? [
          right(m.belastningSkjult ? '–*' : decimal(m.gennemsnit)),
          right(m.belastningSkjult || e.maal === null ? '–' : formatShare(m.andelOverMaal)),
        ]
      : []),
  ]);
  const widths = anyLoad ? [68, 52, 44, 38, 38, 68, '*', 58] : [68, 52, 44, 38, 38, '*'];
  const note = !anyLoad
    ? `Belastningen pr. sagsbehandler vises ikke: enheden havde færre end ${minCell} sagsbehandlere.`
    : someHidden
      ? `* Færre end ${minCell} sagsbehandlere den måned.`
      : '';
  return [
    ...(named ? [heading(e.enhed, 'h3')] : []),
    ...(e.trend ? [{ text: trendInWords(e.trend, e.counting), style: 'body', margin: [0, 0, 0, 4] } as Content] : []),
    {
      table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
      layout: TABLE_LAYOUT,
      fontSize: 8.5,
      margin: [0, 0, 0, note ? 2 : 10],
    },
    ...(note ? [{ text: note, style: 'small', margin: [0, 0, 0, 10] } as Content] : []),
  ];
}
