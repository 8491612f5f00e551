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
