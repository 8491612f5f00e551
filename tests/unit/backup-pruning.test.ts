import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../../shared/domain/backup';
import {
  backupsToDelete,
  dayKeyInTimeZone,
  dayKeyMinus,
  type PruningCandidate,
  planPruning,
} from '../../shared/domain/backup-pruning';

// Every case runs on Copenhagen calendar days whatever the machine's time zone: the day-key function is passed in.
const copenhagen = dayKeyInTimeZone('Europe/Copenhagen');
const opts = { dayKey: copenhagen };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A backup taken at an ISO time with an explicit offset; its file name is its UTC time and kind. */
const b = (at: string, kind: BackupKind = 'auto'): PruningCandidate => {
  const createdAt = new Date(at).toISOString();
  return { fileName: `tilsyn-${createdAt}-${kind}.db`, createdAt, kind };
};
/** `count` automatic backups ending at `last`, `stepMs` apart, oldest first. */
const series = (last: string, count: number, stepMs: number) =>
  Array.from({ length: count }, (_, i) => b(new Date(Date.parse(last) - (count - 1 - i) * stepMs).toISOString()));
const names = (list: PruningCandidate[]) => list.map((x) => x.fileName).sort();

describe('dayKeyInTimeZone and dayKeyMinus', () => {
  it.each([
    // Summer time (UTC+2) starts 29.03.2026 02:00 and ends 25.10.2026 03:00 in Copenhagen.
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'], // 00:00 CET
    ['2026-03-29T21:59:59Z', '2026-03-29'], // 23:59:59 CEST: a 23-hour day
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'], // 00:00 CEST
    ['2026-10-25T22:59:59Z', '2026-10-25'], // 23:59:59 CET: a 25-hour day
    ['2026-10-25T23:00:00Z', '2026-10-26'],
  ])('%s is %s in Copenhagen', (iso, day) => {
    expect(copenhagen(new Date(iso))).toBe(day);
  });

  it.each([
    ['2026-03-30', 1, '2026-03-29'],
    ['2026-03-30', 29, '2026-03-01'],
    ['2026-01-01', 1, '2025-12-31'],
    ['2028-03-01', 1, '2028-02-29'],
    ['2026-10-26', 0, '2026-10-26'],
  ])('%s minus %i days is %s', (key, days, expected) => {
    expect(dayKeyMinus(key, days)).toBe(expected);
  });
});

