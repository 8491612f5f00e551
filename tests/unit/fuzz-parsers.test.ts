import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { parseTemplateFile, templateFileSchema, templateFileText } from '../../electron/backend/services/template-file';
import { DEFAULT_TEMPLATES } from '../../electron/backend/skabeloner';
import { METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { ApiError } from '../../shared/api/errors';
import { findCprNumbers, maskCpr } from '../../shared/domain/cpr';
import { isValidIsoDate } from '../../shared/domain/dates';
import {
  COLUMN_TARGETS,
  type ColumnMapping,
  cprColumns,
  dataRows,
  detectHeaderRow,
  mapRows,
  parseDanishDate,
} from '../../shared/domain/population';
import { templateContentSchema } from '../../shared/domain/template';
import { validateTemplateContent } from '../../shared/domain/template-validation';
import { makeFixtures } from '../fixtures/make-fixtures';
import { hookTestApi } from '../support/hooks';
import { readPopulationFile } from '../support/population-file';
import { makeTempDir, validTilsynInput } from '../support/temp';

// Every property's generated inputs are counted, so the run reports how many were tried.
let inputsTried = 0;
const countingReporter = (details: fc.RunDetails<unknown>) => {
  inputsTried += details.numRuns;
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
};
fc.configureGlobal({ reporter: countingReporter });
afterAll(() => console.log(`Fuzzing: ${inputsTried} generated inputs tried (parsers, masking and every API method).`));

// Property-based tests (issue #7): the parsers and the API's input validation never throw on what a user or a
// file can hand them. Each either succeeds or answers with a Danish message that says what is wrong.

/** Words that only show up when an English internal message (JS, zod's default locale, JSON.parse) leaks out. */
const ENGLISH =
  /\b(invalid|expected|received|required|unrecognized|must be|cannot|is not a function|unexpected token|of undefined|of null|maximum call stack)\b|(type|range|syntax|reference)error/i;

function expectDanishMessage(message: unknown): void {
  expect(typeof message).toBe('string');
  expect((message as string).trim()).not.toBe('');
  expect(message).not.toMatch(ENGLISH);
}

// ---------- template files ----------

const TEMPLATE_TEXTS = DEFAULT_TEMPLATES.map((t) => templateFileText(t.meta, templateContentSchema.parse(t.content)));
const lineCount = (text: string) => text.split('\n').length;

/** parseTemplateFile must never throw, and must either give a valid file or Danish errors with line numbers. */
function checkTemplateParse(text: string): void {
  const result = parseTemplateFile(text);
  if (result.ok) {
    expect(templateFileSchema.safeParse(JSON.parse(text)).success).toBe(true);
    expect(validateTemplateContent(result.file.indhold).issues).toEqual([]);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expectDanishMessage(error);
    if (error === 'Filen er for stor til at være en skabelon.') continue;
    const line = /^Linje (\d+)[,:] /.exec(error);
    expect(line, error).not.toBeNull();
    expect(Number(line?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(line?.[1])).toBeLessThanOrEqual(lineCount(text));
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON value (the root excluded). */
function pathsOf(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push([...at, i]);
      pathsOf(v, [...at, i], out);
    });
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push([...at, k]);
      pathsOf(v, [...at, k], out);
    }
  return out;
}

type Mutation = {
  pick: number;
  op: 'set' | 'tweak' | 'delete' | 'duplicate' | 'rename';
  value: Json;
  name: string;
  num: number;
  str: string;
};

/** Another value of the same type, so that the input often stays well-formed and reaches deeper checks. */
function tweak(current: Json, m: Mutation): Json {
  if (typeof current === 'number') return m.num;
  if (typeof current === 'string') return m.str;
  if (typeof current === 'boolean') return !current;
  if (Array.isArray(current)) return current.length > 0 ? current.slice(1) : [m.value];
  return current;
}

/** Sets an own property, also for "__proto__" (as JSON.parse does), instead of changing the prototype. */
function put(obj: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Changes one place: a new value (of any type or of the same), a removed key or element, a copy, a renamed key. */
function mutateAt(root: Json, m: Mutation): Json {
  const paths = pathsOf(root);
  const path = paths[m.pick % Math.max(1, paths.length)];
  if (!path) return root;
  let parent = root as Record<string | number, Json> | Json[];
  for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[segment] as typeof parent;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (m.op === 'delete') parent.splice(last, 1);
    else if (m.op === 'duplicate') parent.splice(last, 0, structuredClone(parent[last] as Json));
    else parent[last] = m.op === 'tweak' ? tweak(parent[last] as Json, m) : m.value;
  } else {
    const obj = parent as Record<string, Json>;
    const current = obj[last] as Json;
    if (m.op === 'delete') delete obj[last];
    else if (m.op === 'rename') {
      delete obj[last];
      put(obj, m.name, current);
    } else if (m.op === 'duplicate') put(obj, m.name, structuredClone(current));
    else put(obj, String(last), m.op === 'tweak' ? tweak(current, m) : m.value);
  }
  return root;
}

/** Numbers and texts that sit on the edges of the schemas: ids of real rows, limits, CPR-like and impossible dates. */
const numArb = fc.oneof(
  fc.integer({ min: -2, max: 40 }),
  fc.constantFrom(0, 0.5, 100, 101, 3650, 3651, 10_000, 999_999_999, 1e15, Number.MAX_SAFE_INTEGER),
);
const strArb = fc.oneof(
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.constantFrom('', ' ', 'x'.repeat(81), 'ja', 'nej', 'anden', 'frist', 'dage', 'opfyldt', 'andet', 'simpel'),
  fc.constantFrom('2026-02-29', '2026-13-01', '2024-02-29', '0101901234', 'Se 010190-1234', 'bfu_afsluttet'),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('set', 'tweak', 'tweak', 'delete', 'duplicate', 'rename'),
  num: numArb,
  str: strArb,
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    fc.constantFrom<Json>('', ' ', 'ja', 'nej', 'frist', 'jnd', 'opfyldt', 'dage', -1, 0, 1.5, 101, 4000, true, null),
    fc.string({ maxLength: 5000 }),
  ),
  name: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'key', 'frist', 'rules')),
});

