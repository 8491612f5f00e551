// The sagsliste sent once (issue #18): the preview answers `fil`, the check and the import name the file by it, and
// the bytes travel again only when the backend no longer holds that file.
import { beforeEach, describe, expect, it } from 'vitest';
import { FILE_NOT_HELD } from '../../electron/backend/services/population-reader';
import { hookTestApi } from '../support/hooks';
import { validTilsynInput } from '../support/temp';

const backend = hookTestApi('each', { file: 'fil.db' });
const { api } = backend;
let tilsynId = 0;

const csv = (rows: number, type = '§ 32') =>
  [
    'Sagsnr.;Sagstype;Rådgiver;Team',
    ...Array.from({ length: rows }, (_, i) => `2025-${String(i + 1).padStart(6, '0')};${type};Anne Holm;Team Nord`),
  ].join('\n');
const sent = (text: string) => ({
  tilsynId,
  fileName: 'udtraek.csv',
  dataBase64: Buffer.from(text, 'utf8').toString('base64'),
});

beforeEach(async () => {
  tilsynId = (await api.call('tilsyn.create', validTilsynInput)).id;
});

describe('the sagsliste sent once', () => {
  it('checks and imports the file the preview read, named by the sha256 it answered', async () => {
    const file = sent(csv(12));
    const preview = await api.call('population.preview', file);
    expect(preview.fil).toMatch(/^[0-9a-f]{64}$/);
    const named = { tilsynId, fileName: file.fileName, fil: preview.fil, headerRow: 0, mapping: preview.mapping };
    expect(await api.call('population.check', named)).toMatchObject({ validRows: 12, issueCount: 0 });
    const summary = await api.call('population.import', { ...named, skipInvalid: false });
    expect(summary.rowCount).toBe(12);
    expect((await api.call('population.sager', { tilsynId })).map((s) => s.sagsnummer)).toContain('2025-000012');
  });

  it('says in Danish when the file named is no longer held, and takes the bytes then', async () => {
    const first = sent(csv(5));
    const preview = await api.call('population.preview', first);
    const named = { tilsynId, fileName: first.fileName, fil: preview.fil, headerRow: 0, mapping: preview.mapping };
    // Another file read since (a second window, or the overview's import): the first is not held any more.
    await api.call('population.preview', sent(csv(7, 'Underretning')));
    await expect(api.call('population.check', named)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: FILE_NOT_HELD,
    });
    // Nothing was imported by the refused call; with the bytes the same mapping imports the first file.
    expect(await api.call('population.get', { tilsynId })).toBeNull();
    const { fil: _, ...withoutName } = named;
    const summary = await api.call('population.import', { ...withoutName, dataBase64: first.dataBase64 });
    expect(summary.rowCount).toBe(5);
    // After the import the file is let go: naming it again asks for the bytes.
    await expect(api.call('population.check', named)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A restart holds no file either.
    backend.reopen();
    await expect(api.call('population.check', named)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('takes exactly one of the bytes and the name, and a name only as a sha256', async () => {
    const file = sent(csv(3));
    const preview = await api.call('population.preview', file);
    const base = { tilsynId, fileName: file.fileName, headerRow: 0, mapping: preview.mapping };
    const refused = { code: 'VALIDATION', fieldErrors: { dataBase64: 'Vælg filen igen' } };
    await expect(api.call('population.check', base)).rejects.toMatchObject(refused);
    await expect(
      api.call('population.check', { ...base, fil: preview.fil, dataBase64: file.dataBase64 }),
    ).rejects.toMatchObject(refused);
    for (const fil of ['', preview.fil.toUpperCase(), `${preview.fil}0`, '../../etc/passwd', 'ø'.repeat(64)])
      await expect(api.call('population.check', { ...base, fil })).rejects.toMatchObject({ code: 'VALIDATION' });
    // Another well-formed sha256 is a file the backend does not hold.
    await expect(api.call('population.check', { ...base, fil: 'a'.repeat(64) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('never refuses a file because the digits of its sha256 read like a CPR number', async () => {
    // A sha256 is hex: ten digits in a row that form a date happen. The name is not text the leader typed.
    let tried = 0;
    for (let rows = 1; rows < 400 && tried < 40; rows++) {
      const file = sent(csv(rows));
      const preview = await api.call('population.preview', file);
      if (!/\d{10}/.test(preview.fil)) continue;
      tried++;
      const named = { tilsynId, fileName: file.fileName, fil: preview.fil, headerRow: 0, mapping: preview.mapping };
      expect((await api.call('population.check', named)).validRows).toBe(rows);
    }
    expect(tried).toBeGreaterThan(0);
  });

  it('names the file for the sagsoverblik’s own import too', async () => {
    const enhed = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team' });
    const file = { enhedId: enhed.id, fileName: 'liste.csv', dataBase64: sent(csv(4)).dataBase64 };
    const preview = await api.call('sagsoverblik.preview', file);
    const named = {
      enhedId: enhed.id,
      fileName: file.fileName,
      fil: preview.fil,
      headerRow: 0,
      mapping: preview.mapping,
    };
    expect((await api.call('sagsoverblik.check', named)).validRows).toBe(4);
    const list = await api.call('sagsoverblik.importer', { ...named, dato: '2026-02-01' });
    expect(list).toMatchObject({ dato: '2026-02-01' });
  });
});
