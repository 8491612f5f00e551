import { z } from 'zod';

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
const keySchema = (what: string) =>
  z
    .string({ error: `Angiv en nøgle for ${what}` })
    .trim()
    .min(1, `Angiv en nøgle for ${what}`)
    .max(80, 'Nøglen må højst være 80 tegn')
    .regex(KEY_PATTERN, 'Nøglen må kun indeholde små bogstaver a-z, tal, punktum, bindestreg og understreg');

const text = (max: number, message: string) => z.string().trim().max(max, message);

export const answerOptionSchema = z
  .object({
    value: keySchema('svarmuligheden'),
    label: z.string().trim().min(1, 'Skriv teksten for svarmuligheden').max(120, 'Højst 120 tegn'),
    outcome: z.enum(OUTCOMES, { error: 'Vælg hvordan svaret tæller' }),
  })
  .strict();
export type AnswerOption = z.infer<typeof answerOptionSchema>;

/** A named date on a sag (imported or entered during the review), used by frist questions. */
export const dateFieldSchema = z
  .object({
    key: keySchema('datofeltet'),
    label: z.string().trim().min(1, 'Skriv navnet på datofeltet').max(120, 'Højst 120 tegn'),
  })
  .strict();
export type DateField = z.infer<typeof dateFieldSchema>;

export const fristSchema = z
  .object({
    fra: z.string({ error: 'Vælg datoen fristen regnes fra' }).min(1, 'Vælg datoen fristen regnes fra'),
    til: z
      .string({ error: 'Vælg datoen der skal ligge inden for fristen' })
      .min(1, 'Vælg datoen der skal ligge inden for fristen'),
    graense: z
      .number({ error: 'Angiv fristens længde' })
      .int('Fristen skal være et helt tal')
      .min(0, 'Fristen kan ikke være negativ')
      .max(3650, 'Fristen er for lang'),
    enhed: z.enum(FRIST_UNITS, { error: 'Vælg dage, uger eller måneder' }),
  })
  .strict();
export type Frist = z.infer<typeof fristSchema>;

/** When a question or afsnit applies. All conditions must hold. */
export const ruleSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('sagstype'),
      /** The sag's type must be one of these (compared without regard to case). */
      anyOf: z.array(z.string().trim().min(1)).min(1, 'Angiv mindst én sagstype'),
    })
    .strict(),
  z
    .object({
      type: z.literal('svar'),
      question: z.string().min(1, 'Vælg spørgsmålet reglen afhænger af'),
      anyOf: z.array(z.string().min(1)).min(1, 'Vælg mindst ét svar'),
    })
    .strict(),
]);
export type Rule = z.infer<typeof ruleSchema>;

export const questionSchema = z
  .object({
    key: keySchema('spørgsmålet'),
    text: z.string({ error: 'Skriv spørgsmålet' }).trim().min(1, 'Skriv spørgsmålet').max(500, 'Højst 500 tegn'),
    help: text(4000, 'Hjælpeteksten må højst være 4000 tegn').default(''),
    legalRef: text(300, 'Lovhenvisningen må højst være 300 tegn').default(''),
    category: z.enum(CATEGORIES, { error: 'Vælg kategori' }),
    answerType: z.enum(ANSWER_TYPES, { error: 'Vælg svartype' }),
    /** Choices for jnd, skala and valg; empty for the others. */
    options: z.array(answerOptionSchema).default([]),
    frist: fristSchema.optional(),
    /** Måltal: the share (0-100 %) of applicable sager that should meet the requirement. */
    target: z
      .number()
      .min(0, 'Måltallet skal være mellem 0 og 100')
      .max(100, 'Måltallet skal være mellem 0 og 100')
      .optional(),
    rules: z.array(ruleSchema).default([]),
    reasonRequiredOnNegative: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const sectionSchema = z
  .object({
    key: keySchema('afsnittet'),
    title: z
      .string({ error: 'Skriv afsnittets titel' })
      .trim()
      .min(1, 'Skriv afsnittets titel')
      .max(200, 'Højst 200 tegn'),
    description: text(2000, 'Beskrivelsen må højst være 2000 tegn').default(''),
    rules: z.array(ruleSchema).default([]),
    active: z.boolean().default(true),
    questions: z.array(questionSchema),
  })
  .strict();
export type Section = z.infer<typeof sectionSchema>;

/** The content of one template version: what is frozen when it is published. */
export const templateContentSchema = z
  .object({
    dateFields: z.array(dateFieldSchema).default([]),
    sections: z.array(sectionSchema),
  })
  .strict();
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
    description: text(4000, 'Beskrivelsen må højst være 4000 tegn').default(''),
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
