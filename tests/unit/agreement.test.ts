import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementInWords, agreementOf, kappaReading, type RatedPair } from '../../shared/domain/agreement';

// Agreement between two reviewers (issue #16), on tables computed by hand.
const table = (cells: [string, string, number][]): RatedPair[] =>
  cells.flatMap(([first, second, count]) => Array.from({ length: count }, () => ({ first, second })));

describe('agreementOf', () => {
  it('matches a kappa computed by hand: 20 ja/ja, 5 ja/nej, 10 nej/ja, 15 nej/nej', () => {
    // pₒ = 35/50 = 0.70; first says ja 25/50, second ja 30/50; pₑ = 0.5·0.6 + 0.5·0.4 = 0.50; κ = 0.20/0.50 = 0.40.
    const a = agreementOf(
      table([
        ['ja', 'ja', 20],
        ['ja', 'nej', 5],
        ['nej', 'ja', 10],
        ['nej', 'nej', 15],
      ]),
    );
    expect(a).toMatchObject({ n: 50, agreed: 35, categories: 2, percent: 0.7 });
    expect(a.kappa).toBeCloseTo(0.4, 10);
    expect(a.reading).toBe('svag enighed');
    expect(agreementInWords(a)).toBe('70 % enige (35 af 50), kappa 0,40: svag enighed');
  });

  it('with three categories: ja, delvist, nej', () => {
    // Diagonal 10 + 5 + 10 = 25 of 30: pₒ = 0.83333. Margins first (ja 12, delvist 6, nej 12), second (12, 8, 10);
    // pₑ = (12·12 + 6·8 + 12·10) / 900 = 312/900 = 0.34667; κ = (0.83333 − 0.34667) / 0.65333 = 0.74490.
    const a = agreementOf(
      table([
        ['ja', 'ja', 10],
        ['ja', 'delvist', 2],
        ['delvist', 'ja', 1],
        ['delvist', 'delvist', 5],
        ['nej', 'ja', 1],
        ['nej', 'delvist', 1],
        ['nej', 'nej', 10],
      ]),
    );
    expect(a).toMatchObject({ n: 30, agreed: 25, categories: 3 });
    expect(a.kappa).toBeCloseTo(0.7449, 4);
    expect(a.reading).toBe('god enighed');
  });

  it('is perfect and undefined at once when both used one answer only, and says why', () => {
    const a = agreementOf(table([['ja', 'ja', 12]]));
    expect(a).toMatchObject({ n: 12, agreed: 12, categories: 1, percent: 1, kappa: null });
    expect(a.reading).toBe('fuld enighed, men kun én svarmulighed brugt');
  });

  it('handles n = 1 and n = 0, and says when there are few pairs', () => {
    expect(agreementOf(table([['ja', 'nej', 1]])).reading).toBe(
      'ingen enighed ud over tilfældighed (få par: usikkert)',
    );
    expect(agreementOf(table([['ja', 'ja', 1]]))).toMatchObject({ n: 1, percent: 1, kappa: null });
    expect(agreementOf(table([['ja', 'nej', 1]]))).toMatchObject({ n: 1, percent: 0, kappa: 0 });
    expect(agreementOf([])).toMatchObject({ n: 0, percent: null, kappa: null, reading: 'ingen sager bedømt af begge' });
  });

  it('is 1 on perfect agreement over two categories, and negative when they always differ', () => {
    expect(
      agreementOf(
        table([
          ['ja', 'ja', 5],
          ['nej', 'nej', 5],
        ]),
      ).kappa,
    ).toBeCloseTo(1, 10);
    const opposite = agreementOf(
      table([
        ['ja', 'nej', 5],
        ['nej', 'ja', 5],
      ]),
    );
    expect(opposite.kappa).toBeCloseTo(-1, 10);
    expect(opposite.reading).toBe('ingen enighed ud over tilfældighed');
  });

  it('reads kappa by the usual bands', () => {
    expect([null, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9].map(kappaReading)).toEqual([
      'kan ikke beregnes',
      'ingen enighed ud over tilfældighed',
      'meget svag enighed',
      'svag enighed',
      'moderat enighed',
      'god enighed',
      'meget god enighed',
    ]);
  });

  it('is symmetric in the reviewers, kappa never above agreement-allowed bounds (property)', () => {
    const pair = fc.record({
      first: fc.constantFrom('ja', 'nej', 'delvist'),
      second: fc.constantFrom('ja', 'nej', 'delvist'),
    });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 60 }), (pairs) => {
        const a = agreementOf(pairs);
        const b = agreementOf(pairs.map((p) => ({ first: p.second, second: p.first })));
        expect(b.percent).toBe(a.percent);
        if (a.kappa === null) expect(b.kappa).toBeNull();
        else {
          expect(b.kappa).toBeCloseTo(a.kappa, 10);
          expect(a.kappa).toBeLessThanOrEqual(1 + 1e-12);
          expect(a.kappa).toBeGreaterThanOrEqual(-1 - 1e-12);
          // Agreeing on every pair gives kappa 1 whenever kappa is defined.
          if (a.percent === 1) expect(a.kappa).toBeCloseTo(1, 10);
        }
      }),
    );
  });
});
