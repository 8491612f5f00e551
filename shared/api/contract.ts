import {
  plannedRoundInputSchema,
  plannedRoundUpdateSchema,
  roundSeriesInputSchema,
  type YearRound,
  yearQuerySchema,
} from '../domain/aarshjul';
import { type BackupInfo, type RestoreResult, restoreInputSchema } from '../domain/backup';
import { FULL_CHOICES, type FullImportResult } from '../domain/bundle-full-sync';
import type { BundleImportResult } from '../domain/bundle-results';
import {
  type CalibrationView,
  calibrationAnswerSchema,
  calibrationRef,
  type PracticeSag,
  practiceSagInputSchema,
  repeatInputSchema,
} from '../domain/calibration';
import { closeInputSchema, type LogEntry, reopenInputSchema } from '../domain/closing';
import { type Comparison, comparisonQuerySchema } from '../domain/comparison';
import { type Coverage, coverageQuerySchema } from '../domain/coverage';
import { isoDateSchema } from '../domain/dates';
import { type Unit, unitInputSchema, unitMergeSchema, unitRefSchema, unitUpdateSchema } from '../domain/enhed';
import {
  type ActionListItem,
  actionInputSchema,
  actionStatusSchema,
  actionUpdateSchema,
  dialogInputSchema,
  findingInputSchema,
  findingUpdateSchema,
  planStatusSchema,
} from '../domain/findings';
import { goalInputSchema, type MeasureGoal } from '../domain/goals';
import { PERIOD_ORDER, periodInOrder, periodReportFields, periodReportRequest } from '../domain/period-report';
import { columnMappingSchema, SAGSLISTE_MAX_BASE64, SAGSLISTE_MAX_MB } from '../domain/population';
import { type Progress, taskIdSchema } from '../domain/progress';
import { PUBLIC_DOCUMENTS, type PublicationCheck } from '../domain/publication';
import { type ReportSending, type SentReport, sendReportInputSchema, sentReportRef } from '../domain/report-sending';
import {
  assessmentInputSchema,
  baselineInputSchema,
  committeeReportRequest,
  type GeneratedFile,
  type KeyLinkView,
  keyLinkInputSchema,
  type MeasureAssessment,
  type ReflectionQuestion,
  type ReflectionSuggestion,
  type ReportSettings,
  type ResultsView,
  reflectionInputSchema,
  reportSettingsSchema,
  summaryInputSchema,
} from '../domain/reports';
import {
  type CaseDataStatus,
  type DeleteCaseDataResult,
  deleteCaseDataInputSchema,
  dueInputSchema,
  type RetentionCandidate,
} from '../domain/retention';
import {
  answerInputSchema,
  type ReviewSagSummary,
  type ReviewUpdate,
  reviewDateInputSchema,
  type SagReview,
} from '../domain/review';
import {
  type CaseloadView,
  compareQuerySchema,
  type FlowView,
  type ListInfo,
  listDateSchema,
  type MonthView,
  monthQuerySchema,
  type OverviewSettings,
  overviewSettingsSchema,
} from '../domain/sagsoverblik';
import {
  exclusionSchema,
  type FilePreview,
  type ImportCheck,
  manualSagSchema,
  maskedText,
  type PopulationPage,
  type PopulationSag,
  type PopulationSummary,
  populationPageSchema,
  type SampleRecord,
  sagFactsSchema,
} from '../domain/sample';
import { type StratumSummary, sampleSpecSchema } from '../domain/sampling';
import {
  type ApprovalView,
  approveInputSchema,
  approverInputSchema,
  type BlindList,
  type BlindSag,
  commentInputSchema,
  moderationInputSchema,
  type PinnedComment,
  resolveCommentSchema,
  type SecondReviewView,
  secondAnswerInputSchema,
  secondReviewInputSchema,
} from '../domain/second-review';
import {
  type AnswersImportResult,
  type SelfEvaluationItem,
  type SelfEvaluationView,
  type SelfSag,
  type SelfStatus,
  selfAnswerInput,
  selfBundleRequest,
  selfRef,
  selfReflectionInput,
} from '../domain/selvevaluering';
import { draftContentSchema, type TemplateSummary, templateMetaSchema, type VersionDetail } from '../domain/template';
import { type TilsynListItem, type TilsynSummary, tilsynIdSchema, tilsynInputSchema } from '../domain/tilsyn';
import { z } from '../zod';

/**
 * The one API contract. Every method is named once here with its input schema and result type;
 * the preload bridge, the IPC handlers, the browser host and the client are all derived from it.
 */
interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  /**
   * Top-level fields holding a file's bytes or text: not stored as they are, so dispatch's CPR check leaves them to
   * the importer that reads them (it checks every string it stores). Every other string is checked by dispatch.
   */
  fileFields?: readonly string[];
  /** Type-only marker for the result; never read at run time. */
  result?: R;
}

function method<I extends z.ZodType, R>(input: I, fileFields?: readonly string[]): MethodSpec<I, R> {
  return fileFields ? { input, fileFields } : { input };
}

/**
 * A method whose work can take over half a second (an import, a PDF, a workbook, a backup): its call may carry an
 * `opgaveId` beside the input, by which the renderer follows its progress and cancels it (opgave.status/annuller).
 */
function long<I extends z.ZodType, R>(input: I, fileFields?: readonly string[]): MethodSpec<I, R> & { long: true } {
  return { ...method<I, R>(input, fileFields), long: true };
}

/** What a native file dialog is asked to choose (desktop only). */
export const PATH_CHOICES = ['database', 'ny_database', 'mappe'] as const;
export type PathChoice = (typeof PATH_CHOICES)[number];

const noInput = z.object({}).strict();
const taskRef = z.object({ id: taskIdSchema }).strict();
const pathChoiceInput = z.object({ hvad: z.enum(PATH_CHOICES) }).strict();
/** `medSagslister: false` answers with the tree alone (no caseworkers or sagstyper): for pickers and lookups. */
const unitListSchema = z.object({ medSagslister: z.boolean().optional() }).strict();
const id = z.number({ error: 'Ugyldigt id' }).int().positive('Ugyldigt id');
const versionRef = z.object({ versionId: id }).strict();

export interface CreatedVersion {
  skabelonId: number;
  versionId: number;
}

const tilsynRef = z.object({ tilsynId: id }).strict();
const sagRef = z.object({ sagId: id }).strict();
const rowRef = z.object({ id }).strict();
const feedbackFolderInput = z
  .object({ tilsynId: id, folder: z.string().trim().min(1, 'Vælg en mappe').max(1000) })
  .strict();
const publicDocument = z.enum(PUBLIC_DOCUMENTS);
const publicationCheckInput = z.object({ tilsynId: id, dokument: publicDocument }).strict();
/** A mark that names no passage of the check: said in words, not in the schema's. */
const STALE_PASSAGE = 'Stedet kunne ikke findes i tjekket. Se tjekket igen, og markér stedet der.';
const passageFields = {
  // Hex of either case: the check's own hashes are lower case.
  textHash: z
    .string({ error: STALE_PASSAGE })
    .regex(/^[0-9a-fA-F]{64}$/, STALE_PASSAGE)
    .transform((h) => h.toLowerCase()),
  start: z.number({ error: STALE_PASSAGE }).int(STALE_PASSAGE).min(0, STALE_PASSAGE),
  end: z.number({ error: STALE_PASSAGE }).int(STALE_PASSAGE).min(1, STALE_PASSAGE),
  ok: z.boolean(),
};
const passageMarkInput = z.object({ tilsynId: id, dokument: publicDocument, ...passageFields }).strict();
const periodMarkInput = z
  .object({ ...periodReportFields, ...passageFields })
  .strict()
  .refine(periodInOrder, PERIOD_ORDER);
const suggestionInput = z.object({ tilsynId: id, sagsbehandler: z.string().max(200).nullable() }).strict();
const excelInput = z.object({ tilsynIds: z.array(id).min(1, 'Vælg mindst ét tilsyn').max(200) }).strict();
const populationFile = z
  .object({
    tilsynId: id,
    fileName: maskedText(500).refine((v) => v.length > 0, 'Vælg en fil'),
    /** The file's bytes, base64-encoded. */
    dataBase64: z
      .string()
      .min(1, 'Filen er tom')
      .max(SAGSLISTE_MAX_BASE64, `Filen er for stor (over ${SAGSLISTE_MAX_MB} MB)`),
  })
  .strict();
/**
 * A sagsliste's bytes: the population reader checks every cell it keeps. And `fil`, the sha256 naming one the backend
 * holds: hex, which may hold a run of ten digits that reads like a CPR number.
 */
const FILE_BYTES = ['dataBase64', 'fil'] as const;
/**
 * The check and the import name the file the preview read by what it answered (`fil`), instead of sending it again
 * (issue #18); the bytes are sent only when the backend no longer holds that file (NOT_FOUND). One of the two.
 */
