import type { Content, TableCell } from 'pdfmake/interfaces';
import { targetInWords } from '../../../../shared/domain/goals';
import { danishDate, heading, TABLE_LAYOUT } from '../pdf-style';
import type { CommitteeFollowUp, CommitteeReportData } from './report-types';

/**
 * »Ledelsens opfølgningsplan«: in the law a handleplan is the child's plan (Barnets Lov), so the leader's plan for
 * the krav below måltal is named otherwise everywhere.
 */
export const PLAN_HEADING = 'Ledelsens opfølgningsplan';
export const FOLLOW_UP_HEADING = 'Opfølgning på sidste opfølgningsplan';

export function planSection(data: CommitteeReportData): Content[] {
  const intro: Content = {
    text: 'Krav, hvor resultatet ligger under måltallet, og hvad ledelsen vil gøre for at rette op.',
    style: 'body',
    margin: [0, 0, 0, 8],
  };
  if (data.plan.length === 0) {
    return [
      heading(PLAN_HEADING, 'h1'),
      { text: 'Alle krav med måltal er nået. Tilsynet giver ikke anledning til en opfølgningsplan.', style: 'body' },
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
          { text: targetInWords(p.target, p.targetDue), style: 'small', margin: [0, 2, 0, 0] },
        ],
      },
      p.plan ? { text: p.plan, style: 'tableCell' } : { text: 'Ingen plan beskrevet endnu', style: 'note' },
      { text: p.ansvarlig || '–', style: 'tableCell' },
      { text: p.frist ? danishDate(p.frist) : '–', style: 'tableCell', noWrap: true },
    ]),
  ];
  return [
    heading(PLAN_HEADING, 'h1'),
    intro,
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['24%', '20%', '*', 70, 52], body },
      layout: TABLE_LAYOUT,
    },
  ];
}

/** How the last round's opfølgningsplan was followed up: each plan its report printed, with its status now. */
export function followUpSection(data: CommitteeReportData): Content[] {
  const { followUp } = data;
  if (!followUp) return [];
  const periode = `${danishDate(followUp.periode.from)}–${danishDate(followUp.periode.to)}`;
  if (followUp.items.length === 0)
    return [heading(FOLLOW_UP_HEADING, 'h1'), { text: noPlanSentence(followUp), style: 'body' }];
  const header: TableCell[] = ['Krav', 'Plan fra sidste tilsyn', 'Frist', 'Status'].map((t) => ({
    text: t,
    style: 'tableHeader',
  }));
  const body: TableCell[][] = [
    header,
    ...followUp.items.map((p): TableCell[] => [
      { text: [{ text: `${p.number}  `, bold: true }, p.text], style: 'tableCell' },
      { text: p.plan, style: 'tableCell' },
      { text: p.frist ? danishDate(p.frist) : '–', style: 'tableCell', noWrap: true },
      { text: p.status, style: 'tableCell' },
    ]),
  ];
  return [
    heading(FOLLOW_UP_HEADING, 'h1'),
    {
      text: `Planerne for de krav, der lå under måltallet i sidste tilsyn (${periode}), og hvor langt de er nu.`,
      style: 'body',
      margin: [0, 0, 0, 8],
    },
    { table: { headerRows: 1, dontBreakRows: true, widths: ['28%', '*', 52, 80], body }, layout: TABLE_LAYOUT },
  ];
}

/** What the last round's opfølgningsplan was when it had no plan: none needed, or none written. */
export function noPlanSentence(f: CommitteeFollowUp): string {
  const periode = `${danishDate(f.periode.from)}–${danishDate(f.periode.to)}`;
  if (f.belowTarget === 0) return `Sidste tilsyn (${periode}) gav ikke anledning til en opfølgningsplan.`;
  const krav = f.belowTarget === 1 ? 'ét krav' : `${f.belowTarget} krav`;
  return `Sidste tilsyn (${periode}) havde ${krav} under måltal, men ledelsen skrev ingen plan for ${f.belowTarget === 1 ? 'det' : 'dem'}.`;
}
