import { formatCount } from './format';
import { isMeasure, templateNumbers } from './numbering';
import { NOT_APPLICABLE, OUTCOME_PLACES, type OutcomeMemo, type ScoredSag, sagOutcomes } from './sag-outcomes';
import { CATEGORY_LABELS, type Category, type Question, type TemplateContent } from './template';
import type { SagStatus } from './tilsyn';

/** Below this many sager a share is shown with a warning: one sag moves it a lot. */
export const SMALL_N = 10;

/** One reviewed sag as the results see it: its facts and the leader's answers (the caseworker's never count). */
export interface ResultSag extends ScoredSag {
  sagsbehandler: string;
  team: string;
  status: SagStatus;
}

export interface OutcomeCounts {
  opfyldt: number;
  delvist: number;
  ikke_opfyldt: number;
  /** Ikke relevant and the like: outside the denominator. */
  udeladt: number;
  /** The question applied, but has no scored answer yet. */
  ubesvaret: number;
}

/** Met of the applicable sager: "12 af 15". share is null when nothing applied. */
export interface Share {
  met: number;
  applicable: number;
  share: number | null;
  /** applicable below SMALL_N (and above 0): the share is fragile. */
  smallN: boolean;
}

export interface MeasureResult extends Share {
  key: string;
  /** "2.3": afsnit and question number as the review shows them. */
  number: string;
  text: string;
  sectionKey: string;
  sectionTitle: string;
  category: Category;
  /** The måltal in percent, if the question has one (or the enhed's dated goal for this round, issue #14). */
  target: number | null;
  /** The day the enhed's dated goal is to be reached by; absent where the skabelon's måltal applies. */
  targetDue?: string | null;
  /** null without a target or without applicable sager. */
  belowTarget: boolean | null;
  counts: OutcomeCounts;
  /** A frist: how late the overskredne were, by the dates (seed 002: »fulgt op inden for 10 måneder«). */
  late?: LateFrister;
}

/** The frister a krav's sager missed by their dates: how many, and the median and the worst days past the deadline. */
export interface LateFrister {
  count: number;
  medianDays: number;
  worstDays: number;
}

/** »3 overskredet: typisk 12 dage, højst 41 dage«. */
export function lateInWords(late: LateFrister): string {
  const d = (n: number) => `${formatCount(Math.round(n))} ${Math.round(n) === 1 ? 'dag' : 'dage'}`;
  return late.count === 1
    ? `Fristen er overskredet i 1 sag, med ${d(late.worstDays)}`
    : `Fristen er overskredet i ${late.count} sager: typisk med ${d(late.medianDays)}, højst ${d(late.worstDays)}`;
}

export interface GroupResult extends Share {
  key: string;
  label: string;
}

/** One dimension of the leader's own break-down (never in the committee report). */
export interface BreakdownRow extends Share {
  group: string;
  sager: number;
  /** Per measure key: met of applicable within this group. */
  measures: Record<string, Share>;
}

export interface TilsynResults {
  /** Sampled sager that count (not udgået), and how many of them are færdige. */
  sager: number;
  faerdige: number;
  measures: MeasureResult[];
  sections: GroupResult[];
  categories: GroupResult[];
  overall: Share;
  breakdowns: { sagsbehandler: BreakdownRow[]; team: BreakdownRow[]; sagstype: BreakdownRow[] };
}

export function shareOf(met: number, applicable: number): Share {
  return {
    met,
    applicable,
    share: applicable > 0 ? met / applicable : null,
    smallN: applicable > 0 && applicable < SMALL_N,
  };
}

/** The krav of the template (see isMeasure), with their numbers from the template. */
export function scoredQuestions(content: TemplateContent, sectionKeys: readonly string[] | null) {
  const out: { question: Question; number: string; sectionKey: string; sectionTitle: string }[] = [];
  const numbers = templateNumbers(content, sectionKeys);
  for (const section of content.sections.filter(
    (s) => s.active !== false && (!sectionKeys || sectionKeys.includes(s.key)),
  )) {
    for (const question of section.questions.filter((q) => q.active !== false && isMeasure(q))) {
      out.push({
        question,
        number: numbers.question(question.key),
        sectionKey: section.key,
        sectionTitle: section.title,
      });
    }
  }
  return out;
}

