import { findCprNumbers } from './cpr';
import type { KnownIdentifiers } from './scrub';

/**
 * The publication check (issue #12): before a public document leaves the app, every passage of the leader's free
 * text that may identify a child or a caseworker is shown to her in context, to rewrite or to mark as not
 * identifying. Nothing is replaced behind her back. Pure: the backend feeds it the texts and the known names and
 * sagsnumre of the database.
 */

export type PassageKind = 'cpr' | 'sagsnummer' | 'talraekke' | 'navn' | 'initialer';

/** What the leader is told each kind is. */
export const PASSAGE_LABELS: Record<PassageKind, string> = {
  cpr: 'Ligner et CPR-nummer',
  sagsnummer: 'Et sagsnummer',
  talraekke: 'En talrække, der kan være et sagsnummer',
  navn: 'Navnet på en sagsbehandler',
  initialer: 'Initialerne på en sagsbehandler',
};

/** One passage that may identify someone: where it is in the text, what it is, and the text around it. */
export interface Passage {
  start: number;
  end: number;
  kind: PassageKind;
  /** The passage as written. */
  text: string;
  /** Up to 40 characters either side, for showing it in context. */
  before: string;
  after: string;
}

/**
 * First names that are also ordinary Danish words ("en fast line", "hans sager", "per sag"): flagged only when
 * written as a name, with a capital letter that does not start a sentence. Folded as `fold` does.
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
]);

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
const CONTEXT = 40;

interface Hit {
  start: number;
  end: number;
  kind: PassageKind;
}

/** A name part on its own: a genitive (Annes, Anne's) is the same name. */
function nameForms(part: string): string[] {
  const f = fold(part);
  return [f, f.replace(/['’]?s$/, '')];
}

/** The parts of every known name (two letters or more), and each person's initials (two or three letters). */
function namesOf(known: KnownIdentifiers): { parts: Set<string>; initials: Set<string> } {
  const parts = new Set<string>();
  const initials = new Set<string>();
  for (const name of known.sagsbehandlere) {
    const words = name
      .replace(/^([^,]+),\s*(.+)$/, '$2 $1')
      .split(/[\s-]+/)
      .filter(Boolean);
    for (const w of words) if (fold(w).length >= 2) parts.add(fold(w));
    // The first letters as written, then folded: Søren Østergaard is SØ, compared as »soe«.
    if (words.length >= 2 && words.length <= 3) initials.add(fold(words.map((w) => w.charAt(0)).join('')));
  }
  return { parts, initials };
}

/** Starts a sentence: nothing but spaces, quotes or brackets since the text began or since . ! ? : or a line. */
function startsSentence(text: string, at: number): boolean {
  return /(^|[.!?\n])[\s"'«»(–-]*$/u.test(text.slice(Math.max(0, at - 12), at));
}

function nameHits(text: string, known: KnownIdentifiers): Hit[] {
  const { parts, initials } = namesOf(known);
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
      const part = nameForms(piece).find((f) => parts.has(f));
      if (!part) continue;
      named = true;
      // At a sentence's start a capital says nothing, unless the word stands alone (»Line.«, »Ansvarlig: Line«).
      const capital = /^\p{Lu}/u.test(piece);
      const alone = !/^\s+\p{Ll}/u.test(text.slice(at + piece.length));
      const asName = capital && (!startsSentence(text, at) || alone);
      const hit: Hit = { start: at, end: at + piece.length, kind: 'navn' };
      if (!NAMES_THAT_ARE_WORDS.has(part) || asName) hits.push(hit);
      else wordLike.push(hit);
      // A whole word that is a name is one hit; otherwise each part that is a name.
      if (i === 0) break;
    }
    if (named) continue;
    // Initials written together in capitals (AH, AHJ): only those of known people.
    if (/^\p{Lu}{2,3}$/u.test(word) && initials.has(fold(word))) {
      hits.push({ start, end: start + word.length, kind: 'initialer' });
    }
  }
  // Initials with dots or spaces (A.H., A. H., A.H.J.).
  for (const m of text.matchAll(/(?<!\p{L})(\p{Lu})\.\s?(\p{Lu})\.?(?:\s?(\p{Lu})\.?)?(?!\p{L})/gu)) {
    const letters = fold([m[1], m[2], m[3]].filter(Boolean).join(''));
    if (initials.has(letters)) hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'initialer' });
  }
  // »Line Hansen skal …«: the first name starts the sentence, but the surname beside it makes it a name.
  // One pass each way along the name parts, so a chain (»Line Bo Hansen«) is found in linear time.
  const names = [...hits.filter((h) => h.kind === 'navn'), ...wordLike].sort((a, b) => a.start - b.start);
  const flagged = new Set(hits);
  const beside = (a: Hit, b: Hit) => /^\s+$/u.test(text.slice(a.end, b.start));
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

// A valid calendar date is a date, not a case number (31-01-2026, 2026-01-31, 31.01.2026, 31/1-2026).
const DATE = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})$|^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function isDate(token: string): boolean {
  const m = DATE.exec(token);
  if (!m) return false;
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
  const year = y && y.length === 2 ? 2000 + Number(y) : Number(y);
  const date = new Date(Date.UTC(year, Number(mo) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1;
}

/** A year (2026) or the short year after one (2024/25). */
const YEAR = /^(19|20)\d\d$|^\d\d$/;

/**
 * Numbers a report is full of that identify no one: a period of dates or years (01.01.2026-31.03.2026, 2025-2026,
 * 2024/25), an amount (2.500.000 kr., kr. 150.000) and a time (kl. 10.00-12.00).
 */
function ordinaryNumber(text: string, at: number, run: string): boolean {
  const plain = run.normalize('NFKC');
  const pieces = plain.split(/\s*[-–/]\s*/u);
  if (pieces.length > 1 && pieces.every((p) => isDate(p) || YEAR.test(p))) return true;
  const before = text.slice(Math.max(0, at - 5), at);
  const after = text.slice(at + run.length, at + run.length + 5);
  return /kr\.?\s*$/iu.test(before) || /^\s*kr\b/iu.test(after) || /kl\.?\s*$/iu.test(before);
}

/** What may stand between the parts of a number as written: spaces, dashes of any kind, dots, slashes, invisibles. */
const SEPARATORS = '[\\s\\p{Pd}\\p{Cf}./_]*';

/** Any run of six or more digits, whatever stands between them (spaces, dashes of any kind, dots, slashes). */
const DIGIT_RUN = /\p{Nd}(?:[\s\p{Pd}\p{Cf}./_]{0,3}\p{Nd})+/gu;

function numberHits(text: string, known: KnownIdentifiers): Hit[] {
  const hits: Hit[] = [];
  for (const c of findCprNumbers(text)) hits.push({ start: c.start, end: c.end, kind: 'cpr' });
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0].replace(/[\s\p{Pd}\p{Cf}./_]+$/u, '');
    const digits = run.normalize('NFKC').replace(/\D/g, '');
    if (digits.length < 6 || isDate(run.normalize('NFKC')) || ordinaryNumber(text, m.index ?? 0, run)) continue;
    hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + run.length, kind: 'talraekke' });
  }
  // Known sagsnumre in any spelling: compared without separators and case ("bu 2026 1003", "BU‑2026‑1003").
  const squeezed: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    const ch = fold(text[i] ?? '');
    if (/^[\p{L}\p{N}]+$/u.test(ch)) {
      flat += ch;
      for (let k = 0; k < ch.length; k++) squeezed.push(i);
    }
  }
  for (const number of known.sagsnumre) {
    const target = fold(number).replace(/[^\p{L}\p{N}]/gu, '');
    if (target.length < 4) {
      // A short one ("B-7") only as a whole token, or it would be found inside ordinary words and numbers; one of
      // digits only ("12") would be found in every count of the report, so it is left to the six-digit rule.
      if (!/\p{N}/u.test(target) || !/\p{L}/u.test(target)) continue;
      const chars = [...target].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const short = new RegExp(`(?<![\\p{L}\\p{N}])${chars.join(SEPARATORS)}(?![\\p{L}\\p{N}])`, 'giu');
      for (const m of text.matchAll(short))
        hits.push({ start: m.index, end: m.index + m[0].length, kind: 'sagsnummer' });
      continue;
    }
    for (let at = flat.indexOf(target); at >= 0; at = flat.indexOf(target, at + 1)) {
      const start = squeezed[at] ?? 0;
      const end = (squeezed[at + target.length - 1] ?? start) + 1;
      hits.push({ start, end, kind: 'sagsnummer' });
    }
  }
  return hits;
}

