import { z } from '../zod';
import type { Agreement, JudgedPair } from './agreement';
import { unitKey } from './enhed';
import { formatPercent } from './format';
import { type AnswerRecord, answerInputSchema, type ReviewProgress } from './review';
import { maskedText } from './sample';
import { MAX_SEED } from './sampling';
import type { TemplateContent } from './template';

/**
 * Second review (issue #16): a share of a round's sager reviewed again by another leader or a konsulent, blind (she
 * never sees the first answers), so the round can say how alike two reviewers judge its sager. Where they differ, the
 * first reviewer moderates: a final answer with a reason, logged; only final answers count in the results.
 */

const id = z.number({ error: 'Ugyldigt id' }).int().positive('Ugyldigt id');
const name = (message: string) => maskedText(200).refine((v) => v.length > 0, message);

export const SECOND_REVIEW_PICKS = ['antal', 'andel', 'valgt'] as const;
export type SecondReviewPick = (typeof SECOND_REVIEW_PICKS)[number];

export const secondReviewInputSchema = z
  .object({
    tilsynId: id,
    /** Who reviews the second time: another leader, a konsulent. */
    bedoemmer: name('Skriv navnet på den, der gennemgår sagerne anden gang'),
    udvaelgelse: z.discriminatedUnion(
      'art',
      [
        z
          .object({ art: z.literal('antal'), antal: z.number().int().min(1, 'Vælg mindst én sag').max(10_000) })
          .strict(),
        z
          .object({
            art: z.literal('andel'),
            procent: z
              .number()
              .min(1, 'Andelen skal være mellem 1 og 100 %')
              .max(100, 'Andelen skal være mellem 1 og 100 %'),
          })
          .strict(),
        z.object({ art: z.literal('valgt'), sagIds: z.array(id).min(1, 'Vælg mindst én sag').max(10_000) }).strict(),
      ],
      { error: 'Vælg, hvordan sagerne vælges' },
    ),
    /** The draw's seed; one is made when none is given, and kept so the draw can be redone. */
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    navn: name('Skriv dit navn'),
  })
  .strict();
export type SecondReviewInput = z.output<typeof secondReviewInputSchema>;

/** How many sager a number or share asks for, of `eligible` (a share rounds up: 10 % of 15 is 2). */
export function secondReviewCount(pick: SecondReviewInput['udvaelgelse'], eligible: number): number {
  if (pick.art === 'antal') return Math.min(pick.antal, eligible);
  if (pick.art === 'andel') return Math.min(eligible, Math.ceil((pick.procent / 100) * eligible - 1e-9));
  return Math.min(pick.sagIds.length, eligible);
}

/** The second reviewer's answer: the first reviewer's fields (free text CPR-masked alike), without a role. */
export const secondAnswerInputSchema = answerInputSchema.omit({ rolle: true });

export const moderationInputSchema = z
  .object({
    sagId: id,
    key: z.string().min(1).max(80),
    /** The final answer: a choice's value (for a frist: »opfyldt« or »ikke_opfyldt« as the outcome). */
    value: z.string({ error: 'Vælg det endelige svar' }).min(1, 'Vælg det endelige svar').max(80),
    begrundelse: maskedText(4000).refine((v) => v.length > 0, 'Skriv, hvorfor svaret er det endelige'),
    navn: name('Skriv dit navn'),
  })
  .strict();

/** A sag as the second reviewer sees it: its facts and the questions, her own answers and nothing of the first. */
export interface BlindSag {
  sagId: number;
  sagsnummer: string;
  sagstype: string;
  dates: Record<string, string>;
  content: TemplateContent;
  sectionKeys: string[] | null;
  answers: Record<string, AnswerRecord>;
  progress: ReviewProgress;
  locked: boolean;
}

export interface BlindList {
  titel: string;
  bedoemmer: string;
  sager: { sagId: number; sagsnummer: string; sagstype: string; answered: number; applicable: number }[];
}

/** A question the two judged differently, with its moderation when it has one. */
export interface SecondDisagreement extends JudgedPair {
  sagId: number;
  sagsnummer: string;
  moderated: { value: string; label: string; begrundelse: string; hvem: string; tid: string } | null;
}

/** The leader's view of the second review of a round. */
export interface SecondReviewView {
  bedoemmer: string;
  udvaelgelse: SecondReviewPick;
  seed: number | null;
  oprettet: string;
  oprettetAf: string;
  /** The round's sager that can be reviewed twice (udvalgte, not udgået). */
  eligible: number;
  /** `faerdig`: the second reviewer has answered every question of the sag that applies. */
  sager: { sagId: number; sagsnummer: string; pairs: number; disagreements: number; faerdig: boolean }[];
  overall: Agreement;
  byQuestion: { key: string; number: string; text: string; agreement: Agreement }[];
  disagreements: SecondDisagreement[];
  /** Disagreements not yet moderated. */
  open: number;
}

/**
 * The committee report's method line: »Gennemgangen er kvalitetssikret: 4 af 15 sager gennemgået af to, enighed
 * 88 %«, or null when no sag was judged by both.
 */
export function qualityLine(view: Pick<SecondReviewView, 'sager' | 'overall'>, counted: number): string | null {
  // Only sager the second reviewer finished count as reviewed by two.
  const both = view.sager.filter((s) => s.faerdig && s.pairs > 0).length;
  if (both === 0 || view.overall.percent === null) return null;
  const kappa = view.overall.kappa === null ? '' : ` (kappa ${view.overall.kappa.toFixed(2).replace('.', ',')})`;
  return `Gennemgangen er kvalitetssikret: ${both} af ${counted} sager gennemgået af to, enighed ${formatPercent(view.overall.percent * 100)}${kappa}.`;
}

/** Who must approve the round before its report is marked as sent (null: no approval needed). */
export const approverInputSchema = z
  .object({
    tilsynId: id,
    godkender: maskedText(200)
      .nullable()
      .transform((v) => (v === '' ? null : v)),
    navn: name('Skriv dit navn'),
  })
  .strict();

export const approveInputSchema = z.object({ tilsynId: id, navn: name('Skriv dit navn') }).strict();

/** The approval a round needs: by whom, given by whom and when, and whether it holds for the round as it is locked. */
export interface ApprovalView {
  godkender: string;
  godkendt: { af: string; tid: string } | null;
  /** Given to the round's latest locking (a genåbning since means it must be given again). */
  gyldig: boolean;
}

/**
 * Two spellings of one person's name are the same person: case, spaces, composed or decomposed letters, full-width
 * letters and ligatures, invisible characters (the app's one name key, as enheder and caseworkers are compared).
 */
export const samePerson = (a: string, b: string) => unitKey(a) === unitKey(b);

/** A comment pinned to a question of a sag, worked through until none is open (issue #16). */
export interface PinnedComment {
  id: number;
  sagId: number;
  sagsnummer: string;
  key: string;
  /** »3.1« as in the review. */
  number: string;
  question: string;
  tekst: string;
  af: string;
  oprettet: string;
  loest: { af: string; tid: string } | null;
}

export const commentInputSchema = z
  .object({
    sagId: id,
    key: z.string({ error: 'Vælg spørgsmålet' }).min(1, 'Vælg spørgsmålet').max(80),
    tekst: maskedText(2000).refine((v) => v.length > 0, 'Skriv kommentaren'),
    navn: name('Skriv dit navn'),
  })
  .strict();

export const resolveCommentSchema = z.object({ id, navn: name('Skriv dit navn') }).strict();
