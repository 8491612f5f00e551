// `npm start`: launches the Electron app where its binary exists; otherwise says so in one line
// and serves the same app in browser mode on 127.0.0.1. Arguments after `--` are passed on.
// TILSYN_BROWSER_MODE=1 chooses browser mode even where Electron is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const browserModeChosen = Boolean(process.env.TILSYN_BROWSER_MODE);

function electronBinary() {
  try {
    const path = require('electron'); // the package's index resolves to the binary's path, or throws
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function tryInstallElectronBinary() {
  // npm may have skipped Electron's download script (allowScripts); try it once, quietly and briefly.
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (existsSync(installer)) spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 120_000 });
}

let binary;
if (!browserModeChosen) {
  binary = electronBinary();
  if (!binary) {
    tryInstallElectronBinary();
    binary = electronBinary();
  }
  if (!binary) {
    console.log('Electron-programmet findes ikke på denne maskine, så Tilsyn startes i browsertilstand i stedet.');
  }
}

const child = binary
  ? spawn(binary, [root, ...args], { stdio: 'inherit' })
  : spawn(process.execPath, [join(root, 'dist', 'electron', 'web.cjs'), ...args], { stdio: 'inherit' });

child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
