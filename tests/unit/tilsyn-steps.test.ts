import { describe, expect, it } from 'vitest';
import { nextStep, stepStates } from '../../shared/domain/tilsyn';

// The step bar and the overview's next step (issue #17): which steps of a tilsyn are done, begun or not started.
const fresh = {
  harSagsliste: false,
  antalSager: 0,
  antalFaerdige: 0,
  antalIGang: 0,
  status: 'planlaegning',
  sendt: null,
} as const;

describe('the steps of a tilsyn', () => {
  it('has only formål done when it is new, and the sagsliste next', () => {
    const s = stepStates(fresh);
    expect(s).toEqual({
      tilsyn: 'faerdig',
      sagsliste: 'ikke_startet',
      stikproeve: 'ikke_startet',
      gennemgang: 'ikke_startet',
      resultater: 'ikke_startet',
      formidling: 'ikke_startet',
    });
    expect(nextStep(s)).toBe('sagsliste');
  });

  it('goes on to the stikprøve, then the gennemgang, begun at the first answer', () => {
    expect(nextStep(stepStates({ ...fresh, harSagsliste: true }))).toBe('stikproeve');
    const begun = stepStates({ ...fresh, harSagsliste: true, antalSager: 5, antalFaerdige: 2, status: 'i_gang' });
    expect(begun.gennemgang).toBe('i_gang');
    expect(nextStep(begun)).toBe('gennemgang');
    // A sag answered but not yet færdig has begun the gennemgang too.
    const answered = stepStates({ ...fresh, harSagsliste: true, antalSager: 5, antalIGang: 1, status: 'i_gang' });
    expect(answered.gennemgang).toBe('i_gang');
    // The results show figures from the first answer: begun, not »ikke startet«, until the tilsyn is afsluttet.
    expect([begun.resultater, answered.resultater]).toEqual(['i_gang', 'i_gang']);
    expect(stepStates({ ...fresh, harSagsliste: true, antalSager: 5, status: 'i_gang' }).resultater).toBe(
      'ikke_startet',
    );
  });

  it('has the results next when every sag is færdig, formidling when locked, and nothing once sent', () => {
    const all = { ...fresh, harSagsliste: true, antalSager: 5, antalFaerdige: 5, status: 'i_gang' } as const;
    expect(nextStep(stepStates(all))).toBe('resultater');
    expect(nextStep(stepStates({ ...all, status: 'afsluttet' }))).toBe('formidling');
    expect(nextStep(stepStates({ ...all, status: 'afsluttet', sendt: { dato: '2026-04-02', hvem: 'Lene' } }))).toBe(
      null,
    );
  });

  it('counts a locked round whose sager and sagsliste were deleted as done through its results', () => {
    const deleted = stepStates({ ...fresh, status: 'afsluttet' });
    expect([deleted.sagsliste, deleted.stikproeve, deleted.gennemgang, deleted.resultater]).toEqual([
      'faerdig',
      'faerdig',
      'faerdig',
      'faerdig',
    ]);
  });
});
