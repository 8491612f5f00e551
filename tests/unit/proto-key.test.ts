import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protoKeyPath } from '../../shared/api/proto-key';
import { z } from '../../shared/zod';

// zod drops an own »__proto__« key without a word (a date or an answer under it would be lost silently), so every
// input and every read file is searched for one first.
describe('finding a »__proto__« key', () => {
  it('is needed: zod keeps every other key of a record, and drops that one', () => {
    const parsed = z.record(z.string(), z.string()).parse(JSON.parse('{"__proto__":"2026-01-01","a":"b"}'));
    expect(parsed).toEqual({ a: 'b' });
  });

  it('names where it is, at the top, in a record, and in a list', () => {
    expect(protoKeyPath(JSON.parse('{"__proto__":{}}'))).toBe('__proto__');
    expect(protoKeyPath(JSON.parse('{"datoer":{"a":"x","__proto__":"2026-01-01"}}'))).toBe('datoer.__proto__');
    expect(protoKeyPath(JSON.parse('{"svar":[{},{"__proto__":1}]}'))).toBe('svar.1.__proto__');
    // Deep down, by its first steps only: the answer stays small.
    const deep = `${'['.repeat(100_000)}{"__proto__":1}${']'.repeat(100_000)}`;
    expect(protoKeyPath(JSON.parse(deep))).toBe('0.0.0.0.0.0.0.….__proto__');
  });

  it('passes what only looks like it: look-alikes, other case, a value, the inherited property', () => {
    for (const text of [
      '{"__Proto__":1}',
      '{"_\\u005fproto__ ":1}',
      '{"＿＿proto＿＿":1}',
      '{"constructor":{"prototype":1}}',
      '{"navn":"__proto__"}',
      '["__proto__"]',
    ])
      expect(protoKeyPath(JSON.parse(text)), text).toBeUndefined();
    expect(protoKeyPath({ a: {} })).toBeUndefined();
  });

  it('finds the key wherever it is put in any JSON, and only then', () => {
    const place = fc.array(fc.nat(), { maxLength: 6 });
    fc.assert(
      fc.property(fc.jsonValue(), place, (value, path) => {
        // fc.jsonValue makes »__proto__« keys too: the clean value has none.
        const clean = JSON.parse(JSON.stringify(value).replaceAll('"__proto__"', '"proto"'));
        expect(protoKeyPath(clean)).toBeUndefined();
        // Put one in: in the object reached by following `path` through the value's objects and lists.
        let at: unknown = clean;
        for (const step of path) {
          const children =
            at && typeof at === 'object' ? Object.values(at).filter((c) => c && typeof c === 'object') : [];
          if (children.length === 0) break;
          at = children[step % children.length];
        }
        if (!at || typeof at !== 'object' || Array.isArray(at)) return;
        Object.defineProperty(at, '__proto__', { value: 'x', enumerable: true, configurable: true, writable: true });
        expect(protoKeyPath(clean)).toMatch(/(^|\.)__proto__$/);
      }),
    );
  });
});
