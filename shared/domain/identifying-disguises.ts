import { fold } from './fold';
import type { Hit } from './hit';
import { type NameMatcher, nameForms } from './name-keys';

/**
 * Names written to slip past a word search (issue #12), flagged whatever they spell, word-like or not: nobody writes
 * a word like that. Pure; see identifying-names.ts.
 */

/** The longest name part looked for inside a run of spaced letters. */
const MAX_NAME_LETTERS = 24;

/** Digits typed for the letters they look like, in a word (»H0lm«, »4nne«, »Ann3«); 1 is tried as l and as i. */
const LETTER_LIKE: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };

export function disguisedNames(text: string, match: NameMatcher): Hit[] {
  const hits: Hit[] = [];
  const isName = (letters: string) => nameForms(letters).some((f) => match.isPart(f) || match.isSkeleton(f));
  // Letter-spaced or letter-separated: »H o l m«, »H.o.l.m«, »H–o–l–m«, »H*o*l*m«, thin or narrow spaces …
  for (const m of text.matchAll(/(?<!\p{L})\p{L}(?:[\p{Zs}\p{Cf}\p{P}\p{S}]{1,2}\p{L}){2,}(?!\p{L})/gu)) {
    // Where each letter stands; a name may be anywhere in the run (»K r a g h i …«: »i« is a word of its own).
    const letters = [...m[0].matchAll(/\p{L}/gu)].map((l) => ({ ch: l[0], at: m.index + l.index }));
    for (let i = 0; i < letters.length; i++) {
      for (let n = Math.min(MAX_NAME_LETTERS, letters.length - i); n >= 3; n--) {
        const run = letters.slice(i, i + n);
        if (!isName(run.map((l) => l.ch).join(''))) continue;
        hits.push({ start: run[0]?.at ?? m.index, end: (run.at(-1)?.at ?? m.index) + 1, kind: 'navn' });
        i += n - 1;
        break;
      }
    }
  }
  // A word split in two by a space, a line break or a sign (»Ho lm«, »Ho⏎lm«, »Ho:lm«, »(H)olm«, »Kjær gaard«).
  const fragments = [...text.matchAll(/\p{L}+/gu)];
  for (let i = 1; i < fragments.length; i++) {
    const [a, b] = [fragments[i - 1], fragments[i]];
    if (!a || !b) continue;
    const between = text.slice(a.index + a[0].length, b.index);
    if (between.length > 2 || /[\p{L}\p{N}]/u.test(between) || !isName(a[0] + b[0])) continue;
    hits.push({ start: a.index, end: b.index + b[0].length, kind: 'navn' });
  }
  // A pipe for an l (»Ho|m«).
  for (const m of text.matchAll(/\p{L}+(?:\|\p{L}*)+/gu)) {
    if (isName(m[0].replace(/\|/g, 'l'))) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'navn' });
  }
  // Hyphenated where no hyphen belongs: over a line, or joined again on one (»Han-⏎sen«, »Han- sen«, »Han-sen«).
  for (const m of text.matchAll(/(\p{L}+)-\s*(\p{L}+)/gu)) {
    if (isName(`${m[1]}${m[2]}`)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'navn' });
  }
  // Digits for letters inside a word.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]*\p{L})(?=[\p{L}\p{N}]*\p{N})[\p{L}\p{N}]{3,}/gu)) {
    const asLetters = (one: string) => m[0].replace(/\p{N}/gu, (d) => (d === '1' ? one : (LETTER_LIKE[d] ?? d)));
    if (isName(asLetters('l')) || isName(asLetters('i')))
      hits.push({ start: m.index, end: m.index + m[0].length, kind: 'navn' });
  }
  // An e-mail address with a name or initials in it (»soren.aro-aberg@…«, »aho@…«).
  for (const m of text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu)) {
    const local = m[0].slice(0, m[0].indexOf('@'));
    const pieces = [local.replace(/[._%+-]/g, ''), ...local.split(/[._%+-]+/)].map(fold).filter((p) => p.length >= 2);
    if (pieces.some((p) => match.isPart(p) || match.isSkeleton(p) || match.isInitials(p)))
      hits.push({ start: m.index, end: m.index + m[0].length, kind: 'navn' });
  }
  return hits;
}
