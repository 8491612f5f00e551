import { z } from '../zod';
import { isoDateSchema } from './dates';
import { maskedText } from './sample';

/** What a review teaches, noted per sag. Aftaler are the agreements made in a dialogue. */
export const FINDING_KINDS = ['styrke', 'laeringspunkt', 'opmaerksomhedspunkt', 'aftale'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_LABELS: Record<FindingKind, { one: string; many: string }> = {
  styrke: { one: 'Styrke', many: 'Styrker' },
  laeringspunkt: { one: 'Læringspunkt', many: 'Læringspunkter' },
  opmaerksomhedspunkt: { one: 'Opmærksomhedspunkt', many: 'Opmærksomhedspunkter' },
  aftale: { one: 'Aftale', many: 'Aftaler' },
};

export const ACTION_STATUSES = ['aaben', 'i_gang', 'udfoert', 'kan_ikke_udfoeres'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  aaben: 'Åben',
  i_gang: 'I gang',
  udfoert: 'Udført',
  kan_ikke_udfoeres: 'Kan ikke udføres',
};

const id = z.number({ error: 'Ugyldigt id' }).int().positive('Ugyldigt id');
const questionKey = z.string().min(1).max(80).nullable().default(null);
const requiredText = (message: string, max: number) => maskedText(max).refine((v) => v.length > 0, message);

export interface Finding {
  id: number;
  kind: FindingKind;
  text: string;
  questionKey: string | null;
}

export const findingInputSchema = z
  .object({
    sagId: id,
    kind: z.enum(FINDING_KINDS, { error: 'Vælg hvilken slags punkt det er' }),
    text: requiredText('Skriv punktet', 4000),
    questionKey,
  })
  .strict();

export const findingUpdateSchema = z.object({ id, text: requiredText('Skriv punktet', 4000), questionKey }).strict();

export interface Action {
  id: number;
  text: string;
  ansvarlig: string;
  /** åååå-mm-dd, or null when no deadline is set. */
  frist: string | null;
  status: ActionStatus;
  questionKey: string | null;
}

const actionFields = {
  text: requiredText('Beskriv hvad der skal rettes i sagen', 4000),
  ansvarlig: maskedText(200).default(''),
  frist: isoDateSchema('Vælg en frist').nullable().default(null),
  status: z.enum(ACTION_STATUSES, { error: 'Vælg en status' }).default('aaben'),
  questionKey,
};

export const actionInputSchema = z.object({ sagId: id, ...actionFields }).strict();

/** A change to some of an action's fields; the others stay as they are. */
export const actionUpdateSchema = z
  .object({
    id,
    text: actionFields.text.optional(),
    ansvarlig: maskedText(200).optional(),
    frist: isoDateSchema('Vælg en frist').nullable().optional(),
    status: z.enum(ACTION_STATUSES, { error: 'Vælg en status' }).optional(),
    questionKey: z.string().min(1).max(80).nullable().optional(),
  })
  .strict();

export const actionStatusSchema = z.object({ id, status: z.enum(ACTION_STATUSES) }).strict();

/** An action is overdue when its deadline has passed and it is neither done nor impossible. */
export function isOverdue(action: Pick<Action, 'frist' | 'status'>, todayIso: string): boolean {
  return (action.status === 'aaben' || action.status === 'i_gang') && action.frist !== null && action.frist < todayIso;
}

/** Dialogbaseret sagsgennemgang: when the conversation took place, who took part, the caseworker's reflections. */
export interface DialogRecord {
  dato: string | null;
  deltagere: string;
  refleksioner: string;
}

export const EMPTY_DIALOG: DialogRecord = { dato: null, deltagere: '', refleksioner: '' };

/** A change to some of the dialogue record's fields; the others stay as they are. */
export const dialogInputSchema = z
  .object({
    sagId: id,
    dato: isoDateSchema('Vælg datoen for samtalen').nullable().optional(),
    deltagere: maskedText(1000).optional(),
    refleksioner: maskedText(8000).optional(),
  })
  .strict();

/**
 * An action with where it comes from, for the follow-up list across tilsyn: a handling in one sag, or ledelsens plan
 * for a krav written under Resultater (issue #12: plans are followed up like handlinger, and the next round's report
 * shows their status).
 */
export interface ActionListItem extends Action {
  origin: 'sag' | 'krav';
  tilsynId: number;
  tilsynTitel: string;
  /** The sag of a handling; null for a plan, which is for the whole tilsyn. */
  sagId: number | null;
  sagsnummer: string;
  sagsbehandler: string;
  /** A plan's krav (number and text, »3.1«, »Har borgeren en aktuel plan?«); null for a handling. */
  krav: { number: string; text: string } | null;
  overdue: boolean;
}

/** A plan's status changes in the follow-up, also after the report was sent (following up is the point). */
export const planStatusSchema = z
  .object({ tilsynId: id, key: z.string().min(1).max(80), status: z.enum(ACTION_STATUSES) })
  .strict();