describe('planPruning', () => {
  const now = new Date('2026-11-25T21:40:00+01:00');

  it('deletes nothing from an empty list', () => {
    expect(planPruning([], now, opts)).toEqual({ keep: [], delete: [] });
  });

  it('keeps exactly 10 copies of the same hour (the newest 10), and deletes the 11th', () => {
    const ten = series('2026-11-25T21:00:00+01:00', 10, 60_000);
    expect(backupsToDelete(ten, now, opts)).toEqual([]);
    const eleven = series('2026-11-25T21:00:00+01:00', 11, 60_000);
    expect(backupsToDelete(eleven, now, opts)).toEqual([eleven[0]]);
  });

  it('keeps the newest 10 and the newest of each earlier day when there are many per day', () => {
    // Every 15 minutes for five days (from 20.11 at 21.45): 480 copies.
    const all = series('2026-11-25T21:30:00+01:00', 480, 15 * 60_000);
    const plan = planPruning(all, now, opts);
    const kept = plan.keep.map((k) => k.backup);
    // 10 newest (all today) + the last copy of each of the 5 earlier days (today's newest is one of the 10).
    expect(kept).toHaveLength(15);
    expect(plan.delete).toHaveLength(465);
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']) {
      const ofDay = all.filter((x) => copenhagen(new Date(x.createdAt)) === day);
      expect(kept).toContain(ofDay.at(-1));
      expect(plan.keep.find((k) => k.backup === ofDay.at(-1))?.reasons).toEqual(['dagens-nyeste']);
    }
    expect(plan.keep.find((k) => k.backup === all.at(-1))?.reasons).toEqual(['nyeste', 'dagens-nyeste']);
  });

  it('keeps one a day for 30 days (today included) and lets the 31st day go', () => {
    // One copy at 12:00 each day for 40 days, and 10 copies this evening that fill the "newest 10".
    const daily = Array.from({ length: 40 }, (_, i) =>
      b(new Date(Date.parse('2026-11-25T12:00:00+01:00') - i * DAY).toISOString()),
    );
    const evening = series('2026-11-25T21:30:00+01:00', 10, 60_000);
    const deleted = backupsToDelete([...daily, ...evening], now, opts);
    // Today's noon copy is not today's newest; days 1..29 back are kept; 30..39 back are deleted.
    expect(names(deleted)).toEqual(names([daily[0]!, ...daily.slice(30)]));
  });

  it('counts calendar days across the spring daylight-saving change (a 23-hour day)', () => {
    const at = new Date('2026-03-30T00:30:00+02:00'); // just after midnight, the day after the change
    const fill = series('2026-03-30T00:20:00+02:00', 10, 60_000);
    const sunday = b('2026-03-29T23:30:00+02:00'); // 21:30Z: still Sunday in Copenhagen
    const saturday = b('2026-03-28T23:59:00+01:00'); // 22:59Z
    const saturdayEarlier = b('2026-03-28T00:00:00+01:00');
    const edge = b('2026-03-01T00:00:00+01:00'); // day 30 counted back from 30.03 (29 days earlier)
    const outside = b('2026-02-28T23:59:00+01:00');
    const deleted = backupsToDelete([...fill, sunday, saturday, saturdayEarlier, edge, outside], at, opts);
    expect(names(deleted)).toEqual(names([saturdayEarlier, outside]));
    // Stepping back 24 hours from "now" would have skipped Sunday: 22:30Z on 29.03 minus 24 h is Saturday.
    expect(copenhagen(new Date(at.getTime() - DAY))).toBe('2026-03-28');
  });

  it('counts calendar days across the autumn daylight-saving change (a 25-hour day)', () => {
    const at = new Date('2026-10-26T00:10:00+01:00');
    const fill = series('2026-10-26T00:05:00+01:00', 10, 10_000);
    // Both at 23:30 local on the 25th, which lasts 25 hours: the later one is that day's newest.
    const early = b('2026-10-25T00:30:00+02:00');
    const late = b('2026-10-25T23:30:00+01:00');
    const before = b('2026-10-24T23:59:00+02:00');
    const deleted = backupsToDelete([...fill, early, late, before], at, opts);
    expect(names(deleted)).toEqual(names([early]));
  });

  it('keeps every manual and before-restore copy, however old', () => {
    const old = [b('2023-01-01T10:00:00+01:00', 'manuel'), b('2024-06-01T10:00:00+02:00', 'foer-gendannelse')];
    const fill = series('2026-11-25T21:00:00+01:00', 10, 60_000);
    const plainOld = b('2023-01-01T11:00:00+01:00');
    const plan = planPruning([...old, ...fill, plainOld], now, opts);
    expect(plan.delete).toEqual([plainOld]);
    expect(plan.keep.filter((k) => k.reasons.includes('bestilt')).map((k) => k.backup)).toEqual(old);
  });

  it('keeps pre-migration copies for 90 days', () => {
    const fill = series('2026-11-25T21:00:00+01:00', 10, 60_000);
    const recent = b(new Date(now.getTime() - 89 * DAY).toISOString(), 'migrering');
    const exactly = b(new Date(now.getTime() - 90 * DAY).toISOString(), 'migrering');
    const old = b(new Date(now.getTime() - 91 * DAY).toISOString(), 'migrering');
    const deleted = backupsToDelete([recent, exactly, old, ...fill], now, opts);
    expect(deleted).toEqual([old]);
  });

  it('keeps a copy whose time cannot be read, and copies dated in the future', () => {
    const odd = { fileName: 'x.db', createdAt: 'ikke en dato', kind: 'auto' as const };
    const future = b('2027-01-01T00:00:00+01:00');
    const fill = series('2026-11-25T21:00:00+01:00', 12, 60_000);
    const plan = planPruning([odd, future, ...fill], now, opts);
    expect(plan.keep.map((k) => k.backup)).toContain(odd);
    expect(plan.keep.map((k) => k.backup)).toContain(future);
    // future + 9 newest of fill; fill's newest is also today's newest, the 2 oldest of fill go.
    expect(plan.delete).toEqual(fill.slice(0, 3));
  });

  it('gives the same answer whatever the input order', () => {
    const all = [...series('2026-11-20T12:00:00+01:00', 30, 7 * HOUR), b('2026-01-01T00:00:00+01:00', 'manuel')];
    const shuffled = [...all].reverse();
    expect(names(backupsToDelete(all, now, opts))).toEqual(names(backupsToDelete(shuffled, now, opts)));
  });
});

describe('planPruning and the work a copy holds (issue #11)', () => {
  const now = new Date('2026-11-25T21:40:00+01:00');
  const withRows = (c: PruningCandidate, workRows: number) => ({ ...c, workRows });

  it('keeps the copy holding the most work, however many newer copies there are', () => {
    const rich = withRows(b('2026-09-01T10:00:00+02:00'), 5000);
    const newer = series('2026-11-25T21:00:00+01:00', 40, HOUR).map((c) => withRows(c, 3));
    const plan = planPruning([rich, ...newer], now, opts);
    expect(plan.keep.find((k) => k.backup === rich)?.reasons).toEqual(['mest-data']);
    // Of equals, the newest is the one kept for its work.
    const equal = [withRows(b('2026-08-01T10:00:00+02:00'), 7), withRows(b('2026-08-02T10:00:00+02:00'), 7)];
    const kept = planPruning([...equal, ...newer], now, opts).keep.filter((k) => k.reasons.includes('mest-data'));
    expect(kept.map((k) => k.backup)).toEqual([equal[1]]);
  });

  it('does not count copies of an empty database towards the ten newest or a day’s newest', () => {
    // Eleven starts on an emptied file the same evening, after ten good copies over the last hours.
    const good = series('2026-11-25T18:00:00+01:00', 10, HOUR).map((c, i) => withRows(c, 100 + i));
    const empty = series('2026-11-25T21:30:00+01:00', 11, 60_000).map((c) => withRows(c, 0));
    const plan = planPruning([...good, ...empty], now, opts);
    expect(names(plan.delete)).toEqual(names([empty[0] as PruningCandidate]));
    for (const g of good) expect(plan.keep.some((k) => k.backup === g)).toBe(true);
    // The day's newest is the newest copy with work, not the last empty one.
    const daily = plan.keep.filter((k) => k.reasons.includes('dagens-nyeste')).map((k) => k.backup);
    expect(daily).toContain(good[good.length - 1]);
    expect(daily.some((d) => empty.includes(d as (typeof empty)[number]))).toBe(false);
  });
});
