import { asciiDigitCount, CPR_DIGITS, detectionText, findCprNumbers } from './cpr';
import { listInDanish } from './format';

/**
 * The one check every string on its way to storage passes (the API's input after its schema, and each importer):
 * a string that still holds a CPR-like number is refused, naming the field. Free texts are masked by their schema
 * before they get here; what is left (template texts, keys, names, filters) would lose its meaning if masked.
 */

export type FieldPath = (string | number)[];

export interface CprProblem {
  /** Where the number is; a name of a record (a date's key) is reported at the record. */
  paths: FieldPath[];
  /** Danish, e.g. »Spørgsmålets tekst (afsnit 2, spørgsmål 3)«, one per path. */
  labels: string[];
}

// A valid date with a four-digit year is a date, never half of a number split across two fields.
// What stands between it and its neighbour when they are read together: a letter, so it never reads as a separator.
const DATE_WALL = '\n|x|\n';
const DATE_VALUE = /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})\s*$/;

/**
 * Every place in a value where a CPR-like number would be stored: in a string, in the name of a record's entry,
 * or split over the neighbouring strings of one object or list ("010190" in one field and "1234" in the next).
 * `skip` leaves fields out that their importer checks itself (a file's bytes or text).
 */
export function cprProblems(value: unknown, skip: (path: FieldPath) => boolean = () => false): CprProblem[] {
  return tooFewDigits(value, skip) ? [] : cprProblemsInFull(value, skip);
}

/**
 * Whether the value plainly holds no CPR-like number, without the search (issue #18: a saved answer's »q-12«,
 * »leder«, »ja« cost a tenth of the save): every string is ASCII, so reads as itself, and fewer than CPR_DIGITS of
 * the characters of all its strings together may read as digits, so no join of them can hold one (the searches join
 * with a space, nothing or a wall of letters). An entry's name is searched alone, so it is counted alone. False
 * sends the value to the full search.
 */
function tooFewDigits(value: unknown, skip: (path: FieldPath) => boolean): boolean {
  let digits = 0;
  const fits = (v: unknown, path: FieldPath): boolean => {
    if (skip(path)) return true;
    if (typeof v === 'string') {
      const n = asciiDigitCount(v, digits);
      if (n === undefined || n >= CPR_DIGITS) return false;
      digits = n;
      return true;
    }
    if (v === null || typeof v !== 'object') return true;
    if (Array.isArray(v)) return v.every((x, i) => fits(x, [...path, i]));
    for (const key of Object.keys(v)) {
      if ((asciiDigitCount(key) ?? CPR_DIGITS) >= CPR_DIGITS) return false;
      if (!fits((v as Record<string, unknown>)[key], [...path, key])) return false;
    }
    return true;
  };
  return fits(value, []);
}

/**
 * The CPR-like numbers in the boxes of one form, read as a person reads them: each box alone, all of them one after
 * the other as the screen shows them, and any two side by side (a number split over two boxes that are not next to
 * each other is still one number; found by the attack on #18). `boxes` are [the field's path as text, its text].
 */
export function cprProblemsInBoxes(boxes: readonly (readonly [string, string | undefined])[]): CprProblem[] {
  const present = boxes.filter((b): b is readonly [string, string] => typeof b[1] === 'string' && b[1] !== '');
  const found = new Map<string, CprProblem>();
  const add = (value: Record<string, string>) => {
    for (const p of cprProblems(value)) found.set(p.paths.map((path) => path.join('.')).join('|'), p);
  };
  add(Object.fromEntries(present));
  for (const a of present) for (const b of present) if (a !== b) add(Object.fromEntries([a, b]));
  return [...found.values()];
}

