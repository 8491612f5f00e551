import type { TilsynDatabase } from '../../db/open';

// Reading what a database holds, and putting a value into one field of an input, for the CPR tests.

export type Path = (string | number)[];

export interface Leaf {
  path: Path;
  /** 'key': the name of a record's entry (a sag's date), 'value': a string value. */
  kind: 'value' | 'key';
  /** Another string value of the same object or list. */
  siblingOf(other: Leaf): boolean;
}

/** Records whose entry names are stored (a sag's dates): their keys are fields too. */
const RECORDS = new Set(['dates']);

/** Every string of an input, with where it is. */
export function stringLeaves(value: unknown, path: Path = []): Leaf[] {
  const leaf = (p: Path, kind: Leaf['kind']): Leaf => ({
    path: p,
    kind,
    siblingOf: (o) =>
      kind === 'value' && o.kind === 'value' && o.path.slice(0, -1).join('\0') === p.slice(0, -1).join('\0'),
  });
  if (typeof value === 'string') return [leaf(path, 'value')];
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((x, i) => [i, x])
    : Object.entries(value);
  const isRecord = RECORDS.has(String(path[path.length - 1]));
  return entries.flatMap(([k, v]) => [
    ...(isRecord ? [leaf([...path, k], 'key')] : []),
    ...stringLeaves(v, [...path, k]),
  ]);
}

/** A copy of the input with the leaf's string (or key) replaced. */
export function withValueAt(input: unknown, leaf: Leaf, text: string): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const p of leaf.path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = leaf.path[leaf.path.length - 1] ?? '';
  if (leaf.kind === 'key') {
    const v = parent[last];
    delete parent[last];
    parent[text] = v;
  } else parent[last] = text;
  return copy;
}

export interface StoredText {
  table: string;
  column: string;
  row: number;
  value: string;
}

/**
 * Columns that hold checksums (sha256 or HMAC-SHA256 in hex) and nothing else: a run of ten hex digits can read as
 * a date and a serial by chance (about one hash in 400), which says nothing about a CPR number stored. They are
 * checked to hold exactly 64 hex digits, so no text can ride in them, and are not searched for CPR numbers.
 */
const HASH_COLUMNS = new Set([
  'slettet_identifikator.hash',
  'udvalg_afsendelse.sha256',
  'publicering_godkendt.tekst_hash',
  'population.fil_hash',
  'population.indhold_hash',
  'stikproeve.population_hash',
]);

/** Every TEXT value of every table (and every table's name in the file's schema), as SQLite returns them. Checksums are checked apart. */
export function storedTexts(db: TilsynDatabase): StoredText[] {
  const { sqlite } = db;
  const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  const out: StoredText[] = [];
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    rows.forEach((r, row) => {
      for (const [column, value] of Object.entries(r))
        if (typeof value !== 'string') continue;
        else if (!HASH_COLUMNS.has(`${table}.${column}`)) out.push({ table, column, row, value });
        else if (!/^[0-9a-f]{64}$/.test(value))
          throw new Error(`${table}.${column} holds more than a checksum: ${value}`);
    });
  }
  return out;
}