/** A krav's share: opfyldt of the opfyldt, delvist and ikke opfyldt (Ikke relevant and unanswered leave it). */
export const shareOfCounts = (c: OutcomeCounts): Share => shareOf(c.opfyldt, c.opfyldt + c.delvist + c.ikke_opfyldt);

/**
 * The results of a tilsyn: per question (opfyldt, delvist, ikke opfyldt, ikke relevant; met of applicable against
 * the måltal), per afsnit and category, overall, and per sagsbehandler, team and sagstype. Delvist counts as not
 * met; Ikke relevant leaves the denominator; udgåede sager do not count; a question counts only where it applied.
 */
export function computeResults(
  content: TemplateContent,
  sectionKeys: readonly string[] | null,
  sager: readonly ResultSag[],
  /** The outcomes of sager worked out earlier (by id), kept by a caller that asks again after a save. */
  memo?: OutcomeMemo,
): TilsynResults {
  const questions = scoredQuestions(content, sectionKeys);
  const labels = Object.fromEntries(content.dateFields.map((f) => [f.key, f.label]));
  const counted = sager.filter((s) => s.status !== 'udgaaet');
  const places = new Map(questions.map(({ question }, i) => [question.key, i]));
  // Per sag: the outcome of each applicable krav, from the memo where the caller keeps one.
  const outcomes = counted.map((sag) => ({
    sag,
    ...(memo && sag.id !== undefined
      ? memo.of(content, sectionKeys, sag as ScoredSag & { id: number }, labels, places)
      : sagOutcomes(content, sectionKeys, sag, labels, places)),
  }));
  const lateOf = (key: string): LateFrister | undefined => {
    const days = outcomes.flatMap((o) => (o.late.has(key) ? [o.late.get(key) as number] : [])).sort((a, b) => a - b);
    if (days.length === 0) return undefined;
    const mid = Math.floor(days.length / 2);
    const median = days.length % 2 ? (days[mid] as number) : ((days[mid - 1] as number) + (days[mid] as number)) / 2;
    return { count: days.length, medianDays: median, worstDays: days.at(-1) as number };
  };

  /** Each krav's counts over `rows` (a sag counts for the krav that apply to it): by place, OUTCOME_PLACES each. */
  const kinds = OUTCOME_PLACES.length;
  const talliesOf = (rows: typeof outcomes) => {
    const counts = new Int32Array(questions.length * kinds);
    for (const { codes } of rows)
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i] as number;
        const cell = i * kinds + code;
        if (code !== NOT_APPLICABLE) counts[cell] = (counts[cell] ?? 0) + 1;
      }
    return (place: number): OutcomeCounts => {
      const at = (kind: number) => counts[place * kinds + kind] as number;
      return { opfyldt: at(0), delvist: at(1), ikke_opfyldt: at(2), udeladt: at(3), ubesvaret: at(4) };
    };
  };
  const tallies = talliesOf(outcomes);

  const measures: MeasureResult[] = questions.map(({ question, number, sectionKey, sectionTitle }, place) => {
    const counts = tallies(place);
    const share = shareOfCounts(counts);
    const target = question.target ?? null;
    const late = question.answerType === 'frist' ? lateOf(question.key) : undefined;
    return {
      key: question.key,
      number,
      text: question.text,
      sectionKey,
      sectionTitle,
      category: question.category,
      target,
      belowTarget: target === null || share.share === null ? null : share.share * 100 < target,
      counts,
      ...share,
      ...(late ? { late } : {}),
    };
  });

  const { sections, categories, overall } = totalsOf(measures);

  const breakdown = (groupOf: (s: ResultSag) => string): BreakdownRow[] => {
    const groups = new Map<string, typeof outcomes>();
    for (const row of outcomes) {
      const g = groupOf(row.sag) || 'Ikke angivet';
      const rows = groups.get(g);
      if (rows) rows.push(row);
      else groups.set(g, [row]);
    }
    return [...groups]
      .sort(([a], [b]) => a.localeCompare(b, 'da'))
      .map(([group, rows]) => {
        const counts = talliesOf(rows);
        // A loop, not fromEntries: 60 krav for each of the round's caseworkers, teams and sagstyper (issue #18). A
        // krav's key never is »__proto__«: a published template's keys start with a letter or a digit.
        const perMeasure: Record<string, Share> = {};
        let met = 0;
        let applicable = 0;
        measures.forEach((m, place) => {
          const share = shareOfCounts(counts(place));
          perMeasure[m.key] = share;
          met += share.met;
          applicable += share.applicable;
        });
        return { group, sager: rows.length, measures: perMeasure, ...shareOf(met, applicable) };
      });
  };

  return {
    sager: counted.length,
    faerdige: counted.filter((s) => s.status === 'faerdig').length,
    measures,
    sections,
    categories,
    overall,
    breakdowns: {
      sagsbehandler: breakdown((s) => s.sagsbehandler),
      team: breakdown((s) => s.team),
      sagstype: breakdown((s) => s.sagstype),
    },
  };
}

