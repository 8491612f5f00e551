import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addFigures,
  bundleCoverageSchema,
  type CoverageFigure,
  figureInWords,
  figureOf,
  figurePeriods,
  figureProblem,
} from '../../shared/domain/coverage-figures';

// Coverage as counts for the department (issue #15): one caseworker however she is written, the periods a pakke
// counts, and the sum over enheder.

const Q1 = { fra: '2026-01-01', til: '2026-03-31' };
const rounds = { runder: 1, runderUdenSager: 0 };

describe('a coverage figure', () => {
  it('counts a caseworker once however her name is written, and one not on the lists who was reviewed', () => {
    const f = figureOf(
      Q1,
      { caseworkers: ['Bo Nielsen', 'Anna Holm', 'Kim Berg'], sagstyper: ['§ 76', '§ 52'] },
      [
        { sagsbehandler: 'bo  nielsen', sagstype: '§ 76', periodeTil: '2026-03-31' },
        { sagsbehandler: 'BO NIELSEN\u200b', sagstype: '§ 76', periodeTil: '2026-03-31' },
        { sagsbehandler: 'Ole Vik', sagstype: '§ 52', periodeTil: '2026-02-28' },
        // Still under review: coverage to come, not counted.
        { sagsbehandler: 'Anna Holm', sagstype: '§ 52', periodeTil: '2026-03-31', faerdig: false },
      ],
      rounds,
    );
    expect(f).toMatchObject({ sagsbehandlere: 4, sagsbehandlereDaekket: 2, sagstyper: 2, sagstyperDaekket: 2 });
    expect(figureInWords(f)).toBe('2 af 4');
  });

  it('says nothing where every round lacks its sager', () => {
    const f = figureOf(Q1, { caseworkers: [], sagstyper: [] }, [], { runder: 2, runderUdenSager: 2 });
    expect(figureInWords(f)).toBe('–');
    expect(addFigures([f, null], Q1)).toBeNull();
  });

  it('is counted for each quarter and each year the rounds end in', () => {
    expect(figurePeriods(['2026-03-31', '2026-03-15', '2027-01-31'])).toEqual([
      Q1,
      { fra: '2026-01-01', til: '2026-12-31' },
      { fra: '2027-01-01', til: '2027-03-31' },
      { fra: '2027-01-01', til: '2027-12-31' },
    ]);
  });

  it('adds up to no more reached than there are, and each round end lies in one quarter and one year', () => {
    const figure = fc
      .record({ total: fc.nat(50), reached: fc.nat(50), types: fc.nat(9), runder: fc.integer({ min: 1, max: 5 }) })
      .map(
        (r): CoverageFigure => ({
          ...Q1,
          sagsbehandlere: r.total,
          sagsbehandlereDaekket: Math.min(r.reached, r.total),
          sagstyper: r.types,
          sagstyperDaekket: r.types,
          runder: r.runder,
          runderUdenSager: 0,
        }),
      );
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 40 }), (figures) => {
        const sum = addFigures(figures, Q1);
        if (figures.length === 0) return sum === null;
        return (
          sum !== null &&
          sum.sagsbehandlereDaekket <= sum.sagsbehandlere &&
          sum.sagsbehandlere === figures.reduce((n, f) => n + f.sagsbehandlere, 0)
        );
      }),
    );
    const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 10 }), (days) => {
        const ends = days.map((d) => d.toISOString().slice(0, 10));
        const periods = figurePeriods(ends);
        return ends.every((e) => periods.filter((p) => p.fra <= e && e <= p.til).length === 2);
      }),
    );
  });

  it('travels as counts only: a name, a hidden field or a count that is no count is refused', () => {
    const ok = {
      enhed: [{ navn: 'Team Nord', niveau: 'team' }],
      kilde: '3f0c8d5e-4c1a-4b8e-9d7a-2b6f1e0a9c11',
      beregnet: '2026-04-02T10:00:00.000Z',
      ...Q1,
      sagsbehandlere: 5,
      sagsbehandlereDaekket: 3,
      sagstyper: 2,
      sagstyperDaekket: 1,
      runder: 1,
      runderUdenSager: 0,
    };
    expect(bundleCoverageSchema.safeParse([ok]).success).toBe(true);
    for (const bad of [
      { ...ok, navne: ['Bo Nielsen'] },
      { ...ok, sagsbehandlere: -1 },
      { ...ok, sagsbehandlere: 2.5 },
      { ...ok, enhed: [{ navn: ' ', niveau: 'team' }] },
      { ...ok, kilde: 'Bo Nielsen' },
    ])
      expect(bundleCoverageSchema.safeParse([bad]).success, JSON.stringify(bad)).toBe(false);
    // Counts that do not add up, or a period that is no quarter or year of the enhed's rounds in the pakke.
    const ends = ['2026-03-31'];
    expect(figureProblem(ok, ends)).toBeNull();
    expect(figureProblem({ ...ok, sagsbehandlereDaekket: 6 }, ends)).toMatch(/flere sagsbehandlere/);
    expect(figureProblem({ ...ok, sagstyperDaekket: 3 }, ends)).toMatch(/flere sagstyper/);
    expect(figureProblem({ ...ok, runderUdenSager: 2 }, ends)).toMatch(/flere runder uden sager/);
    expect(figureProblem({ ...ok, fra: '2026-04-01', til: '2026-06-30' }, ends)).toMatch(/ikke er et kvartal/);
    expect(figureProblem({ ...ok, fra: '2026-01-15', til: '2026-02-10' }, ends)).toMatch(/ikke er et kvartal/);
    expect(figureProblem({ ...ok, fra: '2026-01-01', til: '2026-12-31' }, ends)).toBeNull();
    // An enhed's name is read as an enhed's name is kept: invisible characters do not make a second »Team Nord«.
    const hidden = bundleCoverageSchema.parse([{ ...ok, enhed: [{ navn: 'Team\u202e Nord', niveau: 'team' }] }]);
    expect(hidden[0]?.enhed[0]?.navn).toBe('Team Nord');
  });
});
