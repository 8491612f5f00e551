import { z } from '../zod';
import { isoDateSchema } from './dates';

/**
 * A skabelon (question template) is data, not code: a municipality can correct a legal reference or a
 * deadline without a new release. Its content is versioned; a published version is frozen.
 */

export const AREAS = ['boern_unge', 'beskaeftigelse', 'andet'] as const;
export type Area = (typeof AREAS)[number];
export const AREA_LABELS: Record<Area, string> = {
  boern_unge: 'Børn og unge',
  beskaeftigelse: 'Beskæftigelse',
  andet: 'Andet',
};

export const CATEGORIES = ['lovmedholdelighed', 'kvalitet', 'proces'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  lovmedholdelighed: 'Lovmedholdelighed',
  kvalitet: 'Faglig kvalitet',
  proces: 'Proces',
};

/** How an answer counts in the results: 'udeladt' leaves the denominator (e.g. Ikke relevant). */
export const OUTCOMES = ['opfyldt', 'delvist', 'ikke_opfyldt', 'udeladt'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  opfyldt: 'Opfyldt',
  delvist: 'Delvist opfyldt',
  ikke_opfyldt: 'Ikke opfyldt',
  udeladt: 'Tæller ikke med',
};

export const ANSWER_TYPES = ['jnd', 'frist', 'skala', 'valg', 'tekst', 'dato'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];
export const ANSWER_TYPE_LABELS: Record<AnswerType, string> = {
  jnd: 'Ja / Nej / Delvist / Ikke relevant',
  frist: 'Frist beregnet ud fra to datoer',
  skala: 'Skala',
  valg: 'Valg mellem svarmuligheder',
  tekst: 'Fritekst',
  dato: 'Dato',
};

export const FRIST_UNITS = ['dage', 'uger', 'maaneder'] as const;
export type FristUnit = (typeof FRIST_UNITS)[number];
export const FRIST_UNIT_LABELS: Record<FristUnit, string> = { dage: 'dage', uger: 'uger', maaneder: 'måneder' };

const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]*$/;
/**
 * The names every JavaScript object has (»constructor«): answers, dates and results are looked up by key in plain
 * objects, where such a key reads as something that is not there (found by the attack on #18).
 */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype).filter((k) => KEY_PATTERN.test(k)));
const MAX_QUESTIONS = 1000;
const MAX_SECTIONS = 100;
const MAX_DATE_FIELDS = 50;

/**
 * The content schemas in two strengths: 'publish' checks everything a published version needs;
 * 'draft' only checks the shape, so a draft can be saved while a new question still has no text.
 */
