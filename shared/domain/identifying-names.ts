import type { KnownIdentifiers } from './scrub';

/**
 * The publication check's search for known caseworkers' names and initials in a leader's text (issue #12), in any
 * spelling. Pure; see publication.ts.
 */

/** A place in a text that may identify someone, before overlapping ones are merged. */
export interface Hit {
  start: number;
  end: number;
  kind: 'navn' | 'initialer' | 'cpr' | 'sagsnummer' | 'talraekke';
}

/**
 * Name parts that are also ordinary Danish words ("en fast line", "hans sager", "per sag", "i skoven ved lund"):
 * flagged only when written as a name, with a capital letter that does not start a sentence (or does, before a verb).
 * Folded as `fold` does.
 */
const NAMES_THAT_ARE_WORDS = new Set([
  'line',
  'bo',
  'bent',
  'mark',
  'sten',
  'rose',
  'ask',
  'hans',
  'per',
  'sol',
  'maj',
  'laerke',
  'birk',
  'storm',
  'tage',
  'kaj',
  'rune',
  'frank',
  'ravn',
  'falk',
  'due',
  'bjoern',
  'oern',
  'kim',
  'lone',
  'dan',
  'vera',
  'ellen',
  'lis',
  'lise',
  'tove',
  'aase',
  'sanne',
  // Surnames that are words (»en tur i skoven«, »i lund og eng«).
  'skov',
  'lund',
  'holm',
  'dal',
  'bjerg',
  'krog',
  'kjaer',
  'hede',
  'mose',
  'vang',
  'toft',
  'strand',
  'borg',
  'brink',
  'bro',
  'fisker',
  'smed',
  'hjort',
  'fugl',
  'bonde',
  'kvist',
  'lind',
  'have',
  'ager',
  'eng',
  'engel',
  'vinter',
  'sommer',
  'hoej',
  'lykke',
  'dam',
  'munk',
  'skytte',
  'hvid',
  'lang',
]);

/**
 * Finite verbs that follow a name at a sentence's start (»Per mangler …«, »Hans er syg«), where the word is a name
 * and not the preposition or pronoun it also is (»Per sag …«, »Hans sager …«). Folded.
 */
const VERBS_AFTER_A_NAME = new Set(
  (
    'er var har havde skal skulle vil ville kan kunne maa matte boer burde mangler manglede foelger fulgte tager tog ' +
    'laver lavede skriver skrev goer gjorde faar fik siger sagde mener synes ved vidste arbejder arbejdede gaar gik ' +
    'kommer kom ringer ringede sender sendte holder holdt bliver blev glemmer glemte overtager overtog sidder sad ' +
    'staar stod taler talte husker huskede oplever oplevede vurderer vurderede tror troede'
  ).split(' '),
);

/**
 * Abbreviations of the field written in capitals, never taken for a person's initials (»SL § 50«, »BL § 20«). Folded.
 */
