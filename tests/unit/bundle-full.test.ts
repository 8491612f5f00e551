import { describe, expect, it } from 'vitest';
import { fullImportInWords, fullOutcome } from '../../shared/domain/bundle-full-sync';

// What a fuld pakke does to a tilsyn (issue #15), on hand-made histories: A, B, C are fingerprints of versions.
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const D = 'd'.repeat(64);

describe('fullOutcome', () => {
  it('is new where the tilsyn is not, and unchanged where the pakke holds what is here', () => {
    expect(fullOutcome(null, { indhold: A, historik: [A] })).toBe('ny');
    expect(fullOutcome({ indhold: A, synk: null }, { indhold: A, historik: [A] })).toBe('uaendret');
  });

  it('updates a tilsyn not changed here since it was shared, when the pakke builds on that version', () => {
    const synk = { lokal: A, basis: A, historik: [A] };
    expect(fullOutcome({ indhold: A, synk }, { indhold: B, historik: [A, B] })).toBe('opdateret');
    // Several versions later there, still built on what was shared.
    expect(fullOutcome({ indhold: A, synk }, { indhold: C, historik: [A, B, C] })).toBe('opdateret');
  });

  it('keeps what is here when the pakke holds a version this file has had', () => {
    const synk = { lokal: B, basis: B, historik: [A, B] };
    expect(fullOutcome({ indhold: C, synk }, { indhold: A, historik: [A] })).toBe('aeldre');
    expect(fullOutcome({ indhold: B, synk }, { indhold: A, historik: [A] })).toBe('aeldre');
  });

  it('is a conflict when both changed since they last shared, or the pakke builds on another version', () => {
    const synk = { lokal: A, basis: A, historik: [A] };
    expect(fullOutcome({ indhold: C, synk }, { indhold: B, historik: [A, B] })).toBe('konflikt');
    // Not changed here, but the pakke's line never had this file's version (a third leader's copy).
    expect(fullOutcome({ indhold: A, synk }, { indhold: D, historik: [D] })).toBe('konflikt');
    // A tilsyn of this file never sent: a pakke claiming it cannot be placed without asking.
    expect(fullOutcome({ indhold: A, synk: null }, { indhold: B, historik: [A, B] })).toBe('konflikt');
  });

  it('after »behold her« the pakke is known: its version is old news here', () => {
    const synk = { lokal: C, basis: A, historik: [A, B] };
    expect(fullOutcome({ indhold: C, synk }, { indhold: B, historik: [A, B] })).toBe('aeldre');
  });
});

describe('fullImportInWords', () => {
  const base = {
    tilsynId: 1,
    titel: 'Runde 1',
    titelHer: null,
    aendret: { her: null, pakken: '2026-01-01T00:00:00Z' },
    fra: { kommune: '', forvaltning: '', oprettet: '2026-01-01T00:00:00Z' },
    enheder: [],
    skabeloner: [],
  };
  it('says what happened, and what was made', () => {
    expect(fullImportInWords({ ...base, udfald: 'uaendret' })).toBe(
      '»Runde 1« er her allerede, som pakken har det: intet er ændret.',
    );
    expect(fullImportInWords({ ...base, udfald: 'ny', enheder: ['Team Syd'] })).toBe(
      '»Runde 1« er indlæst som et nyt tilsyn. Ny enhed: Team Syd (bekræft den under Enheder).',
    );
    // A conflict over a tilsyn that is called something else here names the one that would be replaced.
    expect(fullImportInWords({ ...base, udfald: 'konflikt', titelHer: 'Runde 3' })).toBe(
      '»Runde 1« er ændret både her og i pakken, siden de sidst var ens (her hedder det »Runde 3«). Vælg, hvad der skal ske.',
    );
  });
});
