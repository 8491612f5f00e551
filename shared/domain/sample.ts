import { z } from '../zod';
import { isoDateSchema } from './dates';
import { searchHits } from './fold';
import type { ListDateHint } from './list-date';
import type { ColumnMapping, PopulationRow, RowIssue } from './population';
import type { SampleSpec, StratumSummary } from './sampling';
import { storedText } from './stored-text';
import type { SagStatus } from './tilsyn';

/** Why a sampled sag leaves the sample; the next spare from its stratum comes in. */
export const EXCLUSION_REASONS = [
  'lukket_foer_perioden',
  'forkert_sagstype',
  'inhabilitet',
  'kan_ikke_findes',
  'anden',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  lukket_foer_perioden: 'Sagen var lukket før perioden',
  forkert_sagstype: 'Forkert sagstype',
  inhabilitet: 'Inhabilitet',
  kan_ikke_findes: 'Sagen kan ikke findes',
  anden: 'Anden årsag',
};

/** Free text where a CPR-like number is replaced rather than refused (notes, names). */
export const maskedText = (max: number) => z.string().trim().max(max, `Højst ${max} tegn`).transform(storedText);

export const exclusionSchema = z
  .object({
    sagId: z.number().int().positive(),
    reason: z.enum(EXCLUSION_REASONS, { error: 'Vælg en årsag' }),
    note: maskedText(1000).default(''),
  })
  .strict()
  .refine((e) => e.reason !== 'anden' || e.note.length > 0, { path: ['note'], message: 'Beskriv årsagen' });

/** A sag of the population as stored (imported or entered by hand). */
/** A sag of a tilsyn's population; the person reference goes only to the sagsoverblik (as a hash). */
export interface PopulationSag extends Omit<PopulationRow, 'person'> {
  id: number;
  manual: boolean;
}

/**
 * One page of a sagsliste (issue #17/#18: 50,000 sager are not sent to the screen at once): the sager from `fra`
 * that match the search, how many match, and how many the list has.
 */
export interface PopulationPage {
  sager: PopulationSag[];
  fundet: number;
  total: number;
}

export const PAGE_SIZE = 200;

export const populationPageSchema = z
  .object({
    tilsynId: z.number().int().positive(),
    soeg: z.string().max(200, 'Højst 200 tegn').default(''),
    fra: z.number().int().min(0).max(10_000_000).default(0),
    antal: z.number().int().min(1).max(1000).default(PAGE_SIZE),
  })
  .strict();

/** The search of the sagsliste: any of the four facts holds the text, case aside (Danish letters too). */
export function sagMatches(
  sag: Pick<PopulationSag, 'sagsnummer' | 'sagstype' | 'sagsbehandler' | 'team'>,
  search: string,
): boolean {
  return searchHits([sag.sagsnummer, sag.sagstype, sag.sagsbehandler, sag.team], search);
}

/**
 * A sag's facts name it and group it (strata, filters): a CPR-like number there is refused, not masked, by the API's
 * one check (shared/domain/cpr-guard.ts), like every string not masked here.
 */
export const manualSagSchema = z
  .object({
    sagsnummer: z.string().trim().min(1, 'Skriv sagsnummeret').max(100, 'Højst 100 tegn'),
    sagstype: z.string().trim().max(200, 'Højst 200 tegn').default(''),
    sagsbehandler: z.string().trim().max(200, 'Højst 200 tegn').default(''),
    team: z.string().trim().max(200, 'Højst 200 tegn').default(''),
    dates: z.record(z.string().max(80), isoDateSchema('Vælg en dato')).default({}),
  })
  .strict();
export type ManualSag = z.infer<typeof manualSagSchema>;
export const sagFactsSchema = manualSagSchema.omit({ sagsnummer: true });
export type SagFacts = z.infer<typeof sagFactsSchema>;

export interface PopulationSummary {
  tilsynId: number;
  fileName: string;
  format: string;
  importedAt: string;
  rowCount: number;
  fileHash: string;
  contentHash: string;
  mapping: ColumnMapping;
  removedColumns: string[];
  maskedCells: number;
  skippedRows: RowIssue[];
  /** Counts per value, for choosing strata and sample sizes. */
  counts: { sagstype: Record<string, number>; team: Record<string, number>; sagsbehandler: Record<string, number> };
  /** Date keys present in the population, for the date filter. */
  dateKeys: string[];
}

export interface FilePreview {
  fileName: string;
  /** The file as the backend holds it for the check and the import: they name it instead of sending it again. */
  fil: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  headerRow: number;
  headers: string[];
  /** The first data rows, for the mapping step. */
  sampleRows: string[][];
  dataRowCount: number;
  /** Column indexes whose cells look like CPR numbers: never stored. */
  cprColumns: number[];
  mapping: ColumnMapping;
  /** True when the mapping is the one used last time for this layout. */
  mappingRemembered: boolean;
  /** A guess at the day the list was taken (from the file name or the lines above the headers), to be confirmed. */
  listeDato: ListDateHint | null;
}

export interface ImportCheck {
  validRows: number;
  issueCount: number;
  /** The first issues, in Danish, with file row numbers. */
  issues: RowIssue[];
  maskedCells: number;
  removedColumns: string[];
  /** What the chosen columns leave out that the tilsyn needs (no sagsbehandler, frister no column feeds). */
  warnings: string[];
}

export interface SampledSag {
  id: number;
  sagsnummer: string;
  sagstype: string;
  sagsbehandler: string;
  team: string;
  dates: Record<string, string>;
  stratum: string;
  role: 'udvalgt' | 'reserve';
  order: number;
  status: SagStatus;
  exclusion?: { reason: ExclusionReason; note: string; at: string };
  /** For a spare brought in: the sagsnummer it replaces. */
  replaces?: string;
}

export interface SampleRecord {
  tilsynId: number;
  method: SampleSpec['method'];
  spec: SampleSpec;
  seed: number;
  populationHash: string;
  populationCount: number;
  afterFilters: number;
  strata: StratumSummary[];
  warnings: string[];
  drawnBy: string;
  drawnAt: string;
  sager: SampledSag[];
}
