import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerRecord, asksReason, shownReason, unmetRequirements } from '../../shared/domain/review';
import { scoreAnswer } from '../../shared/domain/scoring';
import { JND_OPTIONS, type Question, templateContentSchema } from '../../shared/domain/template';

// A reason the leader wrote stays stored when a later answer hides its field (it returns with the answer it
// belonged to), but what the review no longer shows must not reach the caseworker's note or the Excel sheet.
const content = templateContentSchema.parse({
  dateFields: [
    { key: 'fra', label: 'Kommunen blev opmærksom' },
    { key: 'til', label: 'Undersøgelsen afsluttet' },
  ],
  sections: [
    {
      key: 's',
      title: 'Undersøgelse',
      questions: [
        {
          key: 'samtale',
          text: 'Er der holdt børnesamtale?',
          category: 'lovmedholdelighed',
          answerType: 'jnd',
          options: JND_OPTIONS,
          reasonRequiredOnNegative: true,
        },
        {
          key: 'frist',
          text: 'Er undersøgelsen afsluttet inden for 4 måneder?',
          category: 'lovmedholdelighed',
          answerType: 'frist',
          frist: { fra: 'fra', til: 'til', graense: 4, enhed: 'maaneder' },
          reasonRequiredOnNegative: true,
        },
      ],
    },
  ],
});
const question = (key: string): Question => {
  const found = content.sections.flatMap((s) => s.questions).find((q) => q.key === key);
  if (!found) throw new Error(key);
  return found;
};
const [samtale, frist] = [question('samtale'), question('frist')];
const late = { fra: '2026-01-05', til: '2026-07-01' };
const HIDDEN = 'Skrevet til det tidligere svar';
const record = (a: Partial<AnswerRecord>): AnswerRecord => ({ note: '', reason: '', ...a });
const unmet = (answers: Record<string, AnswerRecord>, dates: Record<string, string> = late) =>
  unmetRequirements({ content, sectionKeys: null, sagstype: 'Barn', answers, dates });

describe('the reason a report prints for an answer', () => {
  it('is the reason written to a negative answer', () => {
    const answers = { samtale: record({ value: 'nej', reason: 'Ingen samtale i perioden' }) };
    expect(unmet(answers, {})).toEqual([
      expect.objectContaining({ key: 'samtale', reason: 'Ingen samtale i perioden' }),
    ]);
  });

  it('is not the reason kept under a »Ja«, which returns when the answer is »Delvist« again', () => {
    const kept = record({ value: 'ja', reason: HIDDEN });
    expect(shownReason(samtale, kept, {})).toBe('');
    expect(shownReason(samtale, { ...kept, value: 'delvist' }, {})).toBe(HIDDEN);
  });

  it('is the override’s own reason, never the reason the override hid; the note goes beside it as a note', () => {
    // The frist was computed as missed, the leader gave a reason, then judged it herself without a reason.
    const overridden = record({
      reason: HIDDEN,
      note: 'Drøftet med sagsbehandleren',
      override: { outcome: 'ikke_opfyldt', reason: '' },
    });
    expect(unmet({ frist: overridden })).toEqual([
      expect.objectContaining({ key: 'frist', reason: '', note: 'Drøftet med sagsbehandleren' }),
    ]);
    const withReason = { ...overridden, override: { outcome: 'delvist' as const, reason: 'Forlænget efter aftale' } };
    expect(unmet({ frist: withReason })[0]?.reason).toBe('Forlænget efter aftale');
    // Back to the computation: the hidden reason is the one asked for again.
    expect(unmet({ frist: { ...overridden, override: undefined } })[0]?.reason).toBe(HIDDEN);
  });

  it('never holds a reason whose field the review does not show, whatever the answer', () => {
    const answer = fc.record({
      value: fc.constantFrom(undefined, 'ja', 'nej', 'delvist', 'ikke_relevant'),
      note: fc.constantFrom('', 'Note'),
      reason: fc.constant(HIDDEN),
      override: fc.option(
        fc.record({
          outcome: fc.constantFrom('opfyldt' as const, 'delvist' as const, 'ikke_opfyldt' as const),
          reason: fc.constantFrom('', 'Aftalt'),
        }),
        { nil: undefined },
      ),
    });
    const dates = fc.constantFrom({}, late, { fra: '2026-01-05', til: '2026-02-01' });
    fc.assert(
      fc.property(answer, answer, dates, (a, f, d) => {
        const printed = unmet({ samtale: a, frist: { ...f, value: undefined } }, d);
        for (const u of printed) {
          const q = u.key === 'samtale' ? samtale : frist;
          const given = u.key === 'samtale' ? a : f;
          // The reason field is on screen exactly when asksReason says so (ReviewQuestion reads the same rule).
          const visible = asksReason(q, given, scoreAnswer(q, given, d).outcome);
          if (!visible) expect(u.reason).not.toBe(HIDDEN);
        }
      }),
    );
  });
});
