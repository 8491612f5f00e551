import { maskCpr } from '../../../shared/domain/cpr';
import { formatShare } from '../../../shared/domain/format';
import type { MeasureAssessment, ReportSettings } from '../../../shared/domain/reports';
import { resultInWords, type Share, type TilsynResults, type TrendPoint } from '../../../shared/domain/results';
import { type SampleSpec, STRATA_FIELD_LABELS } from '../../../shared/domain/sampling';
import { createScrubber, type KnownIdentifiers } from '../../../shared/domain/scrub';
import { CATEGORY_LABELS } from '../../../shared/domain/skabelon';
import { EXCLUSION_REASON_LABELS, type ExclusionReason, type SampleRecord } from '../../../shared/domain/stikproeve';
import { REVIEW_FORM_DESCRIPTIONS, REVIEW_FORM_LABELS, type TilsynSummary } from '../../../shared/domain/tilsyn';

/**
 * The committee report's content, built from the results as a PURE function. The report goes on an open agenda,
 * so its data type holds aggregates and the texts the leader wrote for the report, and nothing else: no sagsnumre,
 * no caseworkers, no notes or findings, no break-downs per caseworker, team or sagstype. Measures that applied in
 * fewer sager than the municipality's smallest group (settings.minCell) carry no numbers at all, and the group
 * totals leave them out, so they cannot be worked out by subtraction. The leader's texts pass a scrubber that
 * removes every known sagsnummer and caseworker name and masks CPR numbers.
 */

/** What the builder reads. `known` lists every sagsnummer and caseworker name the database holds. */
export interface CommitteeReportInput {
  tilsyn: Pick<
    TilsynSummary,
    'id' | 'titel' | 'periodeFra' | 'periodeTil' | 'enhed' | 'form' | 'formaal' | 'fokus' | 'skabelonNavn'
  > & { skabelonVersionNummer: number };
  results: Pick<TilsynResults, 'sager' | 'faerdige' | 'measures'>;
  /** Per measure key, and '*' for all measures together: the rounds of the same template, oldest first. */
  trends: Readonly<Record<string, readonly TrendPoint[]>>;
  assessments: readonly MeasureAssessment[];
  sammenfatning: string;
  settings: ReportSettings;
  sample: Pick<SampleRecord, 'method' | 'seed' | 'populationCount' | 'afterFilters' | 'strata' | 'drawnAt'> & {
    spec: Pick<SampleSpec, 'strataBy' | 'allocation' | 'perStratum' | 'filters'>;
    sager: readonly (Pick<SampleRecord['sager'][number], 'role' | 'status' | 'replaces'> & {
      exclusion?: { reason: ExclusionReason };
    })[];
  };
  /** First and last day a leader's answer was given (ISO dates), or null when unknown. */
  reviewedBetween: { from: string; to: string } | null;
  known: KnownIdentifiers;
  /** The report's date (ISO). */
  generated: string;
}

export interface CommitteeMethod {
  /** "Ledelseskontrol" and what it means. */
  reviewForm: string;
  reviewFormDescription: string;
  /** "Børn og unge – overordnet, version 2". */
  template: string;
  populationCount: number;
  afterFilters: number;
  /** Sager drawn for the sample (spares not included). */
  sampleSize: number;
  /** Sager that count (not udgået) and of those, færdige. */
  counted: number;
  faerdige: number;
  udgaaede: number;
  /** Udgåede sager whose place a spare took. */
  replacedBySpare: number;
  /** Why sager left the sample: the reason's label and how many (never the note written with it). */
  exclusions: { reason: string; count: number }[];
  /** How the sample was drawn, in words (no stratum names: they may be caseworkers). */
  drawnHow: string;
  drawnAt: string;
  reviewedBetween: { from: string; to: string } | null;
}

export type MeasureStatus = 'vist' | 'undertrykt' | 'ikke_relevant';

export interface CommitteeMeasure {
  key: string;
  /** "2.3" as in the review. */
  number: string;
  text: string;
  sectionTitle: string;
  categoryLabel: string;
  /** Måltal in percent, or null. */
  target: number | null;
  status: MeasureStatus;
  /** Null unless status is 'vist'. */
  met: number | null;
  applicable: number | null;
  share: number | null;
  belowTarget: boolean | null;
  /** Applicable in fewer than 10 sager (but at least minCell): one sag moves the share a lot. */
  smallN: boolean;
  /** "Vi når målet i 12 af de 15 sager (80 %)", or "Færre end 3 sager – ikke vist". */
  resultText: string;
  vurdering: string;
  plan: string;
  ansvarlig: string;
  frist: string | null;
}