/** Overlapping hits become one passage, of the most telling kind among them. */
const RANK: PassageKind[] = ['cpr', 'sagsnummer', 'navn', 'initialer', 'talraekke'];

/**
 * Every passage of `text` that may identify a child or a caseworker: CPR-like numbers, known sagsnumre in any
 * spelling, any other run of six or more digits (not a date), known caseworker names in any case or spelling
 * (æ/ae, ø/oe, å/aa, accents, genitive), and their initials. Neighbouring name parts ("Anne Holm") are one passage.
 */
export function identifyingPassages(text: string, known: KnownIdentifiers): Passage[] {
  const hits = [...numberHits(text, known), ...nameHits(text, known)].sort((a, b) => a.start - b.start);
  const merged: Hit[] = [];
  for (const hit of hits) {
    const last = merged[merged.length - 1];
    const touching =
      last && (hit.start <= last.end || (/^\s+$/u.test(text.slice(last.end, hit.start)) && bothNames(last, hit)));
    if (last && touching) {
      last.end = Math.max(last.end, hit.end);
      if (RANK.indexOf(hit.kind) < RANK.indexOf(last.kind)) last.kind = hit.kind;
    } else {
      merged.push({ ...hit });
    }
  }
  return merged.map((h) => ({
    ...h,
    text: text.slice(h.start, h.end),
    before: text.slice(Math.max(0, h.start - CONTEXT), h.start),
    after: text.slice(h.end, h.end + CONTEXT),
  }));
}

