import { z } from '../zod';
import { maskCpr } from './cpr';
import { isoDateSchema } from './dates';
import { applicableQuestions } from './rules';
import { type GivenAnswer, isNegative, scoreAnswer } from './scoring';
import { OUTCOMES, type Outcome, type Question, type TemplateContent } from './skabelon';
import type { SagStatus } from './tilsyn';

/** One answer as stored: the value, a note, a reason where required, and a frist override. */
export interface AnswerRecord extends GivenAnswer {
  note: string;
  reason: string;
}

const freeText = (max: number) =>
  z
    .string()
    .max(max, `Højst ${max} tegn`)
    .transform((v) => maskCpr(v).text);

/** What the review screen sends each time an answer changes; saved at once. */
export const answerInputSchema = z
  .object({
    sagId: z.number().int().positive(),
    key: z.string().min(1).max(80),
    value: z.string().max(4000).nullable().optional(),
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

/**
 * Which applicable questions still lack what they need. Free-text questions are optional; a negative answer
 * needs its reason where the template says so; a frist needs its dates, or the reviewer's override with a reason.
 */
export function reviewProgress(ctx: ReviewContext): ReviewProgress {
  const values = Object.fromEntries(Object.entries(ctx.answers).map(([k, a]) => [k, a?.value ?? undefined]));
  const sections = applicableQuestions(
    ctx.content,
    { sagstype: ctx.sagstype, answers: values },
    ctx.sectionKeys ?? undefined,
  );
  const labels = Object.fromEntries(ctx.content.dateFields.map((f) => [f.key, f.label]));
  const missing: MissingItem[] = [];
  let applicable = 0;
  for (const { questions } of sections) {
    for (const q of questions) {
      if (q.answerType === 'tekst') continue;
      applicable++;
      const problem = missingFor(q, ctx.answers[q.key], ctx.dates, labels);
      if (problem) missing.push({ key: q.key, message: `${q.text} – ${problem}` });
    }
  }
  return { applicable, answered: applicable - missing.length, missing };
}

function missingFor(
  q: Question,
  answer: AnswerRecord | undefined,
  dates: Readonly<Record<string, string | undefined>>,
  labels: Record<string, string>,
): string | undefined {
  if (q.answerType === 'frist') {
    if (answer?.override)
      return answer.override.reason.trim() ? undefined : 'begrundelse for at tilsidesætte fristen mangler';
    const scored = scoreAnswer(q, answer, dates, labels);
    if (scored.outcome === undefined) return 'datoerne mangler eller er ugyldige';
    return q.reasonRequiredOnNegative && isNegative(scored.outcome) && !answer?.reason.trim()
      ? 'begrundelse mangler'
      : undefined;
  }
  if (!answer?.value) return 'mangler svar';
  const outcome: Outcome | undefined = scoreAnswer(q, answer).outcome;
  if (q.reasonRequiredOnNegative && isNegative(outcome) && !answer.reason.trim()) return 'begrundelse mangler';
  return undefined;
}

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
  answers: Record<string, AnswerRecord>;
  progress: ReviewProgress;
}
