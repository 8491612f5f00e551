import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementByQuestion, areaTotals, developmentByQuarter } from '../../shared/domain/comparison';
import { shareOf } from '../../shared/domain/results';

// The department's development through the year (issue #15): every round in the quarter its period ends in, an
// enhed's rounds of one quarter added up, the area all of them added up.

type Measure = { key: string; met: number; applicable: number; target: number | null };
const round = (
  enhedId: number,
  enhed: string,
  periodeTil: string,
  met: number,
  applicable: number,
  measures: Measure[] = [],
) => ({ enhedId, enhed, periodeTil, overall: shareOf(met, applicable), measures });
const KRAV = [
  { key: 'plan', number: '1.1', text: 'Plan' },
  { key: 'frist', number: '1.2', text: 'Frist' },
];

describe('the development by quarter', () => {
  it('counts each round in the quarter its period ends in, adding up what falls in one', () => {
    const d = developmentByQuarter(
      [
        round(2, 'Team Syd', '2026-03-31', 6, 10),
        round(1, 'Team Nord', '2026-03-31', 8, 10),
        round(1, 'Team Nord', '2026-06-30', 9, 10),
        round(1, 'Team Nord', '2026-05-15', 1, 10),
        round(2, 'Team Syd', '2026-12-31', 10, 10),
      ],
      KRAV,
    );
    expect(d.enheder.map((e) => [e.enhed, e.quarters.map((q) => q && `${q.met}/${q.applicable}`)])).toEqual([
      ['Team Nord', ['8/10', '10/20', null, null]],
      ['Team Syd', ['6/10', null, null, '10/10']],
    ]);
    expect(d.area.map((q) => q && `${q.met}/${q.applicable}`)).toEqual(['14/20', '10/20', null, '10/10']);
  });

  it('keeps every sag: the area of a quarter is the sum of its enheder (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            enhedId: fc.integer({ min: 1, max: 4 }),
            month: fc.integer({ min: 1, max: 12 }),
            applicable: fc.integer({ min: 0, max: 30 }),
            met: fc.integer({ min: 0, max: 30 }),
          }),
          { maxLength: 20 },
        ),
        (rows) => {
          const rounds = rows.map((r) =>
            round(
              r.enhedId,
              `Team ${r.enhedId}`,
              `2026-${String(r.month).padStart(2, '0')}-01`,
              Math.min(r.met, r.applicable),
              r.applicable,
            ),
          );
          const d = developmentByQuarter(rounds, KRAV);
          for (let q = 0; q < 4; q++) {
            const sum = d.enheder.reduce((n, e) => n + (e.quarters[q]?.applicable ?? 0), 0);
            expect(d.area[q]?.applicable ?? 0).toBe(sum);
          }
          const total = rounds.reduce((n, r) => n + r.overall.applicable, 0);
          expect(d.area.reduce((n, s) => n + (s?.applicable ?? 0), 0)).toBe(total);
        },
      ),
    );
  });
});

describe('the development krav by krav', () => {
  it('adds each krav up per quarter and measures it by the måltal of the time, when the rounds share one', () => {
    const m = (key: string, met: number, applicable: number, target: number | null) => ({
      key,
      met,
      applicable,
      target,
    });
    const d = developmentByQuarter(
      [
        // Q1: both teams measured against the step of 31.03 (80 %); Q2: Team Syd already against 90 %.
        round(1, 'Team Nord', '2026-03-31', 0, 0, [m('plan', 7, 10, 80), m('frist', 4, 4, null)]),
        round(2, 'Team Syd', '2026-03-31', 0, 0, [m('plan', 10, 10, 80)]),
        round(1, 'Team Nord', '2026-06-30', 0, 0, [m('plan', 9, 10, 80)]),
        round(2, 'Team Syd', '2026-06-30', 0, 0, [m('plan', 8, 10, 90), m('frist', 0, 0, 90)]),
      ],
      KRAV,
    );
    const said = d.krav.map((k) => [k.key, k.quarters.map((q) => q && [q.met, q.applicable, q.target, q.belowTarget])]);
    expect(said).toEqual([
      ['plan', [[17, 20, 80, false], [17, 20, null, null], null, null]],
      // A krav that did not apply in a round (0 of 0) says nothing about its måltal.
      ['frist', [[4, 4, null, null], null, null, null]],
    ]);
  });
});

describe('the whole area', () => {
  const cell = (met: number, applicable: number, target: number | null) => ({
    ...shareOf(met, applicable),
    target,
    belowTarget: target === null ? null : (met / applicable) * 100 < target,
  });
  const columns = [{ overall: shareOf(8, 10) }, { overall: shareOf(3, 10) }] as never;

  it('adds up the enheder and measures the krav by the måltal they share, and by none where they differ', () => {
    const area = areaTotals({
      columns,
      rows: [
        { key: 'a', number: '1.1', text: 'A', cells: [cell(9, 10, 90), cell(7, 10, 90)] },
        { key: 'b', number: '1.2', text: 'B', cells: [cell(9, 10, 80), cell(7, 10, 90)] },
        { key: 'c', number: '1.3', text: 'C', cells: [cell(5, 5, 80), null] },
      ],
    });
    expect(area.overall).toMatchObject({ met: 11, applicable: 20 });
    expect(area.rows.map((r) => r && [r.met, r.applicable, r.target, r.belowTarget])).toEqual([
      [16, 20, 90, true],
      [16, 20, null, null],
      [5, 5, 80, false],
    ]);
  });
});

describe('agreement by question over the year', () => {
  const pair = (key: string, first: string, second: string) => ({ key, question: `Spørgsmål ${key}`, first, second });
  it('adds the rounds’ pairs up per question and quarter, the least alike first', () => {
    const rows = agreementByQuestion([
      { periodeTil: '2026-03-31', pairs: [pair('a', 'ja', 'ja'), pair('a', 'nej', 'nej'), pair('b', 'ja', 'nej')] },
      { periodeTil: '2026-06-30', pairs: [pair('a', 'ja', 'nej'), pair('b', 'ja', 'ja')] },
      { periodeTil: '2026-06-30', pairs: [] },
    ]);
    expect(rows.map((r) => [r.key, r.overall.n, r.overall.agreed])).toEqual([
      ['b', 2, 1],
      ['a', 3, 2],
    ]);
    expect(rows[1]?.quarters.map((q) => q && [q.n, q.agreed])).toEqual([[2, 2], [1, 0], null, null]);
  });
});
