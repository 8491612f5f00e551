import { describe, expect, it } from 'vitest';
import type { PublicationCheck } from '../../shared/domain/publication';
import { hookTestApi } from '../support/hooks';
import { finishSag, sampledTilsyn } from '../support/scenario';

// The publication check through the API (issue #12): what the committee report's texts may hold, the leader's marks
// and what they are bound to, and the refusal while anything is left.

const backend = hookTestApi('each', { file: 'tjek.db' });
const { api } = backend;

async function reviewedTilsyn(titel = 'Ledelsestilsyn 2026') {
  const made = await sampledTilsyn(api, {
    tilsyn: { titel },
    sager: 4,
    sagsnummer: (i) => `BU-2026-${100 + i}`,
    caseworkers: ['Line Hansen', 'Per Kragh'],
  });
  for (const s of made.sager) await finishSag(api, s.id);
  return made.tilsynId;
}

const check = (tilsynId: number) => api.call('rapport.tjek', { tilsynId, dokument: 'udvalg' });
const summary = (tilsynId: number, tekst: string) => api.call('resultater.sammenfatning', { tilsynId, tekst });
const mark = (tilsynId: number, p: PublicationCheck['passages'][number], ok = true) =>
  api.call('rapport.marker', { tilsynId, dokument: 'udvalg', textHash: p.textHash, start: p.start, end: p.end, ok });

