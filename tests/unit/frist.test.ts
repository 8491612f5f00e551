import { describe, expect, it } from 'vitest';
import { addPeriod, daysBetween, evaluateFrist } from '../../shared/domain/frist';
import type { Frist } from '../../shared/domain/template';

describe('addPeriod', () => {
  it.each([
    ['2025-10-31', 4, '2026-02-28'], // 4 months from 31 October: end of February
    ['2023-10-31', 4, '2024-02-29'], // … in a leap year
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-03-31', 3, '2026-06-30'],
    ['2026-11-15', 3, '2027-02-15'], // across a year end
    ['2026-05-10', 12, '2027-05-10'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i måneder = %s', (start, months, expected) => {
    expect(addPeriod(start, months, 'maaneder')).toBe(expected);
  });

  it('adds days and weeks across month ends and leap days', () => {
    expect(addPeriod('2024-02-28', 1, 'dage')).toBe('2024-02-29');
    expect(addPeriod('2025-02-28', 1, 'dage')).toBe('2025-03-01');
    expect(addPeriod('2026-12-25', 2, 'uger')).toBe('2027-01-08');
  });

  it('counts calendar days regardless of daylight saving time', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // DST starts 29 March in Denmark
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});

describe('evaluateFrist', () => {
  const bfu: Frist = { fra: 'opmaerksomhed', til: 'bfu_afsluttet', graense: 4, enhed: 'maaneder' };
  const labels = { opmaerksomhed: 'Opmærksomhed', bfu_afsluttet: 'BFU afsluttet' };

  it('is met on the deadline day itself', () => {
    const r = evaluateFrist(bfu, { opmaerksomhed: '2025-10-31', bfu_afsluttet: '2026-02-28' }, labels);
    expect(r).toMatchObject({ status: 'opfyldt', deadline: '2026-02-28', days: 120 });
  });

  it('is not met the day after, and explains the computation in Danish', () => {
    const r = evaluateFrist(bfu, { opmaerksomhed: '2025-10-31', bfu_afsluttet: '2026-03-01' }, labels);
    expect(r.status).toBe('ikke_opfyldt');
    expect(r.explanation).toBe('BFU afsluttet 121 dage efter opmærksomhed; fristen er 4 måneder: ikke opfyldt.');
  });

  it('says which dates are missing', () => {
    const r = evaluateFrist(bfu, { opmaerksomhed: '2026-01-10' }, labels);
    expect(r).toEqual({
      status: 'mangler_dato',
      missing: ['bfu_afsluttet'],
      explanation: 'Fristen kan ikke beregnes: BFU afsluttet mangler.',
    });
  });

  it('refuses to judge when the end lies before the start', () => {
    const r = evaluateFrist(bfu, { opmaerksomhed: '2026-05-01', bfu_afsluttet: '2026-04-01' }, labels);
    expect(r.status).toBe('ugyldig');
    expect(r.explanation).toContain('kontrollér datoerne');
  });

  it('refuses a date that does not exist', () => {
    expect(evaluateFrist(bfu, { opmaerksomhed: '2026-02-30', bfu_afsluttet: '2026-04-01' }).status).toBe('ugyldig');
  });

  it('handles a one-day frist (a notification assessed within 24 hours, counted in dates)', () => {
    const underretning: Frist = { fra: 'modtaget', til: 'vurderet', graense: 1, enhed: 'dage' };
    expect(evaluateFrist(underretning, { modtaget: '2026-03-31', vurderet: '2026-04-01' }).status).toBe('opfyldt');
    expect(evaluateFrist(underretning, { modtaget: '2026-03-31', vurderet: '2026-04-02' }).status).toBe('ikke_opfyldt');
    expect(evaluateFrist(underretning, { modtaget: '2026-03-31', vurderet: '2026-03-31' }).explanation).toContain(
      'fristen er 1 dag: opfyldt',
    );
  });
});
