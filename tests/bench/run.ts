// `npm run bench`: prints the median times of the operations a leader waits for.
// Figures, not pass/fail: compare them with the targets printed beside them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { createTemplateStore } from '../../db/template-store';
import { startWebHost, TOKEN_HEADER } from '../../electron/web-host';
import { drawSample, sampleSpecSchema } from '../../shared/domain/sampling';
import { templateContentSchema } from '../../shared/domain/template';
import { makeLargeCsv } from '../fixtures/make-fixtures';
import { openTestApi } from '../support/api';
import { makeTempDir } from '../support/temp';
import { backupFigures } from './backup-bench';
import { bundleFigures } from './bundle-bench';
import { caseloadFigures } from './caseload-bench';
import { qualityFigures } from './quality-bench';
import { AFTER_SAVE_RUNS, resultsFigures } from './results-bench';
import { reviewFigures } from './review-bench';
import { startFigures } from './start-bench';
import { createSyntheticDatabase, syntheticTemplate } from './synthetic';
import { yearFigures } from './year-bench';

interface Figure {
  name: string;
  medianMs: number;
  targetMs: number;
  runs: number;
  /** Plain better-sqlite3 doing the same work in the same run: printed beside the figure as a ratio. */
  baselineMs?: number;
  /** What the baseline is, when it is not the same work in plain SQLite. */
  baselineLabel?: string;
}

/** Set by `npm run bench` (scripts/bench.mjs), which bundles the child scripts beside run.mjs. */
declare const __BENCH_BUNDLE_DIR__: string | undefined;