const mappedFileFields = {
  dataBase64: populationFile.shape.dataBase64.optional(),
  fil: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'Vælg filen igen')
    .optional(),
  headerRow: z.number().int().min(-1),
  mapping: columnMappingSchema,
};
const oneFile = <S extends z.ZodType<{ dataBase64?: string; fil?: string }>>(schema: S) =>
  schema.refine((v) => (v.dataBase64 === undefined) !== (v.fil === undefined), {
    message: 'Vælg filen igen',
    path: ['dataBase64'],
  });
const populationMappingFields = populationFile.omit({ dataBase64: true }).extend(mappedFileFields);
const populationMapping = oneFile(populationMappingFields);
const populationImport = oneFile(
  populationMappingFields.extend({
    skipInvalid: z.boolean().default(false),
    /** The day the list was taken: with it, a tilsyn with an enhed keeps the list for the sagsoverblik too. */
    listeDato: listDateSchema.optional(),
  }),
);
const enhedRef = z.object({ enhedId: id }).strict();
const resultsBundleRequest = z.union([
  z.object({ tilsynId: id }).strict(),
  z
    .object({ enhedId: id, fra: isoDateSchema('Vælg den første dag'), til: isoDateSchema('Vælg den sidste dag') })
    .strict()
    .refine((r) => r.fra <= r.til, { message: 'Den første dag skal ligge før den sidste', path: ['til'] }),
]);
const bundleFile = z
  .object({
    fileName: maskedText(500).refine((v) => v.length > 0, 'Vælg en fil'),
    /** The pakke's bytes, base64-encoded (up to 200 MB). */
    dataBase64: z.string().min(1, 'Filen er tom').max(280_000_000, 'Filen er for stor (over 200 MB)'),
  })
  .strict();
const fullBundleFile = bundleFile
  .extend({ valg: z.enum(FULL_CHOICES, { error: 'Vælg, hvad der skal ske med tilsynet' }).optional() })
  .strict();
const overviewFile = populationFile.omit({ tilsynId: true }).extend({ enhedId: id });
const overviewMappingFields = overviewFile.omit({ dataBase64: true }).extend(mappedFileFields);
const overviewMapping = oneFile(overviewMappingFields);
const overviewImport = oneFile(
  overviewMappingFields.extend({ skipInvalid: z.boolean().default(false), dato: listDateSchema }),
);
const overviewDeletion = z
  .object({
    enhedId: id,
    /** Lists taken before this day lose their sager; their figures stay. */
    foer: isoDateSchema('Vælg datoen'),
    navn: maskedText(200).refine((v) => v.length > 0, 'Skriv dit navn'),
  })
  .strict();

const templateImport = z
  .object({ fileName: maskedText(500), text: z.string().max(5_000_000, 'Filen er for stor') })
  .strict();

const drawInput = z
  .object({
    tilsynId: id,
    spec: sampleSpecSchema,
    drawnBy: maskedText(200).refine((v) => v.length > 0, 'Skriv hvem der trækker stikprøven'),
  })
  .strict();

export interface SamplePreview {
  populationCount: number;
  afterFilters: number;
  strata: StratumSummary[];
  warnings: string[];
}

export interface ExcludeResult {
  record: SampleRecord;
  /** The spare that came in, or undefined when the stratum had none left. */
  replacement?: string;
}

export interface TemplateExport {
  /** A suggested file name, e.g. "Børn og unge – overordnet v2.tilsyn-skabelon.json". */
  fileName: string;
  text: string;
}

export interface AppInfo {
  appName: string;
  version: string;
  /** Absolute path of the open database file. */
  databasePath: string;
  schemaVersion: number;
  /** 'electron' or 'browser'. */
  mode: 'electron' | 'browser';
  /**
   * Why the file is refused all changes: it failed its integrity check just after the start (Danish, with the newest
   * good copy named), and whether there is a good copy to restore. Null while it is whole.
   */
  beskadiget: { besked: string; sikkerhedskopi: boolean } | null;
}

/** The open database file and the ones opened before, newest first. */
export interface DatabaseList {
  current: string;
  recent: { path: string; lastOpened: string; exists: boolean }[];
}

const databasePathInput = z
  .object({ path: z.string().trim().min(1, 'Skriv stien til databasefilen').max(1000, 'Stien er for lang') })
  .strict();