describe('rapport.tjek and rapport.marker', () => {
  it('finds case numbers in any spelling and names used as names, but not names that are ordinary words', async () => {
    const id = await reviewedTilsyn();
    await summary(
      id,
      'Vi holder en fast line i sagerne, og per sag er der en plan. Sag bu 2026 101 og BU‑2026‑102 ' +
        '(hårde bindestreger) er drøftet med Line og med HANSEN. Ring 33 66 33 66 ved spørgsmål.',
    );
    const found = (await check(id)).passages.map((p) => [p.kind, p.text]);
    expect(found).toEqual([
      ['sagsnummer', 'bu 2026 101'],
      ['sagsnummer', 'BU‑2026‑102'],
      ['navn', 'Line'],
      ['navn', 'HANSEN'],
      ['talraekke', '33 66 33 66'],
    ]);
  });

  it('refuses the report until each passage is rewritten or marked; a mark belongs to the text as it was', async () => {
    const id = await reviewedTilsyn();
    await summary(id, 'Teamet ringer til Familierådgivningen på 33 66 33 66.');
    await expect(api.call('rapport.udvalg', { tilsynId: id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('ét sted'),
    });
    const [phone] = (await check(id)).passages;
    if (!phone) throw new Error('no passage');
    const after = await mark(id, phone);
    expect(after.unresolved).toBe(0);
    expect(after.passages[0]?.ok).toBe(true);
    const file = await api.call('rapport.udvalg', { tilsynId: id });
    expect(file.mimeType).toBe('application/pdf');

    // The text changes: the mark no longer applies, and the report is refused again.
    await summary(id, 'Teamet ringer til Familierådgivningen på 33 66 33 66 i dagtimerne.');
    expect((await check(id)).unresolved).toBe(1);
    await expect(api.call('rapport.udvalg', { tilsynId: id })).rejects.toMatchObject({ code: 'CONFLICT' });
    // The old mark cannot be given again to a text that is not there any more.
    await expect(mark(id, phone)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('ændret'),
    });
    // The text as it is, but a place the check did not find: said as such, not as a change.
    const [now] = (await check(id)).passages;
    if (!now) throw new Error('no passage');
    await expect(mark(id, { ...now, start: now.start + 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('ikke fundet noget sted netop dér'),
    });
    // The hash in upper case is the same hash; a malformed one is told in words.
    expect((await mark(id, { ...now, textHash: now.textHash.toUpperCase() })).unresolved).toBe(0);
    await expect(mark(id, { ...now, textHash: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Stedet kunne ikke findes i tjekket'),
    });
  });

  it('takes a mark back, and keeps marks per tilsyn', async () => {
    const a = await reviewedTilsyn('Runde A');
    const b = await reviewedTilsyn('Runde B');
    const text = 'Familierådgivningen: 33 66 33 66.';
    await summary(a, text);
    await summary(b, text);
    const [phone] = (await check(a)).passages;
    if (!phone) throw new Error('no passage');
    await mark(a, phone);
    // The same text in another tilsyn is that tilsyn's leader's decision.
    expect((await check(b)).unresolved).toBe(1);
    expect((await mark(a, phone, false)).unresolved).toBe(1);
  });

  it('checks the title too, which also names the file and fills the PDF’s properties', async () => {
    const id = await reviewedTilsyn('Tilsyn med Per Kragh og sag BU-2026-103');
    const passages = (await check(id)).passages;
    expect(passages.map((p) => [p.label, p.text])).toEqual([
      ['Tilsynets titel (står også i filnavnet og i PDF-filens egenskaber)', 'Per Kragh'],
      ['Tilsynets titel (står også i filnavnet og i PDF-filens egenskaber)', 'BU-2026-103'],
    ]);
    expect(passages.every((p) => p.place.screen === 'rediger')).toBe(true);
  });

  it('never lets a CPR-like number be marked, even one stored before the API refused them', async () => {
    const id = await reviewedTilsyn();
    await summary(id, 'Se sagen.');
    // As an older version of the app could have stored it.
    backend.db.sqlite
      .prepare("UPDATE tilsyn SET sammenfatning = 'Barnet 010190-1234 er flyttet.' WHERE id = ?")
      .run(id);
    const [cpr] = (await check(id)).passages;
    expect(cpr?.kind).toBe('cpr');
    if (!cpr) throw new Error('no passage');
    await expect(mark(id, cpr)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('CPR') });
    await expect(api.call('rapport.udvalg', { tilsynId: id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
  it('reads the words an SVG logo prints, also split over tspans, and not its title or style', async () => {
    const id = await reviewedTilsyn();
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40"><title>Per Kragh</title>' +
      '<style>.a{font-family:Roboto}</style><rect width="200" height="40" fill="#036"/>' +
      '<text x="4" y="24"><tspan>Team</tspan> <tspan>Line</tspan> <tspan>Hansen</tspan></text>' +
      // Pieces placed out of order print in order: »BU-2026-« and »102«, »Per« and »Kragh«.
      '<text x="80" y="36">102</text><text x="4" y="36">BU-2026-</text>' +
      '<text y="10"><tspan x="40">agh</tspan><tspan x="0">Per</tspan> <tspan x="20">Kr</tspan></text></svg>';
    await api.call('indstillinger.gem', {
      kommune: 'Eksempel Kommune',
      forvaltning: '',
      logo: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      minCell: 3,
    });
    const passages = (await check(id)).passages.filter((p) => p.label === 'Tekst i logoet');
    expect(passages.map((p) => p.text)).toContain('Line Hansen');
    expect(passages.every((p) => p.place.screen === 'indstillinger')).toBe(true);
    // A number split over two <text>s is read as the logo prints it, side by side (placed out of order here).
    expect(passages.map((p) => [p.kind, p.text])).toContainEqual(['sagsnummer', 'BU-2026- 102']);
    expect(passages.map((p) => p.text)).toContain('PerKragh');
    await expect(api.call('rapport.udvalg', { tilsynId: id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
  it('still finds a deleted tilsyn’s names and sagsnumre in its kept texts, known only as hashes', async () => {
    const made = await sampledTilsyn(api, {
      tilsyn: { titel: 'Runde der slettes' },
      sager: 3,
      sagsnummer: (i) => `BU-2026-${4240 + i}`,
      caseworkers: ['Søren Østergaard'],
    });
    for (const s of made.sager) await finishSag(api, s.id);
    // Spellings the retention scrubber (exact names and numbers) leaves in the kept texts.
    await summary(made.tilsynId, 'Drøftet med soeren oestergaard om sag bu 2026 4241 og SØ.');
    await api.call('tilsyn.afslut', { tilsynId: made.tilsynId, navn: 'Lene', dato: '2026-04-02' });
    await api.call('tilsyn.sletSagsdata', { tilsynId: made.tilsynId, navn: 'Lene', bekraeft: 'Runde der slettes' });
    const { sqlite } = backend.db;
    // The plain names and numbers are gone from the file's tables; only hashes are kept.
    const kept = JSON.stringify(sqlite.prepare('SELECT * FROM slettet_identifikator').all());
    expect(kept).not.toMatch(/oester|Øster|soeren|4241/i);
    expect(sqlite.prepare("SELECT count(*) AS n FROM population_sag WHERE sagsbehandler LIKE '%ster%'").get()).toEqual({
      n: 0,
    });
    const found = (await check(made.tilsynId)).passages.filter((p) => p.label === 'Sammenfatning');
    expect(found.map((p) => [p.kind, p.text])).toEqual([
      ['navn', 'soeren oestergaard'],
      ['sagsnummer', 'bu 2026 4241'],
      ['initialer', 'SØ'],
    ]);
    // After a restart too (the key is the file's own).
    backend.reopen();
    expect((await check(made.tilsynId)).passages.filter((p) => p.label === 'Sammenfatning')).toHaveLength(3);
  });
});
