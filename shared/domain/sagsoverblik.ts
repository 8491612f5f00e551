import { z } from '../zod';
import { formatMonth, inYearRange, isoDateSchema, todayIso, YEAR_RANGE_MESSAGE } from './dates';
import { unitKey } from './enhed';
import { formatCount } from './format';
import { INVISIBLE } from './invisible';

/**
 * Sagsoverblik (issue #19; seed 000: »en opgørelse over antallet af sager hver den 1. i måneden … tilgang af nye
 * sager i måneden samt … afgang af sager«, tied to the måltal; seed 001: »ca. 25 sager« per caseworker). Every
 * sagsliste imported for an enhed is a dated list of its caseload; two lists, matched by sagsnummer, give the flow
 * between them. Pure functions: the lists come from the store.
 */

/** What the figures count: every sag, or every person (a person with three sager counts once). */
export const COUNTINGS = ['sager', 'personer'] as const;
export type Counting = (typeof COUNTINGS)[number];
export const COUNTING_LABELS: Record<Counting, string> = { sager: 'sager', personer: 'personer' };

/** What the figures count, said in words (seed 000: »sagspresset eller antallet af personsager«). */
export function countingInWords(counting: Counting): string {
  return counting === 'personer'
    ? 'Tallene tæller personer: et barn eller en borger med flere sager tæller én gang, og en sag uden personens id som én person. Lister uden en kolonne med personens id tælles i sager.'
    : 'Tallene tæller sager: et barn eller en borger med tre sager tæller tre gange.';
}

/** One row of a kept sagsliste: only what the overview needs. */
export interface ListSag {
  sagsnummer: string;
  sagsbehandler: string;
  team: string;
  sagstype: string;
  /** A keyed hash of the person the sag is about (never the reference itself); '' when the list has none. */
  person: string;
  /** The sagsnummer's caseKey, when the store has it already (it is kept beside each sag). */
  noegle?: string;
}

