import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatPercent, formatShare } from '../../../../shared/domain/format';
import type {
  PeriodArea,
  PeriodCell,
  PeriodFamily,
  PeriodReportData,
  UnitCell,
} from '../../../../shared/domain/period-report';
import { safeFileName, titlePart } from '../file-name';
import { COLORS, danishDate, danishPeriod, heading, reportDocument, TABLE_LAYOUT } from '../pdf-style';
import { caseloadSection } from './caseload-section';

/**
 * The period report as a pdfmake document (issue #14). PURE: it arranges PeriodReportData, which holds aggregates
 * only. Rounds are named by their period; »Under måltal« is written out, never shown by colour alone.
 */

const share = (c: { share: number | null; met: number | null; applicable: number; suppressed: boolean }): string =>
  c.suppressed
    ? 'Færre sager end den mindste gruppe'
    : c.applicable === 0
      ? '–'
      : `${formatShare(c.share)} (${c.met} af ${c.applicable})`;

/** At most this many rounds side by side on a portrait page (with the krav legible); more go in tables below. */
const ROUNDS_PER_TABLE = 4;

const sager = (n: number) => `${n} ${n === 1 ? 'sag' : 'sager'}`;

function familyTable(f: PeriodFamily, from: number, to: number): Content {
  const rounds = f.rounds.slice(from, to);
  const header: TableCell[] = [
    { text: 'Krav', style: 'tableHeader' },
    ...rounds.map((r) => ({
      text: f.severalUnits ? `${r.enhed}\n${danishPeriod(r.fra, r.til)}` : danishPeriod(r.fra, r.til),
      style: 'tableHeader',
      alignment: 'right' as const,
    })),
    { text: f.severalUnits ? 'Måltal (sidste runde)' : 'Måltal', style: 'tableHeader', alignment: 'right' as const },
  ];
  const overall: TableCell[] = [
    { text: 'Alle viste krav samlet', bold: true, style: 'tableCell' },
    ...rounds.map((r) => ({
      text: r.overall ? `${formatShare(r.overall.share)} (${sager(r.faerdige)})` : 'Færre sager end den mindste gruppe',
      bold: r.overall !== null,
      style: 'tableCell',
      alignment: 'right' as const,
    })),
    { text: '', style: 'tableCell' },
  ];
  const rows: TableCell[][] = f.rows.map((r) => [
    {
      stack: [
        { text: [{ text: `${r.number}  `, bold: true }, r.text], style: 'tableCell' },
        ...(r.belowTarget ? [{ text: 'Under måltal i sidste runde', bold: true, fontSize: 8.5 }] : []),
      ],
    },
    ...r.cells.slice(from, to).map((c) => ({ text: share(c), style: 'tableCell', alignment: 'right' as const })),
    {
      stack: [
        { text: r.target === null ? '–' : formatPercent(r.target), style: 'tableCell', alignment: 'right' as const },
        ...(r.targetDue
          ? [{ text: `senest ${danishDate(r.targetDue)}`, style: 'small', alignment: 'right' as const }]
          : []),
      ],
    },
  ]);
  // The krav's text takes what the rounds leave: a round's figure fits »100 % (15 af 15)« at 8.5 pt.
  const widths = ['*', ...rounds.map(() => 66), 46];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header, overall, ...rows] },
    layout: TABLE_LAYOUT,
    fontSize: 8.5,
    margin: [0, 0, 0, 10],
  };
}

/** A quarter's sum: the share, how many sager, the måltal the rounds shared, and »Under måltal« in words. */
function areaCell(c: PeriodCell & { target?: number | null; belowTarget?: boolean | null }): TableCell {
  return {
    stack: [
      { text: share(c), style: 'tableCell', alignment: 'right' as const },
      ...(c.target !== undefined && c.target !== null && !c.suppressed && c.applicable > 0
        ? [{ text: `måltal ${formatPercent(c.target)}`, style: 'small', alignment: 'right' as const }]
        : []),
      ...(c.belowTarget ? [{ text: 'Under måltal', bold: true, fontSize: 8.5, alignment: 'right' as const }] : []),
    ],
  };
}

/** An enhed's quarter: its share of all krav shown, with its færdige sager. */
const unitCell = (c: UnitCell): TableCell => ({
  text: c.suppressed
    ? 'Færre sager end den mindste gruppe'
    : c.share === null
      ? '–'
      : `${formatShare(c.share)} (${sager(c.sager)})`,
  style: 'tableCell',
  alignment: 'right' as const,
});

