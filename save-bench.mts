import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const root = process.argv[2];
const { reviewFigures } = await import(join(root, 'tests/bench/review-bench.ts'));
const f = await reviewFigures(mkdtempSync(join(tmpdir(), 'sb-')));
console.log(JSON.stringify(f));
