import { z } from '../zod';
import { INVISIBLE } from './invisible';
import { storedText } from './stored-text';

/**
 * Enheder (issue #14): a small hierarchy kept in the file, forvaltning → afdeling → team. A tilsyn belongs to one
 * enhed, so development, baseline and coverage are per enhed, never mixed with another team's on the same
 * template. Tilsyn made before there were enheder got one per distinct name, marked for the leader to confirm.
 */

export const UNIT_LEVELS = ['forvaltning', 'afdeling', 'team'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  forvaltning: 'Forvaltning',
  afdeling: 'Afdeling',
  team: 'Team',
};

/** »en afdeling«, »et team«. */
export const withArticle = (level: UnitLevel) =>
  `${level === 'team' ? 'et' : 'en'} ${UNIT_LEVEL_LABELS[level].toLowerCase()}`;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Between the names of a path: »Børne- og familieafdelingen › Team Nord«. */
export const PATH_SEPARATOR = ' › ';

/**
 * Two names are one enhed's when they read the same: case, width, runs of spaces and characters that show nothing
 * do not count (»Team\u200bNord« is »Team Nord«).
 */
export function unitKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('da');
}

export interface Unit {
  id: number;
  navn: string;
  niveau: UnitLevel;
  foraelderId: number | null;
  /** False for an enhed made from a tilsyn's free text when enheder came in: the leader confirms or merges it. */
  bekraeftet: boolean;
  /** Tilsyn that belong to it (not those of the enheder below it). */
  tilsyn: number;
  /** Seen in its tilsyn's imported sagslister, sorted. */
  sagsbehandlere: string[];
  sagstyper: string[];
}

export interface UnitNode extends Unit {
  /** From the top: »Forvaltning › Afdeling › Team«. */
  path: string;
  depth: number;
  children: UnitNode[];
}

const byName = (a: { navn: string }, b: { navn: string }) => a.navn.localeCompare(b.navn, 'da');

/** The enheder as a tree, each level sorted by name; an enhed whose parent is missing stands at the top. */
export function unitTree(units: readonly Unit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const build = (parent: number | null, path: string, depth: number): UnitNode[] =>
    units
      .filter((u) => (parent === null ? u.foraelderId === null || !ids.has(u.foraelderId) : u.foraelderId === parent))
      .sort(byName)
      .map((u) => {
        const own = path ? `${path}${PATH_SEPARATOR}${u.navn}` : u.navn;
        return { ...u, path: own, depth, children: build(u.id, own, depth + 1) };
      });
  return build(null, '', 0);
}

/** Every node of the tree, parents before their children. */
export function flattenTree(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The ids of an enhed and every enhed below it. */
export function unitAndBelow(units: readonly Pick<Unit, 'id' | 'foraelderId'>[], id: number): Set<number> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units)
      if (u.foraelderId !== null && out.has(u.foraelderId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
  }
  return out;
}

/**
 * Why an enhed cannot sit under `parentId`, in Danish, or null when it can: the parent must exist, not be the enhed
 * itself or one below it, and stand at a higher level (a team under an afdeling or a forvaltning).
 */
export function placementProblem(
  units: readonly Pick<Unit, 'id' | 'foraelderId' | 'niveau'>[],
  id: number | null,
  niveau: UnitLevel,
  parentId: number | null,
): string | null {
  if (parentId === null) return null;
  const parent = units.find((u) => u.id === parentId);
  if (!parent) return 'Den overordnede enhed findes ikke (den kan være slettet).';
  if (id !== null && unitAndBelow(units, id).has(parentId))
    return 'En enhed kan ikke ligge under sig selv eller under en af sine egne underenheder.';
  if (UNIT_LEVELS.indexOf(parent.niveau) >= UNIT_LEVELS.indexOf(niveau))
    return `${capitalised(withArticle(niveau))} kan ikke ligge under ${withArticle(parent.niveau)}.`;
  return null;
}

export type NameMatch = { kind: 'one'; unit: Unit } | { kind: 'several'; units: Unit[] } | { kind: 'none' };

/**
 * The enhed a tilsyn's typed enhed names: by its name, or by its path where two enheder share a name
 * (»Jobcenter › Team Nord«).
 */
export function matchUnitName(units: readonly Unit[], text: string): NameMatch {
  const key = unitKey(text);
  const nodes = flattenTree(unitTree(units));
  // A path may leave out the levels above (»Jobcenter › Team Nord« under a forvaltning).
  const byPath = key.includes(PATH_SEPARATOR.trim())
    ? nodes.filter((n) => unitKey(n.path) === key || unitKey(n.path).endsWith(`${PATH_SEPARATOR}${key}`))
    : [];
  const found = byPath.length > 0 ? byPath : nodes.filter((n) => unitKey(n.navn) === key);
  const plain = found.map(({ path: _p, depth: _d, children: _c, ...u }) => u);
  if (plain.length === 1 && plain[0]) return { kind: 'one', unit: plain[0] };
  return plain.length > 1 ? { kind: 'several', units: plain } : { kind: 'none' };
}

const id = z.number({ error: 'Vælg en enhed' }).int().positive('Vælg en enhed');
/** An enhed's name: trimmed, without invisible characters or the path's separator, as it is kept. */
export const unitNameSchema = z
  .string({ error: 'Skriv enhedens navn' })
  .trim()
  .min(1, 'Skriv enhedens navn')
  .max(200, 'Navnet må højst være 200 tegn')
  .refine((v) => !v.includes(PATH_SEPARATOR.trim()), `Navnet må ikke indeholde »${PATH_SEPARATOR.trim()}«`)
  // Invisible characters would make a second enhed that looks like the first.
  .transform((v) => storedText(v.replace(INVISIBLE, '')))
  // Masking a CPR number lengthens the text: the stored name must still fit a tilsyn's enhed field.
  .refine((v) => v.length <= 200, 'Navnet må højst være 200 tegn');

export const unitInputSchema = z
  .object({
    navn: unitNameSchema,
    niveau: z.enum(UNIT_LEVELS, { error: 'Vælg forvaltning, afdeling eller team' }),
    foraelderId: id.nullable().default(null),
  })
  .strict();
export const unitUpdateSchema = unitInputSchema.extend({ id }).strict();
export const unitMergeSchema = z
  .object({ fraId: id, tilId: id })
  .strict()
  .refine((v) => v.fraId !== v.tilId, { path: ['tilId'], message: 'Vælg en anden enhed at flette med' });
export const unitRefSchema = z.object({ id }).strict();

export type UnitInput = z.output<typeof unitInputSchema>;