export const contract = {
  'app.info': method<typeof noInput, AppInfo>(noInput),
  'app.databaser': method<typeof noInput, DatabaseList>(noInput),
  /** Opens (or creates) another database file, e.g. a team's file on a network drive, instead of the current one. */
  'app.aabnDatabase': method<typeof databasePathInput, AppInfo>(databasePathInput),
  /** Opens the example file of the first start (made-up data, a file of its own). */
  'app.eksempel': method<typeof noInput, AppInfo>(noInput),
  /** A native file dialog (desktop only): the chosen path, or null when the leader cancelled. */
  'app.vaelgSti': method<typeof pathChoiceInput, { sti: string | null }>(pathChoiceInput),
  'tilsyn.list': method<typeof noInput, TilsynListItem[]>(noInput),
  'tilsyn.get': method<z.ZodObject<{ id: typeof tilsynIdSchema }>, TilsynSummary>(
    z.object({ id: tilsynIdSchema }).strict(),
  ),
  'tilsyn.create': method<typeof tilsynInputSchema, TilsynSummary>(tilsynInputSchema),
  'tilsyn.update': method<z.ZodObject<{ id: typeof tilsynIdSchema; data: typeof tilsynInputSchema }>, TilsynSummary>(
    z.object({ id: tilsynIdSchema, data: tilsynInputSchema }).strict(),
  ),

  'skabelon.list': method<typeof noInput, TemplateSummary[]>(noInput),
  'skabelon.get': method<z.ZodObject<{ id: typeof id }>, TemplateSummary>(z.object({ id }).strict()),
  'skabelon.version': method<typeof versionRef, VersionDetail>(versionRef),
  /** A new local template whose first draft copies the given version. */
  'skabelon.copy': method<z.ZodObject<{ versionId: typeof id; meta: typeof templateMetaSchema }>, CreatedVersion>(
    z.object({ versionId: id, meta: templateMetaSchema }).strict(),
  ),
  'skabelon.updateMeta': method<z.ZodObject<{ id: typeof id; meta: typeof templateMetaSchema }>, TemplateSummary>(
    z.object({ id, meta: templateMetaSchema }).strict(),
  ),
  'skabelon.createDraft': method<z.ZodObject<{ skabelonId: typeof id }>, CreatedVersion>(
    z.object({ skabelonId: id }).strict(),
  ),
  'skabelon.saveDraft': method<
    z.ZodObject<{ versionId: typeof id; content: typeof draftContentSchema }>,
    VersionDetail
  >(z.object({ versionId: id, content: draftContentSchema }).strict()),
  'skabelon.publish': method<typeof versionRef, VersionDetail>(versionRef),
  'skabelon.deleteDraft': method<typeof versionRef, null>(versionRef),
  'skabelon.export': method<typeof versionRef, TemplateExport>(versionRef),
  'skabelon.import': method<typeof templateImport, CreatedVersion>(templateImport, ['text']),

  'population.preview': long<typeof populationFile, FilePreview>(populationFile, FILE_BYTES),
  'population.check': long<typeof populationMapping, ImportCheck>(populationMapping, FILE_BYTES),
  /** All or nothing; refused while rows have errors, unless they are skipped on purpose. */
  'population.import': long<typeof populationImport, PopulationSummary>(populationImport, FILE_BYTES),
  'population.get': method<typeof tilsynRef, PopulationSummary | null>(tilsynRef),
  'population.sager': method<typeof tilsynRef, PopulationSag[]>(tilsynRef),
  /** One page of the sagsliste, searched: what the Sagsliste screen shows (the whole list can be 50,000 sager). */
  'population.side': method<typeof populationPageSchema, PopulationPage>(populationPageSchema),
  'population.addSag': method<z.ZodObject<{ tilsynId: typeof id; sag: typeof manualSagSchema }>, PopulationSag>(
    z.object({ tilsynId: id, sag: manualSagSchema }).strict(),
  ),
  /** Corrects a sag's facts before the draw (the sagsnummer stays). */
  'population.updateSag': method<z.ZodObject<{ id: typeof id; facts: typeof sagFactsSchema }>, PopulationSag>(
    z.object({ id, facts: sagFactsSchema }).strict(),
  ),

  'stikproeve.get': method<typeof tilsynRef, SampleRecord | null>(tilsynRef),
  /** The strata and warnings a draw would give, without drawing: help for choosing sizes. */
  'stikproeve.preview': method<z.ZodObject<{ tilsynId: typeof id; spec: typeof sampleSpecSchema }>, SamplePreview>(
    z.object({ tilsynId: id, spec: sampleSpecSchema }).strict(),
  ),
  'stikproeve.draw': method<typeof drawInput, SampleRecord>(drawInput),
  'stikproeve.exclude': method<typeof exclusionSchema, ExcludeResult>(exclusionSchema),

  'gennemgang.sager': method<typeof tilsynRef, ReviewSagSummary[]>(tilsynRef),
  'gennemgang.sag': method<typeof sagRef, SagReview>(sagRef),
  /** Saves one answer (value, note, reason or frist override) the moment it is given. */
  'gennemgang.svar': method<typeof answerInputSchema, ReviewUpdate>(answerInputSchema),
  'gennemgang.dato': method<typeof reviewDateInputSchema, ReviewUpdate>(reviewDateInputSchema),
  'gennemgang.faerdig': method<typeof sagRef, SagReview>(sagRef),
  /** Styrker, læringspunkter, opmærksomhedspunkter and aftaler of a sag. */
  'gennemgang.fund': method<typeof findingInputSchema, SagReview>(findingInputSchema),
  'gennemgang.fundRet': method<typeof findingUpdateSchema, SagReview>(findingUpdateSchema),
  'gennemgang.fundSlet': method<typeof rowRef, SagReview>(rowRef),
  /** What must be corrected in the sag, by whom and when. */
  'gennemgang.handling': method<typeof actionInputSchema, SagReview>(actionInputSchema),
  'gennemgang.handlingRet': method<typeof actionUpdateSchema, SagReview>(actionUpdateSchema),
  'gennemgang.handlingSlet': method<typeof rowRef, SagReview>(rowRef),
  /** Dialogbaseret: when the conversation took place, who took part, the caseworker's reflections. */
  'gennemgang.dialog': method<typeof dialogInputSchema, SagReview>(dialogInputSchema),

  /** The årshjul (issue #14): the rounds planned for a year (of one enhed or all), each with where it stands today. */
  'aarshjul.aar': method<typeof yearQuerySchema, YearRound[]>(yearQuerySchema),
  'aarshjul.opret': method<typeof plannedRoundInputSchema, YearRound>(plannedRoundInputSchema),
  /** A round each month or quarter of a year. */
  'aarshjul.opretSerie': method<typeof roundSeriesInputSchema, YearRound[]>(roundSeriesInputSchema),
  'aarshjul.ret': method<typeof plannedRoundUpdateSchema, YearRound>(plannedRoundUpdateSchema),
  'aarshjul.slet': method<typeof rowRef, null>(rowRef),
  /** Coverage: which caseworkers and sagstyper of an enhed had a sag reviewed in the year, per part, against a quota. */
  'aarshjul.daekning': method<typeof coverageQuerySchema, Coverage>(coverageQuerySchema),
  /** Makes the planned round's tilsyn from the plan; a round is started once. */
  'aarshjul.start': method<typeof rowRef, TilsynSummary>(rowRef),
  /** The enheder (forvaltning → afdeling → team) and what their tilsyn have seen (issue #14). */
  'enheder.list': method<typeof unitListSchema, Unit[]>(unitListSchema),
  'enheder.opret': method<typeof unitInputSchema, Unit>(unitInputSchema),
  /** Renames or moves an enhed; its tilsyn take the new name. Confirms an enhed made from free text. */
  'enheder.ret': method<typeof unitUpdateSchema, Unit>(unitUpdateSchema),
  /** One enhed becomes another (two names for one team): its tilsyn and underenheder move over. */
  'enheder.flet': method<typeof unitMergeSchema, Unit>(unitMergeSchema),
  'enheder.slet': method<typeof unitRefSchema, null>(unitRefSchema),
  /** The enheder under one side by side for a year: each one's latest round per template family (issue #14). */
  'enheder.sammenlign': method<typeof comparisonQuerySchema, Comparison>(comparisonQuerySchema),
  /** The sagsoverblik (issue #19): an enhed's dated sagslister, and its måltal per caseworker. */
  'sagsoverblik.lister': method<typeof enhedRef, { lists: ListInfo[]; settings: OverviewSettings }>(enhedRef),
  /** A sagsliste imported for the overview alone (no tilsyn): the same three steps as a tilsyn's. */
  'sagsoverblik.preview': method<typeof overviewFile, FilePreview>(overviewFile, FILE_BYTES),
  'sagsoverblik.check': method<typeof overviewMapping, ImportCheck>(overviewMapping, FILE_BYTES),
  'sagsoverblik.importer': method<typeof overviewImport, ListInfo>(overviewImport, FILE_BYTES),
  /** Removes a list imported for the overview (a tilsyn's list follows its tilsyn). */
  'sagsoverblik.slet': method<typeof rowRef, null>(rowRef),
  /** Between two lists of an enhed, matched by sagsnummer: start, tilgang, afgang, moves, slut. */
  'sagsoverblik.sammenlign': method<typeof compareQuerySchema, FlowView>(compareQuerySchema),
  /** Month by month: the stock of each month's list, the flow to the next, the caseload against the måltal. */
  'sagsoverblik.maaneder': method<typeof monthQuerySchema, MonthView>(monthQuerySchema),
  /** One list's caseload per caseworker (named: for the leader's screen only). */
  'sagsoverblik.belastning': method<typeof rowRef, CaseloadView>(rowRef),
  'sagsoverblik.maal': method<typeof overviewSettingsSchema, OverviewSettings>(overviewSettingsSchema),
  /** Retention: deletes the sager of the enhed's lists taken before a day; the figures and flows stay. */
  'sagsoverblik.sletSager': method<typeof overviewDeletion, { lists: number; sager: number; nyesteBeholdt: boolean }>(
    overviewDeletion,
  ),
  /** A resultatpakke (issue #15): afsluttede rounds as aggregates, for the department's file. */
  'pakke.resultater': method<typeof resultsBundleRequest, GeneratedFile>(resultsBundleRequest),
  /** Reads a pakke into this file: all or nothing; the same pakke twice changes nothing. */
  'pakke.indlaes': method<typeof bundleFile, BundleImportResult>(bundleFile, FILE_BYTES),
  /** Second review (issue #16): a named second reviewer and the sager she reviews again (drawn with a seed, or chosen). */
  'kvalitet.opret': method<typeof secondReviewInputSchema, SecondReviewView>(secondReviewInputSchema),
  /** The leader's view: agreement overall and per question, the disagreements and their moderation; null if none. */
  'kvalitet.get': method<typeof tilsynRef, SecondReviewView | null>(tilsynRef),
  /** The final answer of a disagreement, with its reason: it becomes the round's answer, and is logged. */
  'kvalitet.moderer': method<typeof moderationInputSchema, SecondReviewView>(moderationInputSchema),
  /** The second reviewer's side, blind: her sager, one sag with her own answers, and saving one of them. */
  'kvalitet.sager': method<typeof tilsynRef, BlindList>(tilsynRef),
  'kvalitet.sag': method<typeof sagRef, BlindSag>(sagRef),
  'kvalitet.svar': method<typeof secondAnswerInputSchema, BlindSag>(secondAnswerInputSchema),
  /** Sign-off: who must approve the round before its report is marked as sent, and the approval. */
  'kvalitet.godkendelse': method<typeof tilsynRef, ApprovalView | null>(tilsynRef),
  'kvalitet.godkender': method<typeof approverInputSchema, ApprovalView | null>(approverInputSchema),
  'kvalitet.godkend': method<typeof approveInputSchema, ApprovalView | null>(approveInputSchema),
  /** Comments pinned to a question of a sag: all of the round's, a new one, one worked through. */
  'kvalitet.kommentarer': method<typeof tilsynRef, PinnedComment[]>(tilsynRef),
  'kvalitet.kommenter': method<typeof commentInputSchema, PinnedComment[]>(commentInputSchema),
  'kvalitet.loes': method<typeof resolveCommentSchema, PinnedComment[]>(resolveCommentSchema),
  /** Calibration (issue #16): practice sager, each leader's answers to one, compared question by question. */
  'kalibrering.list': method<typeof noInput, PracticeSag[]>(noInput),
  'kalibrering.opret': method<typeof practiceSagInputSchema, CalibrationView>(practiceSagInputSchema),
  'kalibrering.get': method<typeof calibrationRef, CalibrationView>(calibrationRef),
  /** One leader's answer to a question of the practice sag, saved as it is given. */
  'kalibrering.svar': method<typeof calibrationAnswerSchema, CalibrationView>(calibrationAnswerSchema),
  /** The practice sag again for another version of its template. */
  'kalibrering.gentag': method<typeof repeatInputSchema, CalibrationView>(repeatInputSchema),
  /** A fuld pakke: everything of one tilsyn, to move it to another file or leader (and back). */
  'pakke.fuld': method<typeof tilsynRef, GeneratedFile>(tilsynRef),
  /**
   * Reads a fuld pakke: new here, brought up to date, or (changed both here and there) a conflict that changes nothing
   * until it comes again with the leader's `valg`.
   */
  'pakke.indlaesFuld': method<typeof fullBundleFile, FullImportResult>(fullBundleFile, FILE_BYTES),
  /** Selvevaluering først across files: one caseworker's sager of the tilsyn and the template, for her own Tilsyn. */
  'pakke.selvevaluering': method<typeof selfBundleRequest, GeneratedFile>(selfBundleRequest),
  /** Per caseworker of the sample: her sager, and in how many her own answers are complete. */
  'pakke.selvevalueringer': method<typeof tilsynRef, SelfStatus[]>(tilsynRef),
  /** The second review through a pakke (issue #16): its sager and the template, blind, for the second reviewer's file. */
  'pakke.andenGennemgang': method<typeof tilsynRef, GeneratedFile>(tilsynRef),
  /**
   * Reads a svarpakke into the tilsyn: a caseworker's own answers, or a second reviewer's (by the pakke it answers);
   * refused once the tilsyn is afsluttet.
   */
  'pakke.svar': method<typeof bundleFile, AnswersImportResult>(bundleFile, FILE_BYTES),
  /** The caseworker's side: the selvevalueringer her leaders sent, opened in her own file. */
  'selvevaluering.list': method<typeof noInput, SelfEvaluationItem[]>(noInput),
  'selvevaluering.aabn': method<typeof bundleFile, { id: number; ny: boolean }>(bundleFile, FILE_BYTES),
  'selvevaluering.get': method<typeof selfRef, SelfEvaluationView>(selfRef),
  /** Saves one of her answers the moment it is given. */
  'selvevaluering.svar': method<typeof selfAnswerInput, SelfSag>(selfAnswerInput),
  'selvevaluering.refleksion': method<typeof selfReflectionInput, null>(selfReflectionInput),
  /** The svarpakke she sends back to her leader. */
  'selvevaluering.svarfil': method<typeof selfRef, GeneratedFile>(selfRef),
  /** Every handling across tilsyn, for follow-up; overdue ones marked. */
  'handlinger.list': method<typeof noInput, ActionListItem[]>(noInput),
  /** Follow-up: a handling's status may change after its tilsyn is locked (and is then logged). */
  'handlinger.status': method<typeof actionStatusSchema, ActionListItem>(actionStatusSchema),
  /** Follow-up of ledelsens plan for a krav (written under Resultater), as of a handling; logged after afslutning. */
  'handlinger.planStatus': method<typeof planStatusSchema, ActionListItem>(planStatusSchema),

  /** Locks the tilsyn when every sag is færdig or udgået. */
  'tilsyn.afslut': method<typeof closeInputSchema, TilsynSummary>(closeInputSchema),
  /** Reopens a locked tilsyn; every change after it is logged with this name and reason. */
  'tilsyn.genaabn': method<typeof reopenInputSchema, TilsynSummary>(reopenInputSchema),
  'tilsyn.log': method<typeof tilsynRef, LogEntry[]>(tilsynRef),
  /** Marks (or unmarks) the tilsyn as the baseline later rounds are compared with. */
  'tilsyn.baseline': method<typeof baselineInputSchema, TilsynSummary>(baselineInputSchema),

  'resultater.get': method<typeof tilsynRef, ResultsView>(tilsynRef),
  /** An enhed's goal for a krav: dated måltal, indicator and method; answers every goal of the tilsyn's enhed. */
  'resultater.maal': method<typeof goalInputSchema, MeasureGoal[]>(goalInputSchema),
  /** Krav of earlier rounds this round's template lacks by key, and their links to this round's krav (issue #14). */
  'resultater.koblinger': method<typeof tilsynRef, KeyLinkView>(tilsynRef),
  /** Links an earlier round's krav to one of this round's, or (ny null) removes the link; kept per template family. */
  'resultater.kobl': method<typeof keyLinkInputSchema, KeyLinkView>(keyLinkInputSchema),
  /** Ledelsens vurdering and plan for one measure; saved as typed. */
  'resultater.vurdering': method<typeof assessmentInputSchema, MeasureAssessment>(assessmentInputSchema),
  'resultater.sammenfatning': method<typeof summaryInputSchema, null>(summaryInputSchema),

  'indstillinger.get': method<typeof noInput, ReportSettings>(noInput),
  'indstillinger.gem': method<typeof reportSettingsSchema, ReportSettings>(reportSettingsSchema, ['logo']),

  /** The committee report (PDF): aggregates only. */
  'rapport.udvalg': long<typeof committeeReportRequest, GeneratedFile>(committeeReportRequest),
  /** An enhed's afsluttede rounds over a period, aggregated, as a PDF (issue #14). */
  'rapport.periode': long<typeof periodReportRequest, GeneratedFile>(periodReportRequest),
  /** The period report's publication check, and a passage of it marked (or not) as identifying no one. */
  'rapport.periodeTjek': method<typeof periodReportRequest, PublicationCheck>(periodReportRequest),
  'rapport.periodeMarker': method<typeof periodMarkInput, PublicationCheck>(periodMarkInput),
  /** The publication check of a public document's texts: what may identify someone, in context, and the marks. */
  'rapport.tjek': method<typeof publicationCheckInput, PublicationCheck>(publicationCheckInput),
  /** Marks a passage as not identifying (ok), or takes the mark back; answers with the check as it is now. */
  'rapport.marker': method<typeof passageMarkInput, PublicationCheck>(passageMarkInput),
  /**
   * Makes the final committee report of an afsluttet tilsyn and keeps it as sent to the udvalg (with date and sha256);
   * the report's texts are locked from then on, until the tilsyn is genåbnet.
   */
  'rapport.send': long<typeof sendReportInputSchema, SentReport>(sendReportInputSchema),
  /** Every committee report sent from this tilsyn, newest first (without the bytes). */
  'rapport.afsendelser': method<typeof tilsynRef, ReportSending[]>(tilsynRef),
  /** A sent committee report exactly as the committee received it. */
  'rapport.afsendt': method<typeof sentReportRef, GeneratedFile>(sentReportRef),
  /** One feedback note (PDF) per caseworker, and the team note. */
  'rapport.feedback': long<typeof tilsynRef, GeneratedFile[]>(tilsynRef),
  /** The same notes as one zip, so a download is one file (browser mode). */
  'rapport.feedbackZip': long<typeof tilsynRef, { file: GeneratedFile; antal: number }>(tilsynRef),
  /** Writes every feedback note into a folder on this computer; returns the files' paths. */
  'rapport.feedbackMappe': long<typeof feedbackFolderInput, { folder: string; files: string[] }>(feedbackFolderInput),
  'refleksion.list': method<typeof tilsynRef, ReflectionQuestion[]>(tilsynRef),
  'refleksion.tilfoej': method<typeof reflectionInputSchema, ReflectionQuestion[]>(reflectionInputSchema),
  'refleksion.slet': method<typeof rowRef, ReflectionQuestion[]>(rowRef),
  /** Suggested reflection questions from the measures that were not met (for a caseworker, or the team). */
  'refleksion.forslag': method<typeof suggestionInput, ReflectionSuggestion[]>(suggestionInput),
  /** The database's backup copies, newest first. */
  /** Where a long call is (null once it has ended), and a request that it stops where it safely can. */
  'opgave.status': method<typeof taskRef, Progress | null>(taskRef),
  'opgave.annuller': method<typeof taskRef, { annulleret: boolean }>(taskRef),
  'sikkerhedskopi.list': method<typeof noInput, BackupInfo[]>(noInput),
  /** Takes a backup copy now ("Tag sikkerhedskopi"). */
  'sikkerhedskopi.tag': long<typeof noInput, BackupInfo>(noInput),
  /** Restores a backup copy; the current file is copied aside first. */
  'sikkerhedskopi.gendan': long<typeof restoreInputSchema, RestoreResult>(restoreInputSchema),
  /** All answers of one or more tilsyn as an Excel workbook. */
  'eksport.excel': long<typeof excelInput, GeneratedFile>(excelInput),

  /** Whether the tilsyn's case-level data is still there, and how much of it (retention, issue #7). */
  'tilsyn.sagsdata': method<typeof tilsynRef, CaseDataStatus>(tilsynRef),
  /**
   * Deletes an afsluttet tilsyn's case-level data on the leader's command (the title typed again as confirmation);
   * the results stay as a snapshot without break-downs. Logged with her name.
   */
  'tilsyn.sletSagsdata': method<typeof deleteCaseDataInputSchema, DeleteCaseDataResult>(deleteCaseDataInputSchema),
  /** Afsluttede tilsyn with case-level data whose period ended more than N months ago, oldest first. */
  'tilsyn.sletbare': method<typeof dueInputSchema, RetentionCandidate[]>(dueInputSchema),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Exclude<Contract[M]['result'], undefined>;
/** The methods whose progress can be followed and which can be cancelled. */
export type LongMethodName = { [M in MethodName]: Contract[M] extends { long: true } ? M : never }[MethodName];
export const isLongMethod = (method: MethodName): boolean => 'long' in contract[method];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