const bothNames = (a: Hit, b: Hit) => a.kind === 'navn' && b.kind === 'navn';

/** The public documents the check guards before they leave the app (with their metadata and file names). */
export const PUBLIC_DOCUMENTS = ['udvalg', 'team'] as const;
export type PublicDocument = (typeof PUBLIC_DOCUMENTS)[number];

export const PUBLIC_DOCUMENT_LABELS: Record<PublicDocument, string> = {
  udvalg: 'Rapporten til udvalget',
  team: 'Teamnotatet',
};

/** Where the leader rewrites a text: the screen, and the sag for a text written in a sag's review. */
export type TextPlace =
  | { screen: 'rediger' | 'resultater' | 'formidling' | 'indstillinger' | 'skabelon' }
  | { screen: 'sag'; sagId: number }
  /** Written under Resultater of another tilsyn (the last round's plans, followed up in this report). */
  | { screen: 'tidligere'; tilsynId: number };

/** A text a public document prints, with what it is ("Ledelsens vurdering af krav 3.2") and where it is written. */
export interface PublicText {
  label: string;
  text: string;
  place: TextPlace;
}

/** A passage of a public text that may identify someone, and whether the leader marked it as not identifying. */
export interface CheckedPassage extends Passage {
  label: string;
  place: TextPlace;
  /** The hash of the whole text as printed and the passage's kind: the mark belongs to this text and kind only. */
  textHash: string;
  ok: boolean;
}

export interface PublicationCheck {
  document: PublicDocument;
  passages: CheckedPassage[];
  /** Passages not yet rewritten or marked as not identifying: the document is not made while any is left. */
  unresolved: number;
}

/** A CPR-like number is never marked as not identifying: the text must be rewritten. */
export const canBeMarked = (p: Pick<Passage, 'kind'>) => p.kind !== 'cpr';

/**
 * The check of a document's texts: each passage that may identify someone, once per distinct text (a text printed
 * twice is checked once), with the leader's marks applied. `hashOf` and `marked` come from the backend.
 */
export function checkPublicTexts(
  document: PublicDocument,
  texts: readonly PublicText[],
  known: KnownIdentifiers,
  hashOf: (text: string) => string,
  marked: (textHash: string, start: number, end: number) => boolean,
): PublicationCheck {
  // The same text in several fields is one decision: shown once, naming every field it stands in.
  const byText = new Map<string, PublicText & { labels: string[] }>();
  for (const t of texts) {
    if (!t.text.trim()) continue;
    const same = byText.get(t.text);
    if (same) {
      if (!same.labels.includes(t.label)) same.labels.push(t.label);
    } else byText.set(t.text, { ...t, labels: [t.label] });
  }
  const passages: CheckedPassage[] = [];
  for (const t of byText.values()) {
    for (const p of identifyingPassages(t.text, known)) {
      // A mark covers what the passage was taken for: a number that becomes a known sagsnummer is shown again.
      const textHash = hashOf(`${p.kind}\u0000${t.text}`);
      passages.push({
        ...p,
        label: t.labels.join(' · '),
        place: t.place,
        textHash,
        ok: canBeMarked(p) && marked(textHash, p.start, p.end),
      });
    }
  }
  return { document, passages, unresolved: passages.filter((p) => !p.ok).length };
}

/** Why a document is not made yet: how many passages are left, and where the leader resolves them. */
export function unresolvedMessage(check: PublicationCheck): string {
  const n = check.unresolved;
  const what = n === 1 ? 'ét sted' : `${n} steder`;
  return (
    `${PUBLIC_DOCUMENT_LABELS[check.document]} er et offentligt dokument, og dets tekster har ${what}, der måske ` +
    'kan identificere et barn eller en sagsbehandler. Gennemgå dem under 6. Formidling › Tjek før offentliggørelse: ' +
    'ret teksten, eller markér stedet som ikke identificerende. Intet er lavet endnu.'
  );
}
