import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatDanishDate, todayIso } from '../../shared/domain/dates';
import { hookTestApi } from '../support/hooks';
import { isPdf } from '../support/pdf-text';
import { finishSag, lockTilsyn, sampledTilsyn } from '../support/scenario';

// The lock fits the work (issue #12): afslutning freezes the review of the sager; ledelsens vurdering, plan,
// sammenfatning and refleksionsspørgsmål stay writable until the report is marked as sent to the udvalg, which keeps
// the sent PDF in the file with its date and sha256.

const backend = hookTestApi('each', { file: 'afsendt.db' });
const { api } = backend;
const KEY = 'afgoerelse.partshoering';

async function lockedTilsyn() {
  const made = await sampledTilsyn(api, { sager: 3, caseworkers: ['Dorte Ravn'] });
  for (const s of made.sager) await finishSag(api, s.id);
  await lockTilsyn(api, made.tilsynId, { dato: '2026-11-20' });
  return made.tilsynId;
}

const assess = (tilsynId: number, vurdering: string) =>
  api.call('resultater.vurdering', {
    tilsynId,
    key: KEY,
    vurdering,
    plan: 'Drøftes på teammødet',
    ansvarlig: '',
    frist: null,
  });
const summary = (tilsynId: number, tekst: string) => api.call('resultater.sammenfatning', { tilsynId, tekst });
const reflection = (tilsynId: number) =>
  api.call('refleksion.tilfoej', { tilsynId, sagsbehandler: null, text: 'Hvad gør vi anderledes?' });
const sha256 = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');

