import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { z } from '../zod';
import { isoDateSchema } from './dates';

/**
 * Drawing the stikprøve: seeded, so anyone with the same population, method and seed gets the same sager.
 * Methods as in audit practice: simple random, stratified, and systematic (fixed interval, random start).
 */

export const SAMPLING_METHODS = ['simpel', 'stratificeret', 'systematisk'] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];
export const SAMPLING_METHOD_LABELS: Record<SamplingMethod, string> = {
  simpel: 'Simpel tilfældig udvælgelse',
  stratificeret: 'Stratificeret udvælgelse',
  systematisk: 'Systematisk udvælgelse (fast interval fra tilfældig start)',
};

export const STRATA_FIELDS = ['sagsbehandler', 'team', 'sagstype'] as const;
export type StrataField = (typeof STRATA_FIELDS)[number];
export const STRATA_FIELD_LABELS: Record<StrataField, string> = {
  sagsbehandler: 'sagsbehandler',
  team: 'team',
  sagstype: 'sagstype',
};

export const ALLOCATIONS = ['per_stratum', 'proportional'] as const;
export type Allocation = (typeof ALLOCATIONS)[number];

export const MAX_SEED = 999_999_999;

export const sampleSpecSchema = z
  .object({
    method: z.enum(SAMPLING_METHODS, { error: 'Vælg udvælgelsesmetode' }),
    /** Total sample size (simple, systematic, proportional). */
    size: z
      .number({ error: 'Angiv stikprøvens størrelse' })
      .int('Angiv et helt tal')
      .min(1, 'Stikprøven skal have mindst én sag')
      .max(10_000),
    strataBy: z.enum(STRATA_FIELDS).optional(),
    allocation: z.enum(ALLOCATIONS).default('per_stratum'),
    /** Sager per stratum when allocation is per_stratum. */
    perStratum: z.number().int().min(1, 'Angiv mindst én sag pr. gruppe').max(1000).optional(),
    /** Spares drawn with the sample, per stratum (or in all for an unstratified draw). */
    spares: z.number({ error: 'Angiv antal reserver' }).int().min(0).max(100).default(2),
    filters: z
      .object({
        sagstyper: z.array(z.string()).default([]),
        teams: z.array(z.string()).default([]),
        dateKey: z.string().optional(),
        dateFrom: isoDateSchema('Vælg en dato').optional(),
        dateTo: isoDateSchema('Vælg en dato').optional(),
      })
      .strict()
      .default({ sagstyper: [], teams: [] }),
    seed: z
      .number({ error: 'Angiv en startværdi' })
      .int()
      .min(1, 'Startværdien skal være et positivt tal')
      .max(MAX_SEED, 'Startværdien er for stor'),
    avoidRecentlyReviewed: z.boolean().default(false),
    preferUnreviewed: z.boolean().default(false),
  })
  .strict()
  .refine((s) => s.method !== 'stratificeret' || s.strataBy !== undefined, {
    path: ['strataBy'],
    message: 'Vælg hvad der stratificeres efter',
  })
  .refine((s) => s.method !== 'stratificeret' || s.allocation !== 'per_stratum' || s.perStratum !== undefined, {
    path: ['perStratum'],
    message: 'Angiv antal sager pr. gruppe',
  });
export type SampleSpec = z.output<typeof sampleSpecSchema>;
export type SampleSpecInput = z.input<typeof sampleSpecSchema>;

export interface SamplingUnit {
  id: number;
  sagsnummer: string;
  sagstype: string;
  sagsbehandler: string;
  team: string;
  dates: Readonly<Record<string, string>>;
}

/** What earlier tilsyn (the last 12 months) reviewed, for the coverage-aware options. */
export interface ReviewHistory {
  sagsnumre: ReadonlySet<string>;
  sagsbehandlere: ReadonlySet<string>;
  sagstyper: ReadonlySet<string>;
}

export interface SamplePick {
  unitId: number;
  stratum: string;
  role: 'udvalgt' | 'reserve';
  /** 1, 2, 3 … within the stratum and role: spares come in this order. */
  order: number;
}

export interface StratumSummary {
  name: string;
  population: number;
  requested: number;
  drawn: number;
  spares: number;
}

export interface DrawResult {
  picks: SamplePick[];
  strata: StratumSummary[];
  populationAfterFilters: number;
  warnings: string[];
}

export const NO_VALUE = '(ikke angivet)';
/**
 * Plain code-point order, not a locale collator: the canonical order decides which sag each random number
 * hits, so it must not change when an upgrade brings new locale data, or old seeds would draw differently.
 */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sager = (n: number) => `${n} ${n === 1 ? 'sag' : 'sager'}`;

/** The population after the filters and the avoid-recent option, in a canonical order (by sagsnummer). */
export function eligibleUnits(
  units: readonly SamplingUnit[],
  spec: SampleSpec,
  history?: ReviewHistory,
): SamplingUnit[] {
  const { sagstyper, teams, dateKey, dateFrom, dateTo } = spec.filters;
  return units
    .filter((u) => sagstyper.length === 0 || sagstyper.includes(u.sagstype))
    .filter((u) => teams.length === 0 || teams.includes(u.team))
    .filter((u) => {
      if (!dateKey || (!dateFrom && !dateTo)) return true;
      const d = u.dates[dateKey];
      return d !== undefined && (!dateFrom || d >= dateFrom) && (!dateTo || d <= dateTo);
    })
    .filter((u) => !spec.avoidRecentlyReviewed || !history?.sagsnumre.has(u.sagsnummer))
    .sort((a, b) => byCodePoint(a.sagsnummer, b.sagsnummer) || a.id - b.id);
}

