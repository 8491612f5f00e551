import { z } from '../zod';
import { isoDateSchema } from './dates';
import { UNIT_LEVELS } from './enhed';
import type { MeasureGoal } from './goals';
import type { TilsynResults } from './results';
import { CATEGORIES, type TemplateContent } from './template';
import { REVIEW_FORMS, type ReviewForm } from './tilsyn';

/**
 * What a resultatpakke carries (issue #15): afsluttede rounds as aggregates, the way a round is kept once its
 * case-level data is deleted (no sagsnumre, names, notes or break-downs per person), with the templates they used.
 * No free text a leader wrote travels: only the templates' own texts and the enheder's names.
 */
export const ROUNDS_MEMBER = 'runder.json';
export const templateMember = (hash: string) => `skabeloner/${hash}.json`;

export interface BundleRound {
  /** »<the file's id>:<the tilsyn's id>«: the round's one id everywhere it goes. */
  uid: string;
  periodeFra: string;
  periodeTil: string;
  form: ReviewForm;
  afsluttetDato: string | null;
  baseline: boolean;
  afsnit: string[] | null;
  /** From the top: forvaltning › afdeling › team. */
  enhed: { navn: string; niveau: (typeof UNIT_LEVELS)[number] }[];
  /** The member holding its template version. */
  skabelon: string;
  resultater: TilsynResults;
  /** The enhed's goals as the round was locked with them. */
  maal: MeasureGoal[];
}

export interface BundleTemplate {
  /** »<the file's id>:<its template id>«: versions of one template stay one template in the department's file. */
  uid: string;
  navn: string;
  omraade: string;
  beskrivelse: string;
  /** The shipped template the family descends from, so it joins that family where it arrives. */
  standardId: string | null;
  nummer: number;
  indhold: TemplateContent;
}

const count = z.number().int().min(0).max(10_000_000);
const share = { met: count, applicable: count, share: z.number().min(0).max(1).nullable(), smallN: z.boolean() };
const name = z.string().trim().min(1).max(200);
const uid = z.string().regex(/^[0-9a-f-]{36}:\d{1,12}$/);

const measureSchema = z
  .object({
    ...share,
    key: z.string().min(1).max(80),
    number: z.string().max(20),
    text: z.string().max(2000),
    sectionKey: z.string().max(80),
    sectionTitle: z.string().max(500),
    category: z.enum(CATEGORIES),
    target: z.number().min(0).max(100).nullable(),
    targetDue: isoDateSchema('').nullable().optional(),
    belowTarget: z.boolean().nullable(),
    counts: z
      .object({ opfyldt: count, delvist: count, ikke_opfyldt: count, udeladt: count, ubesvaret: count })
      .strict(),
    late: z
      .object({ count, medianDays: z.number().min(0), worstDays: z.number().min(0) })
      .strict()
      .optional(),
  })
  .strict();
const groupSchema = z.object({ ...share, key: z.string().max(80), label: z.string().max(500) }).strict();

export const bundleResultsSchema = z
  .object({
    sager: count,
    faerdige: count,
    measures: z.array(measureSchema).max(2000),
    sections: z.array(groupSchema).max(200),
    categories: z.array(groupSchema).max(20),
    overall: z.object(share).strict(),
    // A pakke carries no break-down per person: anything here is refused.
    breakdowns: z.object({ sagsbehandler: z.tuple([]), team: z.tuple([]), sagstype: z.tuple([]) }).strict(),
  })
  .strict();

const goalSchema = z
  .object({
    key: z.string().min(1).max(80),
    steps: z.array(z.object({ dato: isoDateSchema(''), maaltal: z.number().min(0).max(100) }).strict()).max(12),
    indikator: z.string().max(1000),
    metode: z.string().max(2000),
  })
  .strict();

export const bundleRoundsSchema = z
  .array(
    z
      .object({
        uid,
        periodeFra: isoDateSchema(''),
        periodeTil: isoDateSchema(''),
        form: z.enum(REVIEW_FORMS),
        afsluttetDato: isoDateSchema('').nullable(),
        baseline: z.boolean(),
        afsnit: z.array(z.string().max(80)).max(100).nullable(),
        enhed: z
          .array(z.object({ navn: name, niveau: z.enum(UNIT_LEVELS) }).strict())
          .min(1)
          .max(3),
        skabelon: z.string().regex(/^skabeloner\/[0-9a-f]{64}\.json$/),
        resultater: bundleResultsSchema,
        maal: z.array(goalSchema).max(2000),
      })
      .strict()
      .refine((r) => r.periodeFra <= r.periodeTil),
  )
  .min(1)
  .max(10_000);

/** The template member; its content is checked by the template schema where it is placed. */
export const bundleTemplateSchema = z
  .object({
    uid,
    navn: name,
    omraade: z.string().max(40),
    beskrivelse: z.string().max(2000),
    standardId: z.string().max(80).nullable(),
    nummer: z.number().int().min(1).max(100_000),
    indhold: z.unknown(),
  })
  .strict();

/** What an import did, for the leader: »3 nye runder, 1 opdateret, 2 var der allerede«. */
export interface BundleImportResult {
  runder: { ny: number; opdateret: number; uaendret: number };
  enheder: string[];
  skabeloner: string[];
  fra: { kommune: string; forvaltning: string; oprettet: string };
}