/** Character-level damage: deleted runs, inserted JSON punctuation and text. */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 40 }),
  insert: fc.oneof(
    fc.constant(''),
    fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\\u12', '\n', '\u0000', 'null', '-', '1e999', '/*'),
    fc.string({ maxLength: 20, unit: 'binary' }),
  ),
});

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

describe('template files', () => {
  it('read back every shipped template exactly as exported', () => {
    for (const text of TEMPLATE_TEXTS) {
      const parsed = parseTemplateFile(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(templateFileText(parsed.file.skabelon, parsed.file.indhold)).toBe(text);
    }
  });

  it('answer any text with a valid file or Danish errors with line numbers, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.json({ maxDepth: 4 }),
          fc
            .jsonValue({ maxDepth: 3 })
            .map((v) => JSON.stringify({ format: 'tilsyn-skabelon', formatVersion: 1, ...Object(v) })),
        ),
        checkTemplateParse,
      ),
      { numRuns: 300 },
    );
  });

  it('answer a damaged shipped template the same way', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: TEMPLATE_TEXTS.length - 1 }),
        fc.array(editArb, { minLength: 1, maxLength: 4 }),
        (which, edits) => checkTemplateParse(edits.reduce(applyEdit, TEMPLATE_TEXTS[which]!)),
      ),
      { numRuns: 300 },
    );
  });

  it('answer a shipped template with changed values, removed or copied fields the same way', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: TEMPLATE_TEXTS.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (which, mutations, pretty) => {
          const root = mutations.reduce(mutateAt, JSON.parse(TEMPLATE_TEXTS[which]!) as Json);
          checkTemplateParse(pretty ? JSON.stringify(root, null, 2) : JSON.stringify(root));
        },
      ),
      { numRuns: 400 },
    );
  });
});

// ---------- dates in population files ----------

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** An independent calendar: the days of a month by the Gregorian rules. */
function realDate(y: number, m: number, d: number): boolean {
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= (days[m - 1] ?? 0);
}

describe('parseDanishDate', () => {
  it('gives a real ISO date or a Danish message for any text, never an impossible date', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseDanishDate(text);
        if (result.ok) {
          expect(result.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          const [y, m, d] = result.iso.split('-').map(Number) as [number, number, number];
          expect(realDate(y, m, d)).toBe(true);
        } else {
          expectDanishMessage(result.message);
          expect(result.message).toMatch(/dato/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly the real dates in the formats Danish exports use', () => {
    const pad = (n: number, width: number, padded: boolean) => (padded ? String(n).padStart(width, '0') : String(n));
    fc.assert(
      fc.property(
        fc.record({
          // Mostly near the accepted years (1900-2100), so both sides of each edge are tried; any other year too.
          y: fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 1890, max: 2110 }) },
            fc.integer({ min: 0, max: 9999 }),
          ),
          m: fc.integer({ min: 0, max: 14 }),
          d: fc.integer({ min: 0, max: 33 }),
          order: fc.constantFrom('dmy', 'ymd'),
          sep1: fc.constantFrom('-', '.', '/'),
          sep2: fc.constantFrom('-', '.', '/'),
          padded: fc.boolean(),
          suffix: fc.constantFrom('', ' 00:00', 'T08:30:00.000', 'T08:30:00Z', ' kl. 8'),
          space: fc.constantFrom('', ' ', '\t'),
        }),
        ({ y, m, d, order, sep1, sep2, padded, suffix, space }) => {
          const year = String(y).padStart(4, '0');
          const text =
            order === 'dmy'
              ? `${pad(d, 2, padded)}${sep1}${pad(m, 2, padded)}${sep2}${year}${suffix}`
              : `${year}-${pad(m, 2, padded)}-${pad(d, 2, padded)}${suffix}`;
          const formatOk = suffix !== ' kl. 8' && (order === 'ymd' || suffix !== 'T08:30:00Z');
          const result = parseDanishDate(`${space}${text}${space}`);
          // A year outside 1900-2100 is a slip of the keyboard (»0025«), refused like a date that does not exist.
          if (formatOk && realDate(y, m, d) && y >= 1900 && y <= 2100) {
            expect(result).toEqual({ ok: true, iso: `${year}-${pad(m, 2, true)}-${pad(d, 2, true)}` });
          } else {
            expect(result.ok).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// ---------- grids from population files ----------

const cellArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      '  ',
      'Sagsnr.',
      'Sagstype',
      'Team',
      'Rådgiver',
      'Dato',
      '2026-001',
      '31-01-2026',
      '2026-02-30',
      '12',
      '0101901234',
      '010190-1234',
      'I alt',
      'Barn',
    ),
  },
);
const gridArb = fc.array(fc.array(cellArb, { maxLength: 7 }), { maxLength: 25 });
const mappingArb = (width: number): fc.Arbitrary<ColumnMapping> =>
  fc.tuple(
    ...Array.from({ length: width }, (_, i) =>
      fc.record(
        {
          // Headers are unique, as mapRows keys extra fields by header (see the report on duplicate headers).
          header: fc.constant(`Kolonne ${i + 1}`),
          target: fc.constantFrom(...COLUMN_TARGETS),
          dateKey: fc.constantFrom('opmaerksomhed', 'afgoerelse', 'bfu_afsluttet'),
        },
        { requiredKeys: ['header', 'target'] },
      ),
    ),
  );

describe('header detection and row mapping', () => {
  it('detectHeaderRow picks a row of text headers within the first 20 rows, or none', () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const header = detectHeaderRow(grid);
        expect(Number.isInteger(header)).toBe(true);
        expect(header).toBeGreaterThanOrEqual(-1);
        expect(header).toBeLessThan(Math.min(grid.length, 20));
        if (header >= 0) {
          const cells = (grid[header] ?? []).filter((c) => c.trim());
          // Text headers; at most one CPR-like name among them, which is masked before it is shown or stored. A
          // list one column wide has a header of one known column name, never a CPR-like one.
          const cprLike = cells.filter((c) => findCprNumbers(c).length > 0);
          const width = Math.max(0, ...grid.slice(0, 50).map((r) => r.filter((c) => c.trim()).length));
          if (width === 1) expect([cells.length, cprLike.length]).toEqual([1, 0]);
          else expect(cells.length - cprLike.length).toBeGreaterThanOrEqual(2);
          expect(cprLike.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('mapRows keeps each row or says in Danish why not, and never keeps a CPR-like number', () => {
    fc.assert(
      fc.property(
        gridArb.chain((grid) => {
          const width = Math.max(0, ...grid.map((r) => r.length));
          const headerRow = fc.oneof(fc.constant(detectHeaderRow(grid)), fc.integer({ min: -1, max: grid.length }));
          return fc.tuple(fc.constant(grid), mappingArb(width), headerRow);
        }),
        ([grid, mapping, headerRow]) => {
          const rows = dataRows(grid, headerRow);
          const cpr = cprColumns(rows, mapping.length);
          const { rows: kept, issues, masked } = mapRows(rows, mapping, cpr);

          for (const issue of issues) {
            expectDanishMessage(issue.message);
            expect(issue.message).toMatch(/^(Række \d+|Vælg hvilken kolonne|Kolonnen »)/);
          }
          // No sagsnummer column, or one holding CPR numbers: nothing is kept, and one message says why.
          const sagsnummerColumn = mapping.findIndex((m) => m.target === 'sagsnummer');
          if (sagsnummerColumn < 0 || cpr.has(sagsnummerColumn)) {
            expect(kept).toEqual([]);
            expect(issues).toHaveLength(1);
            return;
          }
          const keptRows = new Set(kept.map((r) => r.fileRow));
          const refused = new Set(issues.map((i) => i.fileRow));
          for (const { fileRow } of rows) expect(keptRows.has(fileRow) || refused.has(fileRow)).toBe(true);
          expect(new Set(kept.map((r) => r.sagsnummer)).size).toBe(kept.length);
          for (const row of kept) {
            expect(row.sagsnummer).not.toBe('');
            const stored = [row.sagsnummer, row.sagstype, row.sagsbehandler, row.team, ...Object.values(row.extra)];
            for (const text of stored) expect(findCprNumbers(text)).toEqual([]);
            for (const iso of Object.values(row.dates)) expect(isValidIsoDate(iso)).toBe(true);
            // Every filled extra cell outside a CPR column is kept, masked.
            const source = rows.find((r) => r.fileRow === row.fileRow)?.cells ?? [];
            mapping.forEach((m, c) => {
              const cell = (source[c] ?? '').trim();
              if (m.target === 'ekstra' && cell && !cpr.has(c)) expect(row.extra[m.header]).toBe(maskCpr(cell).text);
            });
          }
          expect(masked.length).toBeLessThanOrEqual(rows.length * mapping.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});

// ---------- CPR masking ----------

/** Texts built from CPR-like numbers (real and impossible dates), other digits, separators and words. */
const cprTextArb = fc
  .array(
    fc.oneof(
      fc
        .record({
          d: fc.integer({ min: 0, max: 32 }),
          m: fc.integer({ min: 0, max: 13 }),
          y: fc.integer({ min: 0, max: 99 }),
          serial: fc.integer({ min: 0, max: 9999 }),
          sep: fc.constantFrom('', '-', ' ', '\u2013', '\u00a0', '/'),
        })
        .map(
          ({ d, m, y, serial, sep }) =>
            `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}${sep}${String(serial).padStart(4, '0')}`,
        ),
      fc.stringMatching(/^\d{1,12}$/),
      fc.constantFrom('-', ' ', '\u2010', '\u2212', '\u00a0', 'CPR ', 'SAG-', '2024-', ', ', ':', '[', ']', 'x'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('maskCpr', () => {
  it('leaves no CPR-like number behind, and masking again changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(cprTextArb, fc.string({ unit: 'binary' })), (text) => {
        const once = maskCpr(text);
        expect(findCprNumbers(once.text)).toEqual([]);
        // At least those found at first: a number joined to a masked one is found on the next pass.
        expect(once.masked).toBeGreaterThanOrEqual(findCprNumbers(text).length);
        expect(maskCpr(once.text)).toEqual({ text: once.text, masked: 0 });
        if (once.masked === 0) expect(once.text).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------- the API's input validation ----------

const ALLOWED_ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT'];

describe('the API with arbitrary input', () => {
  // Opened in beforeAll, so a run filtered to other tests leaves no folder behind.
  const backend = hookTestApi('all', { file: 'fuzz.db', prefix: 'tilsyn-fuzz-', version: 'fuzz' });
  const unexpected: { method: string; err: unknown }[] = [];
  /** A valid input per method, built on the database below; mutations start from it. */
  const valid: Partial<Record<MethodName, Json>> = {};

  async function call(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
    return dispatch(backend.handlers, method, input, {
      onUnexpectedError: (m, err) => unexpected.push({ method: m, err }),
    });
  }
  async function ok<T>(method: MethodName, input: Json): Promise<T> {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    valid[method] ??= input;
    return result.value as T;
  }

  beforeAll(async () => {
    await ok('app.info', {});
    await ok('tilsyn.list', {});
    await ok('skabelon.list', {});
    // A tilsyn with a drawn sample (the review), and one still being planned (import and draw).
    const reviewed = await ok<{ id: number }>('tilsyn.create', { ...validTilsynInput, form: 'dialogbaseret' });
    const planned = await ok<{ id: number }>('tilsyn.create', { ...validTilsynInput, titel: 'Tilsyn 2' });
    await ok('tilsyn.get', { id: reviewed.id });
    await ok('tilsyn.update', { id: planned.id, data: { ...validTilsynInput, titel: 'Tilsyn 2 (rettet)' } });
    const csv = ['Sagsnr.;Sagstype;Rådgiver;Team;Kommunen blev opmærksom på behov'];
    for (let i = 1; i <= 9; i++) csv.push(`2026-00${i};Barn;Anne Holm;Nord;0${i}-01-2026`);
    for (const tilsynId of [reviewed.id, planned.id]) {
      const file = { tilsynId, fileName: 'liste.csv', dataBase64: Buffer.from(csv.join('\n')).toString('base64') };
      const preview = await ok<{ headerRow: number; mapping: Json }>('population.preview', file);
      const mapped = { ...file, headerRow: preview.headerRow, mapping: preview.mapping };
      await ok('population.check', mapped);
      await ok('population.import', { ...mapped, skipInvalid: false });
    }
    const spec = { method: 'simpel', size: 3, seed: 5, spares: 2 };
    await ok('stikproeve.preview', { tilsynId: planned.id, spec });
    const record = await ok<{ sager: { id: number; role: string }[] }>('stikproeve.draw', {
      tilsynId: reviewed.id,
      spec,
      drawnBy: 'Lene',
    });
    const sagId = record.sager.find((s) => s.role === 'udvalgt')?.id ?? 0;
    await ok('stikproeve.get', { tilsynId: reviewed.id });
    await ok('population.get', { tilsynId: planned.id });
    const sager = await ok<{ id: number }[]>('population.sager', { tilsynId: planned.id });
    await ok('population.side', { tilsynId: planned.id, soeg: 'Bo', fra: 0, antal: 10 });
    await ok('population.addSag', {
      tilsynId: planned.id,
      sag: { sagsnummer: 'M-1', sagstype: 'Barn', sagsbehandler: 'Bo', team: 'Syd', dates: {} },
    });
    await ok('population.updateSag', {
      id: sager[0]?.id ?? 0,
      facts: { sagstype: 'Ung', sagsbehandler: 'Bo', team: 'Syd', dates: { opmaerksomhed: '2026-01-05' } },
    });
    await ok('gennemgang.sager', { tilsynId: reviewed.id });
    await ok('gennemgang.sag', { sagId });
    await ok('gennemgang.svar', { sagId, key: 'bfu.gennemfoert', value: 'ja', note: 'Fint' });
    await ok('gennemgang.dato', { sagId, key: 'bfu_afsluttet', date: '2026-02-01' });
    // Second review (issue #16): set up on every sag, answered blind, and a moderation (none to moderate: Danish).
    await ok('kvalitet.opret', {
      tilsynId: reviewed.id,
      bedoemmer: 'Mette Berg',
      udvaelgelse: { art: 'andel', procent: 100 },
      seed: 3,
      navn: 'Lene',
    });
    await ok('kvalitet.get', { tilsynId: reviewed.id });
    await ok('kvalitet.sager', { tilsynId: reviewed.id });
    await ok('kvalitet.sag', { sagId });
    await ok('kvalitet.svar', { sagId, key: 'bfu.gennemfoert', value: 'nej', note: 'Anden vurdering' });
    await ok('kvalitet.godkender', { tilsynId: reviewed.id, godkender: 'Jens Hansen', navn: 'Lene' });
    await ok('kvalitet.godkendelse', { tilsynId: reviewed.id });
    // Calibration on a practice sag of the same template.
    await ok('kalibrering.opret', {
      skabelonVersionId: 1,
      titel: 'Øvelsessag',
      beskrivelse: 'En opdigtet sag.',
      sagstype: '',
      datoer: {},
      navn: 'Lene',
    });
    await ok('kalibrering.list', {});
    await ok('kalibrering.get', { id: 1 });
    await ok('kalibrering.svar', { id: 1, bedoemmer: 'Mette', key: 'bfu.gennemfoert', value: 'ja' });
    valid['kalibrering.gentag'] = { id: 1, skabelonVersionId: 1, navn: 'Lene' };
    await ok('kvalitet.kommenter', { sagId, key: 'bfu.gennemfoert', tekst: 'Se datoen igen', navn: 'Mette' });
    await ok('kvalitet.kommentarer', { tilsynId: reviewed.id });
    await ok('kvalitet.loes', { id: 1, navn: 'Lene' });
    // Not locked: refused in Danish.
    valid['kvalitet.godkend'] = { tilsynId: reviewed.id, navn: 'Jens Hansen' };
    valid['kvalitet.moderer'] = {
      sagId,
      key: 'bfu.gennemfoert',
      value: 'ja',
      begrundelse: 'Samtalen er holdt',
      navn: 'Lene',
    };
    valid['gennemgang.faerdig'] = { sagId };
    const exported = await ok<{ text: string }>('skabelon.export', { versionId: 1 });
    await ok('skabelon.import', { fileName: 'skabelon.json', text: exported.text });
    await ok('skabelon.version', { versionId: 1 });
    await ok('skabelon.get', { id: 1 });
    const meta = { name: 'Kopi', area: 'andet', description: '' };
    const copy = await ok<{ skabelonId: number; versionId: number }>('skabelon.copy', { versionId: 1, meta });
    await ok('skabelon.updateMeta', { id: copy.skabelonId, meta: { ...meta, name: 'Kopi 2' } });
    const content = (await ok<{ content: Json }>('skabelon.version', { versionId: copy.versionId })).content;
    await ok('skabelon.saveDraft', { versionId: copy.versionId, content });
    await ok('skabelon.publish', { versionId: copy.versionId });
    const draft = await ok<{ versionId: number }>('skabelon.createDraft', { skabelonId: copy.skabelonId });
    await ok('skabelon.deleteDraft', { versionId: draft.versionId });
    valid['stikproeve.exclude'] = { sagId, reason: 'anden', note: 'Sagen er flyttet' };

    // Findings, handlinger and the dialogue record of a sag; the follow-up list.
    type Review = { findings: { id: number }[]; actions: { id: number }[] };
    const finding = { sagId, kind: 'styrke', text: 'Barnets perspektiv er tydeligt', questionKey: null };
    await ok<Review>('gennemgang.fund', finding);
    const findings = (await ok<Review>('gennemgang.fund', { ...finding, kind: 'aftale' })).findings;
    await ok('gennemgang.fundRet', { id: findings[0]?.id ?? 0, text: 'Rettet punkt', questionKey: 'bfu.gennemfoert' });
    await ok('gennemgang.fundSlet', { id: findings[1]?.id ?? 0 });
    const action = {
      sagId,
      text: 'Partshøring',
      ansvarlig: 'Bo',
      frist: '2026-05-01',
      status: 'aaben',
      questionKey: null,
    };
    await ok<Review>('gennemgang.handling', action);
    const actions = (await ok<Review>('gennemgang.handling', { ...action, frist: null })).actions;
    await ok('gennemgang.handlingRet', { id: actions[0]?.id ?? 0, status: 'i_gang', frist: '2026-06-01' });
    await ok('gennemgang.handlingSlet', { id: actions[1]?.id ?? 0 });
    await ok('gennemgang.dialog', {
      sagId,
      dato: '2026-02-02',
      deltagere: 'Lene og Bo',
      refleksioner: 'Godt samarbejde',
    });
    await ok('handlinger.list', {});
    await ok('handlinger.status', { id: actions[0]?.id ?? 0, status: 'udfoert' });
    const afdeling = await ok<{ id: number }>('enheder.opret', { navn: 'Børn og Familie', niveau: 'afdeling' });
    const team = await ok<{ id: number }>('enheder.opret', {
      navn: 'Team Vest',
      niveau: 'team',
      foraelderId: afdeling.id,
    });
    const other = await ok<{ id: number }>('enheder.opret', { navn: 'Team Øst', niveau: 'team' });
    await ok('enheder.list', {});
    await ok('enheder.sammenlign', { enhedId: afdeling.id, aar: 2026 });
    await ok('enheder.ret', { id: other.id, navn: 'Team Øst', niveau: 'team', foraelderId: afdeling.id });
    await ok('enheder.flet', { fraId: other.id, tilId: team.id });
    const spare = await ok<{ id: number }>('enheder.opret', { navn: 'Tom enhed', niveau: 'team' });
    await ok('enheder.slet', { id: spare.id });
    const round = {
      enhedId: team.id,
      art: 'loebende',
      titel: 'Marts',
      skabelonVersionId: validTilsynInput.skabelonVersionId,
      afsnit: null,
      form: 'ledelseskontrol',
      stikproeve: { regel: 'antal', antal: 5 },
      ansvarlig: 'Teamleder',
      fra: '2027-03-01',
      til: '2027-03-31',
    };
    const plannedRound = await ok<{ id: number }>('aarshjul.opret', round);
    await ok('aarshjul.aar', { aar: 2027, enhedId: null });
    await ok('aarshjul.ret', { ...round, id: plannedRound.id, ansvarlig: 'Afdelingsleder' });
    const { fra: _f, til: _t, ...rest } = round;
    const series = await ok<{ id: number }[]>('aarshjul.opretSerie', { ...rest, aar: 2027, hyppighed: 'kvartal' });
    await ok('aarshjul.start', { id: series[0]?.id ?? 0 });
    await ok('aarshjul.slet', { id: plannedRound.id });
    await ok('aarshjul.daekning', { enhedId: team.id, aar: 2027, kvote: { antal: 1, per: 'kvartal' } });
    const overviewFile = {
      enhedId: team.id,
      fileName: 'sager 01.03.2026.csv',
      dataBase64: Buffer.from(csv.join('\n')).toString('base64'),
    };
    const overview = await ok<{ headerRow: number; mapping: Json }>('sagsoverblik.preview', overviewFile);
    const overviewMapped = { ...overviewFile, headerRow: overview.headerRow, mapping: overview.mapping };
    await ok('sagsoverblik.check', overviewMapped);
    const march = await ok<{ id: number }>('sagsoverblik.importer', { ...overviewMapped, dato: '2026-03-01' });
    const april = await ok<{ id: number }>('sagsoverblik.importer', { ...overviewMapped, dato: '2026-04-01' });
    await ok('sagsoverblik.lister', { enhedId: team.id });
    await ok('sagsoverblik.maal', { enhedId: team.id, maal: 25, optaelling: 'personer' });
    await ok('sagsoverblik.sammenlign', { fraId: march.id, tilId: april.id });
    await ok('sagsoverblik.maaneder', { enhedId: team.id, fra: '2026-01', til: '2026-12' });
    await ok('sagsoverblik.belastning', { id: april.id });
    await ok('sagsoverblik.sletSager', { enhedId: team.id, foer: '2026-03-15', navn: 'Lene' });
    const spareList = await ok<{ id: number }>('sagsoverblik.importer', { ...overviewMapped, dato: '2026-05-01' });
    await ok('sagsoverblik.slet', { id: spareList.id });

    // A tilsyn that can be locked: its only sampled sag has left the sample and no spare came in.
    const closable = await ok<{ id: number }>('tilsyn.create', { ...validTilsynInput, titel: 'Tilsyn 3' });
    const file = {
      tilsynId: closable.id,
      fileName: 'liste.csv',
      dataBase64: Buffer.from(csv.join('\n')).toString('base64'),
    };
    const preview = await ok<{ headerRow: number; mapping: Json }>('population.preview', file);
    await ok('population.import', { ...file, headerRow: preview.headerRow, mapping: preview.mapping });
    const single = await ok<{ sager: { id: number }[] }>('stikproeve.draw', {
      tilsynId: closable.id,
      spec: { method: 'simpel', size: 1, seed: 2, spares: 0 },
      drawnBy: 'Lene',
    });
    await ok('stikproeve.exclude', { sagId: single.sager[0]?.id ?? 0, reason: 'kan_ikke_findes', note: '' });
    await ok('tilsyn.afslut', { tilsynId: closable.id, navn: 'Lene', dato: '2026-04-01' });
    await ok('tilsyn.genaabn', { tilsynId: closable.id, navn: 'Lene', begrundelse: 'Et svar skal rettes' });
    await ok('tilsyn.log', { tilsynId: closable.id });
    await ok('tilsyn.baseline', { tilsynId: reviewed.id, baseline: true });
    await ok('resultater.get', { tilsynId: reviewed.id });
    await ok('resultater.vurdering', {
      tilsynId: reviewed.id,
      key: 'afgoerelse.anbringelse',
      vurdering: 'Godt',
      plan: 'Fortsæt',
      ansvarlig: 'Teamleder',
      frist: '2026-12-31',
    });
    await ok('resultater.sammenfatning', { tilsynId: reviewed.id, tekst: 'Kort sammenfatning' });
    await ok('handlinger.planStatus', { tilsynId: reviewed.id, key: 'afgoerelse.anbringelse', status: 'i_gang' });
    await ok('indstillinger.get', {});
    await ok('indstillinger.gem', { kommune: 'Esbjerg Kommune', forvaltning: 'Børn & Kultur', logo: null, minCell: 3 });
    // Reports and exports: valid inputs, whether or not they succeed on this small database.
    await ok('resultater.koblinger', { tilsynId: reviewed.id });
    await ok('resultater.maal', {
      tilsynId: reviewed.id,
      key: 'bfu.frist',
      steps: [{ dato: '2026-12-31', maaltal: 80 }],
      indikator: 'Andel rettidige',
      metode: 'Kvartalsvis',
    });
    // No earlier round to link from here: the input is valid, the answer a Danish NOT_FOUND.
    valid['resultater.kobl'] = { tilsynId: reviewed.id, gammel: 'bfu.gammel-frist', ny: null };
    valid['rapport.udvalg'] = { tilsynId: reviewed.id };
    // No afsluttet round of the enhed in the period: a Danish CONFLICT.
    valid['rapport.periode'] = { enhedId: 1, fra: '2026-01-01', til: '2026-12-31' };
    valid['rapport.periodeTjek'] = { enhedId: 1, fra: '2026-01-01', til: '2026-12-31' };
    valid['rapport.periodeMarker'] = {
      enhedId: 1,
      fra: '2026-01-01',
      til: '2026-12-31',
      textHash: 'a'.repeat(64),
      start: 0,
      end: 3,
      ok: true,
    };
    valid['rapport.tjek'] = { tilsynId: reviewed.id, dokument: 'udvalg' };
    valid['rapport.marker'] = {
      tilsynId: reviewed.id,
      dokument: 'team',
      textHash: 'a'.repeat(64),
      start: 0,
      end: 3,
      ok: true,
    };
    valid['rapport.send'] = { tilsynId: reviewed.id, navn: 'Lene Leder' };
    valid['rapport.afsendelser'] = { tilsynId: reviewed.id };
    valid['rapport.afsendt'] = { tilsynId: reviewed.id, id: 1 };
    valid['rapport.feedback'] = { tilsynId: reviewed.id };
    valid['rapport.feedbackZip'] = { tilsynId: reviewed.id };
    valid['rapport.feedbackMappe'] = { tilsynId: reviewed.id, folder: join(backend.dir, 'noter') };
    valid['refleksion.list'] = { tilsynId: reviewed.id };
    valid['refleksion.tilfoej'] = { tilsynId: reviewed.id, sagsbehandler: null, text: 'Hvordan følger vi op?' };
    valid['refleksion.slet'] = { id: 1 };
    valid['refleksion.forslag'] = { tilsynId: reviewed.id, sagsbehandler: null };
    valid['eksport.excel'] = { tilsynIds: [reviewed.id] };
    valid['sikkerhedskopi.list'] = {};
    // No work runs by this id: null, and a cancel that finds nothing to stop.
    valid['opgave.status'] = { id: 'abcdefghijklmnop' };
    valid['opgave.annuller'] = { id: 'abcdefghijklmnop' };
    // A pakke of the afsluttede rounds, and one that is not a pakke: answered in Danish either way.
    valid['pakke.resultater'] = { tilsynId: reviewed.id };
    valid['pakke.indlaes'] = { fileName: 'runde.tilsyn', dataBase64: Buffer.from('PK').toString('base64') };
    // A fuld pakke of a tilsyn, and one that is not a pakke (with a choice): Danish either way.
    valid['pakke.fuld'] = { tilsynId: reviewed.id };
    valid['pakke.indlaesFuld'] = {
      fileName: 'tilsyn.tilsyn',
      dataBase64: Buffer.from('PK').toString('base64'),
      valg: 'tag_pakkens',
    };
    // Selvevaluering across files: this tilsyn is not one, and no selvevaluering was opened here (Danish either way).
    valid['pakke.selvevaluering'] = { tilsynId: reviewed.id, sagsbehandler: 'Anna Holm' };
    valid['pakke.selvevalueringer'] = { tilsynId: reviewed.id };
    valid['pakke.andenGennemgang'] = { tilsynId: reviewed.id };
    valid['pakke.svar'] = { fileName: 'svar.tilsyn', dataBase64: Buffer.from('PK').toString('base64') };
    await ok('selvevaluering.list', {});
    valid['selvevaluering.aabn'] = { fileName: 'selv.tilsyn', dataBase64: Buffer.from('PK').toString('base64') };
    valid['selvevaluering.get'] = { id: 1 };
    valid['selvevaluering.svar'] = { id: 1, noegle: 1, key: 'bfu.frist', value: 'ja' };
    valid['selvevaluering.refleksion'] = { id: 1, noegle: 1, tekst: 'Planen manglede' };
    valid['selvevaluering.svarfil'] = { id: 1 };
    await ok('app.databaser', {});
    // Switching files is tested with real files (session tests); here the handlers have no switcher.
    valid['app.aabnDatabase'] = { path: join(backend.dir, 'andet.db') };
    // Browser mode has no native dialog: a Danish CONFLICT.
    valid['app.vaelgSti'] = { hvad: 'mappe' };
    // No switcher here either: a Danish CONFLICT (the example itself is tested with a real session).
    valid['app.eksempel'] = {};
    valid['sikkerhedskopi.tag'] = {};
    valid['sikkerhedskopi.gendan'] = { fileName: 'ukendt.db' };
    valid['tilsyn.sagsdata'] = { tilsynId: reviewed.id };
    valid['tilsyn.sletSagsdata'] = { tilsynId: reviewed.id, navn: 'Lene', bekraeft: validTilsynInput.titel };
    valid['tilsyn.sletbare'] = { olderThanMonths: 12 };
    expect(unexpected).toEqual([]);
  });

  /** Small numbers hit real rows (ids of sager, versions, tilsyn), so mutations reach the handlers. */
  const leafArb: fc.Arbitrary<Json> = fc.oneof(
    fc.integer({ min: -2, max: 40 }),
    fc.constantFrom<Json>(0, 1, 2, 3, 1e15, -0.5, 2 ** 53, '', ' ', 'ja', 'nej', 'anden', '2026-02-30', null, true, []),
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
  const apiMutationArb = fc.record({
    pick: fc.nat(),
    op: fc.constantFrom('set', 'tweak', 'tweak', 'tweak', 'delete', 'duplicate', 'rename'),
    num: numArb,
    str: strArb,
    value: leafArb,
    name: fc.constantFrom('x', '__proto__', 'constructor', 'id', 'sagId', 'note'),
  }) as fc.Arbitrary<Mutation>;

  function inputArb(method: MethodName): fc.Arbitrary<unknown> {
    const base = valid[method] ?? {};
    // The input is wrapped, so that a mutation can also replace or remove it as a whole.
    const mutated = fc
      .array(apiMutationArb, { minLength: 1, maxLength: 3 })
      .map((ms) => (ms.reduce(mutateAt, structuredClone({ input: base })) as { input?: Json }).input);
    return fc.oneof(
      { weight: 1, arbitrary: fc.anything() },
      { weight: 1, arbitrary: fc.jsonValue() },
      {
        weight: 4,
        arbitrary: mutated,
      },
    );
  }

  const tilsynQuery = () => backend.db.sqlite.prepare<[number], { id: number }>('SELECT id FROM tilsyn WHERE id = ?');
  /** A well-formed id of a tilsyn that does not exist. */
  const missingTilsyn = (input: unknown) => {
    const id = (input as { tilsynId?: unknown } | null)?.tilsynId;
    return Number.isSafeInteger(id) && (id as number) > 0 && tilsynQuery().get(id as number) === undefined;
  };
  it('has a valid input for every method of the contract', () => {
    expect(METHOD_NAMES.filter((m) => valid[m] === undefined)).toEqual([]);
  });

  // Writing notes into a folder is tested with real folders (feedback tests): arbitrary paths would write anywhere.
  for (const method of METHOD_NAMES.filter((m) => m !== 'rapport.feedbackMappe')) {
    it(`${method}: succeeds or answers with a Danish ApiError, never an internal error`, async () => {
      await fc.assert(
        fc.asyncProperty(inputArb(method), async (input) => {
          const before = unexpected.length;
          const noSuchTilsyn = missingTilsyn(input);
          const result = await call(method, input);
          expect(unexpected.slice(before)).toEqual([]);
          // Adding a sag by hand to a tilsyn that does not exist says so (it used to fail on a foreign key).
          if (method === 'population.addSag' && noSuchTilsyn && !result.ok && result.error.code !== 'VALIDATION')
            expect(result.error.code).toBe('NOT_FOUND');
          if (result.ok) return;
          expect(ALLOWED_ERROR_CODES).toContain(result.error.code);
          expectDanishMessage(result.error.message);
          for (const message of Object.values(result.error.fieldErrors ?? {})) expectDanishMessage(message);
        }),
        { numRuns: 50 },
      );
      expect(backend.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(backend.db.sqlite.pragma('foreign_key_check')).toEqual([]);
    });
  }
});

describe('template files nested absurdly deep', () => {
  it('are refused with a Danish message naming the line, not a stack overflow', () => {
    for (const text of [
      '['.repeat(6000),
      `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      `{"a":${'{"b":'.repeat(70)}1${'}'.repeat(71)}`,
    ]) {
      const parsed = parseTemplateFile(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors).toEqual(['Linje 1: filen er indlejret for dybt til at være en skabelon.']);
    }
  });

  it('are refused with the line of a »__proto__« key, which zod would drop without a word', () => {
    const text = TEMPLATE_TEXTS[0] ?? '';
    // Into the first question, after its key: an ordinary key of the JSON text.
    const at = text.indexOf('"key"', text.indexOf('"questions"'));
    const keyed = `${text.slice(0, at)}"__proto__": { "text": "Skjult" },\n${text.slice(at)}`;
    const parsed = parseTemplateFile(keyed);
    expect(parsed.ok).toBe(false);
    const line = keyed.slice(0, at).split('\n').length;
    if (!parsed.ok)
      expect(parsed.errors).toEqual([
        `Linje ${line}, felt »afsnit 1 › spørgsmål 1 › __proto__«: »__proto__« kan ikke bruges som navn eller nøgle.`,
      ]);
  });

  it('report JSON syntax errors in Danish', () => {
    const parsed = parseTemplateFile('{\n  "skabelon": ,\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toBe('Linje 2: ugyldig JSON (værdi forventet).');
  });
});

describe('population files with damaged bytes', () => {
  let files: Record<string, Buffer>;
  beforeAll(async () => {
    const dir = makeTempDir('tilsyn-fuzz-filer-');
    const paths = await makeFixtures(dir.dir);
    files = {
      'liste.xlsx': readFileSync(paths['merged-title.xlsx']),
      'liste.csv': readFileSync(paths['windows1252.csv']),
    };
    dir.cleanup();
  });

  it('read as a grid or refused with a Danish message, for CSV and XLSX alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('liste.xlsx', 'liste.csv'),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (name, flips, cut) => {
          const bytes = Buffer.from(files[name] ?? Buffer.alloc(0));
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const damaged = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
          try {
            const grid = await readPopulationFile(name, damaged);
            expect(Array.isArray(grid.grid)).toBe(true);
          } catch (err) {
            expect(err).toBeInstanceOf(ApiError);
            expectDanishMessage((err as ApiError).message);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
