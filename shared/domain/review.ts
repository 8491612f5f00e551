import { z } from '../zod';
import { maskCpr } from './cpr';
import { inYearRange, isoDateSchema, isValidIsoDate, YEAR_RANGE_MESSAGE } from './dates';
import type { Action, DialogRecord, Finding } from './findings';
import { answerValues, applicableQuestions } from './rules';
import { type GivenAnswer, isNegative, scoreAnswer } from './scoring';
import { OUTCOME_LABELS, OUTCOMES, type Question, type TemplateContent } from './template';
import type { ReviewForm, SagStatus } from './tilsyn';

/** One answer as stored: the value, a note, a reason where required, and a frist override. */
export interface AnswerRecord extends GivenAnswer {
  note: string;
  reason: string;
}

export const freeText = (max: number) =>
  z
    .string()
    .max(max, `Højst ${max} tegn`)
    .transform((v) => maskCpr(v).text);

/** Who answers: the leader, or (selvevaluering først) the caseworker before her. Results count the leader's. */
export const REVIEW_ROLES = ['leder', 'sagsbehandler'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];
/** Whose answers a sag keeps: the reviewer's (they count), the caseworker's own, and a second reviewer's (#16). */
export const ANSWER_ROLES = [...REVIEW_ROLES, 'anden'] as const;
export type AnswerRole = (typeof ANSWER_ROLES)[number];

