// Figures of the sagsoverblik for `npm run bench` (issue #19): the flow between two lists of 50,000 sager, and the
// month view over five years of monthly lists of one enhed, each beside plain better-sqlite3 doing the least of it.

import { openTestApi } from '../support/api';
import { caseListCsv } from '../support/scenario';

export interface CaseloadFigures {
  importMs: number;
  compareMs: number;
  compareBaselineMs: number;
  monthsFirstMs: number;
  /** Importing a list for a month in the middle of five years (the later flows are counted again). */
  lateImportMs: number;
  monthsMs: number;
  monthsBaselineMs: number;
  monthLists: number;
  monthSager: number;
}

const CASEWORKERS = Array.from({ length: 40 }, (_, i) => `Rådgiver ${i + 1}`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(runs: number, fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** A list of `n` sager from `from`: the caseworker turns over every so often, so some sager move. */
const rows = (n: number, from: number, shift: number) =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      sagsnummer: `2026-${String(i).padStart(7, '0')}`,
      sagstype: ['Anbringelse', 'Forebyggende', 'Underretning'][i % 3] ?? '',
      sagsbehandler: CASEWORKERS[(i + (i % 17 === 0 ? shift : 0)) % CASEWORKERS.length] ?? '',
      team: `Team ${(i % 4) + 1}`,
    };
  });

export async function caseloadFigures(dir: string): Promise<CaseloadFigures> {
  const t = openTestApi({ dir, file: 'sagsoverblik-bench.db', version: 'bench' });
  try {
    const { api } = t;
    const big = await api.call('enheder.opret', { navn: 'Myndighed', niveau: 'afdeling' });
    const importList = async (enhedId: number, dato: string, list: ReturnType<typeof rows>) => {
      const file = { enhedId, fileName: 'liste.csv', dataBase64: Buffer.from(caseListCsv(list)).toString('base64') };
      const preview = await api.call('sagsoverblik.preview', file);
      return api.call('sagsoverblik.importer', {
        ...file,
        headerRow: preview.headerRow,
        mapping: preview.mapping,
        dato,
      });
    };
    // Two lists of 50,000: 4,000 closed, 4,000 new, some moved to another caseworker.
    const a = await importList(big.id, '2026-01-01', rows(50_000, 0, 0));
    // The second import also counts the flow from the first, for the month view.
    let start = performance.now();
    const b = await importList(big.id, '2026-02-01', rows(50_000, 4_000, 3));
    const importMs = performance.now() - start;
    const compareMs = await time(5, () => api.call('sagsoverblik.sammenlign', { fraId: a.id, tilId: b.id }));
    const { sqlite } = t.db;
    const read = sqlite.prepare<[number], { noegle: string; sagsbehandler: string }>(
      'SELECT noegle, sagsbehandler FROM oversigt_sag WHERE liste_id = ?',
    );
    // Plain SQLite: read both lists and match them in a Map, counting what came, went and moved.
    const compareBaselineMs = await time(5, () => {
      const before = new Map(read.all(a.id).map((r) => [r.noegle, r.sagsbehandler]));
      let came = 0;
      let moved = 0;
      for (const r of read.all(b.id)) {
        const was = before.get(r.noegle);
        if (was === undefined) came++;
        else if (was !== r.sagsbehandler) moved++;
      }
      return came + moved;
    });

    // Five years of monthly lists of one team of 300 sager: 10 new and 10 closed a month.
    const team = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: big.id });
    let monthSager = 0;
    for (let m = 0; m < 60; m++) {
      const dato = `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
      await importList(team.id, dato, rows(300, m * 10, m));
      monthSager += 300;
    }
    const query = { enhedId: team.id, fra: '2022-01', til: '2026-12' };
    // A month imported late, into the middle of the five years: every later flow is counted again.
    await api.call('sagsoverblik.slet', {
      id: (await api.call('sagsoverblik.lister', { enhedId: team.id })).lists[30]?.id ?? 0,
    });
    start = performance.now();
    await importList(team.id, '2024-07-01', rows(300, 300, 30));
    const lateImportMs = performance.now() - start;
    start = performance.now();
    await api.call('sagsoverblik.maaneder', query);
    const monthsFirstMs = performance.now() - start;
    const monthsMs = await time(10, () => api.call('sagsoverblik.maaneder', query));
    // Plain SQLite: the count of each list of the team, one query.
    const counts = sqlite.prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM oversigt_sag s JOIN oversigt_liste l ON l.id = s.liste_id WHERE l.enhed_id = ?
       GROUP BY s.liste_id`,
    );
    const monthsBaselineMs = await time(10, () => counts.all(team.id));
    return {
      importMs,
      compareMs,
      compareBaselineMs,
      monthsFirstMs,
      lateImportMs,
      monthsMs,
      monthsBaselineMs,
      monthLists: 60,
      monthSager,
    };
  } finally {
    t.close();
  }
}
