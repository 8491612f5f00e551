import { z } from '../zod';
import { unitPathSchema } from './bundle-results';
import { computeCoverage, type ReviewedSag } from './coverage';
import { isoDateSchema, partsOfYear } from './dates';

/**
 * Coverage as counts, for the department (issue #15): an enhed's coverage in a period is counted in the leader's own
 * file, where the sagslister and the sager are, the way her årshjul counts it (færdige sager of every round whose
 * period ends in it), and travels in her resultatpakke as numbers per enhed and period, never names. The department
 * adds them up per enhed, not per round: a caseworker reached in two rounds of a quarter is one caseworker.
 */
export interface CoverageFigure {
  fra: string;
  til: string;
  /** On the enhed's sagslister in the period (and any reviewed who were not on them). */
  sagsbehandlere: number;
  /** Of them, those with at least one færdig sag reviewed. */
  sagsbehandlereDaekket: number;
  sagstyper: number;
  sagstyperDaekket: number;
  /** The enhed's rounds in the period, and those of them whose sager the counting file does not hold. */
  runder: number;
  runderUdenSager: number;
}

/** The figure of one enhed's sagslister and reviewed sager (all in the period); names compared as they read. */
export function figureOf(
  period: { fra: string; til: string },
  seen: { caseworkers: readonly string[]; sagstyper: readonly string[] },
  reviewed: readonly ReviewedSag[],
  rounds: { runder: number; runderUdenSager: number },
): CoverageFigure {
  const c = computeCoverage(seen, reviewed, [{ ...period, navn: '' }], 1);
  return {
    ...period,
    sagsbehandlere: c.caseworkers.length,
    sagsbehandlereDaekket: c.caseworkers.filter((r) => r.total > 0).length,
    sagstyper: c.sagstyper.length,
    sagstyperDaekket: c.sagstyper.filter((r) => r.total > 0).length,
    ...rounds,
  };
}

/** Whether a figure counts anything: a period whose rounds all lack their sager says nothing of coverage. */
export const figureCounts = (f: CoverageFigure) => f.runder > f.runderUdenSager;

/** The periods a pakke counts coverage for: each quarter and each year its rounds' periods end in. */
export function figurePeriods(roundEnds: readonly string[]): { fra: string; til: string }[] {
  const years = [...new Set(roundEnds.map((d) => Number(d.slice(0, 4))))].sort();
  return years.flatMap((y) => {
    const quarters = partsOfYear(y, 3).filter((q) => roundEnds.some((d) => q.fra <= d && d <= q.til));
    return [...quarters, { fra: `${y}-01-01`, til: `${y}-12-31` }];
  });
}

/** The figures added up (caseworkers of different enheder are different people), or null when none counts. */
export function addFigures(
  figures: readonly (CoverageFigure | null)[],
  period: { fra: string; til: string },
): CoverageFigure | null {
  const counted = figures.filter((f): f is CoverageFigure => f !== null && figureCounts(f));
  if (counted.length === 0) return null;
  const sum = (k: keyof Omit<CoverageFigure, 'fra' | 'til'>) => counted.reduce((n, f) => n + f[k], 0);
  return {
    ...period,
    sagsbehandlere: sum('sagsbehandlere'),
    sagsbehandlereDaekket: sum('sagsbehandlereDaekket'),
    sagstyper: sum('sagstyper'),
    sagstyperDaekket: sum('sagstyperDaekket'),
    runder: sum('runder'),
    runderUdenSager: sum('runderUdenSager'),
  };
}

/** »5 af 7« caseworkers reached; a figure that counts nothing says so. */
export function figureInWords(f: CoverageFigure | null): string {
  if (!f || !figureCounts(f)) return '–';
  return `${f.sagsbehandlereDaekket} af ${f.sagsbehandlere}`;
}

export const COVERAGE_MEMBER = 'daekning.json';

const count = z.number().int().min(0).max(1_000_000);

/** What a resultatpakke's coverage member holds: per enhed and period, the counts and when and where they were made. */
export const bundleCoverageSchema = z
  .array(
    z
      .object({
        enhed: unitPathSchema,
        /** The file that counted it: a department sending it on keeps it, so where it arrives it stays one figure. */
        kilde: z.string().uuid(),
        beregnet: z.string().datetime(),
        fra: isoDateSchema(''),
        til: isoDateSchema(''),
        sagsbehandlere: count,
        sagsbehandlereDaekket: count,
        sagstyper: count,
        sagstyperDaekket: count,
        runder: count,
        runderUdenSager: count,
      })
      .strict(),
  )
  .max(20_000);

export type BundleCoverage = z.infer<typeof bundleCoverageSchema>[number];

/** What does not add up in a figure as it came, in Danish (»… for Team Nord 1. kvt. 2026«), or null. */
export function figureProblem(f: CoverageFigure, roundEnds: readonly string[]): string | null {
  const whole = figurePeriods(roundEnds);
  if (!whole.some((p) => p.fra === f.fra && p.til === f.til))
    return 'dækningen gælder en periode, som ikke er et kvartal eller et år med en af enhedens runder i pakken';
  if (f.sagsbehandlereDaekket > f.sagsbehandlere) return 'flere sagsbehandlere med gennemgåede sager, end der er';
  if (f.sagstyperDaekket > f.sagstyper) return 'flere sagstyper med gennemgåede sager, end der er';
  if (f.runderUdenSager > f.runder) return 'flere runder uden sager, end der er runder';
  return null;
}

/** The department's coverage for a year: per enhed the four quarters and the year, and the whole area added up. */
export interface AreaCoverage {
  rows: { enhedId: number; enhed: string; cells: (CoverageFigure | null)[]; fraPakke: boolean }[];
  area: (CoverageFigure | null)[];
}

/** The five periods of the department's coverage table: 1.–4. kvt. and the year. */
export function coverageColumns(aar: number): { fra: string; til: string }[] {
  return [...partsOfYear(aar, 3), { fra: `${aar}-01-01`, til: `${aar}-12-31` }];
}
