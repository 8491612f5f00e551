// Run by tests/bench/run.ts in its own process, so maxRSS is the import's peak memory and nothing else's.
import { readFileSync } from 'node:fs';
import { openTestApi } from '../support/api';
import { validTilsynInput } from '../support/temp';

const [dir, csvPath, mode] = process.argv.slice(2) as [string, string, string | undefined];
const { api, close } = openTestApi({ dir, file: 'import.db', version: 'bench' });
const { id: tilsynId } = await api.call('tilsyn.create', validTilsynInput);

// End to end as the leader meets it: the preview (mapping), the check, the import; each row parsed and checked once.
const start = performance.now();
const file = { tilsynId, fileName: 'stor.csv', dataBase64: readFileSync(csvPath).toString('base64') };
const preview = await api.call('population.preview', file);
// Let go, as a request's body is once answered: the check and the import name the file.
file.dataBase64 = '';
// As the screen sends them: the check and the import name the file the preview read.
const mapped = {
  tilsynId,
  fileName: file.fileName,
  fil: preview.fil,
  headerRow: preview.headerRow,
  mapping: preview.mapping,
};
await api.call('population.check', mapped);
if (mode === 'held') {
  // What the process holds between the check and the import, garbage collected (run with --expose-gc): the file's
  // text and what was made of it, which issue #18 wants not to grow with the rows.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Kør med --expose-gc');
  gc();
  console.log(JSON.stringify({ heldMb: process.memoryUsage().heapUsed / 1024 / 1024 }));
  close();
  process.exit(0);
}
const summary = await api.call('population.import', { ...mapped, skipInvalid: true });
const importMs = performance.now() - start;
// The import's own peak: the Sagsliste and draw figures below read the whole list, which is not the import's.
const importRssMb = process.resourceUsage().maxRSS / 1024;

// The Sagsliste screen: a page of 200 (and a search through all 50,000) against the whole list it was sent before.
const timed = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, bytes: JSON.stringify(value).length };
};
const wholeList = await timed(() => api.call('population.sager', { tilsynId }));
const pageOf = await timed(() => api.call('population.side', { tilsynId }));
const searched = await timed(() => api.call('population.side', { tilsynId, soeg: '1234' }));

// The first draw reads the population; later draws (a leader trying sizes and seeds) reuse it.
const drawTimes: number[] = [];
for (let seed = 1; seed <= 7; seed++) {
  const drawStart = performance.now();
  await api.call('stikproeve.draw', {
    tilsynId,
    spec: { method: 'stratificeret', size: 1, strataBy: 'sagsbehandler', perStratum: 2, spares: 2, seed },
    drawnBy: 'Benchmark',
  });
  drawTimes.push(performance.now() - drawStart);
}
const firstDrawMs = drawTimes[0] ?? 0;
const drawMs = [...drawTimes].sort((a, b) => a - b)[3] ?? 0;

console.log(
  JSON.stringify({
    rows: summary.rowCount,
    importMs,
    drawMs,
    firstDrawMs,
    maxRssMb: importRssMb,
    totalRssMb: process.resourceUsage().maxRSS / 1024,
    wholeList,
    pageOf,
    searched,
  }),
);
close();
