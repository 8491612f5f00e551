import { z } from '../zod';
import { type Agreement, agreementOf, type Judgement, judgementsOf, type RatedPair } from './agreement';
import { isoDateSchema } from './dates';
import { type AnswerRecord, answerInputSchema, type ReviewContext } from './review';
import { maskedText } from './sample';
import type { TemplateContent } from './template';

/**
 * Calibration (issue #16): several leaders review the same made-up practice sag, kept with a template version, and
 * see question by question how they read it. Repeated for a new version of the template, with a copy of the sag.
 */

const id = z.number({ error: 'Ugyldigt id' }).int().positive('Ugyldigt id');
const name = (message: string) => maskedText(200).refine((v) => v.length > 0, message);

export const practiceSagInputSchema = z
  .object({
    skabelonVersionId: id,
    titel: maskedText(200).refine((v) => v.length > 0, 'Giv øvelsessagen en titel'),
    beskrivelse: maskedText(20_000).refine((v) => v.length > 0, 'Beskriv sagen, som bedømmerne skal læse den'),
    sagstype: maskedText(200).default(''),
    datoer: z.record(z.string().min(1).max(80), isoDateSchema('Vælg en dato')).default({}),
    navn: name('Skriv dit navn'),
  })
  .strict();

export const repeatInputSchema = z.object({ id, skabelonVersionId: id, navn: name('Skriv dit navn') }).strict();

export const calibrationRef = z.object({ id }).strict();

/** A leader's answer to a question of a practice sag: the review's answer fields, by practice sag and her name. */
export const calibrationAnswerSchema = answerInputSchema
  .omit({ sagId: true, rolle: true })
  .extend({ id, bedoemmer: name('Skriv dit navn, før du svarer') })
  .strict();

export interface PracticeSag {
  id: number;
  skabelonVersionId: number;
  /** »Børn og unge – overordnet, version 3«. */
  skabelon: string;
  titel: string;
  beskrivelse: string;
  sagstype: string;
  datoer: Record<string, string>;
  gentagerId: number | null;
  oprettet: string;
  oprettetAf: string;
  bedoemmere: number;
}

/** One question as the leaders read it: each one's answer, and whether they all said the same. */
export interface CalibratedQuestion {
  key: string;
  number: string;
  text: string;
  answers: { bedoemmer: string; label: string; category: string }[];
  /** All who judged it chose the same (null: fewer than two judged it). */
  enige: boolean | null;
}

export interface CalibrationView {
  sag: PracticeSag;
  content: TemplateContent;
  sectionKeys: string[] | null;
  /** Each leader's answers, by her name as she wrote it first. */
  answers: { bedoemmer: string; answers: Record<string, AnswerRecord> }[];
  questions: CalibratedQuestion[];
  /** Every two leaders' judgements of every question both judged, added up. */
  overall: Agreement;
}

/**
 * The leaders' answers compared: per question each one's, and over all questions every two leaders' pairs added up
 * (percent agreement and Cohen's kappa of the pooled pairs).
 */
export function compareCalibration(
  ctxOf: (answers: Record<string, AnswerRecord>) => ReviewContext,
  answers: CalibrationView['answers'],
  numberOf: (key: string) => string,
): Pick<CalibrationView, 'questions' | 'overall'> {
  const judged = new Map<string, { bedoemmer: string; j: Judgement }[]>();
  // Each leader's judgements, read as the review reads them (a frist by its outcome once she answered it).
  for (const a of answers)
    for (const j of judgementsOf(ctxOf(a.answers)))
      judged.set(j.key, [...(judged.get(j.key) ?? []), { bedoemmer: a.bedoemmer, j }]);
  const pairs: RatedPair[] = [];
  const questions: CalibratedQuestion[] = [...judged].map(([key, list]) => {
    for (let i = 0; i < list.length; i++)
      for (let k = i + 1; k < list.length; k++) {
        const [a, b] = [list[i], list[k]];
        if (a && b) pairs.push({ first: a.j.category, second: b.j.category });
      }
    const categories = new Set(list.map((x) => x.j.category));
    return {
      key,
      number: numberOf(key),
      text: list[0]?.j.question ?? key,
      answers: list.map((x) => ({ bedoemmer: x.bedoemmer, label: x.j.label, category: x.j.category })),
      enige: list.length < 2 ? null : categories.size === 1,
    };
  });
  return { questions, overall: agreementOf(pairs) };
}