/** cprProblems without the shortcut: every string, every entry's name and every join searched (tests compare). */
export function cprProblemsInFull(value: unknown, skip: (path: FieldPath) => boolean = () => false): CprProblem[] {
  const problems: CprProblem[] = [];
  const visit = (v: unknown, path: FieldPath) => {
    if (skip(path)) return;
    if (typeof v === 'string') {
      if (findCprNumbers(v).length > 0) problems.push(problemAt([path]));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && findCprNumbers(key).length > 0) problems.push(problemAt([path]));
      visit(child, [...path, key]);
    }
    const neighbours = entries.filter(
      (e): e is [string | number, string] => typeof e[1] === 'string' && !skip([...path, e[0]]),
    );
    for (const split of splitNumbers(neighbours.map((e) => e[1]))) {
      problems.push(problemAt(split.map((i) => [...path, neighbours[i]?.[0] ?? ''])));
    }
  };
  visit(value, []);
  return problems;
}

/**
 * The CPR-like numbers that only show when neighbouring strings are read together: with a space between, as a
 * person reads two boxes side by side, and with nothing between, as the stored bytes lie ("130508.2" and "696"
 * read as "130508.2696"). The indexes of the strings each one spans.
 */
export function splitNumbers(
  strings: readonly string[],
  options: {
    quick?: boolean;
    /** cellReading, memoised by a caller that reads many rows (a sagsliste's names and types repeat). */
    reading?: (s: string) => CellReading;
  } = {},
): number[][] {
  // Each string is asked once whether it is a date, and read once: a sagsliste's rows pass here one by one (#18).
  const readings = strings.map(options.reading ?? cellReading);
  const isDate = readings.map((r) => r.isDate);
  const read = readings.map((r) => r.read);
  if (read.filter((s) => NUMBER.test(s)).length < 2) return [];
  const quick = options.quick ?? true;
  // Most rows of a sagsliste have a letter between each two numbers: nothing can run across them (issue #18).
  if (quick && !mayRunAcross(read)) return [];
  const found = new Map<string, number[]>();
  const walled = (i: number) => isDate[i] === true || isDate[i - 1] === true;
  for (const between of [' ', ''])
    for (const span of spansJoinedBy(strings, between, walled, quick)) found.set(span.join(), span);
  // A date between the two halves is a wall, not a screen: »010190« and »1234« with a date between them.
  const datesOut = strings.map((s, i) => (isDate[i] ? '' : s));
  for (const span of spansJoinedBy(datesOut, ' ', () => false, quick)) {
    const halves = span.filter((i) => datesOut[i] !== '');
    found.set(halves.join(), halves);
  }
  return [...found.values()];
}

export interface CellReading {
  isDate: boolean;
  /** Read as the search reads it (NFKC: »º« is an o, »ℓ« an l, »㏠« a 1); a date as ''. */
  read: string;
}

/** How the split search reads one string: whether it is a date, and its text as the CPR search reads it. */
export function cellReading(s: string): CellReading {
  const isDate = DATE_VALUE.test(s);
  return { isDate, read: isDate ? '' : detectionText(s) };
}

/**
 * Letters that never read as a digit or a separator (not o, O, i, I, l, which the CPR search reads as digits beside
 * one: digit-like.ts): a CPR-like number cannot run through one. Other letters (ø, other scripts) are let through:
 * the full search then decides.
 */
const STOP_LETTERS = 'a-hjkmnp-zA-HJ-NP-Zæå';
const STOPS = new RegExp(`[${STOP_LETTERS}]`);
/**
 * What may be part of a number in a text as the search reads it (every digit is an ASCII one there): a digit, or a
 * letter read as one beside a digit (»9O«, »ø0«).
 */
const NUMBER = /[0-9oOøØiIl]/;

/**
 * Whether a number could run from one string into a later one: between some two strings that hold digits (the end
 * of the first, every string between, the start of the second), no letter that stops a number; dates left out, as
 * the third search leaves them out. False is certain; true sends the strings to the full search.
 */
function mayRunAcross(read: readonly string[]): boolean {
  let gap: string | undefined;
  // A date is a wall in two of the searches and left out in the third: read here as if it were not there ('').
  for (const s of read) {
    const first = s.search(NUMBER);
    if (first < 0) {
      if (gap !== undefined) gap += s;
      continue;
    }
    if (gap !== undefined && !STOPS.test(gap) && !STOPS.test(s.slice(0, first))) return true;
    gap = s.slice(lastNumberEnd(s));
  }
  return false;
}

