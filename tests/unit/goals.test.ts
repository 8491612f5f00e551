import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetFor, targetInWords, withGoals } from '../../shared/domain/goals';
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