function buildContentSchemas(mode: 'publish' | 'draft') {
  const strict = mode === 'publish';
  const required = (max: number, message: string) => {
    const base = z.string({ error: message }).trim();
    return (strict ? base.min(1, message) : base).max(max, `Højst ${max} tegn`);
  };
  const key = (what: string) => {
    const base = z
      .string({ error: `Angiv en nøgle for ${what}` })
      .trim()
      .max(80, 'Nøglen må højst være 80 tegn');
    return strict
      ? base
          .min(1, { message: `Angiv en nøgle for ${what}`, abort: true })
          .regex(KEY_PATTERN, 'Nøglen må kun indeholde små bogstaver a-z, tal, punktum, bindestreg og understreg')
          .refine(
            (k) => !RESERVED_KEYS.has(k),
            `»${[...RESERVED_KEYS].join('«, »')}« kan ikke bruges som nøgle. Vælg en anden.`,
          )
      : base;
  };
  const optionalText = (max: number, message: string) => z.string().trim().max(max, message).default('');
  const nonEmptyList = <T extends z.ZodType>(item: T, message: string) =>
    strict ? z.array(item).min(1, message) : z.array(item);

  const answerOption = z
    .object({
      value: key('svarmuligheden'),
      label: required(120, 'Skriv teksten for svarmuligheden'),
      outcome: z.enum(OUTCOMES, { error: 'Vælg hvordan svaret tæller' }),
    })
    .strict();

  /** A named date on a sag (imported or entered during the review), used by frist questions. */
  const dateField = z.object({ key: key('datofeltet'), label: required(120, 'Skriv navnet på datofeltet') }).strict();

  const frist = z
    .object({
      fra: required(80, 'Vælg datoen fristen regnes fra'),
      til: required(80, 'Vælg datoen der skal ligge inden for fristen'),
      graense: z
        .number({ error: 'Angiv fristens længde' })
        .int('Fristen skal være et helt tal')
        .min(0, 'Fristen kan ikke være negativ')
        .max(3650, 'Fristen er for lang'),
      enhed: z.enum(FRIST_UNITS, { error: 'Vælg dage, uger eller måneder' }),
      /** A `til` date before the `fra` date meets the frist (Barnets Lov § 91, stk. 2: the plan before the decision). */
      foerOpfylder: z.boolean().optional(),
      /** Where the frist comes from (the paragraph), shown beside the computation. */
      kilde: optionalText(300, 'Kilden må højst være 300 tegn').optional(),
      /**
       * The rules of earlier times: a sag whose `fra` date lies before `foer` is judged by that rule (cases from
       * before 1.1.2024 follow serviceloven). The earliest `foer` that the date lies before is used.
       */
      tidligereRegler: z
        .array(
          z
            .object({
              foer: isoDateSchema('Angiv dagen, den tidligere regel gjaldt før'),
              graense: z
                .number({ error: 'Angiv den tidligere regels frist' })
                .int('Fristen skal være et helt tal')
                .min(0, 'Fristen kan ikke være negativ')
                .max(3650, 'Fristen er for lang'),
              enhed: z.enum(FRIST_UNITS, { error: 'Vælg dage, uger eller måneder' }),
              foerOpfylder: z.boolean().optional(),
              kilde: optionalText(300, 'Kilden må højst være 300 tegn'),
            })
            .strict(),
        )
        .max(10, 'Højst 10 tidligere regler')
        .optional(),
    })
    .strict();

  /** When a question or afsnit applies. All conditions must hold. */
  const rule = z.discriminatedUnion(
    'type',
    [
      z
        .object({
          type: z.literal('sagstype'),
          /** The sag's type must be one of these (compared without regard to case). */
          anyOf: nonEmptyList(z.string().trim(), 'Angiv mindst én sagstype'),
        })
        .strict(),
      z
        .object({
          type: z.literal('svar'),
          question: required(80, 'Vælg spørgsmålet reglen afhænger af'),
          anyOf: nonEmptyList(z.string(), 'Vælg mindst ét svar'),
        })
        .strict(),
      z
        .object({
          /**
           * The rules in force at the time (issue #13): the sag's date `felt` must lie on or after `fra` and
           * before `foer`, so a round that reviews older sager uses the rules of their time. A sag without
           * that date has no rule in force yet: the review asks for the date.
           */
          type: z.literal('dato'),
          felt: required(80, 'Vælg datofeltet reglen afhænger af'),
          fra: isoDateSchema('Angiv dagen, reglen gælder fra').optional(),
          foer: isoDateSchema('Angiv dagen, reglen gælder før').optional(),
          /** The law or agreement that set the dates, shown beside the question. */
          kilde: optionalText(300, 'Kilden må højst være 300 tegn'),
        })
        .strict(),
    ],
    { error: 'Vælg en betingelse: sagstype, et andet svar eller en dato' },
  );

  const question = z
    .object({
      key: key('spørgsmålet'),
      text: required(500, 'Skriv spørgsmålet'),
      help: optionalText(4000, 'Hjælpeteksten må højst være 4000 tegn'),
      legalRef: optionalText(300, 'Lovhenvisningen må højst være 300 tegn'),
      category: z.enum(CATEGORIES, { error: 'Vælg kategori' }),
      answerType: z.enum(ANSWER_TYPES, { error: 'Vælg svartype' }),
      /** Choices for jnd, skala and valg; empty for the others. */
      options: z.array(answerOption).max(50, 'Højst 50 svarmuligheder').default([]),
      // A draft may hold a frist still being filled in (typed as complete; the editor copes).
      frist: (strict ? frist : (frist.partial() as unknown as typeof frist)).optional(),
      /** Måltal: the share (0-100 %) of applicable sager that should meet the requirement. */
      target: z
        .number()
        .min(0, 'Måltallet skal være mellem 0 og 100')
        .max(100, 'Måltallet skal være mellem 0 og 100')
        .optional(),
      rules: z.array(rule).max(20, 'Højst 20 betingelser').default([]),
      reasonRequiredOnNegative: z.boolean().default(false),
      active: z.boolean().default(true),
    })
    .strict();

  const section = z
    .object({
      key: key('afsnittet'),
      title: required(200, 'Skriv afsnittets titel'),
      description: optionalText(2000, 'Beskrivelsen må højst være 2000 tegn'),
      rules: z.array(rule).max(20, 'Højst 20 betingelser').default([]),
      active: z.boolean().default(true),
      questions: z.array(question),
    })
    .strict();

  // Far above any real skabelon (the largest shipped has about 55 questions), and low enough that a chain of rules
  // through every question is still evaluated without running out of stack.
  const content = z
    .object({
      dateFields: z.array(dateField).max(MAX_DATE_FIELDS, `Højst ${MAX_DATE_FIELDS} datofelter`).default([]),
      sections: z.array(section).max(MAX_SECTIONS, `Højst ${MAX_SECTIONS} afsnit`),
    })
    .strict()
    .refine((c) => c.sections.reduce((n, s) => n + s.questions.length, 0) <= MAX_QUESTIONS, {
      path: ['sections'],
      message: `Skabelonen må højst have ${MAX_QUESTIONS} spørgsmål`,
    });
  return { answerOption, dateField, frist, rule, question, section, content };
}

