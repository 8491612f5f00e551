import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerRecord, ReviewContext } from '../../shared/domain/review';
import { createProgressMemo, reviewProgress } from '../../shared/domain/review-progress';
import { JND_OPTIONS, type TemplateContentInput, templateContentSchema } from '../../shared/domain/template';
import { answerRecord } from '../support/answer-arbitraries';

type Rules = TemplateContentInput['sections'][number]['rules'];
const jnd = (key: string, rules: Rules = [], extra = {}) => ({
  key,
  text: `Spørgsmål ${key}`,
  category: 'lovmedholdelighed' as const,
  answerType: 'jnd' as const,
  options: JND_OPTIONS,
  reasonRequiredOnNegative: true,
  rules,
  ...extra,
});
const frist = { fra: 'opmaerksom', til: 'afsluttet', graense: 4, enhed: 'maaneder' as const };

// Every kind of rule the progress depends on: answers (chained), sagstype, a date, and frist and tekst questions.
const content = templateContentSchema.parse({
  dateFields: [
    { key: 'opmaerksom', label: 'Kommunen blev opmærksom' },
    { key: 'afsluttet', label: 'Undersøgelsen afsluttet' },
  ],
  sections: [
    {
      key: 'a',
      title: 'Undersøgelse',
      questions: [
        jnd('a1'),
        jnd('a2', [{ type: 'svar', question: 'a1', anyOf: ['ja'] }]),
        jnd('a3', [{ type: 'svar', question: 'a2', anyOf: ['ja', 'delvist'] }]),
        jnd('a4'),
        { ...jnd('a5'), answerType: 'frist', options: [], frist },
        { ...jnd('a6'), answerType: 'tekst', options: [] },
      ],
    },
    {
      key: 'b',
      title: 'Ungeplan',
      rules: [{ type: 'sagstype', anyOf: ['Ung'] }],
      questions: [jnd('b1'), jnd('b2', [], { reasonRequiredOnNegative: false })],
    },
    {
      key: 'c',
      title: 'Nye regler',
      questions: [
        jnd('c1', [{ type: 'dato', felt: 'opmaerksom', fra: '2024-01-01' }]),
        jnd('c2', [{ type: 'dato', felt: 'opmaerksom', foer: '2024-01-01' }]),
        jnd('c3'),
      ],
    },
  ],
});
const KEYS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b1', 'b2', 'c1', 'c2', 'c3'];

const answer: fc.Arbitrary<AnswerRecord | undefined> = fc.oneof(
  fc.constant(undefined),
  answerRecord(['ja', 'nej', 'delvist', 'ikke_relevant', '', 'fritekst']),
);
const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('answer' as const), key: fc.constantFrom(...KEYS), answer }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('date' as const),
      key: fc.constantFrom('opmaerksom', 'afsluttet'),
      value: fc.constantFrom(undefined, '2023-05-01', '2024-03-01', '2024-06-30', 'ikke en dato'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('reason' as const),
      key: fc.constantFrom(...KEYS),
      value: fc.constantFrom('', '  ', 'Planen manglede'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('override' as const),
      key: fc.constantFrom('a5', 'a4'),
      value: fc.option(
        fc.record({
          outcome: fc.constantFrom('opfyldt' as const, 'ikke_opfyldt' as const),
          reason: fc.constantFrom('', 'Aftalt'),
        }),
        {
          nil: undefined,
        },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('sagstype' as const), value: fc.constantFrom('Ung', 'Barn') }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('afsnit' as const),
      value: fc.constantFrom(null, ['a'], ['a', 'c'], ['b', 'c']),
    }),
  },
);

