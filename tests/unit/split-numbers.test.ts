import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitNumbers } from '../../shared/domain/cpr-guard';

// A CPR number split over neighbouring cells (»010190« and »1234«) is never stored (issue #13). The search reads each
// row's cells three ways; most rows have a letter between each two numbers, and are let go at once (issue #18).
// Letting them go must never change the answer.
describe('CPR numbers split over neighbouring cells', () => {
  it('are found across cells, empty cells, dashes, a date between and look-alike digits', () => {
    expect(splitNumbers(['010190', '1234'])).toEqual([[0, 1]]);
    expect(splitNumbers(['Sag 12', '010190', '', '-1234'])).not.toEqual([]);
    expect(splitNumbers(['010190', '06-01-2025', '1234'])).not.toEqual([]);
    expect(splitNumbers(['0101', '9O', '1234'])).not.toEqual([]);
    expect(splitNumbers(['٠١٠١٩٠', '١٢٣٤'])).not.toEqual([]); // Arabic-Indic digits
    expect(splitNumbers(['010190', '\u200b', '1234'])).not.toEqual([]);
  });

  it('are found where a half is written in letters read as digits, or a neighbour grows a digit in NFKC', () => {
    // Found by a fresh-eyes attack: each was let through by the quick way out, or before any search.
    const cases = [
      ['010190', 'lOlO', '01-02-2026', 'Team A'],
      ['010190123', 'l', '01-02-2026', 'Team A'],
      ['010190123', '㏠', 'x1'],
      ['010190', 'ｏｌｏｌ', 'a5'],
      ['010190123', 'ℓ', 'a5'],
      ['010190123', 'ⁱ', 'a5'],
      ['010190123', '𝐥', 'a5'],
      ['№', '110190123', 'a1'],
      ['º', '110190123', 'a1'],
      ['010190123', 'º', 'a1'],
      ['ﬁ', '110190123', 'a1'],
      ['⑩825032959033æₒ', '110268770'],
      ['ｌ', ')21114419\u200b6', '𝐨å', '0509826234384æ⑴', ''],
    ];
    for (const cells of cases) {
      expect(splitNumbers(cells, { quick: false }), JSON.stringify(cells)).not.toEqual([]);
      expect(splitNumbers(cells), JSON.stringify(cells)).toEqual(splitNumbers(cells, { quick: false }));
    }
  });

  it('are not found where a word stands between the halves', () => {
    expect(splitNumbers(['2025-100000', 'Underretning', 'Anne Holm', '06-01-2025', '27-01-2025'])).toEqual([]);
    expect(splitNumbers(['010190', 'Team Nord', '1234'])).toEqual([]);
  });

  it('gives the same answer with and without the quick ways (a property over cells a sagsliste might hold)', () => {
    const pieces = [
      '0',
      '1',
      '9',
      '12',
      '010190',
      '1234',
      '٠١',
      '-',
      ' ',
      '.',
      '/',
      '§ ',
      'o',
      'O',
      'l',
      'I',
      'b',
      'k',
      'Team',
      'ø',
      'æ',
      '\u200b',
      '06-01-2025',
      '2025-10-01',
      ',',
      '０１',
      '\u00a0',
      '–',
      'Ø',
      'B',
      '⑩',
      'å',
      'é',
      ':',
      '2024-100123',
      '§ 50',
      'x',
      'Anne Holm',
      'º',
      '№',
      'ℓ',
      '㏠',
      'ｌ',
      'ⁱ',
      '𝐥',
      'ﬁ',
      'lOlO',
    ];
    const cell = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 6 }), (cells) => {
        expect(splitNumbers(cells)).toEqual(splitNumbers(cells, { quick: false }));
      }),
      { numRuns: 5000 },
    );
  });
});
