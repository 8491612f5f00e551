// The pieces that let a sagsliste be read a slice at a time (issue #18): each gives for slices what it gives for
// the whole, whatever the cuts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ColumnMapping,
  dataRowStream,
  dataRows,
  mapRows,
  memoised,
  rowMapper,
} from '../../shared/domain/population';

/** The grid cut into slices at the given places (sorted, within it). */
const cut = <T>(items: readonly T[], at: readonly number[]): T[][] => {
  const places = [...new Set(at.map((a) => a % (items.length + 1)))].sort((a, b) => a - b);
  const slices: T[][] = [];
  let from = 0;
  for (const to of [...places, items.length]) {
    slices.push(items.slice(from, to));
    from = to;
  }
  return slices;
};

const cell = fc.constantFrom('', ' ', 'S-1', 'S-2', 's-1', 'I alt', 'Total 5', 'Anne', '01-02-2026', '§ 32', 'x');
const grid = fc.array(fc.array(cell, { minLength: 0, maxLength: 4 }), { maxLength: 30 });

describe('dataRowStream', () => {
  it('gives the data rows of the whole grid for any slices of it (blank rows, a totals line last)', () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: -1, max: 5 }), fc.array(fc.nat(), { maxLength: 6 }), (g, header, at) => {
        const stream = dataRowStream(header);
        const streamed = [...cut(g, at).flatMap((slice) => stream.add(slice)), ...stream.end()];
        expect(streamed).toEqual(dataRows(g, header));
      }),
      { numRuns: 3000 },
    );
  });

  it('holds a totals line back until it is known to be the last row', () => {
    const stream = dataRowStream(0);
    expect(stream.add([['Sagsnr.'], ['S-1'], ['I alt']])).toEqual([{ fileRow: 2, cells: ['S-1'] }]);
    expect(stream.add([['S-2']])).toEqual([{ fileRow: 3, cells: ['I alt'] }]);
    expect(stream.add([['Total'], ['']])).toEqual([{ fileRow: 4, cells: ['S-2'] }]);
    expect(stream.end()).toEqual([]);
  });
});

describe('rowMapper', () => {
  const mapping: ColumnMapping = [
    { header: 'Sagsnr.', target: 'sagsnummer' },
    { header: 'Rådgiver', target: 'sagsbehandler' },
    { header: 'Modtaget', target: 'dato', dateKey: 'modtaget' },
  ];
  const row = fc.tuple(
    fc.constantFrom('S-1', 's-1', 'S‐1', 'S-2', '', '0101901234', 'S-3'),
    fc.constantFrom('Anne', '', 'Bo\uD800', 'Åse'),
    fc.constantFrom('01-02-2026', '', '31-02-2026', '2026-03-01'),
  );

  it('gives for slices what mapRows gives for the whole, duplicates across slices found', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.array(fc.nat(), { maxLength: 5 }), (cells, at) => {
        const rows = cells.map((c, i) => ({ fileRow: i + 2, cells: c }));
        const mapper = rowMapper(mapping, new Set());
        const stored = cut(rows, at).flatMap((slice) => mapper.add(slice));
        expect({ rows: stored, ...mapper.result() }).toEqual(mapRows(rows, mapping, new Set()));
      }),
      { numRuns: 2000 },
    );
  });

  it('stores half a surrogate pair in a name as U+FFFD, as SQLite would store it', () => {
    const { rows } = mapRows([{ fileRow: 2, cells: ['S-\uDC00', 'Bo\uD800', ''] }], mapping, new Set());
    expect(rows[0]).toMatchObject({ sagsnummer: 'S-\uFFFD', sagsbehandler: 'Bo\uFFFD' });
    expect(encodeURIComponent(rows[0]?.sagsbehandler ?? '')).toBe('Bo%EF%BF%BD');
  });
});

describe('memoised', () => {
  it('answers as the function does, however few answers it may keep', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (texts, limit) => {
          let calls = 0;
          const upper = memoised((t) => {
            calls++;
            return { text: t.toUpperCase() };
          }, limit);
          for (const t of texts) expect(upper(t)).toEqual({ text: t.toUpperCase() });
          // A text asked twice in a row is computed once.
          const before = calls;
          if (texts[0] !== undefined) {
            upper(texts[0]);
            upper(texts[0]);
            expect(calls - before).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