/** Rows of a label and a cell per quarter, four quarters to a table (a year on a portrait page). */
function quarterTables(
  quarters: readonly string[],
  first: string,
  rows: { label: TableCell; cells: TableCell[]; bold?: boolean }[],
): Content[] {
  const tables: Content[] = [];
  for (let from = 0; from < quarters.length; from += ROUNDS_PER_TABLE) {
    const to = Math.min(quarters.length, from + ROUNDS_PER_TABLE);
    const header: TableCell[] = [
      { text: first, style: 'tableHeader' },
      ...quarters.slice(from, to).map((q) => ({ text: q, style: 'tableHeader', alignment: 'right' as const })),
    ];
    const body = rows.map((r) => [r.label, ...r.cells.slice(from, to)]);
    tables.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', ...quarters.slice(from, to).map(() => 74)],
        body: [header, ...body],
      },
      layout: TABLE_LAYOUT,
      fontSize: 8.5,
      margin: [0, 0, 0, 10],
    });
  }
  return tables;
}

/** A department's family: the enheder's rounds added up quarter by quarter, the area krav by krav, then each enhed. */
function areaSection(f: PeriodFamily, area: PeriodArea, minCell: number): Content[] {
  const enheder = area.enheder.length;
  return [
    heading(f.skabelon, 'h2'),
    {
      text: `${f.rounds.length} runder fra ${enheder} enheder i perioden, lagt sammen i det kvartal, runden slutter i. Andelen af de relevante sager, der opfylder kravet, med antallet af sager. Tal for færre end ${minCell} sager vises ikke, og en enhed med færre end ${minCell} færdige sager i et kvartal indgår ikke i kvartalets tal. Måltallet står, når alle kvartalets runder blev målt mod det samme.`,
      style: 'body',
      margin: [0, 0, 0, 6],
    },
    heading('Hele området, krav for krav', 'h3'),
    ...quarterTables(
      area.quarters,
      'Krav',
      area.krav.map((k) => ({
        label: { text: [{ text: `${k.number}  `, bold: true }, k.text], style: 'tableCell' },
        cells: k.cells.map(areaCell),
      })),
    ),
    heading('Enhederne, alle viste krav samlet', 'h3'),
    ...quarterTables(area.quarters, 'Enhed', [
      ...area.enheder.map((e) => ({ label: { text: e.enhed, style: 'tableCell' }, cells: e.cells.map(unitCell) })),
      {
        label: { text: 'De viste enheder samlet', bold: true, style: 'tableCell' },
        cells: area.total.map(unitCell),
      },
    ]),
  ];
}

function familySection(f: PeriodFamily, minCell: number): Content[] {
  if (f.area) return areaSection(f, f.area, minCell);
  const tables: Content[] = [];
  for (let from = 0; from < f.rounds.length; from += ROUNDS_PER_TABLE) {
    const to = Math.min(f.rounds.length, from + ROUNDS_PER_TABLE);
    if (f.rounds.length > ROUNDS_PER_TABLE)
      tables.push({ text: `Runde ${from + 1}–${to} af ${f.rounds.length}`, style: 'h3', margin: [0, 4, 0, 4] });
    tables.push(familyTable(f, from, to));
  }
  return [
    heading(f.skabelon, 'h2'),
    {
      text: `${f.rounds.length === 1 ? 'Én runde' : `${f.rounds.length} runder`} i perioden. Andelen af de relevante sager, der opfylder kravet, med antallet af sager. Krav, der var relevante i færre end ${minCell} sager i en runde, vises uden tal for den runde, og de indgår ikke i rundens samlede tal.`,
      style: 'body',
      margin: [0, 0, 0, 6],
    },
    ...tables,
  ];
}

/** A report whose rounds are several enheder's: the department's report to the committee. */
export const isAreaReport = (data: Pick<PeriodReportData, 'families'>) => data.families.some((f) => f.area !== null);