/** The afsnit, the categories and the whole round, each the met of the applicable of its measures added up. */
export function totalsOf(
  measures: readonly MeasureResult[],
): Pick<TilsynResults, 'sections' | 'categories' | 'overall'> {
  const sum = (ms: readonly MeasureResult[]) =>
    shareOf(
      ms.reduce((n, m) => n + m.met, 0),
      ms.reduce((n, m) => n + m.applicable, 0),
    );
  return {
    sections: [...new Map(measures.map((m) => [m.sectionKey, m.sectionTitle]))].map(([key, label]) => ({
      key,
      label,
      ...sum(measures.filter((m) => m.sectionKey === key)),
    })),
    categories: [...new Set(measures.map((m) => m.category))].map((key) => ({
      key,
      label: CATEGORY_LABELS[key],
      ...sum(measures.filter((m) => m.category === key)),
    })),
    overall: sum(measures),
  };
}

/** One earlier (or this) round of a measure, for the development over time. */
export interface TrendPoint extends Share {
  /** The sager the point stands for (its n): for one krav the sager it was relevant in, for a round its sager. */
  sager: number;
  tilsynId: number;
  titel: string;
  periodeFra: string;
  periodeTil: string;
  baseline: boolean;
}

export interface RoundResults {
  tilsynId: number;
  titel: string;
  periodeFra: string;
  periodeTil: string;
  baseline: boolean;
  results: Pick<TilsynResults, 'measures' | 'overall' | 'faerdige'>;
}

/**
 * An earlier round's results with its renamed krav under the keys they continue as (the leader's links, issue
 * #14), so the development follows a krav across versions and copies of its template. A key the round already
 * has is never overwritten.
 */
export function withLinkedKeys(results: TilsynResults, links: ReadonlyMap<string, string>): TilsynResults {
  if (links.size === 0) return results;
  const own = new Set(results.measures.map((m) => m.key));
  // a → b and b → c: a continues as c (a ring of links stops where it began).
  const finalKey = (key: string) => {
    const seen = new Set([key]);
    let at = key;
    for (let next = links.get(at); next !== undefined && !seen.has(next); next = links.get(at)) {
      seen.add(next);
      at = next;
    }
    return at;
  };
  return {
    ...results,
    measures: results.measures.map((m) => {
      const linked = finalKey(m.key);
      return linked !== m.key && !own.has(linked) ? { ...m, key: linked } : m;
    }),
  };
}

/**
 * The order of rounds in a development: by the end of their period, then its start, then the oldest first. ISO dates
 * compare as text (localeCompare, the collator, was a third of Resultater's time over years of rounds).
 */
export function byPeriod(
  a: Pick<RoundResults, 'periodeFra' | 'periodeTil' | 'tilsynId'>,
  b: Pick<RoundResults, 'periodeFra' | 'periodeTil' | 'tilsynId'>,
): number {
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return byText(a.periodeTil, b.periodeTil) || byText(a.periodeFra, b.periodeFra) || a.tilsynId - b.tilsynId;
}

/**
 * The development of each measure of the current round across rounds of the same template lineage, oldest first,
 * matched on the question's key. Rounds that did not ask a question (or where it never applied) leave no point.
 */
