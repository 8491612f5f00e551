// Run by tests/bench/run.ts in its own process, so maxRSS is the import's peak memory and nothing else's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { createHandlers } from '../../electron/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { validTilsynInput } from '../support/temp';

const [dir, csvPath] = process.argv.slice(2) as [string, string];
const db = openDatabase(join(dir, 'import.db'));
const handlers = createHandlers({ db, mode: 'browser', version: 'bench', backups: false });
const created = await dispatch(handlers, 'tilsyn.create', validTilsynInput);
if (!created.ok) throw new Error(created.error.message);
const tilsynId = (created.value as { id: number }).id;

const start = performance.now();
const file = { tilsynId, fileName: 'stor.csv', dataBase64: readFileSync(csvPath).toString('base64') };
const preview = await dispatch(handlers, 'population.preview', file);
if (!preview.ok) throw new Error(preview.error.message);
const { headerRow, mapping } = preview.value as { headerRow: number; mapping: unknown };
const imported = await dispatch(handlers, 'population.import', { ...file, headerRow, mapping, skipInvalid: true });
if (!imported.ok) throw new Error(imported.error.message);
const importMs = performance.now() - start;

// The first draw reads the population; later draws (a leader trying sizes and seeds) reuse it.
const drawTimes: number[] = [];
for (let seed = 1; seed <= 7; seed++) {
  const drawStart = performance.now();
  const drawn = await dispatch(handlers, 'stikproeve.draw', {
    tilsynId,
    spec: { method: 'stratificeret', size: 1, strataBy: 'sagsbehandler', perStratum: 2, spares: 2, seed },
    drawnBy: 'Benchmark',
  });
  if (!drawn.ok) throw new Error(drawn.error.message);
  drawTimes.push(performance.now() - drawStart);
}
const firstDrawMs = drawTimes[0] ?? 0;
const drawMs = [...drawTimes].sort((a, b) => a - b)[3] ?? 0;

console.log(
  JSON.stringify({
    rows: (imported.value as { rowCount: number }).rowCount,
    importMs,
    drawMs,
    firstDrawMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
db.close();
