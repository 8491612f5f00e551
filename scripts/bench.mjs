// `npm run bench`: bundles tests/bench/run.ts and the child scripts it starts with esbuild, as scripts/build-node.mjs
// bundles the app, and runs it, so the figures are those of the code as it ships (tsx, which runs the sources, keeps
// every function's name at a cost of about 5 % of a save, and compiles each module as it is first loaded).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outdir = join(root, 'dist/bench');
const outfile = join(outdir, 'run.mjs');

await build({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  entryPoints: ['run', 'import-child', 'pdf-child'].map((name) => join(root, `tests/bench/${name}.ts`)),
  outdir,
  outExtension: { '.js': '.mjs' },
  // Only the project's own code is bundled; its packages are loaded from node_modules as the app loads them.
  packages: 'external',
  define: {
    __TILSYN_VERSION__: JSON.stringify(version),
    // The bench finds its fixtures and the repository beside its sources, not beside the bundle; and no
    // bundled module takes itself for the script run (make-fixtures.ts runs its command line when it is).
    'import.meta.dirname': JSON.stringify(join(root, 'tests/bench')),
    'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'tests/bench/run.ts')).href),
    // run.ts starts the bundled child scripts from here (childScript), not their sources through tsx.
    __BENCH_BUNDLE_DIR__: JSON.stringify(outdir),
  },
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
