import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cprProblems, cprProblemsInBoxes, cprProblemsInFull, cprRefusal } from '../../shared/domain/cpr-guard';
import { answerBoxes } from '../../shared/domain/review';

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

  it('finds a number split over any two boxes of an answer, whichever are next to each other (property)', () => {
    const boxes = ['value', 'override', 'reason', 'note'] as const;
    const word = fc.constantFrom('', 'Planen', 'ja', 'Se journalen', 'Aftalt med familien');
    fc.assert(
      fc.property(
        fc.constantFrom('0101901234', '3112851234', '150505-4321'),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(...boxes),
        fc.constantFrom(...boxes),
        fc.record({ value: word, override: word, reason: word, note: word }),
        (cpr, at, first, second, rest) => {
          fc.pre(first !== second);
          const texts: Record<string, string> = {
            ...rest,
            [first]: `Født ${cpr.slice(0, at)}`,
            [second]: cpr.slice(at),
          };
          const answer = {
            value: texts.value,
            note: texts.note,
            reason: texts.reason,
            override: { outcome: 'ikke_opfyldt' as const, reason: texts.override ?? '' },
          };
          expect(cprProblemsInBoxes(answerBoxes(answer)).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('names the boxes a number is split over as a Danish list', () => {
    const problems = cprProblemsInBoxes([
      ['override.reason', 'Født 0101'],
      ['reason', '90'],
      ['note', '-1234'],
    ]);
    expect(cprRefusal(problems, 'der gemmes').message).toMatch(
      /^Begrundelsen for at tilsidesætte fristen, Begrundelsen og Noten indeholder tilsammen noget, der ligner et CPR-nummer/,
    );
  });
});
