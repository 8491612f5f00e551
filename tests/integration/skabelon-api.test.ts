import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/backend';
import { hookTestApi } from '../support/hooks';
import { validTilsynInput } from '../support/temp';

const backend = hookTestApi('each', { file: 'api.db' });
const { api } = backend;

const standardVersionId = async (name: string) =>
  (await api.call('skabelon.list')).find((t) => t.name === name)?.versions[0]?.id ?? 0;

/** Every row of every table, to prove a refused call changed nothing. */
function fingerprint(): string {
  const { db } = backend;
  const tables = db.sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const t of tables) hash.update(JSON.stringify(db.sqlite.prepare(`SELECT * FROM "${t}"`).all()));
  return hash.digest('hex');
}

describe('shared template files', () => {
  it('round-trips: exporting an imported file gives the same file', async () => {
    const exported = await api.call('skabelon.export', {
      versionId: await standardVersionId('Børn og unge – overordnet'),
    });
    expect(exported.fileName).toBe('Børn og unge – overordnet v1.tilsyn-skabelon.json');
    const imported = await api.call('skabelon.import', { fileName: exported.fileName, text: exported.text });
    await api.call('skabelon.publish', { versionId: imported.versionId });
    const again = await api.call('skabelon.export', { versionId: imported.versionId });
    expect(again.text).toBe(exported.text);
    expect((await api.call('skabelon.get', { id: imported.skabelonId })).kilde).toBe('importeret');
  });

  it('accepts a file saved with a byte-order mark', async () => {
    const { text } = await api.call('skabelon.export', {
      versionId: await standardVersionId('Beskæftigelse – rettidighed'),
    });
    await expect(api.call('skabelon.import', { fileName: 'bom.json', text: `\uFEFF${text}` })).resolves.toMatchObject({
      versionId: expect.any(Number),
    });
  });

  it('refuses a malformed file, naming line and field, and changes nothing', async () => {
    const { text } = await api.call('skabelon.export', {
      versionId: await standardVersionId('Beskæftigelse – rettidighed'),
    });
    const before = fingerprint();
    const cases: [string, RegExp][] = [
      [text.slice(0, 200), /^Filen kan ikke importeres:\nLinje \d+: ugyldig JSON/],
      [
        text.replace('"graense": 6', '"graense": "seks"'),
        /Linje \d+, felt »afsnit \d+ › spørgsmål \d+ › frist › længde«: Angiv fristens længde/,
      ],
      [
        text.replace('"format": "tilsyn-skabelon"', '"format": "regneark"'),
        /Linje 2, felt »format«: Filen er ikke en Tilsyn-skabelon/,
      ],
      [
        text.replace(/"key": "ressourceforloeb\.[a-z-]+"/, '"key": "samtaler.rettidighed"'),
        /bruges af et andet spørgsmål/,
      ],
      ['[]', /Linje 1, filen/],
    ];
    for (const [broken, message] of cases) {
      await expect(api.call('skabelon.import', { fileName: 'x.json', text: broken })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(message),
      });
    }
    expect(fingerprint()).toBe(before);
  });

  it('names the exact line of a wrong value', async () => {
    const { text } = await api.call('skabelon.export', {
      versionId: await standardVersionId('Beskæftigelse – rettidighed'),
    });
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"answerType": "frist"'));
    lines[line] = lines[line]?.replace('"frist"', '"ukendt"') ?? '';
    await expect(api.call('skabelon.import', { fileName: 'x.json', text: lines.join('\n') })).rejects.toMatchObject({
      message: expect.stringContaining(`Linje ${line + 1}, felt`),
    });
  });
});

describe('choosing a template for a tilsyn', () => {
  it('refuses a draft version', async () => {
    const { versionId } = await api.call('skabelon.copy', {
      versionId: await standardVersionId('Børn og unge – overordnet'),
      meta: { name: 'Kladde', area: 'boern_unge', description: '' },
    });
    await expect(
      api.call('tilsyn.create', { ...validTilsynInput, skabelonVersionId: versionId }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { skabelonVersionId: 'Vælg en publiceret skabelon' },
    });
  });

  it('keeps the chosen afsnit of a tematiseret tilsyn, and refuses afsnit the template lacks', async () => {
    const versionId = await standardVersionId('Børn og unge – tematiseret');
    const { content } = await api.call('skabelon.version', { versionId });
    const chosen = content.sections.slice(0, 2).map((s) => s.key);
    const created = await api.call('tilsyn.create', {
      ...validTilsynInput,
      skabelonVersionId: versionId,
      afsnit: chosen,
    });
    expect((await api.call('tilsyn.get', { id: created.id })).afsnit).toEqual(chosen);
    await expect(
      api.call('tilsyn.create', { ...validTilsynInput, skabelonVersionId: versionId, afsnit: ['findes-ikke'] }),
    ).rejects.toMatchObject({ fieldErrors: { afsnit: 'Afsnittet »findes-ikke« findes ikke i den valgte skabelon' } });
  });
});

describe('standard templates in a new database', () => {
  it('are the three shipped ones, each published as version 1', async () => {
    const list = await api.call('skabelon.list');
    expect(list.map((t) => [t.name, t.kilde, t.versions.map((v) => `v${v.nummer} ${v.status}`)])).toEqual([
      ['Beskæftigelse – rettidighed', 'standard', ['v1 publiceret']],
      ['Børn og unge – overordnet', 'standard', ['v1 publiceret']],
      ['Børn og unge – tematiseret', 'standard', ['v1 publiceret']],
    ]);
  });

  it('are not seeded twice when the database is opened again', async () => {
    createHandlers({ db: backend.db, mode: 'browser', version: 'test' });
    expect(await api.call('skabelon.list')).toHaveLength(3);
  });
});