export function trends(rounds: readonly RoundResults[], keys: readonly string[]): Record<string, TrendPoint[]> {
  const ordered = [...rounds].sort(byPeriod);
  // Each round's measures by key, once: a search per key and round was most of Resultater over years of rounds.
  const byKey = ordered.map((round) => new Map(round.results.measures.map((m) => [m.key, m])));
  const out: Record<string, TrendPoint[]> = {};
  for (const key of [...keys, '*']) {
    const points: TrendPoint[] = [];
    ordered.forEach((round, i) => {
      const share = key === '*' ? round.results.overall : byKey[i]?.get(key);
      if (!share || share.applicable === 0) return;
      const { tilsynId, titel, periodeFra, periodeTil, baseline } = round;
      const sager = key === '*' ? round.results.faerdige : share.applicable;
      points.push({
        tilsynId,
        titel,
        periodeFra,
        periodeTil,
        baseline,
        sager,
        ...shareOf(share.met, share.applicable),
      });
    });
    out[key] = points;
  }
  return out;
}

/** A krav that applied in fewer sager than the smallest group is shown without figures in a public report. */
export const hiddenInPublic = (m: Pick<Share, 'applicable'>, minCell: number): boolean =>
  m.applicable > 0 && m.applicable < minCell;

/**
 * The 95 % Wilson score interval of a share of `met` in `n` (null when n is 0): with few sager the true share can lie
 * far from the measured one. Wilson's interval stays within 0-100 % and is fair at small n (unlike p ± 1.96·se).
 */
export function wilsonInterval(met: number, n: number, z = 1.96): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = met / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A krav the committee report's opfølgningsplan lists: shown with figures, and below its måltal. */
export const listedForPlan = (m: Pick<MeasureResult, 'applicable' | 'belowTarget'>, minCell: number): boolean =>
  m.applicable > 0 && !hiddenInPublic(m, minCell) && m.belowTarget === true;

/**
 * The headline as the committee report computes it: the krav shown with figures only, so it can differ from the
 * screen's (all krav) when some applied in fewer sager than the smallest group. `hidden`: how many were left out.
 */
export function publicOverall(results: Pick<TilsynResults, 'measures'>, minCell: number): Share & { hidden: number } {
  const shown = results.measures.filter((m) => m.applicable > 0 && !hiddenInPublic(m, minCell));
  const met = shown.reduce((n, m) => n + m.met, 0);
  const applicable = shown.reduce((n, m) => n + m.applicable, 0);
  const hidden = results.measures.filter((m) => hiddenInPublic(m, minCell)).length;
  return { ...shareOf(met, applicable), hidden };
}

/** Why a krav has no share: its sager are still to answer it (with or without an »Ikke relevant«), or not. */
export type NoShare = 'ubesvaret' | 'kun_ikke_relevant_endnu' | 'ikke_relevant' | 'ikke_stillet';
export function whyNoShare(counts: Pick<OutcomeCounts, 'udeladt' | 'ubesvaret'>): NoShare {
  if (counts.ubesvaret > 0) return counts.udeladt > 0 ? 'kun_ikke_relevant_endnu' : 'ubesvaret';
  return counts.udeladt > 0 ? 'ikke_relevant' : 'ikke_stillet';
}

const NO_SHARE_IN_WORDS: Record<NoShare, string> = {
  ubesvaret: 'Spørgsmålet er endnu ikke besvaret i sagerne',
  kun_ikke_relevant_endnu: 'Spørgsmålet er kun besvaret med »Ikke relevant« endnu',
  ikke_relevant: 'Spørgsmålet var ikke relevant i nogen af sagerne',
  ikke_stillet: 'Spørgsmålet blev ikke stillet i nogen af sagerne',
};

/**
 * The result in words: "Kravet er opfyldt i 12 af de 15 sager" (the words say what was counted; beside a måltal
 * »Vi når målet« read as if the måltal was met). One wording with or without a måltal.
 */
export function resultInWords(
  m: Share & { target: number | null; counts?: Pick<OutcomeCounts, 'udeladt' | 'ubesvaret'> },
): string {
  if (m.applicable === 0) return NO_SHARE_IN_WORDS[m.counts ? whyNoShare(m.counts) : 'ikke_relevant'];
  const inCases =
    m.met === m.applicable
      ? `i alle de ${m.applicable} sager`
      : m.met === 0
        ? `i ingen af de ${m.applicable} sager`
        : `i ${m.met} af de ${m.applicable} sager`;
  return `Kravet er opfyldt ${inCases}`;
}