/** An afsnit, a category or all measures together, summed over the shown measures only. */
export interface CommitteeGroup {
  label: string;
  /** Measures shown with numbers, and measures in the group in all. */
  measuresShown: number;
  measuresTotal: number;
  /** Assessments (one per sag and measure) that met the requirement, of the applicable ones. */
  met: number | null;
  applicable: number | null;
  share: number | null;
  suppressed: boolean;
  /** Measures in the group below their måltal. */
  belowTarget: number;
}

export interface CommitteeTrendPoint {
  /** "1. kvt. 2026", "2025", or the round's title when periods collide. */
  label: string;
  share: number;
  met: number;
  applicable: number;
  baseline: boolean;
  current: boolean;
}

export interface CommitteeTrend {
  key: string;
  number: string;
  text: string;
  target: number | null;
  points: CommitteeTrendPoint[];
}

export interface CommitteeDevelopment {
  /** The measures shown in this report together, round by round (at least two rounds). */
  overall: CommitteeTrendPoint[];
  /** Measures with at least two rounds that can be shown. */
  measures: CommitteeTrend[];
  /** The round marked as baseline, if any. */
  baselineLabel: string | null;
  rounds: number;
}

export interface CommitteePlanItem {
  key: string;
  number: string;
  text: string;
  target: number;
  resultText: string;
  plan: string;
  ansvarlig: string;
  frist: string | null;
}

export interface CommitteeReportData {
  kommune: string;
  forvaltning: string;
  /** A data URL, or null. */
  logo: string | null;
  /** The tilsyn's title (scrubbed). */
  title: string;
  enhed: string;
  periode: { from: string; to: string };
  formaal: string;
  fokus: string;
  /** ISO date. */
  generated: string;
  sammenfatning: string;
  minCell: number;
  /** "Færre end 3 sager – ikke vist". */
  suppressedText: string;
  method: CommitteeMethod;
  measures: CommitteeMeasure[];
  sections: CommitteeGroup[];
  categories: CommitteeGroup[];
  overall: CommitteeGroup;
  /** Null unless there are at least two rounds to compare. */
  development: CommitteeDevelopment | null;
  plan: CommitteePlanItem[];
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds and labels

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "1. kvt. 2026" for a calendar quarter, "2026" for a year, "1. halvår 2026", "marts 2026"; else by periodeTil. */
export function roundLabel(periodeFra: string, periodeTil: string): string {
  const [fy, fm, fd] = periodeFra.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = periodeTil.split('-').map(Number) as [number, number, number];
  const wholeMonths = fd === 1 && td === lastDayOf(ty, tm) && fy === ty;
  const months = tm - fm + 1;
  if (wholeMonths && fm === 1 && tm === 12) return String(ty);
  if (wholeMonths && months === 6 && (fm === 1 || fm === 7)) return `${fm === 1 ? 1 : 2}. halvår ${ty}`;
  if (wholeMonths && months === 1) return `${MONTHS[tm - 1]} ${ty}`;
  return `${Math.floor((tm - 1) / 3) + 1}. kvt. ${ty}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The builder

const NONE = { met: null, applicable: null, share: null } as const;

function groupOf(label: string, measures: readonly CommitteeMeasure[], minCell: number): CommitteeGroup {
  const shown = measures.filter((m) => m.status === 'vist');
  const met = shown.reduce((n, m) => n + (m.met ?? 0), 0);
  const applicable = shown.reduce((n, m) => n + (m.applicable ?? 0), 0);
  const suppressed = applicable > 0 && applicable < minCell;
  return {
    label,
    measuresShown: shown.length,
    measuresTotal: measures.length,
    ...(applicable === 0 || suppressed ? NONE : { met, applicable, share: met / applicable }),
    suppressed,
    belowTarget: shown.filter((m) => m.belowTarget === true).length,
  };
}

function describeDraw(sample: CommitteeReportInput['sample']): string {
  const { spec, seed, strata } = sample;
  const seedText = `frø ${seed}, så udtrækningen kan gentages og efterprøves`;
  const filters: string[] = [];
  if (spec.filters.sagstyper.length > 0) filters.push('sagstype');
  if (spec.filters.teams.length > 0) filters.push('team');
  if (spec.filters.dateKey && (spec.filters.dateFrom || spec.filters.dateTo)) filters.push('dato');
  const afgraensning =
    filters.length > 0
      ? ` Sagslisten blev først afgrænset efter ${joinDanish(filters)}.`
      : ' Sagslisten blev ikke afgrænset før udtrækningen.';
  switch (sample.method) {
    case 'simpel':
      return `Simpel tilfældig udvælgelse blandt sagerne på sagslisten (${seedText}).${afgraensning}`;
    case 'systematisk':
      return `Systematisk udvælgelse: hver n'te sag på den sorterede sagsliste fra et tilfældigt startpunkt (${seedText}).${afgraensning}`;
    case 'stratificeret': {
      const by = spec.strataBy ? STRATA_FIELD_LABELS[spec.strataBy] : 'gruppe';
      const groups = strata.length;
      const allocation =
        spec.allocation === 'per_stratum' && spec.perStratum
          ? `med op til ${spec.perStratum} ${spec.perStratum === 1 ? 'sag' : 'sager'} pr. gruppe`
          : 'fordelt efter gruppernes størrelse';
      return `Stratificeret tilfældig udvælgelse efter ${by} i ${groups} ${groups === 1 ? 'gruppe' : 'grupper'}, ${allocation} (${seedText}).${afgraensning}`;
    }
  }
}

