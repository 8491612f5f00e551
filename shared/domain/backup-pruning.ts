import type { BackupKind } from './backup';
import { addDays, todayIso } from './dates';

/** What the pruning rules need to know about one backup copy. */
export interface PruningCandidate {
  fileName: string;
  /** ISO timestamp. */
  createdAt: string;
  kind: BackupKind;
  /**
   * How much of the leader's work the copy holds (rows of tilsyn, sager, answers, findings …): 0 for a copy of an
   * empty database, undefined when not known (then it counts as a copy with work in it).
   */
  workRows?: number;
}

export interface PruningPolicy {
  /** The newest copies of any kind that are always kept. */
  keepNewest: number;
  /** The newest copy of each calendar day is kept for this many days (today included). */
  dailyDays: number;
  /** Copies taken before a schema upgrade are kept this many days. */
  migrationDays: number;
}

export const DEFAULT_PRUNING: PruningPolicy = { keepNewest: 10, dailyDays: 30, migrationDays: 90 };

export type KeepReason =
  | 'nyeste'
  | 'dagens-nyeste'
  | 'bestilt'
  | 'foer-opdatering'
  | 'ukendt-tidspunkt'
  /** The copy holding the most work: never let go, e.g. after ten starts on an emptied file. */
  | 'mest-data';

export interface PruningPlan<T extends PruningCandidate> {
  keep: { backup: T; reasons: KeepReason[] }[];
  delete: T[];
}

export interface PruningOptions {
  policy?: Partial<PruningPolicy>;
  /**
   * The calendar day a moment belongs to, as 'YYYY-MM-DD'. Default: the local day of this computer.
   * Tests pass a fixed time zone (see dayKeyInTimeZone) so they do not depend on the machine.
   */
  dayKey?: (moment: Date) => string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar day of a moment, 'YYYY-MM-DD'. */
export function localDayKey(moment: Date): string {
  return todayIso(moment);
}

/** The calendar day of a moment in a named time zone (e.g. 'Europe/Copenhagen'), 'YYYY-MM-DD'. */
export function dayKeyInTimeZone(timeZone: string): (moment: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (moment) => {
    const parts = Object.fromEntries(format.formatToParts(moment).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}

/**
 * The day key `days` calendar days before `key`. Done on the date itself, not by subtracting hours,
 * so a 23- or 25-hour day at a daylight-saving change neither skips nor repeats a day.
 */
export function dayKeyMinus(key: string, days: number): string {
  return addDays(key, -days);
}

/**
 * Which backup copies to keep and which to delete:
 * - the newest `keepNewest` (10) of any kind;
 * - the newest copy of each calendar day for the last `dailyDays` (30) days, today included;
 * - every 'manuel', 'foer-gendannelse' and 'reddet' copy (the user asked for those, or they saved her work);
 * - 'migrering' copies (taken before a schema upgrade) for `migrationDays` (90) days;
 * - the copy holding the most work (`workRows`; the newest of equals).
 * Copies of an empty database (`workRows` 0) do not count towards the newest copies with work in them or a day's
 * newest, so a string of starts on an emptied file cannot push the good copies out (they are kept besides).
 * A copy whose time cannot be read is kept. Pure: the caller deletes the files.
 */
export function planPruning<T extends PruningCandidate>(
  backups: readonly T[],
  now: Date,
  options: PruningOptions = {},
): PruningPlan<T> {
  const policy = { ...DEFAULT_PRUNING, ...options.policy };
  const dayKey = options.dayKey ?? localDayKey;
  const reasons = new Map<T, KeepReason[]>(backups.map((b) => [b, []]));
  const keepFor = (b: T, reason: KeepReason) => reasons.get(b)?.push(reason);

  const timed = backups
    .map((backup) => ({ backup, time: Date.parse(backup.createdAt) }))
    .filter(({ backup, time }) => {
      if (Number.isFinite(time)) return true;
      keepFor(backup, 'ukendt-tidspunkt');
      return false;
    })
    // Newest first; equal times by name, so the outcome does not depend on the input order.
    .sort((a, b) => b.time - a.time || (a.backup.fileName < b.backup.fileName ? 1 : -1));

  // The newest of all are kept, and as many newest with work in them besides: empty copies never push those out.
  const withWork = timed.filter(({ backup }) => backup.workRows !== 0);
  const keepNewest = Math.max(0, policy.keepNewest);
  for (const { backup } of [...timed.slice(0, keepNewest), ...withWork.slice(0, keepNewest)]) {
    if (!reasons.get(backup)?.includes('nyeste')) keepFor(backup, 'nyeste');
  }

  let most: T | undefined;
  for (const { backup } of withWork) {
    if ((backup.workRows ?? 0) > (most?.workRows ?? 0)) most = backup;
  }
  if (most) keepFor(most, 'mest-data');

  if (policy.dailyDays > 0) {
    const firstDay = dayKeyMinus(dayKey(now), policy.dailyDays - 1);
    const seenDays = new Set<string>();
    for (const { backup, time } of withWork) {
      const day = dayKey(new Date(time));
      if (day < firstDay || seenDays.has(day)) continue;
      seenDays.add(day);
      keepFor(backup, 'dagens-nyeste');
    }
  }

  const migrationCutoff = now.getTime() - policy.migrationDays * DAY_MS;
  for (const { backup, time } of timed) {
    if (backup.kind === 'manuel' || backup.kind === 'foer-gendannelse' || backup.kind === 'reddet')
      keepFor(backup, 'bestilt');
    if (backup.kind === 'migrering' && time >= migrationCutoff) keepFor(backup, 'foer-opdatering');
  }

  const plan: PruningPlan<T> = { keep: [], delete: [] };
  for (const backup of backups) {
    const why = reasons.get(backup) ?? [];
    if (why.length > 0) plan.keep.push({ backup, reasons: why });
    else plan.delete.push(backup);
  }
  return plan;
}

/** The copies the pruning rules let go (see planPruning). */
export function backupsToDelete<T extends PruningCandidate>(
  backups: readonly T[],
  now: Date,
  options: PruningOptions = {},
): T[] {
  return planPruning(backups, now, options).delete;
}