/** What the review screen sends each time an answer changes; saved at once. */
export const answerInputSchema = z
  .object({
    sagId: z.number().int().positive(),
    key: z.string().min(1).max(80),
    rolle: z.enum(REVIEW_ROLES).default('leder'),
    // Free-text answers may hold anything typed: CPR-masked like every other text.
    value: freeText(4000).nullable().optional(),
    note: freeText(4000).optional(),
    reason: freeText(4000).optional(),
    override: z
      .object({ outcome: z.enum(OUTCOMES), reason: freeText(4000) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

export const reviewDateInputSchema = z
  .object({
    sagId: z.number().int().positive(),
    key: z.string().min(1).max(80),
    date: isoDateSchema('Vælg en dato').nullable(),
  })
  .strict();

export interface MissingItem {
  key: string;
  message: string;
}

export interface ReviewProgress {
  applicable: number;
  answered: number;
  missing: MissingItem[];
}

export interface ReviewContext {
  content: TemplateContent;
  sectionKeys: readonly string[] | null;
  sagstype: string;
  answers: Readonly<Record<string, AnswerRecord | undefined>>;
  dates: Readonly<Record<string, string | undefined>>;
}

/** The template's sections with the questions that apply to this sag, given its answers so far. */
export function applicableSections(ctx: ReviewContext) {
  return applicableQuestions(ctx.content, ruleContextOf(ctx), ctx.sectionKeys ?? undefined);
}

/** What the template's rules read of a review: the sagstype, the answers' values and the dates. */
export function ruleContextOf(ctx: ReviewContext) {
  return { sagstype: ctx.sagstype, answers: answerValues(ctx.answers), dates: ctx.dates };
}

/** The key of a missing item that asks for a date a rule needs (never a question key: those start a-z or 0-9). */
export const ruleDateMissingKey = (field: string) => `@dato:${field}`;

export interface ReviewSagSummary {
  id: number;
  sagsnummer: string;
  sagstype: string;
  sagsbehandler: string;
  team: string;
  stratum: string;
  status: SagStatus;
  progress: ReviewProgress;
}

export interface SagReview {
  sag: Omit<ReviewSagSummary, 'progress'>;
  /** Imported dates, with those entered in the review on top. */
  dates: Record<string, string>;
  /** The dates entered or corrected in the review. */
  enteredDates: Record<string, string>;
  content: TemplateContent;
  sectionKeys: string[] | null;
  /** The leader's answers: these count in the results. */
  answers: Record<string, AnswerRecord>;
  progress: ReviewProgress;
  form: ReviewForm;
  /** The tilsyn is afsluttet: everything is read-only. */
  locked: boolean;
  /** Selvevaluering først: the caseworker's own answers, and where they differ from the leader's. */
  caseworkerAnswers: Record<string, AnswerRecord>;
  disagreements: Disagreement[];
  findings: Finding[];
  actions: Action[];
  dialog: DialogRecord;
}

/**
 * What saving one answer or one date changes in a sag's review (issue #18): the sag's status, its progress and the
 * disagreements, with the answer or the dates as stored. The save answers with this, not with the whole sag and its
 * template; the screen lays it over the review it holds (`withUpdate`).
 */
export interface ReviewUpdate {
  status: SagStatus;
  progress: ReviewProgress;
  disagreements: Disagreement[];
  /** The answer saved, as it is stored now. */
  answer?: { key: string; rolle: ReviewRole; record: AnswerRecord };
  /** The sag's dates after a date was saved. */
  dates?: { dates: Record<string, string>; enteredDates: Record<string, string> };
  /** reviewFingerprint of the sag's answers and dates as stored after the save. */
  fingerprint: string;
}

/**
 * The answers (both roles') and dates of a review in one short text. A screen that merged an update into the sag it
 * fetched earlier compares it with the update's: they differ when the sag was changed elsewhere meanwhile (another
 * window on the same file), and the screen fetches the sag again rather than show a mix.
 */
export function reviewFingerprint(review: Pick<SagReview, 'answers' | 'caseworkerAnswers' | 'dates'>): string {
  const value = [review.answers, review.caseworkerAnswers, review.dates];
  return `${(hashOf(value, 0x811c9dc5) >>> 0).toString(36)}-${(hashOf(value, 0x01000193) >>> 0).toString(36)}`;
}

/** FNV-1a over the UTF-16 units of `text`, from `hash`. */
function fnv(text: string, hash: number): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * A 32-bit checksum of a JSON-like value for equality, not a secret. Equal values hash the same whatever order their
 * objects' keys are in (an object's entries are summed, so nothing is sorted), and undefined fields count as absent.
 * Two seeds give the fingerprint 64 bits.
 */
function hashOf(value: unknown, seed: number): number {
  if (typeof value === 'string') return fnv(value, Math.imul(seed ^ 0x73, 0x01000193));
  if (value === null || typeof value !== 'object') return fnv(String(value), Math.imul(seed ^ 0x70, 0x01000193));
  if (Array.isArray(value)) {
    let h = Math.imul(seed ^ 0x61, 0x01000193);
    for (const item of value) h = Math.imul(h ^ hashOf(item, seed), 0x01000193);
    return Math.imul(h ^ value.length, 0x01000193);
  }
  const record = value as Record<string, unknown>;
  let sum = 0;
  let count = 0;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (field === undefined) continue;
    // Each entry mixed on its own, then added: the order of the keys does not matter. The key is hashed from its
    // own seed and the value's hash mixed before they meet, so a key and a value swapped do not cancel out.
    const keyHash = fnv(key, Math.imul(seed ^ 0x6b, 0x01000193));
    const entry = Math.imul(keyHash ^ Math.imul(hashOf(field, seed), 0x9e3779b1), 0x5bd1e995);
    sum = (sum + (entry ^ (entry >>> 15))) | 0;
    count++;
  }
  return Math.imul(Math.imul(seed ^ 0x6f, 0x01000193) ^ sum ^ count, 0x01000193);
}

/** The review after `update`, or null when the sag was changed elsewhere since `review` was read (fetch it again). */
export function mergedReview(review: SagReview, update: ReviewUpdate): SagReview | null {
  const next = withUpdate(review, update);
  return reviewFingerprint(next) === update.fingerprint ? next : null;
}

/** The review as it is after `update`: what the screen would read if it fetched the sag again. */
export function withUpdate(review: SagReview, update: ReviewUpdate): SagReview {
  const { answer, dates } = update;
  const next: SagReview = {
    ...review,
    sag: { ...review.sag, status: update.status },
    progress: update.progress,
    disagreements: update.disagreements,
    ...(dates && { dates: dates.dates, enteredDates: dates.enteredDates }),
  };
  if (!answer) return next;
  const field = answer.rolle === 'leder' ? 'answers' : 'caseworkerAnswers';
  return { ...next, [field]: { ...review[field], [answer.key]: answer.record } };
}

export interface Disagreement {
  key: string;
  question: string;
  leader: string;
  caseworker: string;
}

/**
 * Selvevaluering først: the questions both the caseworker and the leader answered, where they judged
 * differently. Choices compare by the option chosen; frister by the outcome (computed or overridden).
 */
export function disagreements(
  ctx: ReviewContext,
  caseworkerAnswers: Readonly<Record<string, AnswerRecord | undefined>>,
): Disagreement[] {
  const sections = applicableSections(ctx);
  const out: Disagreement[] = [];
  for (const { questions } of sections) {
    for (const q of questions) {
      const a = ctx.answers[q.key];
      const b = caseworkerAnswers[q.key];
      const label = (answer: AnswerRecord | undefined) => answerLabel(q, answer, ctx.dates);
      if (q.answerType === 'frist') {
        const leader = scoreAnswer(q, a, ctx.dates).outcome;
        const caseworker = scoreAnswer(q, b, ctx.dates).outcome;
        if (leader && caseworker && leader !== caseworker)
          out.push({ key: q.key, question: q.text, leader: label(a), caseworker: label(b) });
      } else if (q.options.length > 0 && a?.value && b?.value && a.value !== b.value) {
        out.push({ key: q.key, question: q.text, leader: label(a), caseworker: label(b) });
      }
    }
  }
  return out;
}

/** A requirement the sag did not (or only partly) meet, with the leader's reason as she wrote it. */
export interface UnmetRequirement {
  key: string;
  question: string;
  /** »Nej«, »Delvist«, »Ikke opfyldt« … as the answer reads. */
  answer: string;
  /** The reason (or, for an overridden frist, the override's reason; else the note); '' when none was written. */
  reason: string;
}

/** The applicable questions whose answer counts as not or partly met, in the template's order. */
export function unmetRequirements(ctx: ReviewContext): UnmetRequirement[] {
  const out: UnmetRequirement[] = [];
  for (const { questions } of applicableSections(ctx)) {
    for (const q of questions) {
      const a = ctx.answers[q.key];
      if (!isNegative(scoreAnswer(q, a, ctx.dates).outcome)) continue;
      const reason = (a?.override?.reason || a?.reason || a?.note || '').trim();
      out.push({ key: q.key, question: q.text, answer: answerLabel(q, a, ctx.dates), reason });
    }
  }
  return out;
}

/** How an answer reads to a person: the option's label, or a frist's outcome. */
export function answerLabel(
  q: Question,
  answer: AnswerRecord | undefined,
  dates: Readonly<Record<string, string | undefined>>,
): string {
  if (q.answerType === 'frist') {
    const outcome = scoreAnswer(q, answer, dates).outcome;
    return outcome ? OUTCOME_LABELS[outcome] : 'Ikke vurderet';
  }
  return q.options.find((o) => o.value === answer?.value)?.label ?? answer?.value ?? 'Ikke besvaret';
}

/** Why a value cannot be an answer to the question (undefined when it can): an option, a date, or free text. */
export function answerValueProblem(q: Question, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (q.answerType) {
    case 'jnd':
    case 'skala':
    case 'valg':
      return q.options.some((o) => o.value === value) ? undefined : 'Svaret er ikke en af spørgsmålets muligheder.';
    case 'dato':
      if (!isValidIsoDate(value)) return 'Datoen findes ikke i kalenderen.';
      return inYearRange(value) ? undefined : `${YEAR_RANGE_MESSAGE}.`;
    case 'frist':
      return 'En frist beregnes af datoerne; vælg din egen vurdering ved at tilsidesætte beregningen.';
    case 'tekst':
      return undefined;
  }
}