/** Where the text's last character that may be part of a number ends. */
function lastNumberEnd(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (NUMBER.test(s.charAt(i))) return i + 1;
  return 0;
}

/**
 * The strings joined by `between` (a date walled off from its neighbours where `walled`), searched for CPR-like numbers
 * that span two or more of them. `quick` searches only the stretches between two letters that stop a number (STOPS)
 * that reach over a join: a number lies inside one such stretch (it holds only digits and separators), and every
 * rule of the search reads no further than the letter before or after it, so the answer is that of the whole text.
 */
function spansJoinedBy(
  strings: readonly string[],
  between: string,
  walled: (i: number) => boolean,
  quick: boolean,
): number[][] {
  let joined = '';
  const starts: number[] = [];
  strings.forEach((s, i) => {
    if (i > 0) joined += walled(i) ? DATE_WALL : between;
    starts.push(joined.length);
    joined += s;
  });
  const indexAt = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && (starts[i + 1] ?? Infinity) <= offset) i++;
    return i;
  };
  const out: number[][] = [];
  const search = (from: number, to: number) => {
    for (const m of findCprNumbers(joined.slice(from, to))) {
      const first = indexAt(from + m.start);
      const last = indexAt(from + m.end - 1);
      if (last > first) out.push(Array.from({ length: last - first + 1 }, (_, k) => first + k));
    }
  };
  if (!quick) search(0, joined.length);
  else
    for (const stretch of joined.matchAll(STRETCH)) {
      const from = stretch.index;
      const to = from + stretch[0].length;
      if (indexAt(to - 1) > indexAt(from)) search(from, to);
    }
  return out;
}

/** What lies between two letters that stop a number: the search's stretches (see spansJoinedBy). */
const STRETCH = new RegExp(`[^${STOP_LETTERS}]+`, 'g');

function problemAt(paths: FieldPath[]): CprProblem {
  return { paths, labels: paths.map(fieldLabel) };
}

/** Field names in Danish, by the end of their path (list indexes left out); the longest match wins. */
const FIELD_LABELS: [string, string][] = [
  ['questions.text', 'Spørgsmålets tekst'],
  ['soeg', 'Søgningen'],
  ['questions.help', 'Spørgsmålets hjælpetekst'],
  ['questions.legalRef', 'Spørgsmålets lovhenvisning'],
  ['questions.key', 'Spørgsmålets nøgle'],
  ['frist.fra', 'Datofeltet fristen regnes fra'],
  ['frist.til', 'Datofeltet der skal ligge inden for fristen'],
  ['frist.kilde', 'Fristens kilde'],
  ['tidligereRegler.kilde', 'Kilden til den tidligere regel'],
  ['options.label', 'Svarmulighedens tekst'],
  ['options.value', 'Svarmulighedens nøgle'],
  ['rules.anyOf', 'Reglens værdi'],
  ['rules.question', 'Reglens spørgsmål'],
  ['rules.felt', 'Reglens datofelt'],
  ['rules.kilde', 'Reglens kilde'],
  ['sections.title', 'Afsnittets titel'],
  ['sections.description', 'Afsnittets beskrivelse'],
  ['sections.key', 'Afsnittets nøgle'],
  ['dateFields.label', 'Datofeltets navn'],
  ['dateFields.key', 'Datofeltets nøgle'],
  ['name', 'Skabelonens navn'],
  ['description', 'Skabelonens beskrivelse'],
  ['filters.sagstyper', 'Filteret på sagstype'],
  ['filters.teams', 'Filteret på team'],
  ['filters.dateKey', 'Datoen i filteret'],
  ['mapping.header', 'Kolonnens overskrift'],
  ['mapping.dateKey', 'Kolonnens dato'],
  ['dates', 'Navnet på en dato'],
  ['dateKey', 'Datoen'],
  ['sagsnummer', 'Sagsnummeret'],
  ['sagstype', 'Sagstypen'],
  ['sagsbehandler', 'Sagsbehandleren'],
  ['team', 'Teamet'],
  ['afsnit', 'Det valgte afsnit'],
  ['questionKey', 'Spørgsmålets nøgle'],
  ['override.reason', 'Begrundelsen for at tilsidesætte fristen'],
  ['value', 'Svaret'],
  ['note', 'Noten'],
  ['reason', 'Begrundelsen'],
  ['text', 'Teksten'],
  ['ansvarlig', 'Ansvarlig'],
  ['deltagere', 'Deltagerne'],
  ['refleksioner', 'Refleksionerne'],
  ['vurdering', 'Vurderingen'],
  ['plan', 'Planen'],
  ['begrundelse', 'Begrundelsen'],
  ['navn', 'Navnet'],
  ['titel', 'Tilsynets titel'],
  ['enhed', 'Enheden'],
  ['formaal', 'Formålet'],
  ['fokus', 'Fokus'],
  ['kommune', 'Kommunens navn'],
  ['forvaltning', 'Forvaltningen'],
  ['drawnBy', 'Hvem der trak stikprøven'],
  ['meta.area', 'Skabelonens område'],
  ['key', 'Den valgte nøgle (spørgsmål, dato eller krav)'],
  ['fileName', 'Filnavnet'],
  ['path', 'Stien'],
  ['folder', 'Mappen'],
  ['bekraeft', 'Bekræftelsen'],
];

