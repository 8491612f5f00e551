import { z } from '../zod';
import { YEAR } from './aarshjul';
import type { MeasureResult, Share } from './results';
import type { CaseloadAggregate } from './sagsoverblik';

/**
 * The department's view (issue #14): the enheder under an afdeling or forvaltning side by side, each with its
 * latest round of the year per template family, krav by krav. Management information, not a public report: the
 * figures are shown with their n.
 */
export interface ComparisonColumn {
  enhedId: number;
  enhed: string;
  tilsynId: number;
  titel: string;
  periodeTil: string;
  afsluttet: boolean;
  overall: Share;
}

export interface ComparisonCell extends Share {
  target: number | null;
  belowTarget: boolean | null;
}

export interface ComparisonFamily {
  familyId: number;
  skabelon: string;
  columns: ComparisonColumn[];
  /** The krav of the newest round's template that applied somewhere, each with a cell per column (null: not there). */
  rows: { key: string; number: string; text: string; cells: (ComparisonCell | null)[] }[];
}

export interface Comparison {
  aar: number;
  families: ComparisonFamily[];
  /** The sagsoverblik of each enhed with sagslister in the year (issue #19): no names, small groups left out. */
  caseload: CaseloadAggregate[];
}

/** Lays the rounds' results side by side; the krav follow the newest round, then any the others add. */
export function compareRounds(
  columns: readonly (ComparisonColumn & { measures: readonly MeasureResult[] })[],
): Pick<ComparisonFamily, 'columns' | 'rows'> {
  const newestFirst = [...columns].sort((a, b) => b.periodeTil.localeCompare(a.periodeTil));
  const order = new Map<string, { number: string; text: string }>();
  for (const c of newestFirst)
    for (const m of c.measures) if (!order.has(m.key)) order.set(m.key, { number: m.number, text: m.text });
  const sorted = [...columns].sort((a, b) => a.enhed.localeCompare(b.enhed, 'da'));
  return {
    columns: sorted.map(({ measures: _m, ...c }) => c),
    rows: [...order]
      .map(([key, { number, text }]) => ({
        key,
        number,
        text,
        cells: sorted.map((c) => {
          const m = c.measures.find((x) => x.key === key);
          return m && m.applicable > 0
            ? {
                met: m.met,
                applicable: m.applicable,
                share: m.share,
                smallN: m.smallN,
                target: m.target,
                belowTarget: m.belowTarget,
              }
            : null;
        }),
      }))
      // A krav that applied in none of the rounds says nothing in a comparison.
      .filter((r) => r.cells.some((c) => c !== null)),
  };
}

export const comparisonQuerySchema = z
  .object({
    enhedId: z.number({ error: 'Vælg enheden' }).int().positive('Vælg enheden'),
    aar: YEAR,
  })
  .strict();
