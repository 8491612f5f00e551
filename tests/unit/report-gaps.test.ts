import { describe, expect, it } from 'vitest';
import { reportGaps } from '../../shared/domain/reports';
import type { MeasureResult } from '../../shared/domain/results';

// What is missing before the committee report: the krav its opfølgningsplan lists without vurdering or plan (issue #12).

const measure = (key: string, met: number, applicable: number, target: number | null): MeasureResult => ({
  key,
  number: key,
  text: `Krav ${key}`,
  sectionKey: 'a',
  sectionTitle: 'Afsnit',
  category: 'kvalitet',
  target,
  met,
  applicable,
  share: applicable ? met / applicable : null,
  smallN: applicable < 10,
  belowTarget: target === null || applicable === 0 ? null : (met / applicable) * 100 < target,
  counts: { opfyldt: met, delvist: 0, ikke_opfyldt: applicable - met, udeladt: 0, ubesvaret: 0 },
});

describe('reportGaps', () => {
  const measures = [
    measure('1.1', 2, 10, 90), // below, shown
    measure('1.2', 10, 10, 90), // at måltal
    measure('1.3', 0, 2, 90), // below, but hidden at minCell 3
    measure('1.4', 1, 5, 90), // below, shown
    measure('1.5', 1, 5, null), // no måltal
  ];

  it('lists the krav below måltal that the report shows, with what is missing', () => {
    const gaps = reportGaps(
      measures,
      [
        { key: '1.1', vurdering: 'Forklaret.', plan: '  \n ' },
        { key: '1.4', vurdering: 'Forklaret.', plan: 'Sparring.' },
      ],
      3,
    );
    expect(gaps).toEqual([{ key: '1.1', number: '1.1', text: 'Krav 1.1', missing: ['plan'] }]);
  });

  it('lists a krav without any assessment as missing both, and the hidden one when the smallest group allows it', () => {
    expect(reportGaps(measures, [], 1).map((g) => [g.key, g.missing])).toEqual([
      ['1.1', ['vurdering', 'plan']],
      ['1.3', ['vurdering', 'plan']],
      ['1.4', ['vurdering', 'plan']],
    ]);
  });
});
