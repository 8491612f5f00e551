import { z } from '../zod';
import { YEAR } from './aarshjul';
import { partsOfYear } from './dates';
import { unitKey } from './enhed';

/**
 * Coverage (issue #14; seed 002: all caseworkers and case types covered over time): per enhed and period, which
 * caseworkers and sagstyper had a sag reviewed, how often in each part of the period, and who had none; a quota
 * (»each caseworker once a quarter«) is met or not per part.
 */

export const QUOTA_PERIODS = ['maaned', 'kvartal', 'aar'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];
export const QUOTA_PERIOD_LABELS: Record<QuotaPeriod, string> = { maaned: 'måned', kvartal: 'kvartal', aar: 'år' };

/** A reviewed sag: who handled it, its type, and the day its round's period ended (where it counts). */
export interface ReviewedSag {
  sagsbehandler: string;
  sagstype: string;
  periodeTil: string;
  /** False for a sag drawn and still under review: shown as coming, not counted. */
  faerdig?: boolean;
}

export interface CoveragePart {
  fra: string;
  til: string;
  navn: string;
}

export interface CoverageRow {
  /** The caseworker's name or the sagstype. */
  navn: string;
  /** Reviewed (færdige) sager in each part, in the parts' order. */
  counts: number[];
  /** Sager drawn and still under review in each part: coverage to come. */
  pending: number[];
  total: number;
  /** Parts where the quota was met. */
  met: number;
}

export interface Coverage {
  parts: CoveragePart[];
  quota: number;
  caseworkers: CoverageRow[];
  sagstyper: CoverageRow[];
  /** Seen in the sagslister, never reviewed in the period. */
  notReviewed: { caseworkers: string[]; sagstyper: string[] };
  /**
   * Rounds of the period whose sager are not in this file (case data deleted, or read in from a pakke): their
   * results stand, but their sager are not in the counts.
   */
  roundsWithoutSager: number;
}

/** The parts of a year for a quota: its months, its quarters, or the year itself. */
export function yearParts(year: number, per: QuotaPeriod): CoveragePart[] {
  const names = 'jan feb mar apr maj jun jul aug sep okt nov dec'.split(' ');
  const months = per === 'maaned' ? 1 : per === 'kvartal' ? 3 : 12;
  return partsOfYear(year, months).map((p, i) => ({
    ...p,
    navn: per === 'aar' ? String(year) : per === 'maaned' ? (names[i] ?? '') : `${i + 1}. kvt.`,
  }));
}

const byName = (a: string, b: string) => a.localeCompare(b, 'da');

/**
 * Coverage of the caseworkers and sagstyper `seen` (in the enhed's sagslister) by the reviewed sager, per part; a
 * sag counts in the part its round's period ended in. Names are compared as they read (case, width, spaces and
 * invisible characters aside); an empty name is not a caseworker.
 */
export function computeCoverage(
  seen: { caseworkers: readonly string[]; sagstyper: readonly string[] },
  reviewed: readonly ReviewedSag[],
  parts: readonly CoveragePart[],
  quota: number,
  roundsWithoutSager = 0,
): Coverage {
  const partOf = (day: string) => parts.findIndex((p) => p.fra <= day && day <= p.til);
  const rows = (names: readonly string[], pick: (s: ReviewedSag) => string): CoverageRow[] => {
    // »Bo Nielsen«, »bo nielsen« and »Bo  Nielsen« are one caseworker: shown as first written.
    const shown = new Map<string, string>();
    for (const n of [...names, ...reviewed.map(pick)]) {
      const key = unitKey(n);
      if (key && !shown.has(key)) shown.set(key, n.trim());
    }
    const all = [...shown].sort((a, b) => byName(a[1], b[1]));
    return all.map(([key, navn]) => {
      const counts = parts.map(() => 0);
      const pending = parts.map(() => 0);
      for (const s of reviewed) {
        const i = partOf(s.periodeTil);
        if (i < 0 || unitKey(pick(s)) !== key) continue;
        if (s.faerdig === false) pending[i] = (pending[i] ?? 0) + 1;
        else counts[i] = (counts[i] ?? 0) + 1;
      }
      const total = counts.reduce((a, b) => a + b, 0);
      return { navn, counts, pending, total, met: counts.filter((c) => c >= quota).length };
    });
  };
  const caseworkers = rows(seen.caseworkers, (s) => s.sagsbehandler);
  const sagstyper = rows(seen.sagstyper, (s) => s.sagstype);
  return {
    parts: [...parts],
    quota,
    caseworkers,
    sagstyper,
    notReviewed: {
      caseworkers: caseworkers.filter((r) => r.total === 0).map((r) => r.navn),
      sagstyper: sagstyper.filter((r) => r.total === 0).map((r) => r.navn),
    },
    roundsWithoutSager,
  };
}

export const coverageQuerySchema = z
  .object({
    enhedId: z.number({ error: 'Vælg enheden' }).int().positive('Vælg enheden'),
    aar: YEAR,
    kvote: z
      .object({
        antal: z.number().int().min(1, 'Mindst 1').max(100, 'Højst 100'),
        per: z.enum(QUOTA_PERIODS, { error: 'Vælg måned, kvartal eller år' }),
      })
      .strict()
      .default({ antal: 1, per: 'kvartal' }),
  })
  .strict();
