import { z } from '../zod';
import { containsCpr, isCprValue, maskCpr } from './cpr';
import { inYearRange, isValidIsoDate, YEAR_RANGE_MESSAGE } from './dates';
import { listInDanish } from './format';
import { HALF_PAIR, INVISIBLE, PRINTABLE_ASCII } from './invisible';
import { caseKey } from './sagsoverblik';

/**
 * The case population (sagsliste) as exported from a case system: a grid of text cells, a header row,
 * and a mapping of its columns to what Tilsyn needs. Pure functions; reading files happens on the Node side.
 */

export const COLUMN_TARGETS = [
  'sagsnummer',
  'sagstype',
  'sagsbehandler',
  'team',
  'person',
  'dato',
  'ekstra',
  'ignorer',
] as const;
export type ColumnTarget = (typeof COLUMN_TARGETS)[number];
export const COLUMN_TARGET_LABELS: Record<ColumnTarget, string> = {
  sagsnummer: 'Sagsnummer',
  sagstype: 'Sagstype',
  sagsbehandler: 'Sagsbehandler',
  team: 'Team',
  /** Lets the sagsoverblik count persons as well as sager; kept only as a keyed hash. */
  person: 'Person (barnets eller borgerens id, ikke CPR)',
  dato: 'Dato',
  ekstra: 'Gem som ekstra felt',
  ignorer: 'Gem ikke',
};

export const columnMappingSchema = z.array(
  z
    .object({
      /** The column's header text, as in the file (the reader puts the file's own, masked, in its place). */
      header: z
        .string()
        .max(200)
        .transform((v) => maskCpr(v).text),
      target: z.enum(COLUMN_TARGETS),
      /** For 'dato': which named date (a template date field key, e.g. 'opmaerksomhed'). */
      dateKey: z.string().max(80).optional(),
    })
    .strict(),
);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export interface PopulationRow {
  /** The row's number in the file (1-based), for messages. */
  fileRow: number;
  sagsnummer: string;
  sagstype: string;
  sagsbehandler: string;
  team: string;
  /** The person's reference in the case system (never a CPR number); '' without a person column. */
  person: string;
  dates: Record<string, string>;
  extra: Record<string, string>;
}

export interface RowIssue {
  fileRow: number;
  column: string;
  message: string;
}

// ---------- dates ----------

const DMY = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:[T ][\d:.]+)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/;

/** A date as Danish exports write it: dd-mm-åååå, dd.mm.åååå, dd/mm/åååå or åååå-mm-dd. */
export function parseDanishDate(value: string): { ok: true; iso: string } | { ok: false; message: string } {
  const text = value.trim();
  const dmy = DMY.exec(text);
  const ymd = dmy ? undefined : YMD.exec(text);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : undefined;
  if (!parts) return { ok: false, message: `»${text}« er ikke en dato (brug fx 31-01-2026)` };
  const iso = `${parts[0]}-${parts[1]?.padStart(2, '0')}-${parts[2]?.padStart(2, '0')}`;
  if (!isValidIsoDate(iso)) return { ok: false, message: `datoen »${text}« findes ikke` };
  return inYearRange(iso)
    ? { ok: true, iso }
    : { ok: false, message: `»${text}«: ${YEAR_RANGE_MESSAGE.toLowerCase()}` };
}

// ---------- the grid ----------

const isBlankRow = (row: readonly string[]) => row.every((c) => c.trim() === '');
const looksLikeData = (cell: string) => /^[\d\s.,:/-]+$/.test(cell.trim());

/**
 * The header row: the first of the first 20 rows that fills most of the columns with text (not numbers
 * or dates). Title rows above it ("Sagsudtræk pr. 01-03-2026") fill one cell and are passed over. One CPR-like
 * cell among text headers does not make it data (its name is masked before it is shown or stored).
 * -1 when no row looks like headers: then every row is data and the columns are named "Kolonne 1" ….
 */
