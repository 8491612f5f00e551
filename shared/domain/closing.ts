import { z } from '../zod';
import { isoDateSchema } from './dates';
import type { AnswerRecord } from './review';
import { maskedText } from './sample';
import { OUTCOME_LABELS } from './template';

/** The tilsyn's log: when it was locked, reopened or its report sent, and each change made after a reopening. */
/** `kvalitet`: the second review set up, a disagreement moderated (issue #16). */
export const LOG_KINDS = ['afsluttet', 'genaabnet', 'aendring', 'slettet', 'sendt', 'kvalitet'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export interface LogEntry {
  id: number;
  kind: LogKind;
  /** ISO timestamp. */
  at: string;
  who: string;
  sagsnummer: string | null;
  what: string;
  oldValue: string | null;
  newValue: string | null;
  why: string;
}

const id = z.number({ error: 'Ugyldigt id' }).int().positive('Ugyldigt id');
const name = maskedText(200).refine((v) => v.length > 0, 'Skriv dit navn');

export const closeInputSchema = z
  .object({ tilsynId: id, navn: name, dato: isoDateSchema('Vælg datoen for afslutningen') })
  .strict();

export const reopenInputSchema = z
  .object({
    tilsynId: id,
    navn: name,
    begrundelse: maskedText(4000).refine((v) => v.length > 0, 'Skriv hvorfor tilsynet genåbnes'),
  })
  .strict();

/** Why a tilsyn cannot be locked yet: the sager that are neither færdig nor udgået. */
export function closeBlockers(sager: readonly { sagsnummer: string; status: string }[]): string[] {
  return sager.filter((s) => s.status !== 'faerdig' && s.status !== 'udgaaet').map((s) => s.sagsnummer);
}

/** One change as the log shows it. */
export interface LoggedChange {
  what: string;
  oldValue: string | null;
  newValue: string | null;
}

/** The parts of an answer that changed, in words a reader of the log understands. */
export function answerChanges(
  questionText: string,
  label: (answer: AnswerRecord | undefined) => string,
  before: AnswerRecord | undefined,
  after: AnswerRecord,
): LoggedChange[] {
  const out: LoggedChange[] = [];
  const add = (part: string, a: string | undefined, b: string | undefined) => {
    if ((a ?? '') !== (b ?? ''))
      out.push({ what: `${part}: ${questionText}`, oldValue: a || null, newValue: b || null });
  };
  add('Svar', label(before), label(after));
  add('Begrundelse', before?.reason, after.reason);
  add('Note', before?.note, after.note);
  const override = (a: AnswerRecord | undefined) =>
    a?.override ? `${OUTCOME_LABELS[a.override.outcome]} (${a.override.reason})` : undefined;
  add('Tilsidesat frist', override(before), override(after));
  return out;
}