const ABBREVIATIONS = new Set(
  (
    'sl bl fl fvl rsl lab lbk bek cpr ppr ssp uu bfu kl eu fn buf sfo aml las bbr dst vum tmt sks ast ' +
    'psl vok sel sks jc ydi ppr bup bu'
  ).split(' '),
);

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
  return word
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Script=Greek}]/gu, (c) => CAPITAL_LOOK_ALIKES[c] ?? c)
    .toLowerCase()
    .replace(/[\p{Script=Cyrillic}\p{Script=Greek}]/gu, (c) => LOOK_ALIKES[c] ?? c)
    .replace(/[һјѕԁıɡᴋłօ]/gu, (c) => OTHER_LOOK_ALIKES[c] ?? c)
    .replace(/æ|ä/g, 'ae')
    .replace(/ø|ö/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

// Letters, with invisible characters (soft hyphen, zero-width space) allowed inside: they do not end a word.
const WORD = /\p{L}[\p{L}\p{M}\p{Cf}]*(?:[-'’][\p{L}\p{M}\p{Cf}]+)*/gu;

/** A name part on its own: a genitive (Annes, Anne's) is the same name. */
function nameForms(part: string): string[] {
  const f = fold(part);
  return [f, f.replace(/['’]?s$/, '')];
}

/**
 * A name's compared forms: its parts (two letters or more, folded) and its initials (the first letters of two or
 * three words, and the staff form of two letters of the first name and two of the surname). »Hansen, Line« is read
 * as »Line Hansen«. The one definition, also for the hashes kept after case data is deleted.
 */
export function nameKeys(name: string): { parts: string[]; initials: string[] } {
  const words = name
    .replace(/^([^,]+),\s*(.+)$/, '$2 $1')
    .split(/[\s-]+/)
    .filter(Boolean);
  const parts = words.map(fold).filter((w) => w.length >= 2);
  const initials: string[] = [];
  // The first letters as written, then folded: Søren Østergaard is SØ, compared as »soe«.
  if (words.length >= 2 && words.length <= 3) initials.push(fold(words.map((w) => w.charAt(0)).join('')));
  // A municipality's staff initials: two letters of the first name and two of the surname (Line Hansen is LIHA).
  const [first, last] = [words[0] ?? '', words.at(-1) ?? ''];
  if (words.length >= 2 && first.length >= 2 && last.length >= 2)
    initials.push(fold(first.slice(0, 2) + last.slice(0, 2)));
  return { parts, initials };
}

/** Whether a folded form is a known name part, or a known person's initials: in plain, or among the hashes. */
function namesOf(known: KnownIdentifiers): { isPart(f: string): boolean; isInitials(f: string): boolean } {
  const parts = new Set<string>();
  const initials = new Set<string>();
  for (const name of known.sagsbehandlere) {
    const keys = nameKeys(name);
    for (const p of keys.parts) parts.add(p);
    for (const i of keys.initials) initials.add(i);
  }
  const h = known.hashed;
  return {
    isPart: (f) => parts.has(f) || (h !== undefined && h.navne.size > 0 && h.navne.has(h.hash(f))),
    isInitials: (f) => initials.has(f) || (h !== undefined && h.initialer.size > 0 && h.initialer.has(h.hash(f))),
  };
}

/** Starts a sentence: nothing but spaces, quotes or brackets since the text began or since . ! ? : or a line. */
function startsSentence(text: string, at: number): boolean {
  return /(^|[.!?\n])[\s"'«»(–-]*$/u.test(text.slice(Math.max(0, at - 12), at));
}

export function nameHits(text: string, known: KnownIdentifiers): Hit[] {
  const { isPart, isInitials } = namesOf(known);
  const hits: Hit[] = [];
  // Name parts that are also ordinary words, not flagged on their own: flagged when they stand next to a name.
  const wordLike: Hit[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index ?? 0;
    // A double name or a compound (Anne-Marie, Hansen-teamet) is looked at part by part too.
    const pieces = word.includes('-')
      ? [{ piece: word, at: start }, ...[...word.matchAll(/[^-]+/g)].map((p) => ({ piece: p[0], at: start + p.index }))]
      : [{ piece: word, at: start }];
    let named = false;
    for (const [i, { piece, at }] of pieces.entries()) {
      const part = nameForms(piece).find(isPart);
      if (!part) continue;
      named = true;
      // At a sentence's start a capital says nothing, unless the word stands alone (»Line.«, »Ansvarlig: Line«).
      const capital = /^\p{Lu}/u.test(piece);
      const after = text.slice(at + piece.length, at + piece.length + 30);
      const next = /^\s+(\p{L}+)/u.exec(after);
      // Alone: the text or the clause ends, or a capital follows; not before a number (»Per 1. januar«) or in a
      // suspended compound (»Line- og stabsfunktioner«).
      const alone = /^\s*($|[.,;:!?)\]»"'\n])/u.test(after) || /^\s+\p{Lu}/u.test(after);
      const beforeVerb = next !== null && VERBS_AFTER_A_NAME.has(fold(next[1] ?? ''));
      const asName = capital && (!startsSentence(text, at) || alone || beforeVerb);
      const hit: Hit = { start: at, end: at + piece.length, kind: 'navn' };
      if (!NAMES_THAT_ARE_WORDS.has(part) || asName) hits.push(hit);
      else wordLike.push(hit);
      // A whole word that is a name is one hit; otherwise each part that is a name.
      if (i === 0) break;
    }
    if (named) continue;
    // Initials written together in capitals (AH, AHJ, LIHA): only those of known people, never the field's
    // abbreviations or a reference to a law (»SL § 50«).
    if (
      /^\p{Lu}{2,4}$/u.test(word) &&
      isInitials(fold(word)) &&
      !ABBREVIATIONS.has(fold(word)) &&
      !/^\s*§/u.test(text.slice(start + word.length, start + word.length + 3))
    ) {
      hits.push({ start, end: start + word.length, kind: 'initialer' });
    }
  }
  hits.push(...disguisedNames(text, isPart));
  // Initials with dots, spaces or a hyphen (A.H., A. H., A.H.J., A.-M.S.).
  for (const m of text.matchAll(/(?<!\p{L})(\p{Lu})\.[\s-]?(\p{Lu})\.?(?:[\s-]?(\p{Lu})\.?)?(?!\p{L})/gu)) {
    const letters = fold([m[1], m[2], m[3]].filter(Boolean).join(''));
    if (isInitials(letters)) hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'initialer' });
  }
  // »Line Hansen skal …«: the first name starts the sentence, but the surname beside it makes it a name.
  // One pass each way along the name parts, so a chain (»Line Bo Hansen«) is found in linear time.
  const names = [...hits.filter((h) => h.kind === 'navn'), ...wordLike].sort((a, b) => a.start - b.start);
  const flagged = new Set(hits);
  // Beside: only spaces between, or a comma (»holm, anne«: surname first, as lists write names).
  const beside = (a: Hit, b: Hit) => /^(\s+|\s*,\s*)$/u.test(text.slice(a.end, b.start));
  for (let i = 1; i < names.length; i++) {
    const [a, b] = [names[i - 1] as Hit, names[i] as Hit];
    if (flagged.has(a) && !flagged.has(b) && beside(a, b)) flagged.add(b);
  }
  for (let i = names.length - 2; i >= 0; i--) {
    const [a, b] = [names[i] as Hit, names[i + 1] as Hit];
    if (flagged.has(b) && !flagged.has(a) && beside(a, b)) flagged.add(a);
  }
  return [...flagged];
}

/**
 * Names written to slip past a word search: letter-spaced (»L i n e  H a n s e n«, »H.a.n.s.e.n«) or split over a
 * line with a hyphen (»Han-⏎sen«). Flagged whatever they spell, word-like or not: nobody writes a word like that.
 */
/** The longest name part looked for inside a run of spaced letters. */
const MAX_NAME_LETTERS = 24;

function disguisedNames(text: string, isPart: (folded: string) => boolean): Hit[] {
  const hits: Hit[] = [];
  const isName = (letters: string) => nameForms(letters).some(isPart);
  for (const m of text.matchAll(/(?<!\p{L})\p{L}(?:[ .\u00a0]{1,2}\p{L}){2,}(?!\p{L})/gu)) {
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
  // Hyphenated where no hyphen belongs: over a line, or joined again on one (»Han-⏎sen«, »Han- sen«, »Han-sen«).
  for (const m of text.matchAll(/(\p{L}+)-\s*(\p{L}+)/gu)) {
    if (isName(`${m[1]}${m[2]}`)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'navn' });
  }
  return hits;
}