export function detectHeaderRow(grid: readonly (readonly string[])[]): number {
  const width = Math.max(0, ...grid.slice(0, 50).map((r) => r.filter((c) => c.trim()).length));
  // A list of one column has a header only where it says what the column is (»Sagsnummer«), not any word.
  if (width === 1) {
    const i = grid
      .slice(0, 20)
      .findIndex((r) => TARGET_WORDS.some(([, pattern]) => pattern.test(normalize(r.find((c) => c.trim()) ?? ''))));
    return i;
  }
  for (let i = 0; i < Math.min(grid.length, 20); i++) {
    const cells = (grid[i] ?? []).filter((c) => c.trim());
    const texts = cells.filter((c) => !containsCpr(c));
    if (
      cells.length >= Math.max(2, Math.ceil(width * 0.6)) &&
      cells.length - texts.length <= 1 &&
      texts.length >= 2 &&
      texts.every((c) => !looksLikeData(c))
    ) {
      return i;
    }
  }
  return -1;
}

const TOTAL_LINE = /^(i ?alt|total|sum|antal)\b/i;

/** Data rows below the header, without blank lines and a trailing totals line. */
export interface DataRow {
  fileRow: number;
  cells: readonly string[];
}

/** The data rows of a grid: those after the header row that are not blank, without a totals line at the end. */
export function dataRows(grid: readonly (readonly string[])[], headerRow: number): DataRow[] {
  const stream = dataRowStream(headerRow);
  return [...stream.add(grid), ...stream.end()];
}

/**
 * dataRows for a grid given a slice at a time (issue #18: a big file's cells are not all kept): `add` takes the
 * grid's next rows and gives the data rows it is sure of, `end` the last one. The last row is held back until then,
 * as it may be a totals line.
 */
export function dataRowStream(headerRow: number) {
  let index = 0;
  let held: DataRow | undefined;
  return {
    add(grid: readonly (readonly string[])[]): DataRow[] {
      const out: DataRow[] = [];
      for (const cells of grid) {
        const i = index++;
        if (i <= headerRow || isBlankRow(cells)) continue;
        if (held) out.push(held);
        held = { fileRow: i + 1, cells };
      }
      return out;
    },
    end(): DataRow[] {
      const last = held;
      held = undefined;
      // A totals line starts with "I alt", "Total" …; a sag whose later text merely starts so is kept.
      const firstCell = last?.cells.find((c) => c.trim())?.trim() ?? '';
      return !last || TOTAL_LINE.test(firstCell) ? [] : [last];
    },
  };
}

/** A key for the file's layout (its header names), so the mapping chosen last time can be offered again. */
export function layoutKey(headers: readonly string[]): string {
  return headers.map((h) => normalize(h)).join('|');
}

function normalize(text: string): string {
  return text
    .normalize('NFC') // "å" may arrive as a + combining ring from some Mac programs
    .toLocaleLowerCase('da')
    .replace(/[^a-z0-9æøå]+/g, ' ')
    .trim();
}

const TARGET_WORDS: [ColumnTarget, RegExp][] = [
  ['sagsnummer', /^(sags ?n(umme)?r|sag ?id|journal ?n(umme)?r|j ?nr|sag)$/],
  ['sagstype', /^(sags ?type|type|ydelse|indsats ?type|foranstaltning|kategori)$/],
  ['sagsbehandler', /^(sagsbehandler|rådgiver|raadgiver|medarbejder|ansvarlig|initialer)( navn| initialer)?$/],
  ['team', /^(team|enhed|afdeling|gruppe)$/],
  // Never »personnummer«: that is the CPR number, which is not kept.
  ['person', /^(person ?id|borger ?id|barn ?id|barnets id|klient ?id|familie ?id)$/],
];

/** Words that say nothing about which date a column holds (»Første dag som ledig«: »ledig« does). */
const NOT_TELLING = new Set(
  'første sidste seneste anden andet dato datoen dag dagen sagen efter inden under eller blev over siden'.split(' '),
);

/** Words of a name as compared for a date field: the first six letters of each telling word of four or more. */
const stems = (text: string) =>
  new Set(
    normalize(text)
      .split(' ')
      .filter((w) => w.length >= 4 && !NOT_TELLING.has(w))
      .map((w) => w.slice(0, 6)),
  );

