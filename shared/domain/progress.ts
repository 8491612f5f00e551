import { z } from '../zod';
import { formatCount } from './format';

/**
 * Long work (an import, a PDF, a workbook, a backup) reports where it is, so the leader sees it move and can cancel
 * it where that is safe (issue #17). The renderer names the work with an id of its own making and asks by it.
 */
export interface Progress {
  /** What is being done now, in Danish: »Tjekker rækkerne«. */
  fase: string;
  /** How far, of `total`; with `total` null the work cannot be counted (a bar without an end). */
  done: number;
  total: number | null;
  /** What is counted, plural (»rækker«, »notater«); without it the count is shown as a share (pages of a copy). */
  enhed?: string;
  /** false while the work cannot be stopped without harm (the sager being stored in one transaction, say). */
  kanAnnulleres: boolean;
}

/** Sixteen lower-case letters: no digits, so an id never looks like part of a CPR number to the API's check. */
export const TASK_ID_PATTERN = /^[a-z]{16}$/;
export const taskIdSchema = z.string().regex(TASK_ID_PATTERN, 'Ugyldigt opgave-id');

/** The letters an id is made of: not i, l or o, which the CPR search reads as digits beside real ones. */
const ID_LETTERS = 'abcdefghjkmnpqrstuvwxyz';

/** A new id for a piece of long work, made where the work is asked for. */
export function newTaskId(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return Array.from(random(16), (b) => ID_LETTERS[b % ID_LETTERS.length]).join('');
}

/** The message of work the leader stopped (»Afbryd«); nothing of it was kept. */
export const NOTHING_KEPT = 'Intet er gemt eller lavet.';
export const CANCELLED_MESSAGE = `Afbrudt. ${NOTHING_KEPT}`;

/** A bar's text: »Tjekker rækkerne: 12.000 af 50.000 rækker«, »Kopierer databasen: 40 %«, or the phase alone. */
export function progressText(p: Progress): string {
  if (p.total === null || p.total <= 0) return p.fase;
  if (p.enhed) return `${p.fase}: ${formatCount(p.done)} af ${formatCount(p.total)} ${p.enhed}`;
  return `${p.fase}: ${formatCount(Math.floor((100 * p.done) / p.total))} %`;
}
