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
    expect(r).toMatchObject({ status: 'ikke_opfyldt', daysLate: 1 });
    expect(r.explanation).toBe(
      'BFU afsluttet 121 dage efter opmærksomhed; fristen er 4 måneder: overskredet med 1 dag.',
    );
  });

  // Barnets plan (Barnets Lov § 91): within 3 months of the decision, and a plan made before the decision is right
  // (stk. 2); cases decided before 1.1.2024 follow serviceloven's § 140.
  const plan: Frist = {
    fra: 'afgoerelse',
    til: 'barnets_plan',
    graense: 3,
    enhed: 'maaneder',
    foerOpfylder: true,
    kilde: 'Barnets Lov § 91',
    tidligereRegler: [{ foer: '2024-01-01', graense: 4, enhed: 'maaneder', foerOpfylder: true, kilde: 'SEL § 140' }],
  };
  const planLabels = { afgoerelse: 'Afgørelse', barnets_plan: 'Barnets plan' };

  it('takes a plan made before the decision as meeting the frist, where the frist says so', () => {
    const r = evaluateFrist(plan, { afgoerelse: '2026-03-10', barnets_plan: '2026-02-20' }, planLabels);
    expect(r).toMatchObject({ status: 'opfyldt', days: -18, daysLate: 0 });
    expect(r.explanation).toBe('Barnets plan 18 dage før afgørelse; det opfylder fristen (Barnets Lov § 91).');
    // Without it, a »til« date first is still a date to check.
    const { foerOpfylder: _, ...strict } = plan;
    expect(
      evaluateFrist({ ...strict, tidligereRegler: [] }, { afgoerelse: '2026-03-10', barnets_plan: '2026-02-20' })
        .status,
    ).toBe('ugyldig');
  });

  it('judges a sag by the rule of its time: before 1.1.2024 by serviceloven', () => {
    // Decided 15.11.2023, plan 14.03.2024: within serviceloven's 4 months.
    const old = evaluateFrist(plan, { afgoerelse: '2023-11-15', barnets_plan: '2024-03-14' }, planLabels);
    expect(old).toMatchObject({ status: 'opfyldt', deadline: '2024-03-15' });
    expect(old.explanation).toContain('fristen er 4 måneder (reglerne før 01.01.2024: SEL § 140): opfyldt');
    // The same gap after 1.1.2024 is a month late under Barnets Lov.
    const now = evaluateFrist(plan, { afgoerelse: '2024-11-15', barnets_plan: '2025-03-14' }, planLabels);
    expect(now).toMatchObject({ status: 'ikke_opfyldt', deadline: '2025-02-15', daysLate: 27 });
    expect(now.explanation).toContain('fristen er 3 måneder (Barnets Lov § 91): overskredet med 27 dage');
    // The day the new rules began is under them.
    expect(evaluateFrist(plan, { afgoerelse: '2024-01-01', barnets_plan: '2024-04-15' }).status).toBe('ikke_opfyldt');
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
