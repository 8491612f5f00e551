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

/** A quarter's figure in the department's report: a sum of rounds, without figures when it is too small. */
export interface AreaCell extends PeriodCell {
  /** The måltal every round in it was measured by, when they share one. */
  target: number | null;
  belowTarget: boolean | null;
}

/**
 * The rounds of several enheder quarter by quarter (a department's report): the whole area krav by krav against the
 * måltal of the time, and each enhed's shown krav samlet. Every figure of a quarter counts only the enheder shown in
 * it, so no suppressed enhed can be found as a difference.
 */
export interface PeriodArea {
  /** »1. kvt. 2026«, in order: the quarters in which a round of the period ends. */
  quarters: string[];
  krav: { number: string; text: string; cells: AreaCell[] }[];
  enheder: { enhed: string; cells: UnitCell[] }[];
  total: UnitCell[];
}

/** An enhed's krav samlet in a quarter, with its færdige sager; without figures under the smallest group. */
export interface UnitCell {
  share: number | null;
  sager: number;
  suppressed: boolean;
}

export interface PeriodFamily {
  skabelon: string;
  /** Oldest first; `overall` counts only the krav shown (publicOverall), and is null when the round is too small. */
  rounds: { fra: string; til: string; enhed: string; overall: Share | null; faerdige: number }[];
  /** True when the rounds belong to more than one enhed: each column says whose it is. */
  severalUnits: boolean;
  rows: {
    key: string;
    number: string;
    text: string;
    /** The måltal of the last round (the enhed's dated goal where it has one). */
    target: number | null;
    targetDue: string | null;
    cells: PeriodCell[];
    /** Below måltal in the last round that had the krav, where it was shown. */
    belowTarget: boolean | null;
  }[];
  /** When the rounds belong to several enheder: the same rounds quarter by quarter (see PeriodArea). */
  area: PeriodArea | null;
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
    /**
     * Rounds whose sager are not in this file (deleted under retention, or read in from a resultatpakke) and whose
     * enhed's coverage of the period no pakke brought.
     */
    withoutSager: number;
    /** Enheder whose coverage of exactly the period was counted in the leader's file and came in her pakke. */
    fromBundles: number;
    /** Of those, rounds whose sager the leader's file had deleted when it counted: their caseworkers are not in it. */
    deletedInBundles: number;
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
        key: m.key,
        number: m.number,
        text: m.text,
        target: m.target,
        targetDue: m.targetDue ?? null,
        cells,
        belowTarget: lastShown && !lastShown.suppressed ? m.belowTarget : null,
      };
    })
    .filter((r) => r.cells.some((c) => c.applicable > 0));
  const severalUnits = new Set(ordered.map((r) => r.enhed)).size > 1;
  return {
    skabelon,
    severalUnits,
    area: severalUnits ? periodArea(ordered, rows, minCell) : null,
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

const quarterOf = (iso: string) => `${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}. kvt. ${iso.slice(0, 4)}`;
const summed = (parts: readonly { met: number; applicable: number }[], minCell: number): PeriodCell => {
  const met = parts.reduce((n, p) => n + p.met, 0);
  const applicable = parts.reduce((n, p) => n + p.applicable, 0);
  if (applicable === 0) return { share: null, met: null, applicable: 0, suppressed: false };
  if (hiddenInPublic({ applicable }, minCell)) return { share: null, met: null, applicable, suppressed: true };
  return { share: met / applicable, met, applicable, suppressed: false };
};

/**
 * The rounds quarter by quarter, the area krav by krav and each enhed's krav samlet (see PeriodArea). An enhed with
 * fewer færdige sager in a quarter than the smallest group is left out of every figure of that quarter: the area's
 * krav would otherwise show its few sager wherever they all met a krav, or all did not.
 */
function periodArea(
  rounds: readonly PeriodRound[],
  rows: readonly { key: string; number: string; text: string }[],
  minCell: number,
): PeriodArea {
  const quarters = [
    ...new Set(
      [...rounds]
        .map((r) => r.til)
        .sort()
        .map(quarterOf),
    ),
  ];
  const names = [...new Set(rounds.map((r) => r.enhed))].sort((a, b) => a.localeCompare(b, 'da'));
  const own = (q: string, enhed: string) => rounds.filter((r) => quarterOf(r.til) === q && r.enhed === enhed);
  const sagerOf = (rs: readonly PeriodRound[]) => rs.reduce((n, r) => n + r.results.faerdige, 0);
  const small = (rs: readonly PeriodRound[]) => sagerOf(rs) > 0 && sagerOf(rs) < minCell;
  // The rounds that count in each quarter: those of the enheder shown in it.
  const counted = quarters.map((q) => names.flatMap((e) => (small(own(q, e)) ? [] : own(q, e))));
  const unitCell = (rs: readonly PeriodRound[]): UnitCell => {
    const shown = rs.map((r) => publicOverall(r.results, minCell));
    const applicable = shown.reduce((n, o) => n + o.applicable, 0);
    const sager = sagerOf(rs);
    if (small(rs)) return { share: null, sager, suppressed: true };
    if (applicable === 0) return { share: null, sager, suppressed: false };
    return { share: shown.reduce((n, o) => n + o.met, 0) / applicable, sager, suppressed: false };
  };
  const krav = rows.map(({ key, number, text }) => ({
    number,
    text,
    cells: counted.map((rs): AreaCell => {
      const measures = rs
        .map((r) => r.results.measures.find((m) => m.key === key))
        .filter((m): m is MeasureResult => m !== undefined && m.applicable > 0);
      const cell = summed(measures, minCell);
      const targets = new Set(measures.map((m) => m.target));
      const [only] = targets;
      const target = targets.size === 1 && only !== undefined ? only : null;
      const shown = cell.share !== null && !cell.suppressed;
      return { ...cell, target, belowTarget: target === null || !shown ? null : (cell.share ?? 0) * 100 < target };
    }),
  }));
  return {
    quarters,
    krav,
    enheder: names.map((enhed) => ({ enhed, cells: quarters.map((q) => unitCell(own(q, enhed))) })),
    total: counted.map(unitCell),
  };
}

/** The enhed and period of a period report, as fields (the request and the marks in its check share them). */
export const periodReportFields = {
  enhedId: z.number({ error: 'Vælg enheden' }).int().positive('Vælg enheden'),
  fra: isoDateSchema('Vælg periodens startdato'),
  til: isoDateSchema('Vælg periodens slutdato'),
};

export const periodInOrder = (v: { fra: string; til: string }) => v.fra <= v.til;
export const PERIOD_ORDER = { path: ['til'], message: 'Slutdatoen skal ligge på eller efter startdatoen' };

export const periodReportRequest = z.object(periodReportFields).strict().refine(periodInOrder, PERIOD_ORDER);
