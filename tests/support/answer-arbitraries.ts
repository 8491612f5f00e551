// fast-check arbitraries for the answers a review stores, shared by the properties of what is worked out from them.
import fc from 'fast-check';
import type { AnswerRecord } from '../../shared/domain/review';

/** An answer as the review stores one: any of `values`, a note, a reason (blank ones too), perhaps a frist override. */
export const answerRecord = (values: readonly string[]): fc.Arbitrary<AnswerRecord> =>
  fc.record({
    value: fc.constantFrom(...values),
    note: fc.constantFrom('', 'Set i journalen'),
    reason: fc.constantFrom('', '  ', 'Planen manglede'),
    override: fc.option(
      fc.record({
        outcome: fc.constantFrom('opfyldt' as const, 'ikke_opfyldt' as const),
        reason: fc.constantFrom('', 'Aftalt'),
      }),
      { nil: undefined },
    ),
  });
