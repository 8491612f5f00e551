import { z } from '../zod';
import { isoDateSchema, isValidIsoDate } from './dates';
import { searchHits } from './fold';
import { BIDI_CONTROLS } from './invisible';
import { storedText } from './stored-text';

/** The three ways a review can be carried out (Socialstyrelsen's guidance). */
export const REVIEW_FORMS = ['ledelseskontrol', 'dialogbaseret', 'selvevaluering_foerst'] as const;
export type ReviewForm = (typeof REVIEW_FORMS)[number];

export const REVIEW_FORM_LABELS: Record<ReviewForm, string> = {
  ledelseskontrol: 'Ledelseskontrol',
  dialogbaseret: 'Dialogbaseret sagsgennemgang',
  selvevaluering_foerst: 'Selvevaluering først',
};

export const REVIEW_FORM_DESCRIPTIONS: Record<ReviewForm, string> = {
  ledelseskontrol: 'Lederen gennemgår sagerne alene.',
  dialogbaseret: 'Lederen og den ansvarlige sagsbehandler gennemgår sagen sammen; refleksioner og aftaler noteres.',
  selvevaluering_foerst: 'Sagsbehandleren besvarer først spørgsmålene for egne sager, derefter gennemgår lederen.',
};

export const TILSYN_STATUSES = ['planlaegning', 'i_gang', 'afsluttet'] as const;
export type TilsynStatus = (typeof TILSYN_STATUSES)[number];

export const TILSYN_STATUS_LABELS: Record<TilsynStatus, string> = {
  planlaegning: 'Under planlægning',
  i_gang: 'I gang',
  afsluttet: 'Afsluttet',
};

export const SAG_STATUSES = ['ikke_startet', 'i_gang', 'faerdig', 'udgaaet'] as const;
export type SagStatus = (typeof SAG_STATUSES)[number];

/** The one set of words for a sag's review status (screens, Excel, reports, the change log). */
export const SAG_STATUS_LABELS: Record<SagStatus, string> = {
  ikke_startet: 'Ikke startet',
  i_gang: 'I gang',
  faerdig: 'Færdig',
  udgaaet: 'Udgået',
};

/** The one lock rule: an afsluttet tilsyn's review is frozen until it is genåbnet. */
export function isLocked(tilsyn: { status: TilsynStatus }): boolean {
  return tilsyn.status === 'afsluttet';
}

/** When and by whom the committee report was sent to the udvalg (the current sending), or null. */
export interface SentMark {
  dato: string;
  hvem: string;
}

/**
 * The rule for the report's texts (ledelsens vurdering, plan, sammenfatning, refleksionsspørgsmål): they are written
 * after the review is locked, so afslutning does not lock them; sending the report to the udvalg does, until the
 * tilsyn is genåbnet.
 */
export function textsLocked(tilsyn: { sendt: SentMark | null }): boolean {
  return tilsyn.sendt !== null;
}

const MAX_SHORT = 200;
/** Titles and purposes reach reports and file names: never with a CPR number, nor a sign that turns text around. */
const masked = (text: string) => storedText(text.replace(BIDI_CONTROLS, ''));
const MAX_LONG = 4000;

/** What a leader fills in to create or edit a tilsyn. Shared by the form and the backend. */
export const tilsynInputSchema = z
  .object({
    titel: z
      .string({ error: 'Skriv en titel' })
      .trim()
      .min(1, 'Skriv en titel')
      .max(MAX_SHORT, `Titlen må højst være ${MAX_SHORT} tegn`)
      .transform(masked),
    periodeFra: isoDateSchema('Vælg periodens startdato'),
    periodeTil: isoDateSchema('Vælg periodens slutdato'),
    enhed: z
      .string({ error: 'Skriv enhed eller team' })
      .trim()
      .min(1, 'Skriv enhed eller team')
      .max(MAX_SHORT, `Enhed må højst være ${MAX_SHORT} tegn`)
      .transform(masked),
    /**
     * The enhed chosen from the list; null: the one the typed name (or path) names, made anew when none does
     * (issue #14). The tilsyn then carries that enhed's name.
     */
    enhedId: z.number({ error: 'Vælg en enhed' }).int().positive('Vælg en enhed').nullable().default(null),
    form: z.enum(REVIEW_FORMS, { error: 'Vælg hvordan sagerne gennemgås' }),
    formaal: z
      .string({ error: 'Beskriv formålet med tilsynet' })
      .trim()
      .min(1, 'Beskriv formålet med tilsynet')
      .max(MAX_LONG, `Formålet må højst være ${MAX_LONG} tegn`)
      .transform(masked),
    fokus: z.string().trim().max(MAX_LONG, `Fokus må højst være ${MAX_LONG} tegn`).transform(masked).default(''),
    skabelonVersionId: z.number({ error: 'Vælg en skabelon' }).int().positive('Vælg en skabelon'),
    /** A tematiseret tilsyn's chosen afsnit (keys); null: every afsnit of the template. */
    afsnit: z.array(z.string().min(1)).min(1, 'Vælg mindst ét afsnit').nullable().default(null),
  })
  .strict()
  .refine((v) => v.periodeFra <= v.periodeTil, {
    path: ['periodeTil'],
    message: 'Slutdatoen skal ligge på eller efter startdatoen',
    // Check the order as soon as both dates are valid, so every error shows at once.
    when: (payload) => {
      const v = (payload.value ?? {}) as { periodeFra?: unknown; periodeTil?: unknown };
      return [v.periodeFra, v.periodeTil].every((d) => typeof d === 'string' && isValidIsoDate(d.trim()));
    },
  });

