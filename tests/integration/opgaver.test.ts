import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFolder } from '../../db/backup/files';
import type { ApiClient } from '../../shared/api/client';
import type { Progress } from '../../shared/domain/progress';
import { makeLargeCsv } from '../fixtures/make-fixtures';
import { openTestApi, type TestApi } from '../support/api';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { FINISH_AS_OTHER, jobCentreRound, round } from '../support/scenario';
import { makeTempDir, validTilsynInput } from '../support/temp';

// Issue #17: long work shows how far it has come and can be cancelled where that is safe. The renderer names the
// work with an id, asks opgave.status by it while the call runs, and opgave.annuller stops it at a checkpoint.

const ROWS = 60_000;

/** Asks for the task's progress until `until` holds for one, and returns every answer seen (null ones left out). */
async function follow(api: ApiClient, id: string, until: (p: Progress) => boolean): Promise<Progress[]> {
  const seen: Progress[] = [];
  for (let i = 0; i < 2000; i++) {
    const p = await api.call('opgave.status', { id });
    if (p) {
      seen.push(p);
      if (until(p)) return seen;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`Opgaven nåede aldrig dertil: ${JSON.stringify(seen.slice(-3))}`);
}

describe('an import of a large sagsliste in browser mode (HTTP)', () => {
  const temp = makeTempDir('tilsyn-opgaver-');
  let host: HostProcess;
  const api = hostApi(() => host);
  let file: { tilsynId: number; fileName: string; dataBase64: string };

  beforeAll(async () => {
    host = await startHostProcess(join(temp.dir, 'opgaver.db'), [], { fromSource: true });
    const csv = join(temp.dir, 'stor.csv');
    makeLargeCsv(csv, ROWS);
    const { id: tilsynId } = await api.call('tilsyn.create', validTilsynInput);
    file = { tilsynId, fileName: 'stor.csv', dataBase64: readFileSync(csv).toString('base64') };
  }, 60_000);
  afterAll(async () => {
    await host?.stop();
    temp.cleanup();
  });

  it('is answered how far it has come while it runs, is cancelled with nothing stored, and then imports', async () => {
    const preview = await api.call('population.preview', file);
    const input = { ...file, headerRow: preview.headerRow, mapping: preview.mapping, skipInvalid: true };
    const id = 'importimportimpo';
    const running = api.track('population.import', input, id);
    const outcome = running.then(
      () => 'importeret',
      (err: { code: string; message: string }) => `${err.code}: ${err.message}`,
    );
    // Any of the counted steps (the rows mapped, or the CPR numbers split over two columns), partly done.
    const seen = await follow(api, id, (p) => p.total === ROWS && p.done > 0);
    expect(await api.call('opgave.annuller', { id })).toEqual({ annulleret: true });
    expect(await outcome).toBe('CANCELLED: Afbrudt. Intet er gemt eller lavet.');
    // Counted rows, in order, of the file's rows.
    const counts = seen.filter((p) => p.fase === seen.at(-1)?.fase);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((p) => p.total === ROWS && p.enhed === 'rækker' && p.kanAnnulleres)).toBe(true);
    expect(counts.map((p) => p.done)).toEqual([...counts.map((p) => p.done)].sort((a, b) => a - b));
    expect(await api.call('population.get', { tilsynId: file.tilsynId })).toBeNull();
    expect(await api.call('opgave.status', { id })).toBeNull();

    // The same id again, not cancelled: the whole list is stored.
    const summary = await api.track('population.import', input, id);
    expect(summary.rowCount).toBe(ROWS);
    expect((await api.call('population.get', { tilsynId: file.tilsynId }))?.rowCount).toBe(ROWS);
  }, 60_000);

  it('is answered while the file itself is read, a slice at a time, and stops there when cancelled', async () => {
    // The list three times over (about 20 MB, twenty slices), so the backend reads a file it has not read.
    const text = Buffer.from(file.dataBase64, 'base64').toString('latin1');
    const other = { ...file, dataBase64: Buffer.from(text.repeat(3), 'latin1').toString('base64') };
    const id = 'laeserfilenlaese';
    const outcome = api.track('population.preview', other, id).then(
      () => 'læst',
      (err: { code: string }) => err.code,
    );
    const seen = await follow(api, id, (p) => p.fase === 'Læser filen' && p.total === 1000 && p.done > 0);
    expect(seen.at(-1)?.kanAnnulleres).toBe(true);
    expect(await api.call('opgave.annuller', { id })).toEqual({ annulleret: true });
    expect(await outcome).toBe('CANCELLED');
  }, 60_000);

  it('refuses a malformed task id, and one on a method that is not long work', async () => {
    await expect(api.track('population.preview', file, 'Ikke-Et-Id-0101')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Opgavens id er ugyldigt'),
    });
    const raw = await fetch(`${host.url}api/tilsyn.list`, { method: 'POST', body: '{"opgaveId":"abcdefghijklmnop"}' });
    expect(raw.status).toBe(403); // no token: refused before anything
    await expect(
      api.call('tilsyn.list', { opgaveId: 'abcdefghijklmnop' } as unknown as Record<string, never>),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('long work in the file', () => {
  let t: TestApi;
  let tilsynId: number;
  beforeAll(async () => {
    t = openTestApi({ prefix: 'tilsyn-opgaver-fil-' });
    // Enough sager for a copy of many steps, and a reviewed round of three caseworkers for the notes.
    const { id } = await t.api.call('tilsyn.create', validTilsynInput);
    const temp = makeTempDir('tilsyn-opgaver-csv-');
    makeLargeCsv(join(temp.dir, 'stor.csv'), ROWS);
    const dataBase64 = readFileSync(join(temp.dir, 'stor.csv')).toString('base64');
    temp.cleanup();
    const preview = await t.api.call('population.preview', { tilsynId: id, fileName: 'stor.csv', dataBase64 });
    await t.api.call('population.import', {
      tilsynId: id,
      fileName: 'stor.csv',
      dataBase64,
      headerRow: preview.headerRow,
      mapping: preview.mapping,
      skipInvalid: true,
    });
    const made = await round(t.api, {
      ...jobCentreRound('Runde', '2026-01-01', '2026-03-31', ['ja', 'nej', 'ja', 'ja']),
      caseworkers: ['Anne Holm', 'Bo Nielsen', 'Carl Berg'],
      finish: FINISH_AS_OTHER,
    });
    tilsynId = made.tilsynId;
  }, 60_000);
  afterAll(() => t.close());

  it('stops a backup copy between its steps: no copy is listed and no half-made file is left', async () => {
    const before = await t.api.call('sikkerhedskopi.list', {});
    const id = 'backupbackupback';
    const outcome = t.api.track('sikkerhedskopi.tag', {}, id).then(
      () => 'taget',
      (err: { code: string }) => err.code,
    );
    const seen = await follow(t.api, id, (p) => p.fase === 'Kopierer databasen' && p.done > 0);
    expect(seen.at(-1)?.total).toBeGreaterThan(seen.at(-1)?.done ?? 0);
    await t.api.call('opgave.annuller', { id });
    expect(await outcome).toBe('CANCELLED');
    expect(await t.api.call('sikkerhedskopi.list', {})).toEqual(before);
    const folder = backupFolder(t.path);
    expect(readdirSync(folder).filter((f) => f.includes('.tmp'))).toEqual([]);
    // Not cancelled, the copy is taken and listed.
    const taken = await t.api.track('sikkerhedskopi.tag', {}, id);
    expect((await t.api.call('sikkerhedskopi.list', {})).map((b) => b.fileName)).toContain(taken.fileName);
  }, 60_000);

  it('writes no note into the folder when cancelled while the notes are made', async () => {
    const folder = join(t.dir, 'noter');
    mkdirSync(folder);
    const id = 'noternoternotern';
    const outcome = t.api.track('rapport.feedbackMappe', { tilsynId, folder }, id).then(
      () => 'gemt',
      (err: { code: string }) => err.code,
    );
    const seen = await follow(t.api, id, (p) => p.fase === 'Laver notaterne');
    expect(seen.at(-1)).toMatchObject({ enhed: 'notater', total: 4 }); // three caseworkers and the team
    await t.api.call('opgave.annuller', { id });
    expect(await outcome).toBe('CANCELLED');
    expect(existsSync(folder) && readdirSync(folder)).toEqual([]);
    const written = await t.api.track('rapport.feedbackMappe', { tilsynId, folder }, id);
    expect(written.files).toHaveLength(4);
  }, 60_000);

  it('makes no workbook when cancelled first, and the same one when not', async () => {
    const id = 'excelexcelexcele';
    expect(await t.api.call('opgave.annuller', { id })).toEqual({ annulleret: false });
    await expect(t.api.track('eksport.excel', { tilsynIds: [tilsynId] }, id)).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    const workbook = await t.api.track('eksport.excel', { tilsynIds: [tilsynId] }, id);
    expect(Buffer.from(workbook.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