/** The report's coverage: counted here and in the leaders' files, never a figure that could point at one person. */
function coverageContent(data: PeriodReportData): Content {
  const c = data.coverage;
  if (c.withoutSager > 0 && c.withoutSager === data.families.reduce((n, f) => n + f.rounds.length, 0))
    return {
      text: 'Dækningen kan ikke opgøres: runderne er indlæst fra lederes resultatpakker eller har fået deres sager slettet, så sagsbehandlerne på deres sagslister kendes ikke her.',
      style: 'body',
    };
  const rounds = (n: number) => (n === 1 ? 'Én runde' : `${n} runder`);
  return {
    ul: [
      c.caseworkers > 0 && c.caseworkers < data.minCell
        ? `Antallet af sagsbehandlere, der fik en sag gennemgået, vises ikke: der er færre end ${data.minCell} på sagslisterne, så tallet kunne pege på den enkelte.`
        : `${c.caseworkersReached} af ${c.caseworkers} ${c.caseworkers === 1 ? 'sagsbehandler' : 'sagsbehandlere'} på sagslisterne i ${c.fromBundles > 0 ? 'enhedernes runder i perioden' : 'rapportens runder'} fik mindst én sag gennemgået.`,
      ...(c.fromBundles > 0
        ? [
            `For ${c.fromBundles === 1 ? 'én enhed' : `${c.fromBundles} enheder`} er dækningen talt i lederens egen fil, hvor sagerne er, og kom med resultatpakken.`,
          ]
        : []),
      ...(c.fromBundles > 1
        ? ['Enhedernes tal er lagt sammen: en sagsbehandler på sagslisterne i flere enheder tæller med i hver af dem.']
        : []),
      ...(c.deletedInBundles > 0
        ? [
            `${rounds(c.deletedInBundles)} i lederes filer havde fået ${c.deletedInBundles === 1 ? 'sine' : 'deres'} sager slettet, da dækningen blev talt, og ${c.deletedInBundles === 1 ? 'dens' : 'deres'} sagsbehandlere er ikke med.`,
          ]
        : []),
      ...(c.sagstyper > 0 ? [`${c.sagstyperReached} af ${c.sagstyper} sagstyper var med i de gennemgåede sager.`] : []),
      ...(c.withoutSager > 0
        ? [
            `${rounds(c.withoutSager)} indgår ikke: ${c.withoutSager === 1 ? 'den er' : 'de er'} indlæst fra en resultatpakke eller har fået sine sager slettet.`,
          ]
        : []),
    ],
    style: 'body',
  };
}

export function periodDocDefinition(data: PeriodReportData): TDocumentDefinitions {
  const area = isAreaReport(data);
  const title = `${area ? 'Samlet rapport til udvalget: ledelsestilsyn' : 'Ledelsestilsyn'} i ${data.enhed}, ${danishPeriod(data.fra, data.til)}`;
  const p = data.plans;
  return {
    ...reportDocument({
      title,
      subject: 'Ledelsestilsyn over en periode',
      kommune: data.kommune,
      forvaltning: data.forvaltning,
      footer: `Ledelsestilsyn ${danishPeriod(data.fra, data.til)}`,
    }),
    content: [
      { text: [data.kommune, data.forvaltning].filter(Boolean).join(' · '), style: 'small', color: COLORS.muted },
      heading(title, 'h1'),
      {
        text: `Udarbejdet ${danishDate(data.generated)}. Rapporten samler ${area ? `de afsluttede runder i enhederne under ${data.enhed}` : 'enhedens afsluttede runder'} i perioden og indeholder kun samlede resultater: ingen sagsnumre, navne eller oplysninger om enkelte sager eller sagsbehandlere.`,
        style: 'body',
        margin: [0, 0, 0, 10],
      },
      heading('Dækning', 'h2'),
      coverageContent(data),
      heading('Opfølgningsplaner', 'h2'),
      {
        text:
          p.total === 0 && p.imported > 0
            ? `Ledelsens opfølgningsplaner følger ikke med en resultatpakke; for ${p.imported === 1 ? 'den indlæste runde' : `de ${p.imported} indlæste runder`} står de i lederens egen fil.`
            : p.total === 0
              ? 'Runderne i perioden gav ikke anledning til en opfølgningsplan, eller ledelsen skrev ingen.'
              : `${p.total} ${p.total === 1 ? 'plan' : 'planer'} for krav under måltal: ${p.udfoert} udført, ${p.open} i gang eller åbne${p.overdue > 0 ? `, heraf ${p.overdue} med overskredet frist` : ''}.`,
        style: 'body',
      },
      ...caseloadSection(data.caseload, data.minCell),
      ...data.families.flatMap((f) => familySection(f, data.minCell)),
    ],
  };
}

/** »Ledelsestilsyn Team Nord 01.01.2026–31.12.2026 – periode.pdf«; a department's »… – samlet rapport.pdf«. */
export function periodFileName(enhed: string, fra: string, til: string, area = false): string {
  return safeFileName(
    `Ledelsestilsyn ${titlePart(enhed.slice(0, 80))} ${danishPeriod(fra, til)} – ${area ? 'samlet rapport' : 'periode'}.pdf`,
  );
}
