// The fingerprint a save answers with (issue #18): the screen merges the save into the sag it holds and compares.
// Equal reviews must read the same however their objects were built; any change of an answer or a date must not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerRecord, reviewFingerprint } from '../../shared/domain/review';

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const record: fc.Arbitrary<AnswerRecord> = fc.record({
  value: fc.option(fc.constantFrom('ja', 'nej', 'delvist', 'ikke_relevant', ''), { nil: undefined }),
  note: text,
  reason: text,
  override: fc.option(fc.record({ outcome: fc.constantFrom('opfyldt', 'ikke_opfyldt'), reason: text }), {
    nil: undefined,
  }),
}) as fc.Arbitrary<AnswerRecord>;
const answers = fc.dictionary(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,6}$/), record, { maxKeys: 12 });
const dates = fc.dictionary(
  fc.constantFrom('modtaget', 'afgjort', 'plan'),
  fc.constantFrom('2026-01-01', '2026-02-03'),
);
const review = fc.record({ answers, caseworkerAnswers: answers, dates });

/** The same object with its keys in reverse order, at every level. */
function reversed<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  ) as T;
}

describe('the fingerprint of a review', () => {
  it('reads the same whatever order the keys are in, and with undefined fields left out', () => {
    fc.assert(
      fc.property(review, (r) => {
        const withoutUndefined = JSON.parse(JSON.stringify(r));
        expect(reviewFingerprint(reversed(r))).toBe(reviewFingerprint(r));
        expect(reviewFingerprint(withoutUndefined)).toBe(reviewFingerprint(r));
      }),
    );
  });

  it('changes when an answer, a note, a reason or a date changes, or when one moves to the other role', () => {
    fc.assert(
      fc.property(review, text, (r, extra) => {
        const base = reviewFingerprint(r);
        const one = { ...r.answers, 'ny-1': { value: 'ja', note: extra, reason: '' } };
        expect(reviewFingerprint({ ...r, answers: one })).not.toBe(base);
        for (const [key, a] of Object.entries(r.answers)) {
          const changed = { ...a, note: `${a.note}x` };
          expect(reviewFingerprint({ ...r, answers: { ...r.answers, [key]: changed } })).not.toBe(base);
          const moved = { ...r.answers };
          delete moved[key];
          if (r.caseworkerAnswers[key] === undefined)
            expect(
              reviewFingerprint({ ...r, answers: moved, caseworkerAnswers: { ...r.caseworkerAnswers, [key]: a } }),
            ).not.toBe(base);
        }
        expect(reviewFingerprint({ ...r, dates: { ...r.dates, ny: '2026-03-04' } })).not.toBe(base);
      }),
    );
  });

  it('tells a value from the same text split differently or with a quote in it', () => {
    const of = (note: string, reason: string) =>
      reviewFingerprint({ answers: { a: { value: 'ja', note, reason } }, caseworkerAnswers: {}, dates: {} });
    expect(of('ab', 'c')).not.toBe(of('a', 'bc'));
    expect(of('"', '')).not.toBe(of('', '"'));
    expect(of('ja', '')).not.toBe(of('', 'ja'));
  });

  it('tells a key and its value swapped, and an entry whose key spells its value, from others', () => {
    const of = (dates: Record<string, string>) => reviewFingerprint({ answers: {}, caseworkerAnswers: {}, dates });
    expect(of({ 's2026-02-03': '2026-01-01' })).not.toBe(of({ 's2026-01-01': '2026-02-03' }));
    expect(of({ a: 'b' })).not.toBe(of({ b: 'a' }));
    expect(of({ sx: 'x' })).not.toBe(of({ s: '' }));
    expect(of({ sx: 'x' })).not.toBe(of({}));
    fc.assert(
      fc.property(text, text, (k, v) => {
        fc.pre(k !== v);
        expect(of({ [k]: v })).not.toBe(of({ [v]: k }));
      }),
    );
  });
});
