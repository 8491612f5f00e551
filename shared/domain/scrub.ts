import { maskCpr } from './cpr';

/**
 * Removing what identifies a child or a caseworker from a leader's free text before it is published or kept after
 * the case data is deleted. Pure; used by the committee report (backend) and the retention store (db).
 */

/** The replacement for a removed name or sagsnummer. */
export const SCRUBBED = '[fjernet]';

/** Every sagsnummer and caseworker name a database holds. */
export interface KnownIdentifiers {
  sagsnumre: readonly string[];
  sagsbehandlere: readonly string[];
  /** Those of deleted case data, kept only as keyed hashes: the publication check still finds them. */
  hashed?: HashedIdentifiers;
}

/**
 * Identifiers kept as hashes of their compared forms (folded name parts and initials, sagsnumre as the check squeezes
 * them; see `nameKeys` in name-keys.ts and `sagsnummerKey`). `hash` is the same keyed hash they were stored with.
 */
export interface HashedIdentifiers {
  hash(compared: string): string;
  navne: ReadonlySet<string>;
  initialer: ReadonlySet<string>;
  /** Skeletons of name parts and of initials (æ, ø, å as a, o, a). */
  skeletter: ReadonlySet<string>;
  initialSkeletter: ReadonlySet<string>;
  /** By the compared form's length, so the check hashes only pieces of the lengths there are. */
  sagsnumre: ReadonlyMap<number, ReadonlySet<string>>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ways a name may be written: as stored, and "Holm, Anne" also as "Anne Holm" (and the other way round). */
function nameVariants(name: string): string[] {
  const n = name.trim().replace(/\s+/g, ' ');
  const out = [n];
  const comma = /^([^,]+),\s*(.+)$/.exec(n);
  if (comma?.[1] && comma[2]) out.push(`${comma[2].trim()} ${comma[1].trim()}`);
  return out;
}

/**
 * A function that replaces every known sagsnummer and caseworker name in a text with "[fjernet]" (whole words, any
 * case, any spacing inside a name, with or without a genitive s), also each part of a name of three letters or
 * more, and masks CPR numbers. Longer terms win, so "Anne Holm Jensen" goes as one.
 */
export function createScrubber(known: KnownIdentifiers): (text: string) => string {
  const terms = new Set<string>();
  for (const s of known.sagsnumre) {
    const t = s.trim();
    if (t.length >= 2) terms.add(t);
  }
  for (const name of known.sagsbehandlere) {
    for (const v of nameVariants(name)) if (v.length >= 2) terms.add(v);
    // A first name or surname on its own ("Anne mangler at …") points to a person too.
    for (const part of name.split(/[\s,]+/)) if (part.length >= 3) terms.add(part);
  }
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  const pattern =
    sorted.length === 0
      ? null
      : new RegExp(
          // A Danish genitive ("Anne Holms sager") goes with the name.
          `(?<![\\p{L}\\p{N}])(?:${sorted.map((t) => escapeRegExp(t).replace(/ /g, '\\s+')).join('|')})(?:'?s)?(?![\\p{L}\\p{N}])`,
          'giu',
        );
  return (text: string) => {
    const named = pattern ? text.replace(pattern, SCRUBBED) : text;
    return maskCpr(named).text;
  };
}
