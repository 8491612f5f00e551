import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// Issue #18: exceljs and pdfmake took about 380 ms of every start. They are loaded the first time a workbook or a
// PDF is made. A probe in the real host process (bundled as `npm run build` bundles it) tells when Node loads them.
const temp = makeTempDir('tilsyn-lazy-');
let host: HostProcess;
const api = hostApi(() => host);

beforeAll(async () => {
  const probe = join(temp.dir, 'probe.cjs');
  writeFileSync(
    probe,
    `const Module = require('node:module');
const load = Module._load;
const seen = new Set();
Module._load = function (request, ...rest) {
  const name = /^(exceljs|pdfmake)$/.exec(request)?.[1];
  if (name && !seen.has(name)) { seen.add(name); process.stdout.write('[indlæst ' + name + ']\\n'); }
  return load.call(this, request, ...rest);
};
`,
  );
  const before = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${before ?? ''} --require ${probe}`.trim();
  try {
    host = await startHostProcess(join(temp.dir, 'lazy.db'), [], { fromSource: true });
  } finally {
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
  }
}, 60_000);
afterAll(async () => {
  await host?.stop();
  temp.cleanup();
});

const loaded = () => [...host.output().matchAll(/\[indlæst (\w+)\]/g)].map((m) => m[1]);

describe('the heavy libraries', () => {
  it('are not loaded to start and show the first screen, and are loaded when a workbook or a PDF is made', async () => {
    await api.call('app.info', {});
    await api.call('tilsyn.list', {});
    const made = await round(api, {
      ...jobCentreRound('Runde', '2026-01-01', '2026-03-31', ['ja', 'nej', 'ja']),
      finish: FINISH_AS_OTHER,
    });
    expect(loaded()).toEqual([]);
    const workbook = await api.call('eksport.excel', { tilsynIds: [made.tilsynId] }).catch((err) => {
      throw new Error(`${err}\n${host.output()}`);
    });
    expect(Buffer.from(workbook.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(loaded()).toEqual(['exceljs']);
    await lockTilsyn(api, made.tilsynId, { dato: '2026-04-02' });
    expect(loaded()).toEqual(['exceljs']);
    // Formidling opens with its publication check: pdfmake is made ready then, before the first PDF is asked for.
    await api.call('rapport.tjek', { tilsynId: made.tilsynId, dokument: 'udvalg' });
    await vi.waitFor(() => expect(loaded()).toEqual(['exceljs', 'pdfmake']), { timeout: 10_000 });
    const pdf = await api.call('rapport.udvalg', { tilsynId: made.tilsynId });
    expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(loaded()).toEqual(['exceljs', 'pdfmake']);
  }, 60_000);
});
