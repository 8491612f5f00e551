import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cprProblems, cprProblemsInFull } from '../../shared/domain/cpr-guard';

// Every saved answer passes the CPR guard whole (issue #18): a value whose strings are ASCII and hold fewer than ten
// digits and look-alike letters between them is let go without the search. Letting it go must never change the
// answer, and a number split over fields, or glued into an entry's name, is still refused.
describe('the CPR guard let past values that cannot hold a CPR number', () => {
  const piece = fc.constantFrom(
    ...'0123456789oOiIlx -./:'.split(''),
    '0101',
    '90',
    '1234',
    '010190',
    '31.12.',
    '2024-01-01',
    'ja',
    'q-12',
    'leder',
    'Set i journalen.',
    'é',
    '٠١',
    '⑩',
    '\u200b',
  );
  const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.integer(),
      fc.constant(null),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(text, tie('node'), { maxKeys: 4 }),
    ),
  })).node;

  it('finds exactly what the full search finds (property)', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(cprProblems(v)).toEqual(cprProblemsInFull(v));
      }),
      { numRuns: 5000 },
    );
  });

  it('still refuses a number split over the fields of a saved answer, or in an entry’s name', () => {
    const saved = { sagId: 7, key: 'q-12', rolle: 'leder', value: 'ja' };
    expect(cprProblems(saved)).toEqual([]);
    expect(cprProblems({ ...saved, note: '010190', reason: '1234' })).toHaveLength(1);
    expect(cprProblems({ ...saved, note: 'Født O1O19O-l234' })).toHaveLength(1);
    expect(cprProblems({ answers: { '0101901234': 'ja' } })).toHaveLength(1);
    // Nine digits in all: nothing can be found, the search is not asked.
    expect(cprProblems({ ...saved, note: '010190', reason: '1' })).toEqual([]);
  });
});
