import { z } from '../zod';
import { YEAR } from './aarshjul';
import { type Agreement, agreementOf, type RatedPair } from './agreement';
import type { AreaCoverage } from './coverage-figures';
import { type MeasureResult, type Share, shareOf } from './results';
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
  /** A tematiseret group's afsnit, by title (»Børnesamtalen, Handleplanen«); null for rounds of every afsnit. */
  tema: string | null;
  columns: ComparisonColumn[];
  /** The krav of the newest round's template that applied somewhere, each with a cell per column (null: not there). */
  rows: { key: string; number: string; text: string; cells: (ComparisonCell | null)[] }[];
  /**
   * The whole area: the enheder's latest rounds added up, all krav and krav by krav (as the rows); a krav's cell
   * carries the måltal when every enhed's round was measured by the same one (its dated step or the template's).
   */
  area: { overall: Share; rows: (ComparisonCell | null)[] };
  /** Every round of the year, by the quarter its period ends in: each enhed's and the whole area's, all krav. */
  development: QuarterDevelopment;
  /**
   * How alike two reviewers judged each question in the year's second reviews (issue #16), least alike first: a hint
   * of which help texts to sharpen. Only questions judged by both somewhere.
   */
  agreement: QuestionAgreement[];
}

export interface QuestionAgreement {
  key: string;
  text: string;
  overall: Agreement;
  quarters: (Agreement | null)[];
}

/** The second reviews' pairs of the year's rounds added up per question, overall and by quarter, least alike first. */
export function agreementByQuestion(
  rounds: readonly { periodeTil: string; pairs: readonly (RatedPair & { key: string; question: string })[] }[],
): QuestionAgreement[] {
  const keys = new Map<string, string>();
  for (const r of rounds) for (const p of r.pairs) if (!keys.has(p.key)) keys.set(p.key, p.question);
  return [...keys]
    .map(([key, text]) => {
      const of = (rs: typeof rounds) => rs.flatMap((r) => r.pairs.filter((p) => p.key === key));
      return {
        key,
        text,
        overall: agreementOf(of(rounds)),
        quarters: [0, 1, 2, 3].map((q) => {
          const pairs = of(rounds.filter((r) => quarterOf(r.periodeTil) === q));
          return pairs.length > 0 ? agreementOf(pairs) : null;
        }),
      };
    })
    .sort((a, b) => (a.overall.percent ?? 1) - (b.overall.percent ?? 1) || a.text.localeCompare(b.text, 'da'));
}

export interface QuarterDevelopment {
  enheder: { enhedId: number; enhed: string; quarters: (Share | null)[] }[];
  area: (Share | null)[];
  /**
   * The whole area krav by krav, quarter by quarter, against the måltal of the time: a quarter's cell carries the
   * måltal when every round in it was measured by the same one (an enhed's dated step, or the template's).
   */
  krav: { key: string; number: string; text: string; quarters: (ComparisonCell | null)[] }[];
}

const add = (shares: readonly (Share | null | undefined)[]): Share | null => {
  const counted = shares.filter((s): s is Share => Boolean(s && s.applicable > 0));
  if (counted.length === 0) return null;
  return shareOf(
    counted.reduce((n, s) => n + s.met, 0),
    counted.reduce((n, s) => n + s.applicable, 0),
  );
};

/** The whole area's figures: met and applicable of the columns added up, for all krav and for each row. */
export function areaTotals(family: Pick<ComparisonFamily, 'columns' | 'rows'>): ComparisonFamily['area'] {
  return {
    overall: add(family.columns.map((c) => c.overall)) ?? shareOf(0, 0),
    rows: family.rows.map((r) => addCells(r.cells)),
  };
}

/** Cells added up; the måltal kept when they all had the same one, and the sum measured against it. */
function addCells(
  cells: readonly (Pick<ComparisonCell, 'met' | 'applicable' | 'target'> | null)[],
): ComparisonCell | null {
  const share = add(cells.map((c) => (c ? shareOf(c.met, c.applicable) : null)));
  if (!share) return null;
  const targets = new Set(cells.filter((c) => c !== null && c.applicable > 0).map((c) => c?.target ?? null));
  const [only] = targets;
  const target = targets.size === 1 && only !== undefined ? only : null;
  const belowTarget = target === null || share.share === null ? null : share.share * 100 < target;
  return { ...share, target, belowTarget };
}

/** The quarter (0–3) a day falls in. */
const quarterOf = (iso: string) => Math.floor((Number(iso.slice(5, 7)) - 1) / 3);

/**
 * The development through the year: each round counted in the quarter its period ends in; an enhed with two rounds in
 * a quarter has them added up, and the area is every enhed's rounds added up.
 */
export function developmentByQuarter(
  rounds: readonly {
    enhedId: number;
    enhed: string;
    periodeTil: string;
    overall: Share;
    measures: readonly Pick<MeasureResult, 'key' | 'met' | 'applicable' | 'target'>[];
  }[],
  krav: readonly { key: string; number: string; text: string }[],
): QuarterDevelopment {
  const byEnhed = new Map<number, { enhed: string; shares: Share[][] }>();
  for (const r of rounds) {
    const row = byEnhed.get(r.enhedId) ?? { enhed: r.enhed, shares: [[], [], [], []] };
    row.shares[quarterOf(r.periodeTil)]?.push(r.overall);
    byEnhed.set(r.enhedId, row);
  }
  const quarters = [0, 1, 2, 3];
  return {
    enheder: [...byEnhed]
      .sort(([, a], [, b]) => a.enhed.localeCompare(b.enhed, 'da'))
      .map(([enhedId, row]) => ({
        enhedId,
        enhed: row.enhed,
        quarters: quarters.map((q) => add(row.shares[q] ?? [])),
      })),
    area: quarters.map((q) => add(rounds.filter((r) => quarterOf(r.periodeTil) === q).map((r) => r.overall))),
    krav: krav.map(({ key, number, text }) => ({
      key,
      number,
      text,
      quarters: quarters.map((q) =>
        addCells(
          rounds.filter((r) => quarterOf(r.periodeTil) === q).map((r) => r.measures.find((m) => m.key === key) ?? null),
        ),
      ),
    })),
  };
}

export interface Comparison {
  aar: number;
  families: ComparisonFamily[];
  /** Per enhed the caseworkers reached per quarter and in the year, counted where its sager are (issue #15). */
  coverage: AreaCoverage;
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