/** »ledig« and »ledigh«(eden): one word's stem begins the other's. */
const alike = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * The date field a header names by the words they share, each word weighed by how few fields have it (»begyndte«
 * is in many labels, »ledighed« in one); none when two fields tie, so the leader chooses.
 */
function fieldByWords<F extends { key: string; label: string }>(header: string, fields: readonly F[]): F | undefined {
  const scores = new Map<F, number>();
  for (const word of stems(header)) {
    const having = fields.filter((f) =>
      [...stems(f.label), ...stems(f.key.replace(/_/g, ' '))].some((s) => alike(s, word)),
    );
    for (const f of having) scores.set(f, (scores.get(f) ?? 0) + 1 / having.length);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, next] = ranked;
  return best && (!next || next[1] < best[1]) ? best[0] : undefined;
}

/** Whether most filled cells of a column (of the rows looked at) are Danish dates. */
function mostlyDates(values: readonly string[]): boolean {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  return filled.length > 0 && filled.filter((v) => parseDanishDate(v).ok).length >= filled.length * 0.8;
}

/**
 * A first guess at the mapping: well-known column names; dates by their header and their values, matched to the
 * template's date fields by name (the label, the key, or the words they share); CPR-like columns never stored.
 * A column of dates is never taken for the sagsnummer, the type or the caseworker. `sample` are the first data rows.
 */
export function suggestMapping(
  headers: readonly string[],
  dateFields: readonly { key: string; label: string }[],
  cprColumns: ReadonlySet<number> = new Set(),
  sample: readonly (readonly string[])[] = [],
): ColumnMapping {
  const used = new Set<ColumnTarget | string>();
  return headers.map((header, i) => {
    if (cprColumns.has(i)) return { header, target: 'ignorer' };
    const name = normalize(header);
    const datesInside = mostlyDates(sample.map((r) => r[i] ?? ''));
    const hit = datesInside
      ? undefined
      : TARGET_WORDS.find(([target, pattern]) => !used.has(target) && pattern.test(name));
    if (hit) {
      used.add(hit[0]);
      return { header, target: hit[0] };
    }
    const free = dateFields.filter((f) => !used.has(`dato:${f.key}`));
    const exact = free.find((f) => normalize(f.label) === name || normalize(f.key) === name);
    const looksLikeDate = datesInside || /\bdato\b|\bdate\b/.test(name);
    const byWords = looksLikeDate ? fieldByWords(header, free) : undefined;
    const date = exact ?? byWords;
    if (date) {
      used.add(`dato:${date.key}`);
      return { header, target: 'dato', dateKey: date.key };
    }
    // A date the template has no field for is kept as a date under its own name.
    if (looksLikeDate) return { header, target: 'dato' };
    return { header, target: 'ekstra' };
  });
}

/** The largest sagsliste file read (issue #18: an export of 500,000 sager fits), and its length in base64. */
export const SAGSLISTE_MAX_MB = 150;
export const SAGSLISTE_MAX_BYTES = SAGSLISTE_MAX_MB * 1024 * 1024;
export const SAGSLISTE_MAX_BASE64 = Math.ceil(SAGSLISTE_MAX_BYTES / 3) * 4;

/**
 * `fn` with its answers kept by argument, for one pass over a file (the answers must not be changed). At most
 * `limit` are kept, then they are let go and kept anew: a sagsliste repeats its sagstyper, names and dates, but its
 * sagsnumre and notes are each met once, and 200,000 of them need not stay in memory (issue #18). A text asked again
 * soon after (the split search masks the cells the mapper masked) is still known.
 */