describe('the progress of a save, worked out from the last save', () => {
  it('equals the progress worked out whole after any sequence of changes, on any of several sager', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ sag: fc.integer({ min: 1, max: 3 }), step }), { maxLength: 60 }), (steps) => {
        const memo = createProgressMemo();
        const sager = new Map<number, ReviewContext>();
        for (const { sag, step: s } of steps) {
          const was = sager.get(sag) ?? { content, sectionKeys: null, sagstype: 'Barn', answers: {}, dates: {} };
          // Each save hands over new objects, as the backend does; the memo must not lean on the old ones.
          const old = s.kind === 'reason' || s.kind === 'override' ? was.answers[s.key] : undefined;
          const ctx: ReviewContext =
            s.kind === 'answer'
              ? { ...was, answers: { ...was.answers, [s.key]: s.answer } }
              : s.kind === 'reason' || s.kind === 'override'
                ? {
                    ...was,
                    answers: {
                      ...was.answers,
                      // Only the reason, or only the override, of the answer already given changes.
                      [s.key]: {
                        ...(old ?? { value: 'nej', note: '', reason: '' }),
                        ...(s.kind === 'reason' ? { reason: s.value } : { override: s.value }),
                      },
                    },
                  }
                : s.kind === 'date'
                  ? { ...was, dates: { ...was.dates, [s.key]: s.value } }
                  : s.kind === 'sagstype'
                    ? { ...was, sagstype: s.value }
                    : { ...was, sectionKeys: s.value };
          sager.set(sag, ctx);
          expect(memo.progress(String(sag), ctx)).toEqual(reviewProgress(ctx));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is not fooled when the caller changes the answers it handed over after the call', () => {
    const memo = createProgressMemo();
    const answers: Record<string, AnswerRecord> = { a4: { value: 'ja', note: '', reason: '' } };
    const ctx: ReviewContext = { content, sectionKeys: null, sagstype: 'Barn', answers, dates: {} };
    const before = memo.progress('1', ctx).answered;
    answers.a4 = { value: 'nej', note: '', reason: '' };
    answers.c3 = { value: 'ja', note: '', reason: '' };
    const after = memo.progress('1', ctx);
    expect(after).toEqual(reviewProgress(ctx));
    // a4 now lacks its reason, c3 is answered: the count is the same but the missing items differ.
    expect(after.answered).toBe(before);
    expect(after.missing.map((m) => m.key)).toContain('a4');
    expect(after.missing.map((m) => m.key)).not.toContain('c3');
  });

  it('sees a reason or an override given to an answer whose value stays the same', () => {
    const memo = createProgressMemo();
    const at = (a4: AnswerRecord, a5?: AnswerRecord): ReviewContext => ({
      content,
      sectionKeys: null,
      sagstype: 'Barn',
      answers: { a4, ...(a5 && { a5 }) },
      dates: {},
    });
    const missing = (ctx: ReviewContext) => memo.progress('1', ctx).missing.map((m) => m.key);
    expect(missing(at({ value: 'nej', note: '', reason: '' }))).toContain('a4');
    expect(missing(at({ value: 'nej', note: '', reason: 'Planen manglede' }))).not.toContain('a4');
    expect(missing(at({ value: 'nej', note: '', reason: ' ' }))).toContain('a4');
    const overridden = { note: '', reason: '', override: { outcome: 'opfyldt' as const, reason: '' } };
    expect(missing(at({ value: 'ja', note: '', reason: '' }, overridden))).toContain('a5');
    const explained = { ...overridden, override: { outcome: 'opfyldt' as const, reason: 'Aftalt med familien' } };
    expect(missing(at({ value: 'ja', note: '', reason: '' }, explained))).not.toContain('a5');
  });

  it('holds no more sager than its limit, and still answers right for those it let go', () => {
    const memo = createProgressMemo(2);
    const ctx = (n: number): ReviewContext => ({
      content,
      sectionKeys: null,
      sagstype: 'Barn',
      answers: { a1: { value: n % 2 ? 'ja' : 'nej', note: '', reason: 'x' } },
      dates: {},
    });
    for (let n = 0; n < 10; n++) expect(memo.progress(String(n % 5), ctx(n))).toEqual(reviewProgress(ctx(n)));
  });
});
