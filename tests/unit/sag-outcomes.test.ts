import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeResults, type ResultSag } from '../../shared/domain/results';
import type { AnswerRecord } from '../../shared/domain/review';
import { createOutcomeMemo } from '../../shared/domain/sag-outcomes';
import { JND_OPTIONS, type TemplateContentInput, templateContentSchema } from '../../shared/domain/template';
import { answerRecord } from '../support/answer-arbitraries';

// Resultater right after a save scores only the sag that changed (issue #18). Results with the memo must be the
// results worked out whole, whatever changed: an answer, an override, a date, the sagstype, the status, the
// afsnit or the template itself.
type Rules = TemplateContentInput['sections'][number]['rules'];
const jnd = (key: string, rules: Rules = []) => ({
  key,
  text: `Spørgsmål ${key}`,
  category: 'lovmedholdelighed' as const,
  answerType: 'jnd' as const,
  options: JND_OPTIONS,
  target: 80,
  rules,
});
const frist = { fra: 'start', til: 'slut', graense: 4, enhed: 'maaneder' as const };
const template = (extra: boolean) =>
  templateContentSchema.parse({
    dateFields: [
      { key: 'start', label: 'Start' },
      { key: 'slut', label: 'Slut' },
    ],
    sections: [
      {
        key: 'a',
        title: 'Undersøgelse',
        questions: [
          jnd('a1'),
          jnd('a2', [{ type: 'svar', question: 'a1', anyOf: ['ja'] }]),
          { ...jnd('a3'), answerType: 'frist', options: [], frist },
          ...(extra ? [jnd('a4')] : []),
        ],
      },
      { key: 'b', title: 'Unge', rules: [{ type: 'sagstype', anyOf: ['Ung'] }], questions: [jnd('b1')] },
      {
        key: 'c',
        title: 'Nye regler',
        questions: [jnd('c1', [{ type: 'dato', felt: 'start', fra: '2024-01-01' }]), jnd('c2')],
      },
    ],
  });
const CONTENTS = [template(false), template(true)];
const KEYS = ['a1', 'a2', 'a3', 'a4', 'b1', 'c1', 'c2'];

const answer: fc.Arbitrary<AnswerRecord | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: answerRecord(['ja', 'nej', 'delvist', 'ikke_relevant', '']) },
);
const change = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('answer' as const), key: fc.constantFrom(...KEYS), answer }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('date' as const),
      key: fc.constantFrom('start', 'slut'),
      value: fc.constantFrom(undefined, '2023-05-01', '2024-03-01', '2024-09-30'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('override' as const),
      value: fc.option(fc.constantFrom('opfyldt' as const, 'ikke_opfyldt' as const), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('sagstype' as const), value: fc.constantFrom('Ung', 'Barn') }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      value: fc.constantFrom('i_gang' as const, 'faerdig' as const, 'udgaaet' as const),
    }),
  },
);
const withOverride = (a: AnswerRecord | undefined, outcome: 'opfyldt' | 'ikke_opfyldt' | undefined): AnswerRecord => ({
  note: '',
  reason: '',
  ...a,
  override: outcome && { outcome, reason: '' },
});
const call = fc.record({
  sag: fc.integer({ min: 0, max: 2 }),
  change,
  // Mostly the same template and afsnit as the call before: what the memo may take from it.
  content: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) }),
  afsnit: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(['a'], ['a', 'c']) },
  ),
});

describe('the results of a round, from the sager scored last', () => {
  it('equal the results worked out whole after any changes (property)', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 30 }), (calls) => {
        const memo = createOutcomeMemo();
        const sager: ResultSag[] = [0, 1, 2, 3].map((id) => ({
          id,
          sagstype: 'Barn',
          sagsbehandler: `Rådgiver ${id % 2}`,
          team: 'Nord',
          status: 'i_gang',
          answers: {},
          dates: {},
        }));
        for (const c of calls) {
          const was = sager[c.sag] as ResultSag;
          const s = c.change;
          // Each call reads the sager anew, as the store does: new objects, the same values where nothing changed.
          sager[c.sag] =
            s.kind === 'answer'
              ? { ...was, answers: { ...was.answers, [s.key]: s.answer } }
              : s.kind === 'override'
                ? // Only the frist's override changes: its value stays.
                  { ...was, answers: { ...was.answers, a3: withOverride(was.answers.a3, s.value) } }
                : s.kind === 'date'
                  ? { ...was, dates: { ...was.dates, [s.key]: s.value } }
                  : s.kind === 'sagstype'
                    ? { ...was, sagstype: s.value }
                    : { ...was, status: s.value };
          const read = sager.map((x) => ({ ...x, answers: { ...x.answers }, dates: { ...x.dates } }));
          const content = CONTENTS[c.content] ?? CONTENTS[0];
          if (!content) throw new Error('no template');
          expect(computeResults(content, c.afsnit, read, memo)).toEqual(computeResults(content, c.afsnit, read));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('scores again the sag whose answer, or whose frist override alone, changed', () => {
    const content = CONTENTS[0];
    if (!content) throw new Error('no template');
    const memo = createOutcomeMemo();
    const round = (a1: string, a3?: AnswerRecord): ResultSag[] => [
      {
        id: 1,
        sagstype: 'Barn',
        sagsbehandler: 'Anne',
        team: 'Nord',
        status: 'faerdig',
        answers: { a1: { value: a1, note: '', reason: '' }, ...(a3 && { a3 }) },
        dates: {},
      },
    ];
    const met = (sager: ResultSag[], key: string) =>
      computeResults(content, null, sager, memo).measures.find((m) => m.key === key)?.counts;
    expect(met(round('ja'), 'a1')?.opfyldt).toBe(1);
    expect(met(round('nej'), 'a1')?.ikke_opfyldt).toBe(1);
    expect(met(round('nej', withOverride(undefined, 'opfyldt')), 'a3')?.opfyldt).toBe(1);
    expect(met(round('nej', withOverride(undefined, 'ikke_opfyldt')), 'a3')?.ikke_opfyldt).toBe(1);
  });

  it('holds no more sager than its limit, and still answers right for those it let go', () => {
    const content = CONTENTS[0];
    if (!content) throw new Error('no template');
    const memo = createOutcomeMemo(2);
    const round = (value: string): ResultSag[] =>
      [1, 2, 3].map((id) => ({
        id,
        sagstype: 'Barn',
        sagsbehandler: 'Anne',
        team: 'Nord',
        status: 'faerdig',
        answers: { a1: { value: id === 2 ? value : 'ja', note: '', reason: '' } },
        dates: {},
      }));
    for (const value of ['ja', 'nej', 'nej', 'delvist'])
      expect(computeResults(content, null, round(value), memo)).toEqual(computeResults(content, null, round(value)));
  });
});
