import { z } from '../zod';
import { isoDateSchema } from './dates';
import { hiddenInPublic, type MeasureResult, publicOverall, type Share, type TilsynResults } from './results';
import type { CaseloadAggregate } from './sagsoverblik';

/**
 * The period report (issue #14): an enhed's afsluttede rounds over a period (a quarter, a year) for management or the
 * committee. Aggregates only: rounds are named by their period, never by their titles; a krav that applied in fewer
 * sager than the smallest group is shown without figures; coverage is counted, never named.
 */
export interface PeriodRound {
  fra: string;
  til: string;
  /** The enhed the round belongs to (a report for an afdeling holds its teams' rounds). */
  enhed: string;
  results: TilsynResults;
}

export interface PeriodCell {
  /** null: fewer sager than the smallest group, or the krav did not apply. */
  share: number | null;
  met: number | null;
  applicable: number;
  suppressed: boolean;
}

export interface PeriodFamily {
  skabelon: string;
  /** Oldest first; `overall` counts only the krav shown (publicOverall), and is null when the round is too small. */
  rounds: { fra: string; til: string; enhed: string; overall: Share | null; faerdige: number }[];
  /** True when the rounds belong to more than one enhed: each column says whose it is. */
  severalUnits: boolean;
  rows: {
    number: string;
    text: string;
    /** The måltal of the last round (the enhed's dated goal where it has one). */
    target: number | null;
    targetDue: string | null;
    cells: PeriodCell[];
    /** Below måltal in the last round that had the krav, where it was shown. */
    belowTarget: boolean | null;
  }[];
}

export interface PeriodReportData {
  kommune: string;
  forvaltning: string;
  enhed: string;
  fra: string;
  til: string;
  generated: string;
  minCell: number;
  families: PeriodFamily[];
  coverage: {
    caseworkers: number;
    caseworkersReached: number;
    sagstyper: number;
    sagstyperReached: number;
    /** Rounds whose sager are not in this file (deleted under retention, or read in from a resultatpakke). */
    withoutSager: number;
  };
  /** `imported`: rounds read in from resultatpakker, whose plans stay in the leader's own file. */
  plans: { total: number; udfoert: number; open: number; overdue: number; imported: number };
  /** The sagsoverblik of the enhed and those under it with lists in the period (issue #19). */
  caseload: CaseloadAggregate[];
}

const cellOf = (m: MeasureResult | undefined, minCell: number): PeriodCell => {
  if (!m || m.applicable === 0) return { share: null, met: null, applicable: 0, suppressed: false };
  if (hiddenInPublic(m, minCell)) return { share: null, met: null, applicable: m.applicable, suppressed: true };
  return { share: m.share, met: m.met, applicable: m.applicable, suppressed: false };
};

/**
 * One template family's rounds side by side, oldest first. The krav are the last round's, then those only earlier
 * rounds had (a theme of its own, a krav a later version dropped); the måltal is the last round's that had the krav.
 */
export function periodFamily(skabelon: string, rounds: readonly PeriodRound[], minCell: number): PeriodFamily {
  const ordered = [...rounds].sort((a, b) => a.til.localeCompare(b.til) || a.fra.localeCompare(b.fra));
  const keys = new Map<string, MeasureResult>();
  for (const r of [...ordered].reverse()) for (const m of r.results.measures) if (!keys.has(m.key)) keys.set(m.key, m);
  const rows = [...keys.values()]
    .map((m) => {
      const cells = ordered.map((r) =>
        cellOf(
          r.results.measures.find((x) => x.key === m.key),
          minCell,
        ),
      );
      const lastShown = [...cells].reverse().find((c) => c.applicable > 0);
      return {
        number: m.number,
        text: m.text,
        target: m.target,
        targetDue: m.targetDue ?? null,
        cells,
        belowTarget: lastShown && !lastShown.suppressed ? m.belowTarget : null,
      };
    })
    .filter((r) => r.cells.some((c) => c.applicable > 0));
  return {
    skabelon,
    severalUnits: new Set(ordered.map((r) => r.enhed)).size > 1,
    rounds: ordered.map((r) => {
      const overall = publicOverall(r.results, minCell);
      return {
        fra: r.fra,
        til: r.til,
        enhed: r.enhed,
        overall: overall.applicable > 0 && r.results.faerdige >= minCell ? overall : null,
        faerdige: r.results.faerdige,
      };
    }),
    rows,
  };
}

export const periodReportRequest = z
  .object({
    enhedId: z.number({ error: 'Vælg enheden' }).int().positive('Vælg enheden'),
    fra: isoDateSchema('Vælg periodens startdato'),
    til: isoDateSchema('Vælg periodens slutdato'),
  })
  .strict()
  .refine((v) => v.fra <= v.til, { path: ['til'], message: 'Slutdatoen skal ligge på eller efter startdatoen' });
