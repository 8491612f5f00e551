import { z } from '../zod';
import { maskCpr } from './cpr';
import { inYearRange, isoDateSchema, isValidIsoDate, YEAR_RANGE_MESSAGE } from './dates';
import type { Action, DialogRecord, Finding } from './findings';
import { answerValues, applicableQuestions } from './rules';
import { type GivenAnswer, isNegative, scoreAnswer } from './scoring';
import { OUTCOME_LABELS, OUTCOMES, type Outcome, type Question, type TemplateContent } from './template';
import type { ReviewForm, SagStatus } from './tilsyn';

/** One answer as stored: the value, a note, a reason where required, and a frist override. */
export interface AnswerRecord extends GivenAnswer {
  note: string;
  reason: string;
}

/**
 * An answer's texts as the review shows them, top to bottom, each by the path its refusal names: the text answer,
 * the reason for overriding a frist, the reason for a negative answer, the note.
 */
export const answerBoxes = (a: {
  value?: string | null;
  note?: string;
  reason?: string;
  override?: { reason: string } | null;
}): [string, string | undefined][] => [
  ['value', a.value ?? undefined],
  ['override.reason', a.override?.reason],
  ['reason', a.reason],
  ['note', a.note],
];

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
  const first = hashOf([review.answers, review.caseworkerAnswers, review.dates], 0x811c9dc5, 0x01000193);
  return `${(first >>> 0).toString(36)}-${(second >>> 0).toString(36)}`;
}

const FNV_PRIME = 0x01000193;
const mix = (hash: number, n: number) => Math.imul(hash ^ n, FNV_PRIME);

/**
 * The second seed's hash of the value hashOf (or fnv) returned last: both are worked out in one pass over the value
 * (a save asks for the fingerprint; issue #18), each exactly as if alone.
 */
let second = 0;

/** FNV-1a over the UTF-16 units of `text`, from `a` (returned) and from `b` (left in `second`). */
function fnv(text: string, a: number, b: number): number {
  let h = a;
  let g = b;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h = mix(h, unit);
    g = mix(g, unit);
  }
  second = g;
  return h;
}

/**
 * A 32-bit checksum of a JSON-like value for equality, not a secret, from seed `a` (returned) and from seed `b`
 * (left in `second`): two seeds give the fingerprint 64 bits. Equal values hash the same whatever order their
 * objects' keys are in (an object's entries are summed, so nothing is sorted), and undefined fields count as absent.
 */
function hashOf(value: unknown, a: number, b: number): number {
  if (typeof value === 'string') return fnv(value, mix(a, 0x73), mix(b, 0x73));
  if (value === null || typeof value !== 'object') return fnv(String(value), mix(a, 0x70), mix(b, 0x70));
  if (Array.isArray(value)) {
    let h = mix(a, 0x61);
    let g = mix(b, 0x61);
    for (const item of value) {
      h = mix(h, hashOf(item, a, b));
      g = mix(g, second);
    }
    second = mix(g, value.length);
    return mix(h, value.length);
  }
  const record = value as Record<string, unknown>;
  let sumA = 0;
  let sumB = 0;
  let count = 0;
  // Each entry mixed on its own, then added: the order of the keys does not matter. The key is hashed from its own
  // seed and the value's hash mixed before they meet, so a key and a value swapped do not cancel out.
  const entry = (keyHash: number, valueHash: number) => {
    const e = Math.imul(keyHash ^ Math.imul(valueHash, 0x9e3779b1), 0x5bd1e995);
    return e ^ (e >>> 15);
  };
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (field === undefined) continue;
    const keyA = fnv(key, mix(a, 0x6b), mix(b, 0x6b));
    const keyB = second;
    const valueA = hashOf(field, a, b);
    sumA = (sumA + entry(keyA, valueA)) | 0;
    sumB = (sumB + entry(keyB, second)) | 0;
    count++;
  }
  second = mix(mix(b, 0x6f) ^ sumB, count);
  return mix(mix(a, 0x6f) ^ sumA, count);
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
  /** The reason the review shows beside the answer (for an overridden frist, the override's); '' when none. */
  reason: string;
  /** The leader's note to the question; '' when none. */
  note: string;
  /** Whether the review asked for a reason (the template's rule, or an override): else no reason is missing. */
  reasonAsked: boolean;
  /** A frist judged by the leader instead of its computation. */
  overridden: boolean;
}

/** The applicable questions whose answer counts as not or partly met, in the template's order. */
export function unmetRequirements(ctx: ReviewContext): UnmetRequirement[] {
  const out: UnmetRequirement[] = [];
  for (const { questions } of applicableSections(ctx)) {
    for (const q of questions) {
      const a = ctx.answers[q.key];
      if (!isNegative(scoreAnswer(q, a, ctx.dates).outcome)) continue;
      const [reason, note] = [shownReason(q, a, ctx.dates).trim(), (a?.note ?? '').trim()];
      const reasonAsked = Boolean(q.reasonRequiredOnNegative) || Boolean(a?.override);
      const overridden = Boolean(a?.override);
      out.push({
        key: q.key,
        question: q.text,
        answer: answerLabel(q, a, ctx.dates),
        reason,
        note,
        reasonAsked,
        overridden,
      });
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

/**
 * Whether the review asks for a reason for an answer with this outcome: a negative one, where the template requires
 * a reason, and not overridden (an override has a reason of its own).
 */
export const asksReason = (q: Question, answer: GivenAnswer | undefined, outcome: Outcome | undefined): boolean =>
  Boolean(q.reasonRequiredOnNegative) && isNegative(outcome) && !answer?.override;

/**
 * The reason the review shows beside an answer, and so the one reports print: an override's own, else the reason
 * where one is asked for, else ''. A reason written before the answer changed stays stored (it returns with the
 * answer it belonged to) but is not published while it is hidden.
 */
export function shownReason(
  q: Question,
  answer: AnswerRecord | undefined,
  dates: Readonly<Record<string, string | undefined>>,
): string {
  if (!answer) return '';
  if (answer.override) return answer.override.reason;
  return asksReason(q, answer, scoreAnswer(q, answer, dates).outcome) ? answer.reason : '';
}

/** Why a frist override cannot be saved on `q` (only a frist's computation can be overridden), or undefined. */
export function overrideProblem(q: Question, override: unknown): string | undefined {
  return override && q.answerType !== 'frist'
    ? 'Kun en frist kan tilsidesættes. Besvar spørgsmålet med et af dets svar.'
    : undefined;
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
