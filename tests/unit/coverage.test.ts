import { describe, expect, it } from 'vitest';
import { computeCoverage, yearParts } from '../../shared/domain/coverage';

// Hand-computed: three caseworkers in the sagslister, reviews in Q1, Q1, Q2 and Q4; the quota one per quarter.
const parts = yearParts(2027, 'kvartal');
const reviewed = [
  { sagsbehandler: 'Anne Holm', sagstype: '§ 32', periodeTil: '2027-03-31' },
  { sagsbehandler: 'Anne Holm', sagstype: '§ 32', periodeTil: '2027-03-31' },
  { sagsbehandler: 'Bo Nielsen', sagstype: 'Anbringelse', periodeTil: '2027-06-30' },
  { sagsbehandler: ' Anne Holm ', sagstype: '§ 32', periodeTil: '2027-12-31' },
  // Another year's round counts nowhere.
  { sagsbehandler: 'Bo Nielsen', sagstype: '§ 32', periodeTil: '2026-12-31' },
];

describe('coverage', () => {
  it('counts each caseworker’s reviewed sager per quarter against the quota, and names who had none', () => {
    const c = computeCoverage(
      { caseworkers: ['Anne Holm', 'Bo Nielsen', 'Carla Dam'], sagstyper: ['§ 32', 'Anbringelse', 'Efterværn'] },
      reviewed,
      parts,
      1,
    );
    expect(parts.map((p) => [p.navn, p.fra, p.til])).toEqual([
      ['1. kvt.', '2027-01-01', '2027-03-31'],
      ['2. kvt.', '2027-04-01', '2027-06-30'],
      ['3. kvt.', '2027-07-01', '2027-09-30'],
      ['4. kvt.', '2027-10-01', '2027-12-31'],
    ]);
    expect(c.caseworkers).toEqual([
      { navn: 'Anne Holm', counts: [2, 0, 0, 1], pending: [0, 0, 0, 0], total: 3, met: 2 },
      { navn: 'Bo Nielsen', counts: [0, 1, 0, 0], pending: [0, 0, 0, 0], total: 1, met: 1 },
      { navn: 'Carla Dam', counts: [0, 0, 0, 0], pending: [0, 0, 0, 0], total: 0, met: 0 },
    ]);
    expect(c.sagstyper.map((r) => [r.navn, r.total])).toEqual([
      ['§ 32', 3],
      ['Anbringelse', 1],
      ['Efterværn', 0],
    ]);
    expect(c.notReviewed).toEqual({ caseworkers: ['Carla Dam'], sagstyper: ['Efterværn'] });
  });

  it('meets a quota of two a quarter only where two were reviewed, and a yearly quota over the year', () => {
    expect(computeCoverage({ caseworkers: ['Anne Holm'], sagstyper: [] }, reviewed, parts, 2).caseworkers[0]?.met).toBe(
      1,
    );
    const year = computeCoverage({ caseworkers: [], sagstyper: [] }, reviewed, yearParts(2027, 'aar'), 3);
    expect(year.caseworkers.map((r) => [r.navn, r.counts, r.met])).toEqual([
      ['Anne Holm', [3], 1],
      ['Bo Nielsen', [1], 0],
    ]);
    expect(yearParts(2028, 'maaned')[1]).toEqual({ fra: '2028-02-01', til: '2028-02-29', navn: 'feb' });
  });
});

describe('coverage’s names', () => {
  it('reads »Bo Nielsen«, »bo nielsen« and »Bo  Nielsen« as one caseworker, shown as first written', () => {
    const c = computeCoverage(
      { caseworkers: ['Bo Nielsen', 'bo nielsen'], sagstyper: [] },
      [{ sagsbehandler: 'Bo  Nielsen', sagstype: '', periodeTil: '2027-03-31' }],
      yearParts(2027, 'kvartal'),
      1,
    );
    expect(c.caseworkers).toEqual([
      { navn: 'Bo Nielsen', counts: [1, 0, 0, 0], pending: [0, 0, 0, 0], total: 1, met: 1 },
    ]);
    expect(c.notReviewed.caseworkers).toEqual([]);
  });
});

describe('coverage to come', () => {
  it('shows a drawn sag still under review as coming, not as covered', () => {
    const c = computeCoverage(
      { caseworkers: ['Anne Holm'], sagstyper: [] },
      [{ sagsbehandler: 'Anne Holm', sagstype: '', periodeTil: '2027-06-30', faerdig: false }],
      yearParts(2027, 'kvartal'),
      1,
    );
    expect(c.caseworkers[0]).toMatchObject({ counts: [0, 0, 0, 0], pending: [0, 1, 0, 0], total: 0, met: 0 });
    expect(c.notReviewed.caseworkers).toEqual(['Anne Holm']);
  });
});