/** The arguments that run a child script of the bench: its bundle when there is one, else its source with tsx. */
function childScript(name: string): string[] {
  return typeof __BENCH_BUNDLE_DIR__ === 'string'
    ? [join(__BENCH_BUNDLE_DIR__, `${name}.mjs`)]
    : ['--import', 'tsx', join(import.meta.dirname, `${name}.ts`)];
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
  const memory: { name: string; mb: number; targetMb: number }[] = [];
  try {
    const path = join(temp.dir, 'bench.db');
    createSyntheticDatabase(path, { tilsyn: 1000 });

    figures.push({
      name: 'Åbn databasefil (migreringer udført)',
      runs: 20,
      targetMs: 100,
      medianMs: await time(20, () => openDatabase(path).close()),
    });

    const { api, db, close } = openTestApi({ dir: temp.dir, file: path, version: 'bench' });
    const input = {
      titel: 'Benchmark-tilsyn',
      periodeFra: '2026-01-01',
      periodeTil: '2026-03-31',
      enhed: 'Team Bench',
      form: 'ledelseskontrol',
      formaal: 'Måling',
      skabelonVersionId: 1,
    } as const;
    await api.call('tilsyn.create', input).catch((err: Error) => {
      throw new Error(`Benchmark-input afvist: ${err.message}`);
    });
    figures.push({
      name: 'Opret et tilsyn via API’et',
      runs: 200,
      targetMs: 2,
      medianMs: await time(200, () => api.call('tilsyn.create', input)),
    });
    // Back to exactly 1,000 rows for the list figure.
    db.sqlite.prepare("DELETE FROM tilsyn WHERE titel = 'Benchmark-tilsyn'").run();
    // Beside the plain baseline: the same rows read with one query, every column, no mapping.
    const plainList = db.sqlite.prepare('SELECT * FROM tilsyn ORDER BY periode_fra DESC, id DESC');
    figures.push({
      name: 'List 1.000 tilsyn via API’et',
      runs: 50,
      targetMs: 20,
      medianMs: await time(50, async () => {
        if ((await api.call('tilsyn.list')).length !== 1000) throw new Error('forkert antal');
      }),
      baselineMs: await time(50, () => plainList.all()),
    });

    // A 200-question template version with rules, loaded as the editor and the review load it.
    const store = createTemplateStore(db);
    const big = store.importTemplate(
      { name: 'Stor skabelon', area: 'andet', description: '' },
      templateContentSchema.parse(syntheticTemplate(200)),
    );
    store.publish(big.versionId);
    figures.push({
      name: 'Hent skabelonversion med 200 spørgsmål',
      runs: 100,
      targetMs: 10,
      medianMs: await time(100, () => api.call('skabelon.version', { versionId: big.versionId })),
    });
    close();

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

    // A 50,000-row Windows-1252 export: imported through the API (preview, check and import), then a stratified
    // draw, in a child process so its peak memory is the import's own. And one of 200,000 rows (issue #18).
    const importOf = async (rows: number) => {
      const csvPath = join(temp.dir, `stor-${rows}.csv`);
      await makeLargeCsv(csvPath, rows);
      const child = spawnSync(process.execPath, [...childScript('import-child'), temp.dir, csvPath], {
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(`Importmålingen fejlede:\n${child.stderr}`);
      return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
        rows: number;
        importMs: number;
        drawMs: number;
        firstDrawMs: number;
        /** The peak through preview, check and import. */
        maxRssMb: number;
        /** The peak of the whole child, with the Sagsliste read whole and the draws after the import. */
        totalRssMb: number;
        wholeList: { ms: number; bytes: number };
        pageOf: { ms: number; bytes: number };
        searched: { ms: number; bytes: number };
      };
    };
    // The heap held between the check and the import, after a garbage collection, at 50,000 and 200,000 rows: it
    // should not grow with the rows (the checked rows wait in SQLite's temporary database).
    const heldOf = async (rows: number) => {
      const csvPath = join(temp.dir, `stor-${rows}.csv`);
      await makeLargeCsv(csvPath, rows);
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', ...childScript('import-child'), temp.dir, csvPath, 'held'],
        { encoding: 'utf8' },
      );
      if (child.status !== 0) throw new Error(`Hukommelsesmålingen fejlede:\n${child.stderr}`);
      return (JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { heldMb: number }).heldMb;
    };
    for (const rows of [50_000, 200_000])
      memory.push({
        name: `Holdt efter tjek, ${rows.toLocaleString('da-DK')} rækker (efter GC)`,
        mb: await heldOf(rows),
        targetMb: 100,
      });
    const imported = await importOf(50_000);
    figures.push({
      name: `Importér ${imported.rows.toLocaleString('da-DK')} rækker (Windows-1252; vis, tjek, importér)`,
      runs: 1,
      targetMs: 3000,
      medianMs: imported.importMs,
    });
    const huge = await importOf(200_000);
    figures.push({
      name: `Importér ${huge.rows.toLocaleString('da-DK')} rækker (vis, tjek, importér)`,
      runs: 1,
      targetMs: 5000,
      medianMs: huge.importMs,
    });
    memory.push({ name: 'Højeste hukommelsesforbrug, import af 200.000 rækker', mb: huge.maxRssMb, targetMb: 600 });
    memory.push({
      name: 'Højeste forbrug, 200.000 rækker, derefter hele listen læst',
      mb: huge.totalRssMb,
      targetMb: 1200,
    });
    figures.push({
      name: 'Første udtrækning af 50.000 (læser sagslisten)',
      runs: 1,
      targetMs: 1000,
      medianMs: imported.firstDrawMs,
    });
    figures.push({
      name: 'Stratificeret udtrækning af 50.000 (via API’et)',
      runs: 7,
      targetMs: 100,
      medianMs: imported.drawMs,
    });
    memory.push({ name: 'Højeste hukommelsesforbrug under importen', mb: imported.maxRssMb, targetMb: 400 });
    // Against the whole list, which the Sagsliste screen was sent before (the ratio: how much less it waits).
    const kb = (b: number) => `${Math.round(b / 1024).toLocaleString('da-DK')} kB`;
    figures.push({
      name: `Sagslisten, første side af 50.000 (${kb(imported.pageOf.bytes)} mod ${kb(imported.wholeList.bytes)})`,
      runs: 1,
      targetMs: 300,
      medianMs: imported.pageOf.ms,
      baselineMs: imported.wholeList.ms,
      baselineLabel: 'hele listen',
    });
    figures.push({
      name: 'Sagslisten, søgning i 50.000 sager',
      runs: 1,
      targetMs: 300,
      medianMs: imported.searched.ms,
    });

    // The draw alone, in memory, repeated for a median.
    const units = Array.from({ length: 50_000 }, (_, i) => ({
      id: i + 1,
      sagsnummer: `2025-${String(i).padStart(6, '0')}`,
      sagstype: ['Underretning', '§ 32', 'Anbringelse'][i % 3] ?? '',
      sagsbehandler: `Rådgiver ${i % 60}`,
      team: `Team ${i % 6}`,
      dates: {},
    }));
    const spec = sampleSpecSchema.parse({
      method: 'stratificeret',
      size: 1,
      strataBy: 'sagsbehandler',
      perStratum: 2,
      spares: 2,
      seed: 11,
    });
    figures.push({
      name: 'Stratificeret udtrækning af 50.000 (kun beregning)',
      runs: 20,
      targetMs: 100,
      medianMs: await time(20, () => drawSample(units, spec)),
    });

    const review = await reviewFigures(temp.dir);
    figures.push({ name: 'Gem et svar, det første på filen', runs: 1, targetMs: 5, medianMs: review.firstSave });
    figures.push({
      name: 'Gem et svar (median)',
      runs: review.saves,
      targetMs: 1,
      medianMs: review.saveP50,
      baselineMs: review.plainP50,
    });
    figures.push({
      name: 'Gem et svar, hver gang i en anden sag (median)',
      runs: review.saves,
      targetMs: 1,
      medianMs: review.spreadP50,
      baselineMs: review.plainSpreadP50,
    });
    figures.push({
      name: 'Gem et svar (99. percentil)',
      runs: review.saves,
      targetMs: 5,
      medianMs: review.saveP99,
      baselineMs: review.plainP99,
    });
    figures.push({
      name: `Åbn en sag (${review.questions} spørgsmål, svar)`,
      runs: 300,
      targetMs: 20,
      medianMs: review.openSag,
      baselineMs: review.plainOpenSag,
    });
    figures.push({ name: 'Åbn gennemgangen med 60 sager', runs: 10, targetMs: 30, medianMs: review.openWorkspace });

    const results = await resultsFigures(temp.dir);
    const start = await startFigures(join(temp.dir, 'history.db'));
    figures.push({
      name: `Start til første skærm, browsertilstand (${start.mb.toFixed(0)} MB, ${start.tilsyn} tilsyn)`,
      runs: 3,
      targetMs: 500,
      medianMs: start.startMs,
      baselineMs: start.plainMs,
      baselineLabel: 'Node og better-sqlite3 alene',
    });
    // A file the app did not leave whole (a crash, a copy, a week unopened) is checked before the first screen.
    const checked = await startFigures(join(temp.dir, 'history.db'), { checkAtOpen: true });
    figures.push({
      name: `Start til første skærm, filen kontrolleres ved åbning (${checked.mb.toFixed(0)} MB)`,
      runs: 3,
      targetMs: 800,
      medianMs: checked.startMs,
      baselineMs: checked.plainMs,
      baselineLabel: 'Node og better-sqlite3 alene',
    });
    figures.push({
      name: `Afslut en runde af 60 sager (gemmer dens resultater)`,
      runs: results.rounds - 1,
      targetMs: 200,
      medianMs: results.lockEach,
    });
    figures.push({
      name: `Resultater, ${Math.round(results.answers / 1000)}.000 svar (${results.rounds} runder), første gang`,
      runs: 1,
      targetMs: 200,
      medianMs: results.resultsCold,
    });
    figures.push({
      name: 'Resultater, samme historik, efter genstart',
      runs: 1,
      targetMs: 200,
      medianMs: results.resultsAfterRestart,
      baselineMs: results.resultsAfterRestartPlain,
    });
    figures.push({
      name: 'Resultater, samme historik, derefter',
      runs: 5,
      targetMs: 200,
      medianMs: results.resultsWarm,
      baselineMs: results.resultsWarmPlain,
    });
    figures.push({
      name: 'Resultater, samme historik, lige efter et gemt svar',
      runs: AFTER_SAVE_RUNS,
      targetMs: 200,
      medianMs: results.resultsAfterSave,
      baselineMs: results.resultsAfterSavePlain,
    });
    figures.push({
      name: `Resultater, ${(results.hugeAnswers / 1e6).toLocaleString('da-DK', { maximumFractionDigits: 1 })} mio. svar (160 runder à 600 sager), første gang efter åbning`,
      runs: 1,
      targetMs: 200,
      medianMs: results.resultsHuge,
    });
    figures.push({
      name: `Rapport til udvalget, 60 sager, 5 års runder (${results.committeePages} s.)`,
      runs: 1,
      targetMs: 1500,
      medianMs: results.committeePdf,
    });
    {
      const child = spawnSync(process.execPath, [...childScript('pdf-child'), temp.dir], {
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(`PDF-målingen fejlede:\n${child.stderr}`);
      const { committeePdfAfterOpen } = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
      figures.push({
        name: 'Rapport til udvalget, første i processen, efter Formidling er åbnet',
        runs: 1,
        targetMs: 800,
        medianMs: committeePdfAfterOpen,
      });
    }
    figures.push({
      name: `Feedbacknotater, 15 sagsbehandlere (${results.feedbackFiles} filer)`,
      runs: 1,
      targetMs: 3000,
      medianMs: results.feedbackNotes,
    });

    const year = await yearFigures(temp.dir);
    figures.push({
      name: `Årshjul, alle enheder (${year.rounds} runder i 5 år, 8 teams)`,
      runs: 10,
      targetMs: 50,
      medianMs: year.yearView,
    });
    figures.push({
      name: `Dækning af én enhed over 5 år (${year.sager} sager i alt)`,
      runs: 5,
      targetMs: 50,
      medianMs: year.coverageFiveYears,
    });
    figures.push({ name: 'Enheder med sagsbehandlere og sagstyper', runs: 10, targetMs: 50, medianMs: year.unitsList });
    figures.push({
      name: 'Perioderapport for et år (11 afsluttede runder, PDF)',
      runs: 3,
      targetMs: 1500,
      medianMs: year.periodReport,
    });
    figures.push({
      name: `Udvikling i hvert krav pr. enhed (Resultater over 59 tidligere runder; ${year.answers} svar i alt)`,
      runs: 3,
      targetMs: 100,
      medianMs: year.developmentPerUnit,
    });
    figures.push({
      name: 'Resultater med den historik, første gang efter start',
      runs: 1,
      targetMs: 200,
      medianMs: year.resultsFirstAfterStart,
    });

    const caseload = await caseloadFigures(temp.dir);
    figures.push({
      name: 'Importér en sagsliste på 50.000 sager (med bevægelser fra forrige)',
      runs: 1,
      targetMs: 10000,
      medianMs: caseload.importMs,
    });
    figures.push({
      name: 'Sammenlign to sagslister på 50.000 sager',
      runs: 5,
      targetMs: 1000,
      medianMs: caseload.compareMs,
      baselineMs: caseload.compareBaselineMs,
    });
    figures.push({
      name: 'Importér en glemt måneds liste midt i 5 år (300 sager)',
      runs: 1,
      targetMs: 2000,
      medianMs: caseload.lateImportMs,
    });
    figures.push({
      name: `Sagsoverblik måned for måned, 5 år (${caseload.monthLists} lister), lige efter`,
      runs: 1,
      targetMs: 100,
      medianMs: caseload.monthsFirstMs,
    });
    figures.push({
      name: `Sagsoverblik måned for måned, 5 år (${caseload.monthSager} sager)`,
      runs: 10,
      targetMs: 100,
      medianMs: caseload.monthsMs,
      baselineMs: caseload.monthsBaselineMs,
    });

    const bundle = await bundleFigures(temp.dir);
    figures.push({ name: 'Resultatpakke af én runde', runs: 1, targetMs: 300, medianMs: bundle.exportMs });
    figures.push({ name: 'Fuld pakke af én runde (15 sager)', runs: 1, targetMs: 300, medianMs: bundle.fullExportMs });
    figures.push({
      name: 'Indlæs den fulde pakke i en anden fil',
      runs: 1,
      targetMs: 300,
      medianMs: bundle.fullImportMs,
    });
    figures.push({
      name: `Indlæs ${bundle.pakker} resultatpakker (${bundle.rounds} runder) i afdelingens fil`,
      runs: 1,
      targetMs: 5000,
      medianMs: bundle.importMs,
    });
    figures.push({
      name: `Afdelingens enheder side om side (${bundle.pakker} teams, 5 års runder i filen)`,
      runs: 1,
      targetMs: 200,
      medianMs: bundle.departmentViewMs,
    });

    const quality = await qualityFigures(temp.dir);
    figures.push({
      name: `Enighed i en runde af ${quality.sager} sager, ${quality.doubled} gennemgået af to (${quality.pairs} par)`,
      runs: 10,
      targetMs: 50,
      medianMs: quality.agreementMs,
    });

    const backup = await backupFigures(temp.dir);
    figures.push({
      name: `Sikkerhedskopi af ${Math.round(backup.sizeMb)} MB mens der skrives`,
      runs: 1,
      targetMs: 5000,
      medianMs: backup.backupMs,
    });
    figures.push({
      name: `Skrivning under kopiering, p99 (${backup.writesDuringBackup} skrivninger)`,
      runs: backup.writesDuringBackup,
      targetMs: 5,
      medianMs: backup.writeP99DuringBackupMs,
    });
    figures.push({
      name: `Integritetstjek af ${Math.round(backup.sizeMb)} MB`,
      runs: 1,
      targetMs: 2000,
      medianMs: backup.integrityCheckMs,
    });
  } finally {
    temp.cleanup();
  }

  console.log('\nTilsyn – benchmark (median)\n');
  for (const m of memory) {
    const verdict = m.mb <= m.targetMb ? 'inden for mål' : 'OVER MÅL';
    console.log(`${m.name.padEnd(46)} ${m.mb.toFixed(0).padStart(8)} MB   mål < ${m.targetMb} MB  ${verdict}`);
  }
  for (const f of figures) {
    const verdict = f.medianMs <= f.targetMs ? 'inden for mål' : 'OVER MÅL';
    const ratio = f.baselineMs
      ? `  ${(f.medianMs / f.baselineMs).toFixed(2)}× ${f.baselineLabel ?? 'almindelig SQLite'} (${f.baselineMs.toFixed(2)} ms)`
      : '';
    console.log(
      `${f.name.padEnd(46)} ${f.medianMs.toFixed(2).padStart(8)} ms   mål < ${f.targetMs} ms   ${verdict}  (${f.runs} kørsler)${ratio}`,
    );
  }
}

await main();