function countBy<T>(items: readonly T[]): Map<T, number> {
  const out = new Map<T, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
}

function joinDanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

export function suppressedText(minCell: number): string {
  return `Færre end ${minCell} sager – ikke vist`;
}

/** The result in words with the share: "Vi når målet i 12 af de 15 sager (80 %)". */
export function resultWithShare(m: Share & { target: number | null }): string {
  const words = resultInWords(m);
  return m.applicable > 0 ? `${words} (${formatShare(m.share)})` : words;
}

/** The committee report's content: aggregates and the leader's scrubbed texts only. */
export function committeeReportData(input: CommitteeReportInput): CommitteeReportData {
  const scrub = createScrubber(input.known);
  const { settings } = input;
  const minCell = Math.max(1, settings.minCell);
  const hidden = suppressedText(minCell);
  const assessments = new Map(input.assessments.map((a) => [a.key, a]));

  const measures: CommitteeMeasure[] = input.results.measures.map((m) => {
    const a = assessments.get(m.key);
    const status: MeasureStatus = m.applicable === 0 ? 'ikke_relevant' : m.applicable < minCell ? 'undertrykt' : 'vist';
    const shown = status === 'vist';
    return {
      key: m.key,
      number: m.number,
      text: m.text,
      sectionTitle: m.sectionTitle,
      categoryLabel: CATEGORY_LABELS[m.category],
      target: m.target,
      status,
      met: shown ? m.met : null,
      applicable: shown ? m.applicable : null,
      share: shown ? m.share : null,
      belowTarget: shown ? m.belowTarget : null,
      smallN: shown && m.smallN,
      resultText: status === 'undertrykt' ? hidden : resultWithShare(m),
      vurdering: scrub(a?.vurdering ?? ''),
      plan: scrub(a?.plan ?? ''),
      ansvarlig: scrub(a?.ansvarlig ?? ''),
      frist: a?.frist ?? null,
    };
  });

  const sectionTitles = [...new Set(measures.map((m) => m.sectionTitle))];
  const categoryLabels = [...new Set(measures.map((m) => m.categoryLabel))];

  const udvalgte = input.sample.sager.filter((s) => s.role === 'udvalgt');
  const udgaaede = udvalgte.filter((s) => s.status === 'udgaaet').length;
  const method: CommitteeMethod = {
    reviewForm: REVIEW_FORM_LABELS[input.tilsyn.form],
    reviewFormDescription: REVIEW_FORM_DESCRIPTIONS[input.tilsyn.form],
    template: `${input.tilsyn.skabelonNavn}, version ${input.tilsyn.skabelonVersionNummer}`,
    populationCount: input.sample.populationCount,
    afterFilters: input.sample.afterFilters,
    sampleSize: input.sample.strata.reduce((n, s) => n + s.drawn, 0),
    counted: input.results.sager,
    faerdige: input.results.faerdige,
    udgaaede,
    replacedBySpare: udvalgte.filter((s) => s.replaces !== undefined).length,
    exclusions: [...countBy(udvalgte.flatMap((s) => (s.exclusion ? [s.exclusion.reason] : [])))].map(
      ([reason, count]) => ({ reason: EXCLUSION_REASON_LABELS[reason], count }),
    ),
    drawnHow: describeDraw(input.sample),
    drawnAt: input.sample.drawnAt.slice(0, 10),
    reviewedBetween: input.reviewedBetween,
  };

  return {
    kommune: settings.kommune,
    forvaltning: settings.forvaltning,
    logo: settings.logo,
    title: scrub(input.tilsyn.titel),
    enhed: scrub(input.tilsyn.enhed),
    periode: { from: input.tilsyn.periodeFra, to: input.tilsyn.periodeTil },
    formaal: scrub(input.tilsyn.formaal),
    fokus: scrub(input.tilsyn.fokus),
    generated: input.generated,
    sammenfatning: scrub(input.sammenfatning),
    minCell,
    suppressedText: hidden,
    method,
    measures,
    sections: sectionTitles.map((t) =>
      groupOf(
        t,
        measures.filter((m) => m.sectionTitle === t),
        minCell,
      ),
    ),
    categories: categoryLabels.map((c) =>
      groupOf(
        c,
        measures.filter((m) => m.categoryLabel === c),
        minCell,
      ),
    ),
    overall: groupOf('Alle viste krav', measures, minCell),
    development: development(input, measures, minCell, scrub),
    plan: measures
      .filter((m): m is CommitteeMeasure & { target: number } => m.belowTarget === true && m.target !== null)
      .map((m) => ({
        key: m.key,
        number: m.number,
        text: m.text,
        target: m.target,
        resultText: m.resultText,
        plan: m.plan,
        ansvarlig: m.ansvarlig,
        frist: m.frist,
      })),
  };
}

