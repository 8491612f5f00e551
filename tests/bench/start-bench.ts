// Start to first screen in browser mode (issue #18), beside a plain process doing the least the same: Node, better-
// sqlite3 opening the file and reading the list of tilsyn. The host is bundled from the sources as `npm run build`
// bundles it, and started as `npm start` starts it in browser mode.
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { markPath } from '../../db/integrity';
import { hostApi, startHostProcess } from '../support/host-process';

export interface StartFigures {
  mb: number;
  tilsyn: number;
  /** From spawning the host to the list of tilsyn answered over HTTP. */
  startMs: number;
  plainMs: number;
}

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * `checkAtOpen`: each start meets the file as one the app did not leave whole (its mark gone), so the integrity
 * check runs before the first screen (db/integrity.ts); otherwise the file is as the last run left it.
 */
export async function startFigures(path: string, options: { checkAtOpen?: boolean } = {}): Promise<StartFigures> {
  const mb = statSync(path).size / 1024 / 1024;
  const samples: number[] = [];
  let tilsyn = 0;
  for (let run = 0; run < 3; run++) {
    if (options.checkAtOpen) rmSync(markPath(path), { force: true });
    const t0 = performance.now();
    const host = await startHostProcess(path, [], { fromSource: true });
    try {
      tilsyn = (await hostApi(host).call('tilsyn.list', {})).length;
      samples.push(performance.now() - t0);
    } finally {
      await host.stop();
    }
  }
  const plain: number[] = [];
  const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]);
    db.pragma('journal_mode = WAL'); db.prepare('SELECT * FROM tilsyn ORDER BY periode_til DESC').all(); db.close();`;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const child = spawnSync(process.execPath, ['-e', script, path], { cwd: ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    plain.push(performance.now() - t0);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
  return { mb, tilsyn, startMs: median(samples), plainMs: median(plain) };
}
