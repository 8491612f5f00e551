// `npm run bench`: prints the median times of the operations a leader waits for.
// Figures, not pass/fail: compare them with the targets printed beside them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { createSkabelonStore } from '../../db/skabelon-store';
import { createHandlers } from '../../electron/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { startWebHost, TOKEN_HEADER } from '../../electron/web-host';
import { templateContentSchema } from '../../shared/domain/skabelon';
import { makeTempDir } from '../support/temp';
import { createSyntheticDatabase, syntheticTemplate } from './synthetic';

interface Figure {
  name: string;
  medianMs: number;
  targetMs: number;
  runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function time(runs: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const temp = makeTempDir('tilsyn-bench-');
  const figures: Figure[] = [];
  try {
    const path = join(temp.dir, 'bench.db');
    createSyntheticDatabase(path, { tilsyn: 1000 });

    figures.push({
      name: 'Åbn databasefil (migreringer udført)',
      runs: 20,
      targetMs: 100,
      medianMs: await time(20, () => openDatabase(path).close()),
    });

    const db = openDatabase(path);
    const handlers = createHandlers({ db, mode: 'browser', version: 'bench' });
    const input = {
      titel: 'Benchmark-tilsyn',
      periodeFra: '2026-01-01',
      periodeTil: '2026-03-31',
      enhed: 'Team Bench',
      form: 'ledelseskontrol',
      formaal: 'Måling',
      skabelonVersionId: 1,
    };
    const check = await dispatch(handlers, 'tilsyn.create', input);
    if (!check.ok) throw new Error(`Benchmark-input afvist: ${check.error.message}`);
    figures.push({
      name: 'Opret et tilsyn via API’et',
      runs: 200,
      targetMs: 2,
      medianMs: await time(200, () => dispatch(handlers, 'tilsyn.create', input)),
    });
    // Back to exactly 1,000 rows for the list figure.
    db.sqlite.prepare("DELETE FROM tilsyn WHERE titel = 'Benchmark-tilsyn'").run();
    figures.push({
      name: 'List 1.000 tilsyn via API’et',
      runs: 50,
      targetMs: 20,
      medianMs: await time(50, async () => {
        const res = await dispatch(handlers, 'tilsyn.list', {});
        if (!res.ok || (res.value as unknown[]).length !== 1000) throw new Error('forkert antal');
      }),
    });

    // A 200-question template version with rules, loaded as the editor and the review load it.
    const store = createSkabelonStore(db);
    const big = store.importTemplate(
      { name: 'Stor skabelon', area: 'andet', description: '' },
      templateContentSchema.parse(syntheticTemplate(200)),
    );
    store.publish(big.versionId);
    figures.push({
      name: 'Hent skabelonversion med 200 spørgsmål',
      runs: 100,
      targetMs: 10,
      medianMs: await time(100, () => dispatch(handlers, 'skabelon.version', { versionId: big.versionId })),
    });
    db.close();

    // The same list through the browser host's HTTP transport, as the renderer calls it.
    const staticDir = join(temp.dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<meta name="tilsyn-token" content="" />');
    const host = await startWebHost({ dbPath: path, port: 0, staticDir });
    figures.push({
      name: 'List 1.000 tilsyn via HTTP (browsertilstand)',
      runs: 50,
      targetMs: 20,
      medianMs: await time(50, async () => {
        const res = await fetch(`${host.url}api/tilsyn.list`, {
          method: 'POST',
          headers: { [TOKEN_HEADER]: host.token, 'Content-Type': 'application/json' },
          body: '{}',
        });
        if ((await res.json()).value.length !== 1000) throw new Error('forkert antal');
      }),
    });
    await host.close();
  } finally {
    temp.cleanup();
  }

  console.log('\nTilsyn – benchmark (median)\n');
  for (const f of figures) {
    const verdict = f.medianMs <= f.targetMs ? 'inden for mål' : 'OVER MÅL';
    console.log(
      `${f.name.padEnd(46)} ${f.medianMs.toFixed(2).padStart(8)} ms   mål < ${f.targetMs} ms   ${verdict}  (${f.runs} kørsler)`,
    );
  }
}

await main();
