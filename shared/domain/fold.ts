import { PRINTABLE_ASCII } from './invisible';

/**
 * A word as the publication check compares it (issue #12). Pure.
 */

/** Cyrillic and Greek letters that look like Latin ones, as someone hiding a name might type them. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'm',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

/** Capitals that lower-case into something else than the Latin letter they look like (Greek Η looks like H). */
const CAPITAL_LOOK_ALIKES: Record<string, string> = {
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'i',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
};
/** Other letters that look like Latin ones. */
const OTHER_LOOK_ALIKES: Record<string, string> = {
  һ: 'h',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ı: 'i',
  ɡ: 'g',
  ᴋ: 'k',
  ł: 'l',
  օ: 'o',
};

/**
 * A word as compared: lower case, invisible characters dropped, look-alike letters made Latin, æ ø å written ae oe
 * aa, accents dropped (é → e), so every spelling meets.
 */
export function fold(word: string): string {
  const cached = folded.get(word);
  if (cached !== undefined) return cached;
  const out = foldOnce(word);
  // A check folds the same characters and words again and again; the memory is bounded.
  if (folded.size >= 50_000) folded.clear();
  folded.set(word, out);
  return out;
}

const folded = new Map<string, string>();

function foldOnce(word: string): string {
  return (
    word
      .normalize('NFKC')
      .replace(/[\p{Cf}\p{Cc}\u115f\u1160\u3164\uffa0]/gu, '')
      .replace(/[\p{Script=Greek}]/gu, (c) => CAPITAL_LOOK_ALIKES[c] ?? c)
      .toLowerCase()
      .replace(/[\p{Script=Cyrillic}\p{Script=Greek}]/gu, (c) => LOOK_ALIKES[c] ?? c)
      .replace(/[һјѕԁıɡᴋłօ]/gu, (c) => OTHER_LOOK_ALIKES[c] ?? c)
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/å/g, 'aa')
      // Accents off before æ and ø are spelled out, so »ǽ« and »ǿ« are æ and ø.
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
  );
}

/**
 * A folded word with æ, ø and å as ASCII systems and e-mail addresses write them (ae → a, oe → o, aa → a): »Soren
 * Aro-Aberg« is Søren Ærø-Åberg. Compared only where the word is written as a name (it makes »bog« of Bøg).
 */
export function skeleton(folded: string): string {
  return folded.replace(/oe/g, 'o').replace(/aa/g, 'a').replace(/ae/g, 'a');
}

/**
 * A text as a search box compares it: folded as above (look-alike letters, full-width forms, accents and invisible
 * characters count for nothing; »ørum« finds »Ørum« and »Ｏrum«), ß as ss. Plain ASCII, most sagsnumre, only
 * lower-cased: a search runs through every sag of a long list. Runs of spaces are one space.
 */
export function searchKey(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/ {2,}/g, ' ');
  return fold(text).replace(/ß/g, 'ss').replace(/\s+/gu, ' ');
}

/** Whether any of `values` holds `search` (searchKey on both sides); an empty search holds everything. */
export function searchHits(values: readonly string[], search: string): boolean {
  const q = searchKey(search).trim();
  return !q || values.some((v) => searchKey(v).includes(q));
}
