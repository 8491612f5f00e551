// Backup figures for `npm run bench` (issue #7): a copy of a ~200 MB database with the online backup API while
// the app keeps writing, and the cost of checking a file that size. Run on its own with
//   npx tsx -e "import('./tests/bench/backup-bench.ts').then(async (m) => console.log(await m.backupFigures('/tmp')))"
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { backupFolder, takeBackup } from '../../db/backup';
import { openDatabase } from '../../db/open';

export interface BackupFigures {
  /** Size of the database file. */
  sizeMb: number;
  /** "Tag sikkerhedskopi": the online copy, its verification (quick_check) and pruning. */
  backupMs: number;
  /** p99 latency of small write transactions made while the copy runs (from asking to committed). */
  writeP99DuringBackupMs: number;
  /** The slowest of those writes: the verification holds the event loop once, at the end. */
  writeMaxDuringBackupMs: number;
  writesDuringBackup: number;
  /** `PRAGMA integrity_check` of the whole file (what "Gendan" runs on the chosen copy). */
  integrityCheckMs: number;
  /** `PRAGMA quick_check` (what every open and every new copy runs). */
  quickCheckMs: number;
}

const TARGET_BYTES = 200 * 1024 * 1024;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
const round = (n: number) => Math.round(n * 10) / 10;

/** Builds a ~200 MB Tilsyn database in `dir` (in a folder of its own, removed afterwards) and measures. */
export async function backupFigures(dir: string): Promise<BackupFigures> {
  const work = mkdtempSync(join(dir, 'tilsyn-backup-bench-'));
  try {
    const path = join(work, 'tilsyn.db');
    const db = openDatabase(path);
    try {
      // ~1 KB rows (a note, a key with an index, an incompressible blob), in one transaction: a few seconds.
      db.sqlite.exec(`
        CREATE TABLE bench_fyld (id INTEGER PRIMARY KEY, noegle TEXT NOT NULL, notat TEXT NOT NULL, data BLOB NOT NULL);
        CREATE TABLE bench_skriv (id INTEGER PRIMARY KEY, tekst TEXT NOT NULL, tid REAL NOT NULL);
      `);
      const rows = Math.round(TARGET_BYTES / 1040);
      db.sqlite.transaction(() => {
        db.sqlite
          .prepare(
            `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
             INSERT INTO bench_fyld (noegle, notat, data) SELECT hex(randomblob(8)), hex(randomblob(200)), randomblob(560) FROM n`,
          )
          .run(rows);
        db.sqlite.exec('CREATE INDEX bench_fyld_noegle ON bench_fyld (noegle)');
      })();
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const sizeMb = round(statSync(path).size / 1024 / 1024);

      // Small transactions, one after the other, while the copy runs: each waits for its turn on the event loop.
      const insert = db.sqlite.prepare('INSERT INTO bench_skriv (tekst, tid) VALUES (?, ?)');
      const latencies: number[] = [];
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          const asked = performance.now();
          await new Promise((resolve) => setImmediate(resolve));
          insert.run(`Svar nr. ${i}`, asked);
          latencies.push(performance.now() - asked);
        }
      })();
      const started = performance.now();
      const copy = await takeBackup(db, 'manuel');
      const backupMs = performance.now() - started;
      writing = false;
      await writer;

      const copyPath = join(backupFolder(path), copy.fileName);
      const check = (pragma: string) => {
        const ro = new Database(copyPath, { readonly: true, fileMustExist: true });
        try {
          const t = performance.now();
          const answer = ro.pragma(pragma, { simple: true });
          if (answer !== 'ok') throw new Error(`${pragma}: ${String(answer)}`);
          return performance.now() - t;
        } finally {
          ro.close();
        }
      };
      return {
        sizeMb,
        backupMs: round(backupMs),
        writeP99DuringBackupMs: round(percentile(latencies, 99)),
        writeMaxDuringBackupMs: round(Math.max(0, ...latencies)),
        writesDuringBackup: latencies.length,
        integrityCheckMs: round(check('integrity_check')),
        quickCheckMs: round(check('quick_check')),
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
