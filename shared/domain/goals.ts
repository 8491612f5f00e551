import { z } from '../zod';
import { formatDanishDate, isoDateSchema } from './dates';
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
