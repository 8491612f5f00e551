import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchHits } from '../../shared/domain/fold';
import { sagMatches } from '../../shared/domain/sample';
import { tilsynMatches } from '../../shared/domain/tilsyn';

const sag = (sagsbehandler: string, sagsnummer = '2026-000123') => ({
  sagsnummer,
  sagstype: 'Børnefaglig undersøgelse § 20',
  sagsbehandler,
  team: 'Team Nord',
});

describe('the search boxes (Sagsliste and the tilsyn list)', () => {
  it('find a name however it is written: case, full-width and look-alike letters, accents, ß, dotted İ', () => {
    expect(sagMatches(sag('Ｈolm'), 'holm')).toBe(true);
    expect(sagMatches(sag('Ⅽarl Berg'), 'carl')).toBe(true);
    expect(sagMatches(sag('Lise Straße'), 'strasse')).toBe(true);
    expect(sagMatches(sag('İbrahim Kaya'), 'ibrahim')).toBe(true);
    expect(sagMatches(sag('Anne\u0301 Holm'), 'Anné')).toBe(true); // stored decomposed, typed composed
    expect(sagMatches(sag('Åse Ørum'), 'ørum')).toBe(true);
    expect(sagMatches(sag('Søren Ærø'), 'SØREN ÆRØ')).toBe(true);
    expect(sagMatches(sag('Bo\u200b Nielsen'), 'bo nielsen')).toBe(true); // a zero-width space in the list
    expect(sagMatches(sag('Bo Nielsen'), '  bo   nielsen ')).toBe(true);
  });

  it('find sagsnumre and types as typed, and not what is not there', () => {
    expect(sagMatches(sag('Bo Nielsen'), '000123')).toBe(true);
    expect(sagMatches(sag('Bo Nielsen'), '§ 20')).toBe(true);
    expect(sagMatches(sag('Bo Nielsen'), 'ørum')).toBe(false);
    expect(sagMatches(sag('Bo Nielsen'), '.*')).toBe(false); // no patterns, only text
    expect(sagMatches(sag('Bo Nielsen'), '')).toBe(true);
  });

  it('find a tilsyn by its title however written, and by a year its period touches', () => {
    const t = {
      titel: 'Ledelsestilsyn Ｑ1 – børnesamtaler',
      enhed: 'Team Nord',
      skabelonNavn: 'Barnets Lov',
      periodeFra: '2026-01-01',
      periodeTil: '2027-03-31',
    };
    expect(tilsynMatches(t, 'q1')).toBe(true);
    expect(tilsynMatches(t, 'BØRNESAMTALER')).toBe(true);
    expect(tilsynMatches(t, '2027')).toBe(true);
    expect(tilsynMatches(t, '2025')).toBe(false);
  });

  it('always find a piece of what is there (a property over Danish text with look-alikes)', () => {
    const chars = [...'abcæøåABCÆØÅ  -0123Ｈİß§\u00a0\u200b'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 24 }), fc.nat(), fc.nat(), (cs, a, b) => {
        const value = cs.join('');
        const [from, to] = [a % (cs.length + 1), b % (cs.length + 1)].sort((x, y) => x - y);
        expect(searchHits([value], cs.slice(from, to).join(''))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