/** The value of one entry of a record, by the record's name. */
const RECORD_ENTRIES: Record<string, string> = { dates: 'En af sagens datoer' };

/** Where a list entry is, in the words of the screens. */
const POSITIONS: Record<string, string> = {
  sections: 'afsnit',
  questions: 'spørgsmål',
  options: 'svarmulighed',
  rules: 'regel',
  dateFields: 'datofelt',
  mapping: 'kolonne',
  anyOf: 'værdi',
  sagstyper: 'nr.',
  teams: 'nr.',
  afsnit: 'nr.',
};

/** »Spørgsmålets tekst (afsnit 2, spørgsmål 3)« for ['content','sections',1,'questions',2,'text']. */
export function fieldLabel(path: FieldPath): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  // An entry of a record (a sag's dates by their key) is named by its record, not by its key.
  const record = RECORD_ENTRIES[String(path[path.length - 2] ?? '')];
  if (record && typeof path[path.length - 1] === 'string') return record;
  const shape = names.join('.');
  const hit = FIELD_LABELS.find(([suffix]) => shape === suffix || shape.endsWith(`.${suffix}`));
  const positions: string[] = [];
  path.forEach((p, i) => {
    const list = path[i - 1];
    if (typeof p === 'number' && typeof list === 'string' && POSITIONS[list])
      positions.push(`${POSITIONS[list]} ${p + 1}`);
  });
  const label = hit?.[1] ?? `Feltet »${shape || 'input'}«`;
  return positions.length ? `${label} (${positions.join(', ')})` : label;
}

/**
 * The Danish refusal: one message per field (for the form), and one for the whole. `saving` ends the sentence
 * »Fjern det, før …«, e.g. 'skabelonen gemmes'.
 */
export function cprRefusal(
  problems: readonly CprProblem[],
  saving: string,
): { message: string; fieldErrors: Record<string, string> } {
  const fix = `Fjern det, før ${saving}.`;
  const sentence = (p: CprProblem) =>
    p.labels.length > 1
      ? `${listInDanish(p.labels)} indeholder tilsammen noget, der ligner et CPR-nummer. ${fix}`
      : `${p.labels[0]} indeholder noget, der ligner et CPR-nummer. ${fix}`;
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) {
    for (const path of p.paths) {
      const key = path.map(String).join('.') || '_';
      fieldErrors[key] ??= sentence(p);
    }
  }
  const [first] = problems;
  const others = problems.length - 1;
  const message = !first
    ? ''
    : others === 0
      ? sentence(first)
      : `${listInDanish([...first.labels, `${others} ${others === 1 ? 'andet felt' : 'andre felter'}`])} indeholder noget, der ligner et CPR-nummer. ${fix}`;
  return { message, fieldErrors };
}
