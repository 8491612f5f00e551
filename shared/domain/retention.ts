import { z } from '../zod';
import { addMonths } from './dates';
import type { TilsynResults } from './results';
import { maskedText } from './sample';
import { isLocked, type TilsynStatus } from './tilsyn';

/**
 * Retention (issue #7): once a tilsyn is afsluttet, the leader may delete its case-level data (sagsnumre,
 * caseworkers, answers, notes, findings, handlinger, the imported case list). The aggregates stay: the results as a
 * snapshot, the trends, ledelsens vurderinger and the sample record's counts, so the committee report still works.
 */

const id = z.number({ error: 'Ugyldigt id' }).int().positive('Ugyldigt id');

export const deleteCaseDataInputSchema = z
  .object({
    tilsynId: id,
    navn: maskedText(200).refine((v) => v.length > 0, 'Skriv dit navn'),
    /** The tilsyn's title typed again, as a confirmation. */
    bekraeft: z.string({ error: 'Skriv tilsynets titel for at bekræfte' }).max(500, 'Titlen er for lang'),
  })
  .strict();

export const dueInputSchema = z
  .object({
    olderThanMonths: z
      .number({ error: 'Skriv et antal måneder' })
      .int('Skriv et helt antal måneder')
      .min(0, 'Antallet af måneder kan ikke være negativt')
      .max(1200, 'Vælg højst 1200 måneder'),
  })
  .strict();

/** What the retention panel shows for one tilsyn. */
export interface CaseDataStatus {
  tilsynId: number;
  /** Null while the case-level data is still there. */
  deleted: { at: string; by: string } | null;
  /** What would be deleted (zero once deleted). */
  counts: {
    sager: number;
    svar: number;
    fund: number;
    handlinger: number;
    aabneHandlinger: number;
    population: number;
  };
}

/** The outcome of a deletion, for the leader to see. */
export interface DeleteCaseDataResult extends CaseDataStatus {
  /** Rows removed per kind. */
  removed: { sager: number; svar: number; fund: number; handlinger: number; population: number; refleksioner: number };
}

/** An afsluttet tilsyn whose case-level data may be deleted. */
export interface RetentionCandidate {
  tilsynId: number;
  titel: string;
  periodeFra: string;
  periodeTil: string;
  afsluttetDato: string | null;
  /** Whole months since the period ended. */
  maanederSiden: number;
}

/** A tilsyn as the due-filter sees it. */
export interface RetentionRow {
  tilsynId: number;
  titel: string;
  status: TilsynStatus;
  periodeFra: string;
  periodeTil: string;
  afsluttetDato: string | null;
  /** False once the case-level data was deleted. */
  hasCaseData: boolean;
}

/** The ISO date `months` calendar months before `iso` (the day clamped to the month's length: 31.05 − 3 = 28/29.02). */
export function monthsBefore(iso: string, months: number): string {
  return addMonths(iso, -months);
}

/** Whole calendar months from `fromIso` to `toIso` (0 when toIso is not after fromIso). */
export function wholeMonthsBetween(fromIso: string, toIso: string): number {
  if (toIso <= fromIso) return 0;
  const [fy, fm] = fromIso.split('-').map(Number) as [number, number];
  const [ty, tm] = toIso.split('-').map(Number) as [number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (monthsBefore(toIso, months) < fromIso) months--;
  return Math.max(0, months);
}

/**
 * The afsluttede tilsyn that still hold case-level data and whose period ended more than `olderThanMonths` months
 * before `today` (periodeTil before today minus that many months), oldest period first.
 */
export function dueForDeletion(
  rows: readonly RetentionRow[],
  olderThanMonths: number,
  today: string,
): RetentionCandidate[] {
  const cutoff = monthsBefore(today, olderThanMonths);
  return rows
    .filter((r) => isLocked(r) && r.hasCaseData && r.periodeTil < cutoff)
    .sort((a, b) => a.periodeTil.localeCompare(b.periodeTil) || a.tilsynId - b.tilsynId)
    .map((r) => ({
      tilsynId: r.tilsynId,
      titel: r.titel,
      periodeFra: r.periodeFra,
      periodeTil: r.periodeTil,
      afsluttetDato: r.afsluttetDato,
      maanederSiden: wholeMonthsBetween(r.periodeTil, today),
    }));
}

/** The confirmation matches the title when they agree after trimming and collapsing spaces (case counts). */
export function confirmsTitle(typed: string, title: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');
  return norm(typed) === norm(title) && norm(title).length > 0;
}

/** The results kept after deletion: everything but the break-downs per sagsbehandler, team and sagstype. */
export function aggregateResults(results: TilsynResults): TilsynResults {
  return { ...results, breakdowns: { sagsbehandler: [], team: [], sagstype: [] } };
}