export function memoised<T>(fn: (text: string) => T, limit = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const seen = known.get(text);
    if (seen !== undefined || known.has(text)) return seen as T;
    const value = fn(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}

/** Columns where most filled cells are CPR-like: never stored, whatever the mapping says. */
export function cprColumns(rows: readonly { cells: readonly string[] }[], width: number): Set<number> {
  const counter = cprColumnCounter(width);
  counter.add(rows);
  return counter.result();
}

/** cprColumns a slice of rows at a time (the import reports its progress between slices), with the same result. */
export function cprColumnCounter(width: number) {
  const filled = new Array<number>(width).fill(0);
  const cpr = new Array<number>(width).fill(0);
  const isCpr = memoised(isCprValue);
  return {
    add(rows: readonly { cells: readonly string[] }[]): void {
      for (const row of rows)
        for (let c = 0; c < width; c++) {
          const cell = row.cells[c]?.trim() ?? '';
          if (!cell) continue;
          filled[c] = (filled[c] ?? 0) + 1;
          if (isCpr(cell)) cpr[c] = (cpr[c] ?? 0) + 1;
        }
    },
    result(): Set<number> {
      const flagged = new Set<number>();
      for (let c = 0; c < width; c++) if ((cpr[c] ?? 0) > 0 && (cpr[c] ?? 0) >= (filled[c] ?? 0) / 2) flagged.add(c);
      return flagged;
    },
  };
}

export interface MappedPopulation {
  rows: PopulationRow[];
  issues: RowIssue[];
  /** CPR-like numbers masked inside kept cells. */
  masked: { fileRow: number; column: string }[];
}

/** The columns that name and group a sag, and the longest a cell of each may be (as when typed by hand). */
const FACT_TARGETS = new Set<ColumnTarget>(['sagsnummer', 'sagstype', 'sagsbehandler', 'team', 'person']);
const MAX_LENGTH: Partial<Record<ColumnTarget, number>> = {
  sagsnummer: 100,
  sagstype: 200,
  sagsbehandler: 200,
  team: 200,
  person: 200,
  ekstra: 2000,
};

/**
 * A mapping the import cannot use as it stands (a hand-made call, or one kept from another template), in Danish:
 * two columns as the sagsnummer or another fact, a date field the tilsyn's template does not have, or one date fed by
 * two columns.
 */
export function mappingProblem(
  mapping: ColumnMapping,
  dateFields: readonly { key: string; label: string }[],
): string | undefined {
  const both = (columns: ColumnMapping) => `${columns.map((m) => `»${m.header}«`).join(' og ')} er begge valgt.`;
  const numbers = mapping.filter((m) => m.target === 'sagsnummer');
  if (numbers.length > 1) return `Kun én kolonne kan være sagsnummeret; ${both(numbers)}`;
  // Each fact comes from one column: two on »Sagstype« kept the last and lost the other (found by an attack).
  for (const target of FACT_TARGETS) {
    const columns = mapping.filter((m) => m.target === target);
    if (columns.length > 1) return `»${COLUMN_TARGET_LABELS[target]}« kan kun komme fra én kolonne; ${both(columns)}`;
  }
  const known = new Map(dateFields.map((f) => [f.key, f.label]));
  const fed = new Map<string, string>();
  for (const m of mapping) {
    if (m.target !== 'dato' || m.dateKey === undefined) continue;
    if (!known.has(m.dateKey))
      return `Kolonnen »${m.header}« er sat til en dato, tilsynets skabelon ikke har. Vælg kolonnerne igen.`;
    const earlier = fed.get(m.dateKey);
    if (earlier !== undefined)
      return `»${known.get(m.dateKey)}« kan kun komme fra én kolonne; »${earlier}« og »${m.header}« er begge valgt.`;
    fed.set(m.dateKey, m.header);
  }
  return undefined;
}

/** Applies the mapping to every data row and reports, in Danish, each cell that cannot be used. */
export function mapRows(
  rows: readonly DataRow[],
  mapping: ColumnMapping,
  cprColumnSet: ReadonlySet<number>,
): MappedPopulation {
  const mapper = rowMapper(mapping, cprColumnSet);
  return { rows: mapper.add(rows), ...mapper.result() };
}

/**
 * mapRows a slice at a time, for an import that reports its progress between slices and keeps no more than a slice
 * of rows (issue #18): `add` gives the slice's rows that can be stored, `result` the issues of all slices. The
 * slices' rows in file order give what mapRows gives for all of them at once (a sagsnummer repeated across two
 * slices is found too).
 */
export function rowMapper(
  mapping: ColumnMapping,
  cprColumnSet: ReadonlySet<number>,
  /** maskCpr, memoised for the pass: the caller that masks the same cells again after this shares it. */
  maskOf: (text: string) => ReturnType<typeof maskCpr> = memoised(maskCpr),
): { add(rows: readonly DataRow[]): PopulationRow[]; result(): Omit<MappedPopulation, 'rows'> } {
  const issues: RowIssue[] = [];
  const masked: { fileRow: number; column: string }[] = [];
  // Each sagsnummer's first row, by its key; the sagsnummer as written too where it differs from the key.
  const seen = new Map<string, number | { fileRow: number; sagsnummer: string }>();
  const sagsnummerColumn = mapping.findIndex((m) => m.target === 'sagsnummer');
  if (sagsnummerColumn < 0) {
    const noColumn = [{ fileRow: 0, column: '', message: 'Vælg hvilken kolonne der er sagsnummeret' }];
    return { add: () => [], result: () => ({ issues: noColumn, masked }) };
  }
  if (cprColumnSet.has(sagsnummerColumn)) {
    const column = mapping[sagsnummerColumn]?.header ?? '';
    const message = `Kolonnen »${column}« indeholder CPR-numre og kan ikke bruges som sagsnummer`;
    return { add: () => [], result: () => ({ issues: [{ fileRow: 0, column, message }], masked }) };
  }

  const keptColumns = mapping.flatMap((m, c) => (m.target === 'ignorer' || cprColumnSet.has(c) ? [] : [{ m, c }]));
  const sagsbehandlerMapped = keptColumns.some(({ m }) => m.target === 'sagsbehandler');
  // A sagsliste repeats its sagstyper, caseworkers, teams and dates thousands of times: each is read once.
  const dateOf = memoised(parseDanishDate);
  const shownAs = memoised((cell) => cell.replace(INVISIBLE, '').replace(HALF_PAIR, '\uFFFD').trim());
  return {
    add(rows) {
      const out: PopulationRow[] = [];
      for (const { fileRow, cells } of rows) {
        // A row is named by its sagsnummer as well as its place in the file, as the leader finds it in her system;
        // said only in a message (most rows have none), and never a sagsnummer that holds a CPR-like number.
        const where = () => {
          const nummer = maskOf((cells[sagsnummerColumn] ?? '').trim());
          return nummer.text && nummer.masked === 0 ? `Række ${fileRow} (sag ${nummer.text})` : `Række ${fileRow}`;
        };
        const row: PopulationRow = {
          fileRow,
          sagsnummer: '',
          sagstype: '',
          sagsbehandler: '',
          team: '',
          person: '',
          dates: {},
          extra: {},
        };
        let ok = true;
        for (const { m, c } of keptColumns) {
          const cell = (cells[c] ?? '').trim();
          // What names and groups a sag shows as it reads: no characters that show nothing or turn the text around.
          const raw = FACT_TARGETS.has(m.target) && !PRINTABLE_ASCII.test(cell) ? shownAs(cell) : cell;
          const safe = maskOf(raw);
          if (safe.masked > 0) masked.push({ fileRow, column: m.header });
          const value = safe.text;
          const limit = MAX_LENGTH[m.target];
          // Counted in characters, not UTF-16 units; a text no longer in units is no longer in characters either.
          if (limit !== undefined && value.length > limit && [...value].length > limit) {
            issues.push({
              fileRow,
              column: m.header,
              message: `${where()}, kolonne »${m.header}«: højst ${limit} tegn`,
            });
            ok = false;
            continue;
          }
          switch (m.target) {
            case 'sagsnummer':
              if (!value) {
                issues.push({ fileRow, column: m.header, message: `Række ${fileRow}: sagsnummer mangler` });
                ok = false;
              } else if (safe.masked > 0) {
                issues.push({
                  fileRow,
                  column: m.header,
                  message: `Række ${fileRow}: sagsnummeret ligner et CPR-nummer`,
                });
                ok = false;
                break; // refused: not checked for duplicates either
              }
              row.sagsnummer = value;
              break;
            case 'dato': {
              if (!value) break;
              const parsed = dateOf(value);
              if (parsed.ok) row.dates[m.dateKey ?? m.header] = parsed.iso;
              else {
                issues.push({
                  fileRow,
                  column: m.header,
                  message: `${where()}, kolonne »${m.header}«: ${parsed.message}`,
                });
                ok = false;
              }
              break;
            }
            case 'ekstra':
              if (value) row.extra[m.header] = value;
              break;
            default:
              if (m.target !== 'ignorer') row[m.target] = value;
          }
        }
        if (row.sagsnummer) {
          // »S-1«, »s-1« and »S‐1« (another dash) are one sag: the sagsoverblik matches lists so too.
          const key = caseKey(row.sagsnummer);
          const seenAs = seen.get(key);
          if (seenAs !== undefined) {
            const first = typeof seenAs === 'number' ? { fileRow: seenAs, sagsnummer: key } : seenAs;
            const as = first.sagsnummer === row.sagsnummer ? '' : ` (som ${first.sagsnummer})`;
            issues.push({
              fileRow,
              column: mapping[sagsnummerColumn]?.header ?? '',
              message: `Række ${fileRow}: sagsnummer ${row.sagsnummer} findes også i række ${first.fileRow}${as}`,
            });
            ok = false;
          } else seen.set(key, key === row.sagsnummer ? fileRow : { fileRow, sagsnummer: row.sagsnummer });
        }
        if (ok && !row.sagsnummer) {
          const column = mapping[sagsnummerColumn]?.header ?? '';
          issues.push({ fileRow, column, message: `Række ${fileRow}: sagsnummer mangler` });
          ok = false;
        }
        // The sagsbehandler is what a stratified draw and the feedback notes go by: an empty one is not stored as ''.
        if (ok && sagsbehandlerMapped && !row.sagsbehandler) {
          const column = mapping.find((m) => m.target === 'sagsbehandler')?.header ?? '';
          issues.push({ fileRow, column, message: `${where()}: sagsbehandler mangler` });
          ok = false;
        }
        if (ok) out.push(row);
      }
      return out;
    },
    result: () => ({ issues, masked }),
  };
}

/**
 * What the chosen columns leave out that the tilsyn needs, said before anything is stored (issue #13): no
 * sagsbehandler column, and each frist of the template that no chosen date column can feed (its dates can still be
 * entered in the review). `frister` are the template's applicable frist questions with their date fields' names.
 */
export function mappingWarnings(
  mapping: ColumnMapping,
  frister: readonly { text: string; dates: readonly { key: string; label: string }[] }[],
  /** Dates that decide which rules applied (a template's date rules). */
  ruleDates: readonly { key: string; label: string }[] = [],
): string[] {
  const warnings: string[] = [];
  if (!mapping.some((m) => m.target === 'sagsbehandler'))
    warnings.push(
      'Ingen kolonne er valgt som sagsbehandler. Stikprøven kan ikke fordeles på sagsbehandlere, og der kan ikke laves feedbacknotater til den enkelte.',
    );
  const fed = new Set(mapping.flatMap((m) => (m.target === 'dato' && m.dateKey ? [m.dateKey] : [])));
  for (const f of frister) {
    const missing = f.dates.filter((d) => !fed.has(d.key));
    if (missing.length === 0) continue;
    const names = listInDanish(missing.map((d) => `»${d.label}«`));
    warnings.push(
      `Fristen i »${f.text}« kan ikke beregnes ud fra sagslisten: ingen kolonne er valgt til ${names}. ` +
        `${missing.length === 1 ? 'Datoen' : 'Datoerne'} kan indtastes i gennemgangen.`,
    );
  }
  for (const d of ruleDates.filter((r) => !fed.has(r.key)))
    warnings.push(
      `»${d.label}« afgør, hvilke regler der gjaldt for en sag, men ingen kolonne er valgt til den. ` +
        'Datoen skal så indtastes i gennemgangen for hver sag, den gælder, før sagen kan blive færdig.',
    );
  return warnings;
}
