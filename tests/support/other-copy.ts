import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Another running copy of Tilsyn: a child process that opens the database file, saves once as the app does, and
 * keeps it open until killed (SIGKILL leaves what a crash leaves: the lock file and the -wal).
 */
export async function otherCopy(dbPath: string, scratchDir: string): Promise<ChildProcess> {
  const script = join(scratchDir, 'holder.mts');
  writeFileSync(
    script,
    `import { openDatabase } from ${JSON.stringify(pathToFileURL(join(ROOT, 'db/open.ts')).href)};
const db = openDatabase(process.argv[2]);
// A save, as the app makes them: its checks before and after must not let go of the file's lock.
db.sqlite.prepare("INSERT INTO indstilling (noegle, vaerdi) VALUES ('proeve', '1')").run();
process.stdout.write('åben\\n');
setInterval(() => undefined, 1000);`,
  );
  const proc = spawn(process.execPath, ['--import', 'tsx', script, dbPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.once('data', () => resolve());
    proc.once('exit', (code) => reject(new Error(`Kopien stoppede (${code})`)));
  });
  return proc;
}

/** Kills the copy as a crash would, and waits until it is gone. */
export async function crash(proc: ChildProcess): Promise<void> {
  proc.kill('SIGKILL');
  if (proc.exitCode === null && proc.signalCode === null) await new Promise((resolve) => proc.once('exit', resolve));
}
