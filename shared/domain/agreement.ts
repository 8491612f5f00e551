import { formatPercent } from './format';
import { type AnswerRecord, answerLabel, applicableSections, type ReviewContext } from './review';
import { scoreAnswer } from './scoring';

/**
 * Agreement between two reviewers of the same sager (issue #16): percent agreement beside Cohen's kappa, as the
 * research on case-note audit recommends (kappa alone hides how often they agreed; agreement alone hides how much of
 * it chance would give). Computed over pairs: one question of one sag, judged by both.
 */

export interface RatedPair {
  /** The category each chose: a choice's value, or a frist's outcome. */
  first: string;
  second: string;
}

export interface Agreement {
  /** Pairs judged by both. */
  n: number;
  agreed: number;
  /** The answer categories used by either (Cohen's kappa needs at least two to mean anything). */
  categories: number;
  /** agreed / n, 0–1; null without pairs. */
  percent: number | null;
  /** Cohen's kappa, -1–1; null when it cannot be computed (no pairs, or one category only). */
  kappa: number | null;
  /** In words, for a leader: »god enighed«, »moderat enighed«, … */
  reading: string;
}

/** Landis and Koch's bands, in Danish, the usual way to read a kappa. */
export function kappaReading(kappa: number | null): string {
  if (kappa === null) return 'kan ikke beregnes';
  if (kappa <= 0) return 'ingen enighed ud over tilfældighed';
  if (kappa <= 0.2) return 'meget svag enighed';
  if (kappa <= 0.4) return 'svag enighed';
  if (kappa <= 0.6) return 'moderat enighed';
  if (kappa <= 0.8) return 'god enighed';
  return 'meget god enighed';
}

/**
 * Percent agreement and Cohen's kappa over the pairs: κ = (pₒ − pₑ) / (1 − pₑ), pₑ the agreement the two reviewers'
 * own distributions over the categories would give by chance. With one category only (both always said »ja«) pₑ is 1
 * and κ is undefined: the agreement is then perfect, but says nothing about judging differing sager alike.
 */
export function agreementOf(pairs: readonly RatedPair[]): Agreement {
  const n = pairs.length;
  const categories = new Set(pairs.flatMap((p) => [p.first, p.second]));
  if (n === 0)
    return { n, agreed: 0, categories: 0, percent: null, kappa: null, reading: 'ingen sager bedømt af begge' };
  const agreed = pairs.filter((p) => p.first === p.second).length;
  const po = agreed / n;
  let pe = 0;
  for (const c of categories) {
    const a = pairs.filter((p) => p.first === c).length / n;
    const b = pairs.filter((p) => p.second === c).length / n;
    pe += a * b;
  }
  // Rounding: pₑ of one category is 1 exactly; of several it stays below.
  const kappa = pe >= 1 - 1e-12 ? null : (po - pe) / (1 - pe);
  const reading =
    kappa === null && categories.size === 1
      ? 'fuld enighed, men kun én svarmulighed brugt'
      : kappaReading(kappa === null ? null : Math.round(kappa * 1000) / 1000);
  // With few pairs one judgement moves the figures a lot: the reading says so.
  const few = n < 10 ? ' (få par: usikkert)' : '';
  return { n, agreed, categories: categories.size, percent: po, kappa, reading: `${reading}${few}` };
}

/** »88 % enige (15 af 17), kappa 0,71: god enighed«. */
export function agreementInWords(a: Agreement): string {
  if (a.percent === null) return a.reading;
  const kappa = a.kappa === null ? '' : `, kappa ${a.kappa.toFixed(2).replace('.', ',')}`;
  return `${formatPercent(a.percent * 100)} enige (${a.agreed} af ${a.n})${kappa}: ${a.reading}`;
}

/** One question of one sag as both reviewers judged it. */
export interface JudgedPair extends RatedPair {
  key: string;
  question: string;
  /** How each answer reads (»Ja«, »Delvist«, »Overskredet«). */
  firstLabel: string;
  secondLabel: string;
}

/**
 * The questions of a sag both judged: choices by the option chosen, frister by their outcome where either reviewer
 * overrode the computed one. Text questions and unanswered ones are not judgements to compare.
 */
export function judgedPairs(
  ctx: ReviewContext,
  second: Readonly<Record<string, AnswerRecord | undefined>>,
): JudgedPair[] {
  const out: JudgedPair[] = [];
  for (const { questions } of applicableSections(ctx)) {
    for (const q of questions) {
      const a = ctx.answers[q.key];
      const b = second[q.key];
      let first: string | null | undefined;
      let other: string | null | undefined;
      if (q.answerType === 'frist') {
        // Computed from the same dates, a frist is the same for both: a judgement only where one overrode it.
        if (!a?.override && !b?.override) continue;
        first = scoreAnswer(q, a, ctx.dates).outcome;
        other = scoreAnswer(q, b, ctx.dates).outcome;
      } else if (q.options.length > 0) {
        first = a?.value;
        other = b?.value;
      }
      if (!first || !other) continue;
      out.push({
        key: q.key,
        question: q.text,
        first,
        second: other,
        firstLabel: answerLabel(q, a, ctx.dates),
        secondLabel: answerLabel(q, b, ctx.dates),
      });
    }
  }
  return out;
}

/** One reviewer's judgement of a question, in a category the agreement compares. */
export interface Judgement {
  key: string;
  question: string;
  category: string;
  label: string;
}

/**
 * The questions a reviewer judged on her own (calibration: each one answers the same sag alone): a choice by its
 * option; a frist by its outcome, computed or overridden, once she has given it any answer (accepting the computed
 * outcome is a judgement too).
 */
export function judgementsOf(ctx: ReviewContext): Judgement[] {
  const out: Judgement[] = [];
  for (const { questions } of applicableSections(ctx))
    for (const q of questions) {
      const a = ctx.answers[q.key];
      if (!a) continue;
      const category =
        q.answerType === 'frist' ? scoreAnswer(q, a, ctx.dates).outcome : q.options.length > 0 ? a.value : undefined;
      if (!category) continue;
      out.push({ key: q.key, question: q.text, category, label: answerLabel(q, a, ctx.dates) });
    }
  return out;
}