function development(
  input: CommitteeReportInput,
  measures: readonly CommitteeMeasure[],
  minCell: number,
  scrub: (text: string) => string,
): CommitteeDevelopment | null {
  // The rounds, oldest first, as the trends order them.
  const rounds = new Map<number, TrendPoint>();
  for (const points of Object.values(input.trends)) for (const p of points) rounds.set(p.tilsynId, p);
  const ordered = [...rounds.values()].sort(
    (a, b) =>
      a.periodeTil.localeCompare(b.periodeTil) || a.periodeFra.localeCompare(b.periodeFra) || a.tilsynId - b.tilsynId,
  );
  // One label per round: the period's name, or the round's title where two rounds share a period name.
  const byPeriod = new Map<string, number>();
  for (const r of ordered) {
    const l = roundLabel(r.periodeFra, r.periodeTil);
    byPeriod.set(l, (byPeriod.get(l) ?? 0) + 1);
  }
  const labelOf = (p: Pick<TrendPoint, 'periodeFra' | 'periodeTil' | 'titel'>) => {
    const l = roundLabel(p.periodeFra, p.periodeTil);
    return (byPeriod.get(l) ?? 0) > 1 ? scrub(p.titel) : l;
  };
  const point = (r: TrendPoint, met: number, applicable: number): CommitteeTrendPoint => ({
    label: labelOf(r),
    share: met / applicable,
    met,
    applicable,
    baseline: r.baseline,
    current: r.tilsynId === input.tilsyn.id,
  });

  // A round where a measure applied in fewer than minCell sager leaves no point for it, and does not count in that
  // round's total either: the total of the shown points is all a reader can add up, so nothing can be subtracted.
  const shownPoints = (key: string) => (input.trends[key] ?? []).filter((p) => p.applicable >= minCell);
  const perMeasure = measures.map((m) => ({ m, points: shownPoints(m.key) }));

  const overall = ordered.flatMap((r) => {
    let met = 0;
    let applicable = 0;
    for (const { points } of perMeasure) {
      const p = points.find((x) => x.tilsynId === r.tilsynId);
      if (!p) continue;
      met += p.met;
      applicable += p.applicable;
    }
    return applicable > 0 ? [point(r, met, applicable)] : [];
  });
  if (overall.length < 2) return null;

  const trendMeasures: CommitteeTrend[] = perMeasure.flatMap(({ m, points }) =>
    points.length < 2
      ? []
      : [
          {
            key: m.key,
            number: m.number,
            text: m.text,
            target: m.target,
            points: points.map((p) => point(p, p.met, p.applicable)),
          },
        ],
  );
  const baseline = ordered.find((r) => r.baseline);
  return {
    overall,
    measures: trendMeasures,
    baselineLabel: baseline ? labelOf(baseline) : null,
    rounds: overall.length,
  };
}
