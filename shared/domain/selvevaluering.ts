import { z } from '../zod';
import { isoDateSchema } from './dates';
import { dialogInputSchema } from './findings';
import { type AnswerRecord, answerInputSchema, type ReviewContext, type ReviewProgress } from './review';
import { reviewProgress } from './review-progress';
import { answerValues, applicableQuestions } from './rules';
import { OUTCOMES, type TemplateContent } from './template';

/**
 * Selvevaluering først across two files (issue #15): the leader sends each caseworker a selvevalueringspakke with
 * her own sampled sager and the template, nothing about anyone else; the caseworker answers in her own Tilsyn and
 * sends a svarpakke back, which the leader reads into the tilsyn as the caseworker's answers.
 */
export const SELF_MEMBER = 'selvevaluering.json';
export const SELF_TEMPLATE_MEMBER = 'skabelon.json';
export const ANSWERS_MEMBER = 'svar.json';

/** »<the leader's file id>:<the tilsyn's id>:<the pakke's random token>«: the svarpakke answers that pakke only. */
export const SELF_UID = /^([0-9a-f-]{36}):(\d{1,12}):([0-9a-f]{16})$/;

/**
 * The caseworker's progress: the questions she judges herself. A frist is computed from the sag's dates, which the
 * leader's file holds (she may give her own judgement instead), so neither a frist nor a missing date keeps her sag
 * from being answered.
 */
export function selfProgress(ctx: ReviewContext): ReviewProgress {
  const values = answerValues(ctx.answers);
  const own = new Set(
    applicableQuestions(
      ctx.content,
      { sagstype: ctx.sagstype, answers: values, dates: ctx.dates },
      ctx.sectionKeys ?? undefined,
    )
      .flatMap((s) => s.questions)
      .filter((q) => q.answerType !== 'tekst' && q.answerType !== 'frist')
      .map((q) => q.key),
  );
  const missing = reviewProgress(ctx).missing.filter((m) => own.has(m.key));
  return { applicable: own.size, answered: own.size - missing.length, missing };
}

/**
 * Whose answers a pakke asks for: a caseworker's own (selvevaluering først) or a second reviewer's (anden gennemgang,
 * issue #16), who answers every question as a reviewer does.
 */
export const PAKKE_ROLES = ['sagsbehandler', 'anden'] as const;
export type PakkeRole = (typeof PAKKE_ROLES)[number];

/** How far the answers of a pakke's sag have come, for the one who answers it. */
export const pakkeProgress = (rolle: PakkeRole, ctx: ReviewContext): ReviewProgress =>
  rolle === 'anden' ? reviewProgress(ctx) : selfProgress(ctx);

const text = (max: number) => z.string().max(max);
const answerSchema = z
  .object({
    value: text(4000).nullable(),
    note: text(4000),
    reason: text(4000),
    override: z
      .object({ outcome: z.enum(OUTCOMES), reason: text(4000) })
      .strict()
      .nullable(),
  })
  .strict();
export type CarriedAnswer = z.infer<typeof answerSchema>;

/** An answer as it travels: every field, null where none. */
export const carried = (a: AnswerRecord): CarriedAnswer => ({
  value: a.value ?? null,
  note: a.note,
  reason: a.reason,
  override: a.override ?? null,
});
const answersSchema = z.record(z.string().min(1).max(80), answerSchema);

/** What the caseworker gets: one tilsyn's sager of hers, with the answers she gave before (if it is sent again). */
export const selfBundleSchema = z
  .object({
    uid: z.string().regex(SELF_UID),
    titel: text(300),
    sagsbehandler: z.string().trim().min(1).max(200),
    periodeFra: isoDateSchema(''),
    periodeTil: isoDateSchema(''),
    afsnit: z.array(z.string().max(80)).max(100).nullable(),
    sager: z
      .array(
        z
          .object({
            noegle: z.number().int().positive(),
            sagsnummer: z.string().min(1).max(100),
            sagstype: text(200),
            datoer: z.record(z.string().max(80), isoDateSchema('')),
            svar: answersSchema,
            refleksioner: text(8000),
          })
          .strict(),
      )
      .min(1)
      .max(500)
      .refine((sager) => new Set(sager.map((s) => s.noegle)).size === sager.length),
  })
  .strict();
export type SelfBundle = z.infer<typeof selfBundleSchema>;

