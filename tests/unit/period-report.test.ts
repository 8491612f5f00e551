import { describe, expect, it } from 'vitest';
import { periodDocDefinition } from '../../electron/backend/reports/period/document';
import { periodFamily } from '../../shared/domain/period-report';
import type { MeasureResult, TilsynResults } from '../../shared/domain/results';

const measure = (key: string, met: number, applicable: number): MeasureResult =>
  ({
    key,
    number: key,
    text: `Krav ${key}`,
    met,
    applicable,
    share: met / applicable,
    target: 90,
    belowTarget: met / applicable < 0.9,
  }) as MeasureResult;
const round = (til: string, measures: MeasureResult[], faerdige = 10) => ({
  fra: `${til.slice(0, 7)}-01`,
  til,
  enhed: 'Team Nord',
  results: {
    measures,
    faerdige,
    overall: { met: 0, applicable: 0, share: null, smallN: false },
  } as unknown as TilsynResults,
});

describe('the period report’s data', () => {
  it('keeps the krav only earlier rounds had (a theme of its own), and counts a round’s total over the shown krav', () => {
    const f = periodFamily(
      'Tematiseret',
      [
        round('2026-03-31', [measure('underretning', 8, 10)]),
        round('2026-06-30', [measure('afgoerelse', 9, 10), measure('lille', 1, 2)]),
      ],
      3,
    );
    expect(f.rows.map((r) => r.number)).toEqual(['afgoerelse', 'lille', 'underretning']);
    expect(f.rows.find((r) => r.number === 'underretning')?.cells.map((c) => c.met)).toEqual([8, null]);
    // The krav of 2 sager is hidden below the smallest group of 3, and left out of the round's total.
    expect(f.rows.find((r) => r.number === 'lille')?.cells[1]).toMatchObject({ suppressed: true, met: null });
    expect(f.rounds[1]?.overall).toMatchObject({ met: 9, applicable: 10 });
    // A round of fewer færdige sager than the smallest group shows no total.
    expect(periodFamily('T', [round('2026-03-31', [measure('a', 2, 2)], 2)], 3).rounds[0]?.overall).toBeNull();
  });

  it('puts at most four rounds side by side and the rest in tables below, so no column runs off the page', () => {
    const rounds = Array.from({ length: 7 }, (_, i) =>
      round(`2026-${String(i + 1).padStart(2, '0')}-28`, [measure('a', 9, 10)]),
    );
    const doc = periodDocDefinition({
      kommune: 'K',
      forvaltning: 'F',
      enhed: 'Team Nord',
      fra: '2026-01-01',
      til: '2026-12-31',
      generated: '2026-12-01',
      minCell: 3,
      families: [periodFamily('Skabelon', rounds, 3)],
      coverage: {
        caseworkers: 1,
        caseworkersReached: 1,
        sagstyper: 0,
        sagstyperReached: 0,
        withoutSager: 0,
        fromBundles: 0,
        deletedInBundles: 0,
      },
      caseload: [],
      plans: { total: 0, udfoert: 0, open: 0, overdue: 0, imported: 0 },
    });
    const text = JSON.stringify(doc.content);
    expect(text).toContain('Runde 1–4 af 7');
    expect(text).toContain('Runde 5–7 af 7');
    const tables = (doc.content as { table?: { widths: (number | string)[] } }[]).filter((c) => c.table);
    expect(tables.map((t) => t.table?.widths.length)).toEqual([6, 5]);
    // The fixed columns leave the krav's text at least 120 pt of the page's 495 (cell padding counted).
    for (const t of tables) {
      const fixed = (t.table?.widths ?? []).filter((w): w is number => typeof w === 'number');
      expect(495 - fixed.reduce((a, b) => a + b, 0) - 8 * fixed.length).toBeGreaterThan(120);
    }
  });
});
