import { fold, skeleton } from './fold';
import type { KnownIdentifiers } from './scrub';

/**
 * A caseworker's name as the publication check compares it (issue #12): every form a leader might write it in.
 * The one definition, also for the hashes kept after case data is deleted. Pure.
 */
export interface NameKeys {
  /** The name's words (two letters or more), and runs of them written as one word (»anneholm«), folded. */
  parts: string[];
  /** Initials: the first letters (AH, AMS), the first and a later word's (JN), and the staff forms of one or two
   * letters of the first name and of a later word (AHO, ANH, LIHA, SØÆR), folded. */
  initials: string[];
  /** The parts with æ, ø, å written a, o, a (»soren«), where that differs. */
  skeletons: string[];
  /** The initials so (»joni« for JØNI), where that differs. */
  initialSkeletons: string[];
}

export function nameKeys(name: string): NameKeys {
  // »Hansen, Line« is Line Hansen.
  const words = name
    .replace(/^([^,]+),\s*(.+)$/, '$2 $1')
    .split(/[\s-]+/)
    .filter(Boolean);
  const folded = words.map(fold);
  const parts = new Set(folded.filter((w) => w.length >= 2));
  for (let i = 0; i < folded.length; i++)
    for (let j = i + 2; j <= folded.length; j++) parts.add(folded.slice(i, j).join(''));
  const initials = new Set<string>();
  const [first = '', ...later] = words;
  if (words.length >= 2 && words.length <= 3) initials.add(fold(words.map((w) => w.charAt(0)).join('')));
  for (const w of later) {
    for (const a of [first.slice(0, 1), first.slice(0, 2)])
      for (const b of [w.slice(0, 1), w.slice(0, 2)])
        if (a && b) {
          initials.add(fold(a + b));
          // Surname first, as some systems write them (HOAN for Anne Holm).
          initials.add(fold(b + a));
        }
  }
  const skeletonsOf = (forms: Set<string>) => [...new Set([...forms].map(skeleton))].filter((k) => !forms.has(k));
  return {
    parts: [...parts],
    initials: [...initials],
    skeletons: skeletonsOf(parts),
    initialSkeletons: skeletonsOf(initials),
  };
}

/** Whether a folded word is a known name part, initials, or a known skeleton: in plain, or among the hashes. */
export interface NameMatcher {
  isPart(folded: string): boolean;
  isInitials(folded: string): boolean;
  /** The word's skeleton is a known name's (»Soren« for Søren): to be taken only where it is written as a name. */
  isSkeleton(folded: string): boolean;
}

const matchers = new WeakMap<KnownIdentifiers, NameMatcher>();

/** The matcher of one set of known names, made once per check (it is asked for each text). */
export function nameMatcher(known: KnownIdentifiers): NameMatcher {
  const cached = matchers.get(known);
  if (cached) return cached;
  const made = makeMatcher(known);
  matchers.set(known, made);
  return made;
}

function makeMatcher(known: KnownIdentifiers): NameMatcher {
  const parts = new Set<string>();
  const initials = new Set<string>();
  const skeletons = new Set<string>();
  const initialSkeletons = new Set<string>();
  for (const name of known.sagsbehandlere) {
    const keys = nameKeys(name);
    for (const p of keys.parts) parts.add(p);
    for (const i of keys.initials) initials.add(i);
    for (const k of keys.skeletons) skeletons.add(k);
    for (const k of keys.initialSkeletons) initialSkeletons.add(k);
  }
  const h = known.hashed;
  const hashedHas = (set: ReadonlySet<string> | undefined, value: string) =>
    h !== undefined && set !== undefined && set.size > 0 && set.has(h.hash(value));
  return {
    isPart: (f) => parts.has(f) || hashedHas(h?.navne, f),
    isInitials: (f) => {
      const k = skeleton(f);
      return (
        initials.has(f) ||
        initialSkeletons.has(k) ||
        initials.has(k) ||
        hashedHas(h?.initialer, f) ||
        hashedHas(h?.initialSkeletter, k) ||
        hashedHas(h?.initialer, k)
      );
    },
    isSkeleton: (f) => {
      const s = skeleton(f);
      return skeletons.has(s) || parts.has(s) || hashedHas(h?.skeletter, s) || hashedHas(h?.navne, s);
    },
  };
}

/** A name part on its own: a genitive (Annes, Anne's) is the same name. */
export function nameForms(part: string): string[] {
  const f = fold(part);
  return [f, f.replace(/['’]?s$/, '')];
}
