import { z } from '../zod';
import { isoDateSchema } from './dates';
import type { ActionStatus } from './findings';
import type { MeasureGoal } from './goals';
import { listedForPlan, type MeasureResult, type TilsynResults, type TrendPoint } from './results';
import { maskedText } from './sample';

const id = z.number({ error: 'Ugyldigt id' }).int().positive('Ugyldigt id');

/** The municipality's name and logo on the reports, and the smallest group a public report shows. */
export interface ReportSettings {
  kommune: string;
  forvaltning: string;
  /** A data URL (PNG, JPEG or SVG), or null. */
  logo: string | null;
  /** Measures that applied in fewer sager than this are not shown in the committee report. */
  minCell: number;
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = { kommune: '', forvaltning: '', logo: null, minCell: 3 };

export const reportSettingsSchema = z
  .object({
    kommune: maskedText(200),
    forvaltning: maskedText(200),
    logo: z
      .string()
      .max(2_000_000, 'Logoet er for stort (højst 1,5 MB)')
      .regex(
        /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/,
        'Logoet skal være en PNG-, JPEG- eller SVG-fil',
      )
      .nullable(),
    minCell: z.number().int().min(1, 'Mindst 1').max(20, 'Højst 20'),
  })
  .strict();

/** Ledelsens vurdering and plan for one measure: what the result means, and what will be done, by whom, by when. */
export interface MeasureAssessment {
  key: string;
  vurdering: string;
  plan: string;
  ansvarlig: string;
  frist: string | null;
  /** The plan's follow-up (Handlinger); set there, not with the texts. */
  planStatus: ActionStatus;
}

export const assessmentInputSchema = z
  .object({
    tilsynId: id,
    key: z.string().min(1).max(80),
    vurdering: maskedText(4000),
    plan: maskedText(4000),
    ansvarlig: maskedText(200),
    frist: isoDateSchema('Vælg en frist').nullable(),
  })
  .strict();

/**
 * Krav of earlier rounds whose key this round's template lacks (a question renamed in a new version or a copy), and
 * the leader's links of them to this round's krav, so the development continues (issue #14).
 */
export interface KeyLinkView {
  earlier: { key: string; number: string; text: string; rounds: number; linkedTo: string | null }[];
  current: { key: string; number: string; text: string }[];
}

export const keyLinkInputSchema = z
  .object({ tilsynId: id, gammel: z.string().min(1).max(80), ny: z.string().min(1).max(80).nullable() })
  .strict();

export const summaryInputSchema = z.object({ tilsynId: id, tekst: maskedText(8000) }).strict();
export const baselineInputSchema = z.object({ tilsynId: id, baseline: z.boolean() }).strict();

/** The results screen: this round's results, the development across rounds, and the leader's assessments. */
export interface ResultsView {
  results: TilsynResults;
  /** Per measure key (and '*' for all measures together): the rounds of the same template, oldest first. */
  trends: Record<string, TrendPoint[]>;
  /** The enhed's goals (dated måltal, indicator, method) for the krav of the template family (issue #14). */
  goals: MeasureGoal[];
  assessments: MeasureAssessment[];
  sammenfatning: string;
  baseline: boolean;
  settings: ReportSettings;
}

/**
 * The committee report's two forms (issue #12), the leader's choice: the short one (the pages a committee reads, the
 * full table as an appendix) and the full one.
 */
export const COMMITTEE_FORMATS = ['kort', 'fuld'] as const;
export type CommitteeFormat = (typeof COMMITTEE_FORMATS)[number];

export const COMMITTEE_FORMAT_LABELS: Record<CommitteeFormat, { label: string; hint: string }> = {
  kort: {
    label: 'Kort rapport med bilag',
    hint: 'Et til to sider med nøgletal, krav under måltal med vurdering og plan, udvikling og metode; alle krav i bilaget.',
  },
  fuld: {
    label: 'Fuld rapport',
    hint: 'Forside, sammenfatning, formål, metode, alle krav med figurer, udvikling og ledelsens opfølgningsplan.',
  },
};

export const committeeReportRequest = z
  .object({ tilsynId: id, format: z.enum(COMMITTEE_FORMATS, { error: 'Vælg rapportens form' }).default('fuld') })
  .strict();

/** A krav the report lists under måltal whose vurdering or plan the leader has not written yet. */
export interface ReportGap {
  key: string;
  number: string;
  text: string;
  missing: ('vurdering' | 'plan')[];
}

/**
 * What is missing before the committee report (issue #12): the krav its opfølgningsplan lists (shown, below måltal) that
 * have no vurdering or no plan. The report can be made anyway; it then says that no plan is written.
 */
export function reportGaps(
  measures: readonly MeasureResult[],
  assessments: readonly Pick<MeasureAssessment, 'key' | 'vurdering' | 'plan'>[],
  minCell: number,
): ReportGap[] {
  const byKey = new Map(assessments.map((a) => [a.key, a]));
  return measures
    .filter((m) => listedForPlan(m, Math.max(1, minCell)))
    .map((m) => {
      const a = byKey.get(m.key);
      const missing = (['vurdering', 'plan'] as const).filter((f) => !a?.[f].trim());
      return { key: m.key, number: m.number, text: m.text, missing: [...missing] };
    })
    .filter((g) => g.missing.length > 0);
}

/** A file made by the backend for the user to save (a PDF or an XLSX). */
export interface GeneratedFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

/** A refleksionsspørgsmål for one caseworker's note, or (sagsbehandler null) for the team note. */
export interface ReflectionQuestion {
  id: number;
  sagsbehandler: string | null;
  questionKey: string | null;
  text: string;
}

export const reflectionInputSchema = z
  .object({
    tilsynId: id,
    sagsbehandler: maskedText(200).nullable(),
    questionKey: z.string().min(1).max(80).nullable().default(null),
    text: maskedText(1000).refine((v) => v.length > 0, 'Skriv spørgsmålet'),
  })
  .strict();

export interface ReflectionSuggestion {
  questionKey: string;
  text: string;
}
