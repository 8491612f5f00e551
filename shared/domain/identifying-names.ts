import { fold } from './fold';
import type { Hit } from './hit';
import { disguisedNames } from './identifying-disguises';
import { type NameMatcher, nameForms, nameMatcher } from './name-keys';
import type { KnownIdentifiers } from './scrub';

/**
 * The publication check's search for known caseworkers' names and initials in a leader's text (issue #12), in any
 * spelling. Pure; see publication.ts.
 */

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
  'bak',
  'moerk',
  'kok',
  'helle',
  'sand',
  'nord',
  'vest',
]);

/** Particles of names (Maria de Jong, Omar Al-Khalidi, Jan van Dam): never a name on their own. Folded. */
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'el', 'af']);

/** Words before a person's name that make a lower-case surname a name (»rådgiveren lund«, »fru holm«). Folded. */
const ROLE_WORDS = new Set(
  (
    'fru hr frk raadgiver raadgiveren socialraadgiver socialraadgiveren sagsbehandler sagsbehandleren kollega ' +
    'kollegaen kollegaer medarbejder medarbejderen konsulent konsulenten leder lederen teamleder teamlederen'
  ).split(' '),
);

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
    'psl vok sel sks jc ydi ppr bup bu ok ps ida hk foa ds bupl lo fh ac hr it pc nb obs tv dr pr id uge'
  ).split(' '),
);

// Letters, with invisible characters (soft hyphen, zero-width space) allowed inside: they do not end a word.
// Control characters too (stored by an older version: »Ho\u0001lm« prints as Holm).
const WORD =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character inside a word does not end it.
  /\p{L}[\p{L}\p{M}\p{Cf}\u0000-\u0008\u000e-\u001f\u007f-\u009f]*(?:[-'’][\p{L}\p{M}\p{Cf}]+)*/gu;

/** Starts a sentence or a clause after a colon: nothing but spaces, quotes or brackets since . ! ? : or a line. */
function startsSentence(text: string, at: number): boolean {
  return /(^|[.!?:\n])[\s"'«»(–-]*$/u.test(text.slice(Math.max(0, at - 12), at));
}

export function nameHits(text: string, known: KnownIdentifiers): Hit[] {
  const match = nameMatcher(known);
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
      const capital = /^\p{Lu}/u.test(piece);
      // A capital I (or a look-alike of it) inside a word reads as l in most fonts: »HoIm« prints as Holm.
      const forms = /\p{Ll}[IІⅠ]|[IІⅠ]\p{Ll}/u.test(piece.slice(1))
        ? [...nameForms(piece), ...nameForms(piece.charAt(0) + piece.slice(1).replace(/[IІⅠ]/gu, 'l'))]
        : nameForms(piece);
      // Written as ASCII systems write æ, ø, å (»Soren«): taken only where the word is written as a name.
      const part = forms.find(match.isPart) ?? (capital ? forms.find(match.isSkeleton) : undefined);
      if (!part || PARTICLES.has(part)) continue;
      named = true;
      const hit: Hit = { start: at, end: at + piece.length, kind: 'navn' };
      if (!NAMES_THAT_ARE_WORDS.has(part) || writtenAsName(text, at, piece, part)) hits.push(hit);
      else wordLike.push(hit);
      // A whole word that is a name is one hit; otherwise each part that is a name.
      if (i === 0) break;
    }
    if (named) continue;
    // Initials written together in capitals (AH, AHJ, LIHA): only those of known people, never the field's
    // abbreviations or a reference to a law (»SL § 50«).
    // »AH's sager«, »AHs sager«: the initials' genitive; »AnHo«: staff initials in mixed case.
    const bare = word.replace(/^(\p{Lu}{2,4})['’]?s$/u, '$1');
    const f = fold(bare);
    if (
      (/^\p{Lu}{2,4}$/u.test(bare) || /^\p{Lu}\p{Ll}\p{Lu}\p{Ll}$/u.test(word)) &&
      (match.isInitials(f) || match.isSkeleton(f)) &&
      !ABBREVIATIONS.has(f) &&
      !/^\s*§/u.test(text.slice(start + word.length, start + word.length + 3))
    ) {
      hits.push({ start, end: start + word.length, kind: 'initialer' });
    }
  }
  hits.push(...disguisedNames(text, match));
  // Initials with dots, spaces, a hyphen or a sign between (A.H., A. H., A.H.J., A.-M.S., A&H, A/H, M-MK).
  const spaced = /(?<!\p{L})(\p{Lu})(?:\.[\s-]?|[&/+-])(\p{Lu})\.?(?:[\s-]?(\p{Lu})\.?)?(?!\p{L})/gu;
  for (const m of text.matchAll(spaced)) {
    const letters = fold([m[1], m[2], m[3]].filter(Boolean).join(''));
    if (match.isInitials(letters))
      hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'initialer' });
  }
  return chained(text, hits, wordLike, match);
}

/**
 * Whether a name part that is also a word is written as a name: after a role (»fru holm«), with a capital that does
 * not start a sentence, or does but the word stands alone (»Line.«, »Ansvarlig: Line«), comes before a verb (»Per mangler …«) or is a
 * genitive (»Holms sager«).
 */
function writtenAsName(text: string, at: number, piece: string, part: string): boolean {
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, at - 25), at));
  if (before && ROLE_WORDS.has(fold(before[1] ?? ''))) return true;
  if (!/^\p{Lu}/u.test(piece)) return false;
  if (!startsSentence(text, at)) return true;
  const after = text.slice(at + piece.length, at + piece.length + 30);
  const next = /^\s+(\p{L}+)/u.exec(after);
  // Alone: the text or the clause ends, or a capital follows; not before a number (»Per 1. januar«) or in a
  // suspended compound (»Line- og stabsfunktioner«).
  const alone = /^\s*($|[.,;:!?)\]»"'\n])/u.test(after) || /^\s+\p{Lu}/u.test(after);
  const beforeVerb = next !== null && VERBS_AFTER_A_NAME.has(fold(next[1] ?? ''));
  const genitive = part !== fold(piece);
  return alone || beforeVerb || genitive;
}

/**
 * »Line Hansen skal …«: a word-like part beside a name is a name too, and two word-like parts side by side that make
 * one known name (»line skov«). One pass each way along the name parts, so a chain (»Line Bo Hansen«) is found in
 * linear time.
 */
function chained(text: string, hits: Hit[], wordLike: Hit[], match: NameMatcher): Hit[] {
  const names = [...hits.filter((h) => h.kind === 'navn'), ...wordLike].sort((a, b) => a.start - b.start);
  const flagged = new Set(hits);
  // Beside: only spaces between, or a comma (»holm, anne«: surname first, as lists write names).
  const beside = (a: Hit, b: Hit) => /^(\s+|\s*,\s*)$/u.test(text.slice(a.end, b.start));
  const word = (h: Hit) => fold(text.slice(h.start, h.end));
  for (let i = 1; i < names.length; i++) {
    const [a, b] = [names[i - 1] as Hit, names[i] as Hit];
    if (!beside(a, b) || (flagged.has(a) && flagged.has(b))) continue;
    if (flagged.has(a) || flagged.has(b) || match.isPart(word(a) + word(b)) || match.isPart(word(b) + word(a))) {
      flagged.add(a);
      flagged.add(b);
    }
  }
  for (let i = names.length - 2; i >= 0; i--) {
    const [a, b] = [names[i] as Hit, names[i + 1] as Hit];
    if (flagged.has(b) && !flagged.has(a) && beside(a, b)) flagged.add(a);
  }
  return [...flagged];
}