/** Hyphens, dashes and minus signs a sagsnummer may be typed or exported with. */
const DASHES = /[\u002d\u00ad\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/gu;

/**
 * Two sagsnumre are one sag's when they read the same: case, width, spaces, characters that show nothing and the
 * kind of dash do not count (»SAG–2024 0012« is »sag-20240012«). Leading zeros do count: »12« and »012« may be two
 * sager in a system that pads.
 */
export function caseKey(sagsnummer: string): string {
  return sagsnummer.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(/\s+/gu, '').toUpperCase();
}

const keyOf = (row: ListSag) => row.noegle ?? caseKey(row.sagsnummer);

/** What is counted for a row: its sag, or its person (a row without one counts as its own person). */
function entityKey(row: ListSag, counting: Counting): string {
  return counting === 'personer' && row.person ? `p:${row.person}` : `s:${keyOf(row)}`;
}

/** A kept list, indexed: each counted entity with the groups it belongs to per dimension. */
interface Indexed {
  /** The groups of each entity (almost always one per dimension: arrays, not sets, for 50,000 sager). */
  entities: Map<string, Record<Dimension, string[]>>;
  /** Names as first written, per folded key. */
  shown: Map<string, string>;
  /** Rows whose sagsnummer another row of the list already had (read alike). */
  duplicates: number;
  withoutPerson: number;
}

export const DIMENSIONS = ['sagsbehandler', 'team', 'sagstype'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, string> = {
  sagsbehandler: 'Sagsbehandler',
  team: 'Team',
  sagstype: 'Sagstype',
};

function indexList(rows: readonly ListSag[], counting: Counting, shown = new Map<string, string>()): Indexed {
  const entities: Indexed['entities'] = new Map();
  // A group key for a dimension, folded as enheder and caseworkers are ('' for none); a list has few distinct names.
  const folded = { sagsbehandler: new Map<string, string>(), team: new Map<string, string>(), sagstype: new Map() };
  const groupKey = (d: Dimension, value: string): string => {
    let g = folded[d].get(value);
    if (g === undefined) {
      g = unitKey(value);
      folded[d].set(value, g);
      if (g && !shown.has(`${d}:${g}`)) shown.set(`${d}:${g}`, value.trim());
    }
    return g;
  };
  const seenSager = new Set<string>();
  let duplicates = 0;
  let withoutPerson = 0;
  for (const row of rows) {
    const sag = keyOf(row);
    if (seenSager.has(sag)) {
      duplicates++;
      continue;
    }
    seenSager.add(sag);
    if (!row.person) withoutPerson++;
    const key = entityKey(row, counting);
    let entity = entities.get(key);
    if (!entity) {
      entity = { sagsbehandler: [], team: [], sagstype: [] };
      entities.set(key, entity);
    }
    for (const d of DIMENSIONS) {
      const g = groupKey(d, row[d]);
      if (!entity[d].includes(g)) entity[d].push(g);
    }
  }
  return { entities, shown, duplicates, withoutPerson };
}

export interface FlowGroup {
  /** As first written; '' for the rows with none (»Uden sagsbehandler«). */
  navn: string;
  start: number;
  /** New in the enhed. */
  tilgang: number;
  /** Closed or gone from the enhed. */
  afgang: number;
  /** Already in the enhed, now in this group (moved from another caseworker, team or sagstype). */
  flyttetInd: number;
  flyttetUd: number;
  slut: number;
}

export interface Flow {
  counting: Counting;
  start: number;
  tilgang: number;
  afgang: number;
  /** In both lists, with another caseworker (or team) at the end. */
  skiftetSagsbehandler: number;
  skiftetTeam: number;
  slut: number;
  /** Of the tilgang: seen in an earlier list of the enhed, gone, and back (a sag genoptaget). */
  kommetIgen: number;
  groups: Record<Dimension, FlowGroup[]>;
  /** Rows of each list left out because their sagsnummer stood twice (read alike). */
  duplicates: { start: number; slut: number };
}

const byName = (a: { navn: string }, b: { navn: string }) =>
  a.navn === '' ? 1 : b.navn === '' ? -1 : a.navn.localeCompare(b.navn, 'da');

/**
 * The flow between two lists of one enhed, matched by sagsnummer (or person): the start, what came, what went,
 * what moved between groups, the end; per caseworker, team and sagstype. In each group
 * slut = start + tilgang − afgang + flyttetInd − flyttetUd. `earlier` are the keys (caseKey, or 'p:'-hash) of the
 * enhed's lists before the first: a new one among them has come back.
 */
export function computeFlow(
  from: readonly ListSag[],
  to: readonly ListSag[],
  counting: Counting = 'sager',
  earlier: ReadonlySet<string> = new Set(),
): Flow {
  const shown = new Map<string, string>();
  const a = indexList(from, counting, shown);
  const b = indexList(to, counting, shown);
  const groups = {} as Record<Dimension, FlowGroup[]>;
  for (const d of DIMENSIONS) {
    const rows = new Map<string, FlowGroup>();
    const row = (g: string) => {
      let r = rows.get(g);
      if (!r) {
        r = {
          navn: g ? (shown.get(`${d}:${g}`) ?? g) : '',
          start: 0,
          tilgang: 0,
          afgang: 0,
          flyttetInd: 0,
          flyttetUd: 0,
          slut: 0,
        };
        rows.set(g, r);
      }
      return r;
    };
    for (const [key, e] of a.entities) {
      const there = b.entities.get(key);
      for (const g of e[d]) {
        const r = row(g);
        r.start++;
        if (!there) r.afgang++;
        else if (!there[d].includes(g)) r.flyttetUd++;
      }
    }
    for (const [key, e] of b.entities) {
      const before = a.entities.get(key);
      for (const g of e[d]) {
        const r = row(g);
        r.slut++;
        if (!before) r.tilgang++;
        else if (!before[d].includes(g)) r.flyttetInd++;
      }
    }
    groups[d] = [...rows.values()].sort(byName);
  }
  let tilgang = 0;
  let kommetIgen = 0;
  for (const key of b.entities.keys()) {
    if (a.entities.has(key)) continue;
    tilgang++;
    if (earlier.has(key.slice(2))) kommetIgen++;
  }
  let afgang = 0;
  let skiftetSagsbehandler = 0;
  let skiftetTeam = 0;
  for (const [key, e] of a.entities) {
    const there = b.entities.get(key);
    if (!there) {
      afgang++;
      continue;
    }
    if (!sameSet(e.sagsbehandler, there.sagsbehandler)) skiftetSagsbehandler++;
    if (!sameSet(e.team, there.team)) skiftetTeam++;
  }
  return {
    counting,
    start: a.entities.size,
    tilgang,
    afgang,
    skiftetSagsbehandler,
    skiftetTeam,
    slut: b.entities.size,
    kommetIgen,
    groups,
    duplicates: { start: a.duplicates, slut: b.duplicates },
  };
}

function sameSet(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((v) => y.includes(v));
}

/** The keys `computeFlow` matches `earlier` by: caseKey for sager, the person's hash for personer. */
export function listKeys(rows: readonly ListSag[], counting: Counting): Set<string> {
  return new Set(rows.map((r) => entityKey(r, counting).slice(2)));
}

// ---------- caseload ----------

export interface CaseworkerLoad {
  navn: string;
  antal: number;
  overMaal: boolean;
}

/**
 * Bands of the distribution management sees (no names), around the måltal when there is one (»Højst 20«, »21-25«,
 * »26-30«, »Over 30« for 25): a job centre's 70 borgere and a children's team's 25 sager both read at a glance.
 * Without one: bands of ten.
 */
export function loadBands(maal: number | null, highest: number): { label: string; max: number }[] {
  if (maal !== null) {
    const low = Math.floor(maal * 0.8);
    const high = Math.ceil(maal * 1.2);
    return [
      ...(low >= 1 ? [{ label: `Højst ${low}`, max: low }] : []),
      { label: low + 1 === maal ? String(maal) : `${low + 1}-${maal}`, max: maal },
      { label: maal + 1 === high ? String(high) : `${maal + 1}-${high}`, max: high },
      { label: `Over ${high}`, max: Number.POSITIVE_INFINITY },
    ];
  }
  const bands: { label: string; max: number }[] = [];
  for (let from = 0; from <= highest && bands.length < 5; from += 10)
    bands.push({ label: `${from}-${from + 9}`, max: from + 9 });
  bands.push({ label: `${bands.length * 10} eller flere`, max: Number.POSITIVE_INFINITY });
  return bands;
}

/** A list's caseload without names: what may leave the leader's screen. */
export interface LoadFigures {
  /** Counted entities (sager or personer). */
  antal: number;
  /** Caseworkers with at least one. */
  sagsbehandlere: number;
  /** Counted without a caseworker (waiting to be assigned, or the list has no caseworker column). */
  udenSagsbehandler: number;
  /** Each caseworker's count, highest first: enough to measure against any måltal later. */
  belastninger: number[];
}

/** Each caseworker's caseload in a list (an entity with two caseworkers counts for each). */
export function loadFigures(
  rows: readonly ListSag[],
  counting: Counting = 'sager',
): LoadFigures & { named: Map<string, { navn: string; antal: number }> } {
  const list = indexList(rows, counting);
  const named = new Map<string, { navn: string; antal: number }>();
  let uden = 0;
  for (const e of list.entities.values()) {
    for (const g of e.sagsbehandler) {
      if (!g) {
        uden++;
        continue;
      }
      const n = named.get(g) ?? { navn: list.shown.get(`sagsbehandler:${g}`) ?? g, antal: 0 };
      n.antal++;
      named.set(g, n);
    }
  }
  return {
    antal: list.entities.size,
    sagsbehandlere: named.size,
    udenSagsbehandler: uden,
    belastninger: [...named.values()].map((n) => n.antal).sort((x, y) => y - x),
    named,
  };
}

export interface LoadSummary {
  maal: number | null;
  /** Mean and median per caseworker; null without caseworkers. */
  gennemsnit: number | null;
  median: number | null;
  hoejeste: number | null;
  overMaal: number;
  /** Of the caseworkers; null without a måltal or caseworkers. */
  andelOverMaal: number | null;
  fordeling: { label: string; antal: number }[];
}

/** The distribution and the share over the måltal (more than `maal` is over it; exactly `maal` is not). */
export function summariseLoad(belastninger: readonly number[], maal: number | null): LoadSummary {
  const sorted = [...belastninger].sort((x, y) => x - y);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n === 0 ? null : n % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const overMaal = maal === null ? 0 : sorted.filter((x) => x > maal).length;
  let low = Number.NEGATIVE_INFINITY;
  const fordeling = loadBands(maal, sorted[n - 1] ?? 0).map((band) => {
    const antal = sorted.filter((x) => x > low && x <= band.max).length;
    low = band.max;
    return { label: band.label, antal };
  });
  return {
    maal,
    gennemsnit: n === 0 ? null : sorted.reduce((s, x) => s + x, 0) / n,
    median,
    hoejeste: n === 0 ? null : (sorted[n - 1] ?? null),
    overMaal,
    andelOverMaal: maal === null || n === 0 ? null : overMaal / n,
    fordeling,
  };
}

/** The caseworkers of a list with their caseload, the highest first: for the leader's screen only. */
export function caseworkerLoads(
  named: ReadonlyMap<string, { navn: string; antal: number }>,
  maal: number | null,
): CaseworkerLoad[] {
  return [...named.values()]
    .map((n) => ({ navn: n.navn, antal: n.antal, overMaal: maal !== null && n.antal > maal }))
    .sort((x, y) => y.antal - x.antal || x.navn.localeCompare(y.navn, 'da'));
}

// ---------- kept lists, settings and the API's views ----------

/** A flow without its groups: what is kept between two lists, also when their sager are deleted. */
export type FlowTotals = Omit<Flow, 'groups' | 'duplicates' | 'counting'>;

export function flowTotals(flow: Flow): FlowTotals {
  const { groups: _g, duplicates: _d, counting: _c, ...totals } = flow;
  return totals;
}

export interface ListInfo {
  id: number;
  enhedId: number;
  /** The day the list was taken from the case system. */
  dato: string;
  kildeFil: string;
  importeret: string;
  /** The tilsyn it was imported for; null when imported for the overview alone. */
  tilsyn: { id: number; titel: string } | null;
  sager: number;
  /** Null when the list had no person column. */
  personer: number | null;
  sagsbehandlere: number;
  /** When its sager were deleted (the figures stay). */
  sagerSlettet: string | null;
}

export interface OverviewSettings {
  enhedId: number;
  /** Most sager (or personer) per caseworker; null: no måltal set. */
  maal: number | null;
  optaelling: Counting;
}

const id = z.number({ error: 'Ugyldigt id' }).int().positive('Ugyldigt id');

export const overviewSettingsSchema = z
  .object({
    enhedId: id,
    maal: z
      .number({ error: 'Skriv måltallet som et tal' })
      .int('Skriv måltallet som et helt tal')
      .min(1, 'Måltallet skal være mindst 1')
      .max(500, 'Måltallet kan højst være 500')
      .nullable(),
    optaelling: z.enum(COUNTINGS, { error: 'Vælg om der tælles sager eller personer' }),
  })
  .strict();

export const listDateSchema = isoDateSchema('Skriv sagslistens dato (den dag, listen blev trukket)').refine(
  (d) => d <= todayIso(),
  'Sagslistens dato kan ikke ligge efter i dag',
);

export const compareQuerySchema = z.object({ fraId: id, tilId: id }).strict();

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthSchema = (what: string) =>
  z
    .string({ error: `Vælg ${what}` })
    .regex(MONTH, `Vælg ${what} som åååå-mm`)
    .refine((m) => inYearRange(`${m}-01`), YEAR_RANGE_MESSAGE);

/** At most ten years of months in one view. */
export const MAX_MONTHS = 120;

export const monthQuerySchema = z
  .object({ enhedId: id, fra: monthSchema('den første måned'), til: monthSchema('den sidste måned') })
  .strict()
  .refine((q) => q.fra <= q.til, { message: 'Den første måned skal ligge før den sidste', path: ['til'] })
  .refine((q) => monthsBetween(q.fra, q.til).length <= MAX_MONTHS, {
    message: `Vælg højst ${MAX_MONTHS / 12} år ad gangen`,
    path: ['til'],
  });

/** The month after 'åååå-mm'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** 'åååå-mm' from `fra` to `til`, both included. */
export function monthsBetween(fra: string, til: string): string[] {
  const out: string[] = [];
  let [y, m] = fra.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > til || out.length > MAX_MONTHS * 2) break;
    out.push(month);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The list each month is read from: the earliest taken in that month (the stock »on the 1st« as near as there is). */
export function listsByMonth<L extends { dato: string }>(months: readonly string[], lists: readonly L[]): (L | null)[] {
  const sorted = [...lists].sort((a, b) => a.dato.localeCompare(b.dato));
  return months.map((month) => sorted.find((l) => l.dato.startsWith(month)) ?? null);
}

export interface FlowView {
  counting: Counting;
  fra: ListInfo;
  til: ListInfo;
  totals: FlowTotals;
  /** Per caseworker, team and sagstype; null when a list's sager are deleted (only the totals were kept). */
  groups: Record<Dimension, FlowGroup[]> | null;
  duplicates: { start: number; slut: number };
  /** Personer asked for, but a list has no person column: sager are counted. */
  countingFellBack: boolean;
}

export interface MonthRow {
  /** 'åååå-mm'. */
  maaned: string;
  /** What this month counts: sager where its list has no person column, though personer are asked for. */
  counting: Counting;
  /** The list the month is read from; null: none taken that month. */
  liste: { id: number; dato: string } | null;
  bestand: number | null;
  /** Between this month's list and next month's; null without both. */
  tilgang: number | null;
  afgang: number | null;
  kommetIgen: number | null;
  sagsbehandlere: number | null;
  udenSagsbehandler: number | null;
  load: LoadSummary | null;
  /** The caseworkers of the list the flow goes to (next month's), for what a public report may show. */
  efterSagsbehandlere: number | null;
}

export interface MonthView {
  enhedId: number;
  counting: Counting;
  maal: number | null;
  months: MonthRow[];
  /** Months counted in sager because their list had no person column (when personer are counted). */
  countedBySager: number;
  /** From the first month with a list to the last; tilgang and afgang null unless every month between has its flow. */
  trend: {
    fra: string;
    til: string;
    bestandFra: number;
    bestandTil: number;
    tilgang: number | null;
    afgang: number | null;
  } | null;
}

export interface CaseloadView {
  liste: ListInfo;
  counting: Counting;
  summary: LoadSummary;
  /** For the leader's screen only: never in a report. Empty once the list's sager are deleted. */
  caseworkers: CaseworkerLoad[];
  udenSagsbehandler: number;
}

/**
 * »Fra januar 2026 til november 2026 steg antallet af sager fra 120 til 134 (+14). Imellem kom 80 nye til, og 66
 * gik.« The trend of a month view, for the screen and the reports.
 */
export function trendInWords(trend: NonNullable<MonthView['trend']>, counting: Counting): string {
  const word = COUNTING_LABELS[counting];
  const change = trend.bestandTil - trend.bestandFra;
  const verb = change > 0 ? 'steg' : change < 0 ? 'faldt' : 'var';
  const span = `Fra ${formatMonth(trend.fra)} til ${formatMonth(trend.til)}`;
  const level =
    change === 0
      ? `${span} var antallet af ${word} det samme: ${formatCount(trend.bestandFra)}.`
      : `${span} ${verb} antallet af ${word} fra ${formatCount(trend.bestandFra)} til ${formatCount(trend.bestandTil)} (${change > 0 ? '+' : '−'}${formatCount(Math.abs(change))}).`;
  if (trend.tilgang === null || trend.afgang === null) return level;
  return `${level} Imellem kom ${formatCount(trend.tilgang)} til, og ${formatCount(trend.afgang)} gik.`;
}

// ---------- aggregates for the period report and the department view ----------

/**
 * A month as it may be published. With fewer caseworkers than the smallest group (but some), nothing of the month is
 * shown: with one or two caseworkers the stock is one person's caseload, or the other's by subtraction. A list with
 * no caseworker column shows its stock and flow, and no caseload.
 */
export interface PublicMonth {
  maaned: string;
  dato: string;
  /** Sager where the month's list has no person column, though personer are counted. */
  counting: Counting;
  bestand: number | null;
  tilgang: number | null;
  afgang: number | null;
  sagsbehandlere: number | null;
  gennemsnit: number | null;
  andelOverMaal: number | null;
  /** Fewer caseworkers than the smallest group: no figures. */
  skjult: boolean;
  /** The list named no caseworkers: no caseload. */
  udenSagsbehandlere: boolean;
}

/**
 * An enhed's months with a list, for a public report or the department: no names, no small group's figures. A list
 * without a caseworker column counts as small unless the enhed's other months show it is not (a team of one with
 * the column left out once would otherwise show her caseload that month).
 */
export function publicMonths(view: MonthView, minCell: number): PublicMonth[] {
  const few = (n: number | null | undefined) => (n ?? 0) > 0 && (n ?? 0) < minCell;
  const counts = view.months.filter((m) => m.liste).map((m) => m.sagsbehandlere ?? 0);
  const knownLarge = counts.some((n) => n >= minCell) && !counts.some((n) => few(n));
  const small = (n: number | null | undefined) => few(n) || (n === 0 && !knownLarge);
  return view.months.flatMap((m) => {
    if (!m.liste || m.bestand === null) return [];
    const n = m.sagsbehandlere ?? 0;
    const skjult = small(n);
    const none = n === 0;
    // The flow to a list that is left out would give its stock away (this stock + tilgang − afgang).
    const flowHidden = skjult || (m.efterSagsbehandlere !== null && small(m.efterSagsbehandlere));
    return [
      {
        maaned: m.maaned,
        dato: m.liste.dato,
        counting: m.counting,
        bestand: skjult ? null : m.bestand,
        tilgang: flowHidden ? null : m.tilgang,
        afgang: flowHidden ? null : m.afgang,
        sagsbehandlere: skjult ? null : n,
        gennemsnit: skjult || none ? null : (m.load?.gennemsnit ?? null),
        andelOverMaal: skjult || none ? null : (m.load?.andelOverMaal ?? null),
        skjult,
        udenSagsbehandlere: none,
      },
    ];
  });
}

/**
 * The months `hidden` left out as well, and the flow into them: for an enhed above one whose month is left out, whose
 * stock less the others' would give that month away.
 */
export function hideMonths(months: readonly PublicMonth[], hidden: ReadonlySet<string>): PublicMonth[] {
  return months.map((m) => {
    if (hidden.has(m.maaned))
      return {
        ...m,
        bestand: null,
        tilgang: null,
        afgang: null,
        sagsbehandlere: null,
        gennemsnit: null,
        andelOverMaal: null,
        skjult: true,
      };
    return hidden.has(nextMonth(m.maaned)) ? { ...m, tilgang: null, afgang: null } : m;
  });
}

/** The trend as it may be published: none when a month of it is left out (its stock would show through). */
export function publicTrend(view: MonthView, months: readonly PublicMonth[]): MonthView['trend'] {
  return months.some((m) => m.skjult) ? null : view.trend;
}

/** One enhed's sagsoverblik in a report or beside the others: its months, måltal and trend. */
export interface CaseloadAggregate {
  enhedId: number;
  enhed: string;
  counting: Counting;
  maal: number | null;
  months: PublicMonth[];
  trend: MonthView['trend'];
}
