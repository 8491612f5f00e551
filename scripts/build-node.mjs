// Bundles the Node side (Electron main, preload, browser-mode host) with esbuild.
// Native and Electron modules stay external; the SQL migrations are embedded via db/migrations/index.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'pdfmake', 'exceljs'],
  // Prefer ES module builds: some packages' CommonJS builds (jsonc-parser's UMD) require files at run time.
  mainFields: ['module', 'main'],
  define: { __TILSYN_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'electron/main.ts')], outfile: join(root, 'dist/electron/main.cjs') }),
  build({ ...common, entryPoints: [join(root, 'electron/web-cli.ts')], outfile: join(root, 'dist/electron/web.cjs') }),
  // A sandboxed preload may only require 'electron': everything else is bundled in.
  build({
    ...common,
    platform: 'browser',
    target: 'chrome120',
    entryPoints: [join(root, 'electron/preload.ts')],
    outfile: join(root, 'dist/electron/preload.cjs'),
  }),
]);
