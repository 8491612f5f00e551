import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { containsCpr } from '../../shared/domain/cpr';
import { openTestApi } from '../support/api';
import {
  type Baseline,
  baseInputs,
  buildBaseline,
  cprDigits,
  plainDigits,
  spelledCpr,
  surroundings,
} from '../support/cpr-inputs';
import { storedTexts, stringLeaves, withValueAt } from '../support/cpr-storage';

// The property of issue #11: whatever string field of whatever method a CPR number is put into, in whatever
// spelling, or split over two neighbouring fields, nothing stored afterwards holds it. Each run starts from a copy
// of one scenario database, calls one method through the API, and reads every TEXT value of every table.

let baseDir: string;
let baseline: Baseline;

beforeAll(async () => {
  baseDir = mkdtempSync(join(tmpdir(), 'tilsyn-cpr-base-'));
  const t = openTestApi({ dir: baseDir });
  baseline = await buildBaseline(t.api, baseDir);
  t.close();
}, 120_000);

afterAll(() => rmSync(baseDir, { recursive: true, force: true }));

type Schema = { _zod: { def: Record<string, unknown> & { type: string } } };
const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'];

/** The string fields of a schema the value leaves out: `*` an array's items, `{}` a record's entry, `|n` a union's option. */
function uncovered(schema: Schema, value: unknown, path: string): string[] {
  const def = schema._zod.def;
  if (def.type === 'string') return typeof value === 'string' ? [] : [path];
  if (WRAPPERS.includes(def.type)) return uncovered(def.innerType as Schema, value, path);
  if (def.type === 'pipe') return uncovered(def.in as Schema, value, path);
  if (def.type === 'object') {
    const shape = def.shape as Record<string, Schema>;
    const v = (value ?? {}) as Record<string, unknown>;
    return Object.entries(shape).flatMap(([k, s]) => uncovered(s, v[k], `${path}.${k}`));
  }
  const common = (lists: string[][], none: string[]) =>
    lists.length === 0 ? none : (lists[0] ?? []).filter((p) => lists.every((l) => l.includes(p)));
  if (def.type === 'array') {
    const items = Array.isArray(value) ? value : [];
    const element = def.element as Schema;
    return common(
      items.map((x) => uncovered(element, x, `${path}.*`)),
      uncovered(element, undefined, `${path}.*`),
    );
  }
  if (def.type === 'record') {
    const entries = Object.entries((value ?? {}) as Record<string, unknown>);
    const valueType = def.valueType as Schema;
    const none = [`${path}.{}`, ...uncovered(valueType, undefined, `${path}.{}`)];
    return common(
      entries.map(([, x]) => uncovered(valueType, x, `${path}.{}`)),
      none,
    );
  }
  if (def.type === 'union') {
    const options = def.options as Schema[];
    return options.flatMap((o, n) => {
      const fits = (o as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse(value).success;
      return uncovered(o, fits ? value : undefined, `${path}|${n}`);
    });
  }
  return [];
}

describe('the inputs of the property', () => {
  it('fill every string field of every method’s schema (a new field needs a value here)', async () => {
    const inputs = baseInputs(baseline);
    const missing = METHOD_NAMES.flatMap((m) => {
      const files = contract[m].fileFields ?? [];
      return uncovered(contract[m].input as unknown as Schema, inputs[m], m).filter(
        (p) => !files.some((f) => p.startsWith(`${m}.${f}`)),
      );
    });
    expect(missing).toEqual([]);
  });
});

/** What a run does: one method, and where the number goes. */
const runs = fc.record({
  method: fc.constantFrom(...METHOD_NAMES.filter((m) => stringLeavesOf(m).length > 0)),
  pick: fc.nat(),
  cpr: spelledCpr,
  around: surroundings,
  split: fc.boolean(),
  serial: cprDigits,
});

function stringLeavesOf(m: MethodName) {
  const files = contract[m].fileFields ?? [];
  const inputs = baseInputs({ ...placeholder(), folder: '/tmp' });
  return stringLeaves(inputs[m]).filter((l) => !files.includes(String(l.path[0])));
}

function placeholder(): Baseline {
  return baseline ?? ({} as Baseline);
}

const tally = { runs: 0, refused: 0, stored: 0, split: 0, methods: new Set<string>(), fields: new Set<string>() };

describe('CPR numbers are never stored', () => {
  it('after any call with a CPR number in any string field, in any spelling, or split over two fields', async () => {
    await fc.assert(
      fc.asyncProperty(runs, async (run) => {
        const dir = mkdtempSync(join(tmpdir(), 'tilsyn-cpr-run-'));
        try {
          cpSync(baseDir, dir, { recursive: true });
          const t = openTestApi({ dir });
          const input = baseInputs({ ...baseline, folder: dir })[run.method] as unknown;
          const leaves = stringLeaves(input).filter(
            (l) => !(contract[run.method].fileFields ?? []).includes(String(l.path[0])),
          );
          const leaf = leaves[run.pick % leaves.length];
          if (!leaf) throw new Error(`no string field in ${run.method}`);
          const neighbour = leaves.find((l, i) => i > leaves.indexOf(leaf) && l.siblingOf(leaf));
          const split = run.split && neighbour !== undefined && leaf.kind === 'value';
          const text = `${run.around.before}${run.cpr.text}${run.around.after}`;
          let sent = withValueAt(input, leaf, split ? `${run.around.before} ${run.cpr.text.slice(0, -4)}` : text);
          if (split && neighbour) sent = withValueAt(sent, neighbour, `${run.cpr.text.slice(-4)}${run.around.after}`);
          let outcome: unknown;
          try {
            outcome = await t.api.call(run.method, sent as never);
          } catch (err) {
            outcome = err;
          }
          const texts = storedTexts(t.db);
          t.close();
          tally.runs++;
          tally.methods.add(run.method);
          tally.fields.add(`${run.method}:${leaf.path.join('.')}`);
          if (split) tally.split++;
          if (outcome instanceof ApiError) {
            expect(outcome.code, outcome.message).not.toBe('INTERNAL');
            tally.refused++;
          } else tally.stored++;
          const digits = plainDigits(run.cpr.text);
          for (const { table, column, value } of texts) {
            const plain = plainDigits(value);
            expect(plain.includes(digits), `${table}.${column}: ${value.slice(0, 200)}`).toBe(false);
            expect(containsCpr(value), `${table}.${column}: ${value.slice(0, 200)}`).toBe(false);
          }
          if (split) {
            const [first, second] = [digits.slice(0, 6), digits.slice(6)];
            const rows = new Map<string, string>();
            for (const { table, row, value } of texts)
              rows.set(`${table}#${row}`, `${rows.get(`${table}#${row}`) ?? ''}|${plainDigits(value)}`);
            for (const [where, joined] of rows)
              expect(joined.includes(first) && joined.includes(second), where).toBe(false);
          }
          const names = readdirSync(dir, { recursive: true }).map(String);
          expect(names.filter((n) => plainDigits(n).includes(digits) || containsCpr(n))).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 300 },
    );
    console.log(
      `CPR property: ${tally.runs} calls over ${tally.methods.size} methods and ${tally.fields.size} fields; ` +
        `${tally.refused} refused, ${tally.stored} answered (masked); ${tally.split} split over two fields`,
    );
  }, 300_000);
});