/** Groups units by the strata field; one group, "Alle sager", when the draw is not stratified. */
export function strataOf(
  units: readonly SamplingUnit[],
  spec: Pick<SampleSpec, 'method' | 'strataBy'>,
): Map<string, SamplingUnit[]> {
  const groups = new Map<string, SamplingUnit[]>();
  for (const unit of units) {
    const name = spec.method === 'stratificeret' && spec.strataBy ? unit[spec.strataBy] || NO_VALUE : 'Alle sager';
    const group = groups.get(name);
    if (group) group.push(unit);
    else groups.set(name, [unit]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => byCodePoint(a, b)));
}

/** Shares `total` out over the strata in proportion to their size (largest remainder). */
export function proportionalAllocation(sizes: readonly number[], total: number): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (sum === 0) return sizes.map(() => 0);
  const exact = sizes.map((s) => (s / sum) * Math.min(total, sum));
  const result = exact.map(Math.floor);
  let left = Math.min(total, sum) - result.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    if ((result[i] ?? 0) < (sizes[i] ?? 0)) {
      result[i] = (result[i] ?? 0) + 1;
      left--;
    }
  }
  return result;
}

/** Draws the sample and its spares. The same units, spec (with seed) and history always give the same draw. */
export function drawSample(units: readonly SamplingUnit[], spec: SampleSpec, history?: ReviewHistory): DrawResult {
  const warnings: string[] = [];
  const eligible = eligibleUnits(units, spec, history);
  if (spec.avoidRecentlyReviewed && history) {
    const skipped = eligibleUnits(units, { ...spec, avoidRecentlyReviewed: false }).length - eligible.length;
    if (skipped > 0)
      warnings.push(`${skipped} sager er gennemgået inden for de seneste 12 måneder og er ikke med i udtrækningen.`);
  }
  const strata = strataOf(eligible, spec);
  const sizes = [...strata.values()].map((g) => g.length);
  const requested =
    spec.method === 'stratificeret' && spec.allocation === 'per_stratum'
      ? sizes.map(() => spec.perStratum ?? 1)
      : spec.method === 'stratificeret'
        ? proportionalAllocation(sizes, spec.size)
        : [spec.size];

  const rng = xoroshiro128plus(spec.seed);
  const picks: SamplePick[] = [];
  const summaries: StratumSummary[] = [];
  [...strata.entries()].forEach(([name, group], i) => {
    const want = requested[i] ?? 0;
    const ordered = spec.method === 'systematisk' ? systematicOrder(group, want, rng) : shuffled(group, rng);
    // A systematic draw keeps its fixed interval; preferring unreviewed sager would break it.
    const ranked =
      spec.preferUnreviewed && history && spec.method !== 'systematisk' ? preferUnreviewed(ordered, history) : ordered;
    const chosen = ranked.slice(0, want);
    // A stratum that gets no sager in a proportional draw needs no spares either.
    const spares = want > 0 ? ranked.slice(want, want + spec.spares) : [];
    chosen.forEach((u, k) => {
      picks.push({ unitId: u.id, stratum: name, role: 'udvalgt', order: k + 1 });
    });
    spares.forEach((u, k) => {
      picks.push({ unitId: u.id, stratum: name, role: 'reserve', order: k + 1 });
    });
    if (group.length < want) {
      warnings.push(
        spec.method === 'stratificeret'
          ? `Gruppen »${name}« har kun ${sager(group.length)}; der blev bedt om ${want}.`
          : `Sagslisten har kun ${sager(group.length)}; der blev bedt om ${want}.`,
      );
    }
    summaries.push({ name, population: group.length, requested: want, drawn: chosen.length, spares: spares.length });
  });
  if (spec.method === 'stratificeret' && spec.allocation === 'proportional' && eligible.length < spec.size) {
    warnings.push(`Sagslisten har kun ${sager(eligible.length)}; der blev bedt om ${spec.size}.`);
  }
  if (eligible.length === 0) warnings.push('Ingen sager opfylder filtrene.');
  return { picks, strata: summaries, populationAfterFilters: eligible.length, warnings };
}

type Rng = ReturnType<typeof xoroshiro128plus>;

/** The items in a seeded random order: the same seed gives the same order (the second review's draw, issue #16). */
export function seededOrder<T>(items: readonly T[], seed: number): T[] {
  return shuffled(items, xoroshiro128plus(seed));
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Every (N/n)-th unit from a random start, then the rest in random order as spares. With a fractional
 * interval the positions are floor((r + k·N) / n) for a start r in 0..N-1, which gives every unit the
 * same chance n/N.
 */
function systematicOrder<T>(items: readonly T[], n: number, rng: Rng): T[] {
  const size = items.length;
  const count = Math.min(n, size);
  if (count <= 0) return shuffled(items, rng);
  const start = uniformInt(rng, 0, size - 1);
  const chosenIdx = new Set<number>();
  for (let k = 0; k < count; k++) chosenIdx.add(Math.floor((start + k * size) / count));
  const chosen = [...chosenIdx].map((i) => items[i] as T);
  return [
    ...chosen,
    ...shuffled(
      items.filter((_, i) => !chosenIdx.has(i)),
      rng,
    ),
  ];
}

/** Caseworkers and case types not reviewed in the last 12 months come first; the random order is kept within. */
function preferUnreviewed(units: readonly SamplingUnit[], history: ReviewHistory): SamplingUnit[] {
  const fresh = (u: SamplingUnit) => !history.sagsbehandlere.has(u.sagsbehandler) || !history.sagstyper.has(u.sagstype);
  return [...units.filter(fresh), ...units.filter((u) => !fresh(u))];
}

/** A fresh seed for a new draw, shown to the leader and stored with the sample. */
export function newSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * MAX_SEED);
}