export type TilsynInput = z.input<typeof tilsynInputSchema>;
export type TilsynData = z.output<typeof tilsynInputSchema>;

export interface Tilsyn extends TilsynData {
  id: number;
  status: TilsynStatus;
  skabelonNavn: string;
  skabelonVersionNummer: number;
  /** Who locked the tilsyn and the date they gave; null while it is open. */
  afsluttetAf: string | null;
  afsluttetDato: string | null;
  /** The current sending of the committee report; null until it is sent, and again after a genåbning. */
  sendt: SentMark | null;
  /** A round that came in a resultatpakke (issue #15): its results only, changed in the file it came from. */
  indlaest: boolean;
  /** ISO timestamps. */
  oprettet: string;
  aendret: string;
}

/** A tilsyn as listed: with progress over its sampled sager. */
export interface TilsynSummary extends Tilsyn {
  /** Sampled sager that count (not udgået). */
  antalSager: number;
  antalFaerdige: number;
  /** Sager begun (an answer or a date given) and not yet færdig. */
  antalIGang: number;
  /** Whether a sagsliste has been read in for the tilsyn (it goes with the sager at sletning). */
  harSagsliste: boolean;
}

/** The six steps of a tilsyn's work, in order. */
export const TILSYN_STEPS = ['tilsyn', 'sagsliste', 'stikproeve', 'gennemgang', 'resultater', 'formidling'] as const;
export type TilsynStep = (typeof TILSYN_STEPS)[number];
export const TILSYN_STEP_LABELS: Record<TilsynStep, string> = {
  tilsyn: '1. Formål og fokus',
  sagsliste: '2. Sagsliste',
  stikproeve: '3. Stikprøve',
  gennemgang: '4. Gennemgang',
  resultater: '5. Resultater',
  formidling: '6. Formidling',
};
export type StepState = 'faerdig' | 'i_gang' | 'ikke_startet';
export const STEP_STATE_LABELS: Record<StepState, string> = {
  faerdig: 'færdigt',
  i_gang: 'i gang',
  ikke_startet: 'ikke startet',
};

/**
 * How far each step of a tilsyn has come: formål is written when the tilsyn is made; the sagsliste is read in; the
 * stikprøve drawn; every sag færdig; the results begun at the first answer and settled when the tilsyn is afsluttet;
 * formidling done when the report is sent to the udvalg.
 */
export function stepStates(
  t: Pick<TilsynSummary, 'harSagsliste' | 'antalSager' | 'antalFaerdige' | 'antalIGang' | 'status' | 'sendt'>,
): Record<TilsynStep, StepState> {
  const locked = t.status === 'afsluttet';
  const state = (done: boolean, begun: boolean): StepState => (done ? 'faerdig' : begun ? 'i_gang' : 'ikke_startet');
  const sampled = t.antalSager > 0;
  // The first answer begins the gennemgang, and the results with it: the figures are there from then on.
  const answered = t.antalFaerdige + t.antalIGang > 0;
  return {
    tilsyn: 'faerdig',
    sagsliste: state(t.harSagsliste || sampled || locked, false),
    stikproeve: state(sampled || locked, false),
    gennemgang: state(locked || (sampled && t.antalFaerdige === t.antalSager), answered),
    resultater: state(locked, answered),
    formidling: state(t.sendt !== null, false),
  };
}

/** The first step not yet done, or null when every step is. */
export function nextStep(states: Record<TilsynStep, StepState>): TilsynStep | null {
  return TILSYN_STEPS.find((s) => states[s] !== 'faerdig') ?? null;
}

/** A tilsyn in the overview list: everything but the long texts. */
export type TilsynListItem = Omit<TilsynSummary, 'formaal' | 'fokus'>;

/** The tilsyn list's search: the title, the enhed or the template holds the text (case aside), or a year typed. */
export function tilsynMatches(
  t: Pick<TilsynListItem, 'titel' | 'enhed' | 'skabelonNavn' | 'periodeFra' | 'periodeTil'>,
  search: string,
): boolean {
  const q = search.trim();
  if (searchHits([t.titel, t.enhed, t.skabelonNavn], q)) return true;
  // A year typed also finds the tilsyn whose period touches it.
  return /^\d{4}$/.test(q) && t.periodeFra.slice(0, 4) <= q && q <= t.periodeTil.slice(0, 4);
}

export const tilsynIdSchema = z.number({ error: 'Ugyldigt tilsyn' }).int().positive('Ugyldigt tilsyn');