/** What comes back: her answers and reflections per sag, by the keys the leader's file gave them. */
export const answersBundleSchema = z
  .object({
    uid: z.string().regex(SELF_UID),
    sagsbehandler: z.string().trim().min(1).max(200),
    sager: z
      .array(z.object({ noegle: z.number().int().positive(), svar: answersSchema, refleksioner: text(8000) }).strict())
      .max(500)
      .refine((sager) => new Set(sager.map((s) => s.noegle)).size === sager.length),
  })
  .strict();
export type AnswersBundle = z.infer<typeof answersBundleSchema>;

/** A selvevaluering as the caseworker's list shows it. */
export interface SelfEvaluationItem {
  id: number;
  titel: string;
  /** Who answers: the caseworker (her own sager) or the second reviewer (named as `sagsbehandler` is). */
  rolle: PakkeRole;
  sagsbehandler: string;
  fra: string;
  periodeFra: string;
  periodeTil: string;
  sager: number;
  /** Sager with every applicable question answered. */
  besvarede: number;
}

export interface SelfSag {
  noegle: number;
  sagsnummer: string;
  sagstype: string;
  dates: Record<string, string>;
  answers: Record<string, AnswerRecord>;
  refleksioner: string;
  progress: ReviewProgress;
}

/** One selvevaluering to answer: the template and her sager, nothing else. */
export interface SelfEvaluationView extends Omit<SelfEvaluationItem, 'sager' | 'besvarede'> {
  content: TemplateContent;
  sectionKeys: string[] | null;
  sager: SelfSag[];
}

const id = z.number().int().positive();
export const selfRef = z.object({ id }).strict();
/** The caseworker's answer: as the leader's, by the selvevaluering and the sag's key. */
export const selfAnswerInput = answerInputSchema.omit({ sagId: true, rolle: true }).extend({ id, noegle: id }).strict();
export const selfReflectionInput = z
  .object({ id, noegle: id, tekst: dialogInputSchema.shape.refleksioner.unwrap() })
  .strict();

export const selfBundleRequest = z
  .object({ tilsynId: id, sagsbehandler: z.string().trim().min(1, 'Vælg en sagsbehandler').max(200) })
  .strict();

/** One caseworker of a tilsyn's sample, as the leader's Gennemgang lists them for selvevaluering. */
export interface SelfStatus {
  sagsbehandler: string;
  sager: number;
  /** Sager in which her own answers are complete. */
  besvarede: number;
}

/** What reading a svarpakke did, for the leader. */
export interface AnswersImportResult {
  sagsbehandler: string;
  /** Her sager in the pakke, and the answers that were new or changed (0: the same pakke again). */
  sager: number;
  aendrede: number;
  refleksioner: number;
  /** Sagsnumre of sager taken out of the sample (udgået) since the pakke was sent: their answers are left out. */
  udgaaede: string[];
  /** Whether answers from the same pakke were read before. */
  indlaestFoer: boolean;
  /** Second review: settled disagreements whose answer changed, and which are open again. */
  genaabnede: number;
}

/** »Svarene fra Karin Lund i 3 sager er indlæst: 14 svar er nye eller ændrede, og der er nye refleksioner i én sag.« */
export function answersImportInWords(r: AnswersImportResult): string {
  const count = (n: number) => (n === 1 ? 'én sag' : `${n} sager`);
  const changed =
    r.aendrede === 0
      ? 'ingen svar er ændret'
      : r.aendrede === 1
        ? 'ét svar er nyt eller ændret'
        : `${r.aendrede} svar er nye eller ændrede`;
  const main =
    r.aendrede === 0 && r.refleksioner === 0
      ? r.indlaestFoer
        ? `Svarene fra ${r.sagsbehandler} var indlæst før: intet er ændret.`
        : `Svarpakken fra ${r.sagsbehandler} har ingen nye svar: intet er ændret.`
      : `Svarene fra ${r.sagsbehandler} i ${count(r.sager)} er indlæst: ${changed}${r.refleksioner > 0 ? `, og der er nye refleksioner i ${count(r.refleksioner)}` : ''}.`;
  const out =
    r.udgaaede.length > 0
      ? ` ${r.udgaaede.length === 1 ? 'Sag' : 'Sagerne'} ${r.udgaaede.join(', ')} er taget ud af stikprøven, så ${r.udgaaede.length === 1 ? 'dens' : 'deres'} svar er ikke med.`
      : '';
  const reopened =
    r.genaabnede > 0
      ? ` ${r.genaabnede === 1 ? 'Et afgjort spørgsmål har' : `${r.genaabnede} afgjorte spørgsmål har`} fået et nyt svar og skal afgøres igen under Kvalitetssikring.`
      : '';
  return `${main}${out}${reopened}`;
}