describe('the report texts after afslutning, and the report sent to the udvalg', () => {
  it('lets the leader write vurdering, plan, sammenfatning and refleksion after afslutning', async () => {
    const id = await lockedTilsyn();
    await expect(assess(id, 'Under måltal; vi følger op')).resolves.toMatchObject({
      vurdering: 'Under måltal; vi følger op',
    });
    await summary(id, 'Samlet set er praksis god.');
    await reflection(id);
    const view = await api.call('resultater.get', { tilsynId: id });
    expect(view.sammenfatning).toBe('Samlet set er praksis god.');
    expect(view.assessments.find((a) => a.key === KEY)?.plan).toBe('Drøftes på teammødet');
    // The review itself stays frozen.
    const [sag] = await api.call('gennemgang.sager', { tilsynId: id });
    await expect(api.call('gennemgang.svar', { sagId: sag?.id ?? 0, key: KEY, value: 'nej' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('låst'),
    });
  });

  it('sends only an afsluttet tilsyn whose publication check is clear, and keeps nothing when refused', async () => {
    const made = await sampledTilsyn(api, { sager: 2, caseworkers: ['Dorte Ravn'] });
    for (const s of made.sager) await finishSag(api, s.id);
    await expect(api.call('rapport.send', { tilsynId: made.tilsynId, navn: 'Lene Leder' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Afslut tilsynet'),
    });
    await lockTilsyn(api, made.tilsynId, { dato: '2026-11-20' });
    await summary(made.tilsynId, 'Drøftet med Dorte Ravn.');
    await expect(api.call('rapport.send', { tilsynId: made.tilsynId, navn: 'Lene Leder' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('identificere'),
    });
    expect(await api.call('rapport.afsendelser', { tilsynId: made.tilsynId })).toEqual([]);
    expect((await api.call('tilsyn.get', { id: made.tilsynId })).sendt).toBeNull();
    await expect(api.call('rapport.send', { tilsynId: made.tilsynId, navn: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('keeps the sent PDF byte for byte with its hash, locks the texts, and says when and by whom', async () => {
    const id = await lockedTilsyn();
    await summary(id, 'Samlet set er praksis god.');
    const { sending, file } = await api.call('rapport.send', { tilsynId: id, navn: 'Lene Leder' });
    expect(isPdf(Buffer.from(file.dataBase64, 'base64'))).toBe(true);
    expect(sending).toMatchObject({ dato: todayIso(), hvem: 'Lene Leder', gaeldende: true, filnavn: file.fileName });
    expect(sending.sha256).toBe(sha256(file.dataBase64));
    expect(sending.bytes).toBe(Buffer.from(file.dataBase64, 'base64').length);
    // The bytes come once, as the file: the sending itself is its record only.
    expect(Object.keys(sending).sort()).toEqual(
      ['bytes', 'dato', 'filnavn', 'gaeldende', 'hvem', 'id', 'registreret', 'sha256'].sort(),
    );
    expect((await api.call('tilsyn.get', { id })).sendt).toEqual({ dato: todayIso(), hvem: 'Lene Leder' });

    const refusal = {
      code: 'CONFLICT',
      message: expect.stringContaining(`sendt til udvalget den ${formatDanishDate(todayIso())}`),
    };
    await expect(assess(id, 'Ændret bagefter')).rejects.toMatchObject(refusal);
    await expect(summary(id, 'Ændret bagefter')).rejects.toMatchObject(refusal);
    await expect(reflection(id)).rejects.toMatchObject(refusal);
    await expect(api.call('rapport.send', { tilsynId: id, navn: 'Lene Leder' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('allerede sendt'),
    });
    expect((await api.call('resultater.get', { tilsynId: id })).sammenfatning).toBe('Samlet set er praksis god.');

    // What the committee received, again, after a restart of the app.
    backend.reopen();
    const again = await api.call('rapport.afsendt', { tilsynId: id, id: sending.id });
    expect(again).toEqual(file);
    const log = await api.call('tilsyn.log', { tilsynId: id });
    expect(log.at(-1)).toMatchObject({ kind: 'sendt', who: 'Lene Leder' });
    expect(log.at(-1)?.what).toContain(sending.sha256.slice(0, 4));
  });

  it('a genåbning ends the sending but keeps it; the next sending is listed first', async () => {
    const id = await lockedTilsyn();
    const first = (await api.call('rapport.send', { tilsynId: id, navn: 'Lene Leder' })).sending;
    await api.call('tilsyn.genaabn', { tilsynId: id, navn: 'Lene Leder', begrundelse: 'Udvalget bad om en rettelse' });
    expect((await api.call('tilsyn.get', { id })).sendt).toBeNull();
    await summary(id, 'Rettet efter udvalgets ønske.');
    await lockTilsyn(api, id, { dato: '2026-11-28' });
    const second = (await api.call('rapport.send', { tilsynId: id, navn: 'Mette Madsen' })).sending;
    const list = await api.call('rapport.afsendelser', { tilsynId: id });
    expect(list.map((s) => [s.id, s.hvem, s.gaeldende])).toEqual([
      [second.id, 'Mette Madsen', true],
      [first.id, 'Lene Leder', false],
    ]);
    expect(second.sha256).not.toBe(first.sha256);
    const old = await api.call('rapport.afsendt', { tilsynId: id, id: first.id });
    expect(sha256(old.dataBase64)).toBe(first.sha256);
    // An ended sending never becomes the current one again, not even through the file.
    expect(() =>
      backend.db.sqlite.prepare('UPDATE udvalg_afsendelse SET gaeldende = 1 WHERE id = ?').run(first.id),
    ).toThrow(/stays ended/);
  });

  it('never changes a sent report in the file, and refuses one whose bytes no longer match', async () => {
    const id = await lockedTilsyn();
    const { sending } = await api.call('rapport.send', { tilsynId: id, navn: 'Lene Leder' });
    const { sqlite } = backend.db;
    expect(() => sqlite.prepare("UPDATE udvalg_afsendelse SET pdf = x'00' WHERE id = ?").run(sending.id)).toThrow(
      /frozen/,
    );
    expect(() => sqlite.prepare('DELETE FROM udvalg_afsendelse WHERE id = ?').run(sending.id)).toThrow(/kept/);
    // Someone outside the app drops the trigger and changes the bytes.
    sqlite.exec('DROP TRIGGER udvalg_afsendelse_frozen');
    sqlite.prepare("UPDATE udvalg_afsendelse SET pdf = x'255044462d' WHERE id = ?").run(sending.id);
    await expect(api.call('rapport.afsendt', { tilsynId: id, id: sending.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('kontrolsum'),
    });
    await expect(api.call('rapport.afsendt', { tilsynId: id + 1, id: sending.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('keeps the sent report when the sager’s data is deleted', async () => {
    const id = await lockedTilsyn();
    const { sending, file } = await api.call('rapport.send', { tilsynId: id, navn: 'Lene Leder' });
    const { titel } = await api.call('tilsyn.get', { id });
    await api.call('tilsyn.sletSagsdata', { tilsynId: id, navn: 'Lene Leder', bekraeft: titel });
    expect(await api.call('rapport.afsendt', { tilsynId: id, id: sending.id })).toEqual(file);
  });
});
