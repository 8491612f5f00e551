import { z } from '../zod';
import { FIRST_YEAR, isoDateSchema, LAST_YEAR, MONTH_NAMES, partsOfYear, YEAR_RANGE_MESSAGE } from './dates';
import { storedText } from './stored-text';
import { REVIEW_FORMS, type ReviewForm, type TilsynStatus } from './tilsyn';

/**
 * The årshjul (issue #14; seed 002: »et årshjul«; seed 004: monthly local rounds and a quarterly central one): the
 * rounds an enhed plans for a year, each with its template, form, sample rule, responsible leader and dates.
 * Starting a planned round makes its tilsyn from the plan.
 */

export const ROUND_KINDS = ['loebende', 'tematiseret', 'central'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  loebende: 'Løbende',
  tematiseret: 'Tematiseret',
  central: 'Central',
};

export const ROUND_STATES = ['planlagt', 'i_gang', 'afsluttet', 'overskredet'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
export const ROUND_STATE_LABELS: Record<RoundState, string> = {
  planlagt: 'Planlagt',
  i_gang: 'I gang',
  afsluttet: 'Afsluttet',
  overskredet: 'Overskredet',
};

export const SAMPLE_RULES = ['antal', 'pr_sagsbehandler'] as const;
export type SampleRule = (typeof SAMPLE_RULES)[number];

export interface PlannedRound {
  id: number;
  enhedId: number;
  art: RoundKind;
  titel: string;
  skabelonVersionId: number;
  afsnit: string[] | null;
  form: ReviewForm;
  /** »15 sager« or »1 sag pr. sagsbehandler«. */
  stikproeve: { regel: SampleRule; antal: number };
  ansvarlig: string;
  fra: string;
  til: string;
  /** The tilsyn made from the plan, once started. */
  tilsynId: number | null;
  tilsynStatus: TilsynStatus | null;
}

/**
 * Where a planned round stands on `today`: afsluttet when its tilsyn is; overskredet when its last day has passed
 * without that; i gang once started; else planlagt.
 */
export function roundState(round: Pick<PlannedRound, 'til' | 'tilsynId' | 'tilsynStatus'>, today: string): RoundState {
  if (round.tilsynStatus === 'afsluttet') return 'afsluttet';
  if (round.til < today) return 'overskredet';
  return round.tilsynId === null ? 'planlagt' : 'i_gang';
}

export function sampleRuleInWords(s: PlannedRound['stikproeve']): string {
  if (s.regel === 'pr_sagsbehandler') return `${s.antal} ${s.antal === 1 ? 'sag' : 'sager'} pr. sagsbehandler`;
  return `${s.antal} ${s.antal === 1 ? 'sag' : 'sager'}`;
}

export const FREQUENCIES = ['maaned', 'kvartal'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The periods of a series over a year: each month, or each quarter (first day to last day). */
export function seriesPeriods(year: number, frequency: Frequency): { fra: string; til: string; navn: string }[] {
  return partsOfYear(year, frequency === 'maaned' ? 1 : 3).map((p, i) => ({
    ...p,
    navn: frequency === 'maaned' ? `${MONTH_NAMES[i]} ${year}` : `${i + 1}. kvartal ${year}`,
  }));
}

/** A year in the årshjul: the years a date may have (dates.ts), said in Danish. */
export const YEAR = z
  .number({ error: 'Vælg året' })
  .int('Vælg året')
  .min(FIRST_YEAR, YEAR_RANGE_MESSAGE)
  .max(LAST_YEAR, YEAR_RANGE_MESSAGE);

const text = (max: number, required?: string) => {
  const base = z.string({ error: required ?? 'Skriv teksten' }).trim();
  return (required ? base.min(1, required) : base).max(max, `Højst ${max} tegn`).transform(storedText);
};

const roundFields = {
  enhedId: z.number({ error: 'Vælg enheden' }).int().positive('Vælg enheden'),
  art: z.enum(ROUND_KINDS, { error: 'Vælg løbende, tematiseret eller central' }),
  skabelonVersionId: z.number({ error: 'Vælg en skabelon' }).int().positive('Vælg en skabelon'),
  afsnit: z.array(z.string().min(1)).min(1, 'Vælg mindst ét afsnit').nullable().default(null),
  form: z.enum(REVIEW_FORMS, { error: 'Vælg hvordan sagerne gennemgås' }),
  stikproeve: z
    .object({
      regel: z.enum(SAMPLE_RULES, { error: 'Vælg et antal sager eller et antal pr. sagsbehandler' }),
      antal: z
        .number({ error: 'Angiv antallet' })
        .int('Antallet skal være et helt tal')
        .min(1, 'Mindst 1')
        .max(500, 'Højst 500'),
    })
    .strict(),
  ansvarlig: text(200, 'Skriv, hvem der er ansvarlig'),
};

const dates = { fra: isoDateSchema('Vælg startdatoen'), til: isoDateSchema('Vælg slutdatoen') };
const inOrder = (v: { fra: string; til: string }) => v.fra <= v.til;
const ORDER = { path: ['til'], message: 'Slutdatoen skal ligge på eller efter startdatoen' };

export const plannedRoundInputSchema = z
  .object({ ...roundFields, ...dates, titel: text(200, 'Skriv en titel') })
  .strict()
  .refine(inOrder, ORDER);
export const plannedRoundUpdateSchema = z
  .object({ ...roundFields, ...dates, titel: text(200, 'Skriv en titel'), id: z.number().int().positive() })
  .strict()
  .refine(inOrder, ORDER);
/** A round each month or quarter of a year, titled by the period (»marts 2027«, »1. kvartal 2027«). */
export const roundSeriesInputSchema = z
  .object({
    ...roundFields,
    aar: YEAR,
    hyppighed: z.enum(FREQUENCIES, { error: 'Vælg hver måned eller hvert kvartal' }),
    titel: text(150, 'Skriv en titel'),
  })
  .strict();
export const yearQuerySchema = z
  .object({
    aar: YEAR,
    enhedId: z.number().int().positive().nullable().default(null),
  })
  .strict();

export type PlannedRoundInput = z.output<typeof plannedRoundInputSchema>;
export type RoundSeriesInput = z.output<typeof roundSeriesInputSchema>;

/** A planned round with where it stands today. */
export interface YearRound extends PlannedRound {
  state: RoundState;
  enhed: string;
  /** A tilsyn of the enhed made outside the årshjul (id is minus its tilsyn's): shown, not planned. */
  uplanlagt?: boolean;
}
