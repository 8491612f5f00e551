import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samePerson } from '../../shared/domain/second-review';

// Sign-off (issue #16) compares the approver's name as typed with the name given: the same person however her name
// was typed, and never someone else.
describe('samePerson', () => {
  it('is the same person across case, spaces and composed or decomposed letters', () => {
    expect(samePerson('Søren  Åberg', ' søren åberg ')).toBe(true);
    expect(samePerson('Zoë Jensen', 'Zoe\u0308 Jensen')).toBe(true);
    expect(samePerson('Ågot Hansen', 'A\u030agot Hansen')).toBe(true);
    // Invisible characters, full-width letters and ligatures hide nothing.
    expect(samePerson('Omar Said', 'Omar\u200B Said')).toBe(true);
    expect(samePerson('Karin Lund', 'Karin Lund\u00AD')).toBe(true);
    expect(samePerson('Omar Said', '\uFF2Fmar Said')).toBe(true);
    expect(samePerson('Fia Lund', '\uFB01a Lund')).toBe(true);
  });

  it('is not the same person for another name, or a look-alike letter', () => {
    expect(samePerson('Jens Hansen', 'Jens Hansén')).toBe(false);
    expect(samePerson('Jens Hansen', 'Jеns Hansen')).toBe(false); // Cyrillic »е«
    expect(samePerson('Jens Hansen', 'Jens Hansen Jr')).toBe(false);
  });

  it('holds for any name in either Unicode form', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (name) => {
        expect(samePerson(name.normalize('NFC'), name.normalize('NFD'))).toBe(true);
      }),
    );
  });
});
