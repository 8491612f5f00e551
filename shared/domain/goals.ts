import { z } from '../zod';
import { daysBetween, formatDanishDate, isoDateSchema } from './dates';
import { formatPercent } from './format';
import type { MeasureResult, TilsynResults } from './results';
import { storedText } from './stored-text';

/**
 * An enhed's goal for a krav over time (issue #14; seed 004: »80 % by the end of 2017, at least 90 % by the end of
 * Q1 2018«; seed 003: goal → indicator → method): dated steps of the måltal, each the share to reach by its date.
 * A round is measured against the first step on or after the day its period ends; after the last step, that one
 * stays in force. Without steps the skabelon's måltal applies.
 */
export interface TargetStep {
  dato: string;
  maaltal: number;
}

export interface MeasureGoal {
  key: string;
  steps: TargetStep[];
  indikator: string;
  metode: string;
}

/** The måltal a round ending `roundEnd` is measured against, and by when it is to be reached (null: the skabelon's). */
export function targetFor(
  steps: readonly TargetStep[],
  templateTarget: number | null,
  roundEnd: string,
): { target: number | null; due: string | null } {
  const sorted = [...steps].sort((a, b) => a.dato.localeCompare(b.dato));
  const step = sorted.find((s) => s.dato >= roundEnd) ?? sorted[sorted.length - 1];
  return step ? { target: step.maaltal, due: step.dato } : { target: templateTarget, due: null };
}

/** A round's results measured against the enhed's dated goals: each krav's måltal and whether it is below it. */
export function withGoals(results: TilsynResults, goals: readonly MeasureGoal[], roundEnd: string): TilsynResults {
  const byKey = new Map(goals.map((g) => [g.key, g]));
  if (byKey.size === 0) return results;
  return {
    ...results,
    measures: results.measures.map((m): MeasureResult => {
      const goal = byKey.get(m.key);
      if (!goal || goal.steps.length === 0) return m;
      const { target, due } = targetFor(goal.steps, m.target, roundEnd);
      const belowTarget = target === null || m.share === null ? null : m.share * 100 < target;
      return { ...m, target, targetDue: due, belowTarget };
    }),
  };
}

/** Where a krav is heading: its share projected to the date of the måltal it is measured by. */
export interface TargetProjection {
  /** Projected share in percent at `due`, within 0-100. */
  projected: number;
  /** The whole percent to show: rounded toward the verdict, so it never reads as the other one. */
  shown: number;
  due: string;
  onTrack: boolean;
  /** The rounds the line was drawn through. */
  rounds: number;
}

/** The rounds a projection is drawn through: enough to see a direction, few enough to follow a change of course. */
const PROJECTION_ROUNDS = 4;
/** Rounds that end within four weeks of each other give no direction to follow. */
const MIN_SPAN_DAYS = 28;

/**
 * Whether the enhed is on track for a dated måltal that lies after its newest round (issue #14: »on track for the
 * next dated target«): the least-squares line through the krav's shares in its latest rounds (two to four, by the day
 * each period ended), carried on to the måltal's date. None when the måltal is already reached, is not after the
 * newest round, lies further ahead than the line can say, or there are fewer than two rounds four weeks apart; a line
 * is a hint to the leader, not a forecast for the committee.
 */
export function projectToTarget(
  points: readonly { periodeTil: string; share: number | null }[],
  target: number | null,
  due: string | null | undefined,
): TargetProjection | null {
  const measured = points.filter((p): p is { periodeTil: string; share: number } => p.share !== null);
  const recent = [...measured].sort((a, b) => a.periodeTil.localeCompare(b.periodeTil)).slice(-PROJECTION_ROUNDS);
  const newest = recent[recent.length - 1];
  const oldest = recent[0];
  if (target === null || !due || !newest || !oldest || recent.length < 2 || due <= newest.periodeTil) return null;
  if (newest.share * 100 >= target) return null;
  // A line through rounds close together says little, and nothing about years ahead: it is carried at most twice
  // the time its rounds span, and at least a year.
  const span = daysBetween(oldest.periodeTil, newest.periodeTil);
  if (span < MIN_SPAN_DAYS || daysBetween(newest.periodeTil, due) > Math.max(2 * span, 366)) return null;
  const xs = recent.map((p) => daysBetween(newest.periodeTil, p.periodeTil));
  const ys = recent.map((p) => p.share * 100);
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  // Rounds that all ended on one day give no direction.
  if (sxx === 0) return null;
  const slope = xs.reduce((sum, x, i) => sum + (x - meanX) * ((ys[i] ?? 0) - meanY), 0) / sxx;
  const at = meanY + slope * (daysBetween(newest.periodeTil, due) - meanX);
  const projected = Math.min(100, Math.max(0, at));
  const onTrack = projected >= target;
  // Down below the måltal (89,6 % is no »ca. 90 %« when 90 is the måltal); on track, never below a måltal of 92,5.
  const shown = onTrack ? Math.max(Math.floor(projected), Math.ceil(target)) : Math.floor(projected);
  return { projected, shown, due, onTrack, rounds: recent.length };
}

/** »Måltal 90 % senest 31.03.2027«. */
export function targetInWords(target: number, due: string | null | undefined): string {
  return due ? `Måltal ${formatPercent(target)} senest ${formatDanishDate(due)}` : `Måltal ${formatPercent(target)}`;
}

const step = z
  .object({
    dato: isoDateSchema('Angiv datoen, måltallet skal være nået'),
    maaltal: z
      .number({ error: 'Angiv måltallet' })
      .min(0, 'Måltallet skal være mellem 0 og 100')
      .max(100, 'Måltallet skal være mellem 0 og 100'),
  })
  .strict();

export const goalInputSchema = z
  .object({
    tilsynId: z.number().int().positive(),
    key: z.string({ error: 'Vælg kravet' }).min(1, 'Vælg kravet').max(80, 'Vælg kravet'),
    steps: z
      .array(step)
      .max(12, 'Højst 12 trin')
      .refine((s) => new Set(s.map((x) => x.dato)).size === s.length, 'To trin har samme dato'),
    indikator: z.string().trim().max(1000, 'Højst 1000 tegn').transform(storedText),
    metode: z.string().trim().max(2000, 'Højst 2000 tegn').transform(storedText),
  })
  .strict();
