import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '..', '..');
const temp = makeTempDir('tilsyn-start-');
afterAll(() => temp.cleanup());

/** Runs `npm start`'s script (after the build that `npm test` does) until it prints the browser-mode URL. */
function start(env: NodeJS.ProcessEnv, args: string[]): Promise<{ output: string; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Ingen adresse:\n${output}`));
    }, 20_000);
    const onData = (d: Buffer) => {
      output += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        const url = m[1];
        fetch(url)
          .then((r) => r.text())
          .then((html) => {
            child.kill('SIGTERM');
            child.once('exit', () => resolve({ output: `${output}\n${html}`, url }));
          }, reject);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

/** Runs the start script in browser mode with arguments it should refuse; returns the exit code and stderr. */
async function startExpectingExit(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), ...args], {
    env: { ...process.env, TILSYN_BROWSER_MODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

describe('npm start', () => {
  it('says in one line that Electron is missing, then serves the app in browser mode', async () => {
    const emptyDist = join(temp.dir, 'ingen-electron');
    const { output } = await start(
      // Points Electron's package at a folder without the binary, and keeps its installer offline.
      { ELECTRON_OVERRIDE_DIST_PATH: emptyDist, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', TILSYN_BROWSER_MODE: '' },
      ['--db', join(temp.dir, 'a.db'), '--port', '0'],
    );
    const lines = output.split('\n');
    expect(lines.filter((l) => l.includes('Electron-programmet findes ikke'))).toHaveLength(1);
    expect(output).toContain(`Database: ${join(temp.dir, 'a.db')}`);
    expect(output).toContain('<div id="root"></div>');
  });

  it('refuses a bad option with a Danish message and a non-zero exit', async () => {
    const { code, output } = await startExpectingExit(['--port', 'abc']);
    expect(code).toBe(1);
    expect(output).toContain('Tilsyn kunne ikke starte: Ugyldig port: abc');
  });

  it('tells which file could not be opened, and why, without starting', async () => {
    const { code, output } = await startExpectingExit(['--db', ROOT, '--port', '0']);
    expect(code).toBe(1);
    expect(output).toContain(`Tilsyn kunne ikke starte: ${ROOT} er en mappe. Angiv en databasefil`);
  });
});
