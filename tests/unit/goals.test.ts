import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectToTarget, targetFor, targetInWords, withGoals } from '../../shared/domain/goals';
import { type MeasureResult, type TilsynResults, withLinkedKeys } from '../../shared/domain/results';

// Seed 004: »80 % by the end of 2017, at least 90 % by the end of Q1 2018«.
const STEPS = [
  { dato: '2018-03-31', maaltal: 90 },
  { dato: '2017-12-31', maaltal: 80 },
];

describe('dated måltal', () => {
  it('measures a round against the first step on or after the day its period ends, the last one after them all', () => {
    expect(targetFor(STEPS, 100, '2017-09-30')).toEqual({ target: 80, due: '2017-12-31' });
    expect(targetFor(STEPS, 100, '2017-12-31')).toEqual({ target: 80, due: '2017-12-31' });
    expect(targetFor(STEPS, 100, '2018-01-01')).toEqual({ target: 90, due: '2018-03-31' });
    expect(targetFor(STEPS, 100, '2019-06-30')).toEqual({ target: 90, due: '2018-03-31' });
    expect(targetFor([], 100, '2019-06-30')).toEqual({ target: 100, due: null });
  });

  it('never measures against a step whose date lies before one it skipped', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dato: fc
              .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
              .map((d) => d.toISOString().slice(0, 10)),
            maaltal: fc.integer({ min: 0, max: 100 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.date({ min: new Date('2019-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }),
        (steps, end) => {
          const roundEnd = end.toISOString().slice(0, 10);
          const { due } = targetFor(steps, null, roundEnd);
          const dates = steps.map((s) => s.dato).sort();
          const later = dates.filter((d) => d >= roundEnd);
          expect(due).toBe(later[0] ?? dates[dates.length - 1]);
        },
      ),
    );
  });

  it('marks a krav below the dated måltal, and leaves krav without a goal as the skabelon says', () => {
    const measure = (key: string, share: number, target: number): MeasureResult =>
      ({ key, share, target, belowTarget: share * 100 < target }) as MeasureResult;
    const results = { measures: [measure('a', 0.85, 100), measure('b', 0.85, 100)] } as TilsynResults;
    const [a, b] = withGoals(results, [{ key: 'a', steps: STEPS, indikator: '', metode: '' }], '2017-09-30').measures;
    expect(a).toMatchObject({ target: 80, targetDue: '2017-12-31', belowTarget: false });
    expect(b).toMatchObject({ target: 100, belowTarget: true });
    expect(b?.targetDue).toBeUndefined();
    expect(targetInWords(87.5, '2018-03-31')).toBe('Måltal 87,5 % senest 31.03.2018');
  });
});

describe('renamed krav', () => {
  it('follow a chain of links to the last key, and stop where a ring of links began', () => {
    const results = { measures: [{ key: 'a' }, { key: 'x' }] } as TilsynResults;
    const chained = withLinkedKeys(
      results,
      new Map([
        ['a', 'b'],
        ['b', 'c'],
      ]),
    );
    expect(chained.measures.map((m) => m.key)).toEqual(['c', 'x']);
    const ring = withLinkedKeys(
      results,
      new Map([
        ['a', 'b'],
        ['b', 'a'],
      ]),
    );
    expect(ring.measures.map((m) => m.key)).toEqual(['b', 'x']);
  });
});

describe('on track for the next dated måltal', () => {
  // Quarterly rounds; the måltal of 90 % is due at the end of the year.
  const at = (...shares: number[]) =>
    shares.map((share, i) => ({
      periodeTil: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][i] ?? '',
      share,
    }));

  it('carries the line through the latest rounds on to the måltal’s date (hand-computed)', () => {
    // 60 % then 70 % 91 days later: 10/91 points a day, 184 days on to 31.12 → 70 + 184·10/91 = 90.22 %.
    const rising = projectToTarget(at(0.6, 0.7), 90, '2026-12-31');
    expect(rising?.onTrack).toBe(true);
    expect(rising?.projected).toBeCloseTo(90.22, 2);
    expect(rising?.rounds).toBe(2);
    // 60 % then 62 %: 62 + 184·2/91 = 66.04 % — not on track.
    const flat = projectToTarget(at(0.6, 0.62), 90, '2026-12-31');
    expect(flat).toMatchObject({ onTrack: false, due: '2026-12-31' });
    expect(flat?.projected).toBeCloseTo(66.04, 2);
    // Three rounds 50, 70, 60 (x = -183, -92, 0): the least-squares slope is 900/16_746 a day.
    const three = projectToTarget(at(0.5, 0.7, 0.6), 90, '2027-03-31');
    const slope = ((-183 + 91.67) * -10 + (-92 + 91.67) * 10 + 91.67 * 0) / 16_746.67;
    expect(three?.projected).toBeCloseTo(60 + slope * (91.67 + 182), 0);
  });

  it('stays within 0-100 %, and says nothing where there is nothing to say', () => {
    expect(projectToTarget(at(0.1, 0.9), 95, '2026-12-31')?.projected).toBe(100);
    expect(projectToTarget(at(0.9, 0.1), 95, '2026-12-31')?.projected).toBe(0);
    // Carried no further than twice the rounds' span, and at least a year: not from one quarter to 2099.
    expect(projectToTarget(at(0.6, 0.61), 90, '2027-06-30')).not.toBeNull();
    expect(projectToTarget(at(0.6, 0.61), 90, '2027-07-02')).toBeNull();
    expect(projectToTarget(at(0.6, 0.61), 90, '2099-12-31')).toBeNull();
    // Two rounds a day apart give no direction.
    const dayApart = [
      { periodeTil: '2026-06-29', share: 0.1 },
      { periodeTil: '2026-06-30', share: 0.2 },
    ];
    expect(projectToTarget(dayApart, 90, '2026-07-05')).toBeNull();
    // Already at the måltal, one round only, a due date not after the newest round, or no måltal.
    expect(projectToTarget(at(0.6, 0.95), 90, '2026-12-31')).toBeNull();
    expect(projectToTarget(at(0.6), 90, '2026-12-31')).toBeNull();
    expect(projectToTarget(at(0.6, 0.7), 90, '2026-06-30')).toBeNull();
    expect(projectToTarget(at(0.6, 0.7), null, '2026-12-31')).toBeNull();
    expect(projectToTarget(at(0.6, 0.7), 90, null)).toBeNull();
    // Two rounds ending the same day give no direction.
    expect(
      projectToTarget(
        [
          { periodeTil: '2026-06-30', share: 0.5 },
          { periodeTil: '2026-06-30', share: 0.6 },
        ],
        90,
        '2026-12-31',
      ),
    ).toBeNull();
  });

  it('follows the latest four rounds, so an old slump does not hide a recovery', () => {
    const points = [
      { periodeTil: '2025-03-31', share: 0.9 },
      { periodeTil: '2025-06-30', share: 0.2 },
      ...at(0.6, 0.65, 0.7, 0.75),
    ];
    const p = projectToTarget(points, 90, '2027-12-31');
    expect(p?.rounds).toBe(4);
    expect(p?.onTrack).toBe(true);
  });

  it('shows a whole percent that never reads as the other verdict', () => {
    // 89,56 % against a måltal of 90: »Ikke på vej: ca. 89 %«, not »ca. 90 %«.
    const below = projectToTarget(at(0.6, 0.7), 90, '2026-12-25');
    expect(below).toMatchObject({ onTrack: false, shown: 89 });
    // 92,9 % against 92,5: »På vej: ca. 93 %«, never »ca. 92 %«.
    const above = projectToTarget(at(0.6, 0.7), 92.5, '2027-01-24');
    expect(above?.onTrack).toBe(true);
    expect(above?.shown).toBeGreaterThanOrEqual(92.5);
  });

  it('never projects outside 0-100 % nor for a krav at its måltal (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { minLength: 0, maxLength: 4 }),
        fc.integer({ min: 0, max: 100 }),
        (shares, target) => {
          const points = shares.map((share, i) => ({ periodeTil: at(0, 0, 0, 0)[i]?.periodeTil ?? '', share }));
          const p = projectToTarget(points, target, '2027-06-30');
          const newest = [...points].reverse().find((x) => x.share !== null);
          if (p) {
            expect(p.projected).toBeGreaterThanOrEqual(0);
            expect(p.projected).toBeLessThanOrEqual(100);
            expect((newest?.share ?? 1) * 100).toBeLessThan(target);
            expect(p.onTrack).toBe(p.projected >= target);
            expect(p.shown >= target).toBe(p.onTrack);
          }
        },
      ),
    );
  });
});