const publishSchemas = buildContentSchemas('publish');
export const answerOptionSchema = publishSchemas.answerOption;
export const dateFieldSchema = publishSchemas.dateField;
export const fristSchema = publishSchemas.frist;
export const ruleSchema = publishSchemas.rule;
export const questionSchema = publishSchemas.question;
export const sectionSchema = publishSchemas.section;
/** The content of one template version: what is frozen when it is published. */
export const templateContentSchema = publishSchemas.content;
/** What a draft may hold while it is edited: the right shape, not necessarily complete. */
export const draftContentSchema = buildContentSchemas('draft').content;

export type AnswerOption = z.infer<typeof answerOptionSchema>;
export type DateField = z.infer<typeof dateFieldSchema>;
export type Frist = z.infer<typeof fristSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type TemplateContent = z.infer<typeof templateContentSchema>;
export type TemplateContentInput = z.input<typeof templateContentSchema>;

export const templateMetaSchema = z
  .object({
    name: z
      .string({ error: 'Skriv skabelonens navn' })
      .trim()
      .min(1, 'Skriv skabelonens navn')
      .max(200, 'Højst 200 tegn'),
    area: z.enum(AREAS, { error: 'Vælg område' }),
    description: z.string().trim().max(4000, 'Beskrivelsen må højst være 4000 tegn').default(''),
  })
  .strict();
export type TemplateMeta = z.infer<typeof templateMetaSchema>;

/** Ja / Nej / Delvist / Ikke relevant, the answer scale seen in practice. */
export const JND_OPTIONS: AnswerOption[] = [
  { value: 'ja', label: 'Ja', outcome: 'opfyldt' },
  { value: 'nej', label: 'Nej', outcome: 'ikke_opfyldt' },
  { value: 'delvist', label: 'Delvist', outcome: 'delvist' },
  { value: 'ikke_relevant', label: 'Ikke relevant', outcome: 'udeladt' },
];

export const TEMPLATE_SOURCES = ['standard', 'lokal', 'importeret'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];
export const TEMPLATE_SOURCE_LABELS: Record<TemplateSource, string> = {
  standard: 'Standard',
  lokal: 'Lokal',
  importeret: 'Importeret',
};

export const VERSION_STATUSES = ['kladde', 'publiceret'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = { kladde: 'Kladde', publiceret: 'Publiceret' };

export interface VersionSummary {
  id: number;
  skabelonId: number;
  nummer: number;
  status: VersionStatus;
  oprettet: string;
  publiceret: string | null;
  antalAfsnit: number;
  antalSpoergsmaal: number;
}

export interface TemplateRecord extends TemplateMeta {
  id: number;
  kilde: TemplateSource;
  standardId: string | null;
  oprettet: string;
  aendret: string;
}

export interface TemplateSummary extends TemplateRecord {
  /** Newest first. */
  versions: VersionSummary[];
}

export interface VersionDetail extends VersionSummary {
  skabelon: TemplateRecord;
  /** A draft may be incomplete while it is being edited; `issues` says what stops publishing. */
  content: TemplateContentInput;
  issues: { path: (string | number)[]; message: string }[];
}
