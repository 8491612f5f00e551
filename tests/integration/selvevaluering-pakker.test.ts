import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { findCprNumbers } from '../../shared/domain/cpr';
import { answersImportInWords } from '../../shared/domain/selvevaluering';
import { openTestApi, type TestApi } from '../support/api';
import { bytesOf, rewrittenMember } from '../support/bundles';
import { finishSag, lockTilsyn, sampledTilsyn } from '../support/scenario';

// Selvevaluering først across two files (issue #15): the leader sends each caseworker her own sager as a pakke, the
// caseworker answers in her own Tilsyn and sends her answers back, and the leader reads them in beside her own.

let leader: TestApi;
let caseworker: TestApi;
beforeEach(() => {
  leader = openTestApi({ prefix: 'tilsyn-selv-leder-' });
  caseworker = openTestApi({ prefix: 'tilsyn-selv-sagsbehandler-' });
});
afterEach(() => {
  leader.close();
  caseworker.close();
});

const WORKERS = ['Karin Lund', 'Omar Said', 'Karin Lund', 'Omar Said', 'Karin Lund'];

async function selfRound(api: ApiClient) {
  const team =
    (await api.call('enheder.list', {})).find((u) => u.navn === 'Team Nord') ??
    (await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team' }));
  return sampledTilsyn(api, {
    sager: 5,
    caseworkers: WORKERS,
    opmaerksomhed: (i) => `0${i}-02-2026`,
    tilsyn: { form: 'selvevaluering_foerst', titel: 'Runde om Omar Saids sager', enhedId: team.id, enhed: 'Team Nord' },
  });
}
/** A question answered ja/nej/delvist: the first of the template. */
const jndKey = (content: { sections: { questions: { key: string; answerType: string }[] }[] }) =>
  content.sections.flatMap((s) => s.questions).find((q) => q.answerType === 'jnd')?.key ?? '';
const send = (file: { fileName: string; dataBase64: string }) => ({
  fileName: file.fileName,
  dataBase64: file.dataBase64,
});

/** Karin's pakke of a new round, opened in her file. */
async function opened() {
  const round = await selfRound(leader.api);
  const pakke = await leader.api.call('pakke.selvevaluering', {
    tilsynId: round.tilsynId,
    sagsbehandler: 'Karin Lund',
  });
  const { id } = await caseworker.api.call('selvevaluering.aabn', send(pakke));
  const view = await caseworker.api.call('selvevaluering.get', { id });
  return { round, pakke, id, view, key: jndKey(view.content), noegle: view.sager[0]?.noegle ?? 0 };
}

describe('a selvevalueringspakke', () => {
  it("holds one caseworker's sager and nothing about anyone else (read back byte for byte)", async () => {
    const round = await selfRound(leader.api);
    const pakke = await leader.api.call('pakke.selvevaluering', {
      tilsynId: round.tilsynId,
      sagsbehandler: 'karin  lund',
    });
    expect(pakke.fileName).toBe('Selvevaluering Karin Lund 01.01.2026–31.03.2026.tilsyn');
    const members = unzipSync(bytesOf(pakke));
    const all = Object.values(members)
      .map((m) => strFromU8(m))
      .join('\n');
    const karins = round.sager.filter((s) => s.sagsbehandler === 'Karin Lund').map((s) => s.sagsnummer);
    const omars = round.sager.filter((s) => s.sagsbehandler === 'Omar Said').map((s) => s.sagsnummer);
    expect(karins).toHaveLength(3);
    for (const n of karins) expect(all).toContain(n);
    for (const n of omars) expect(all).not.toContain(n);
    // Not his name, not the leader's title that names him, not who drew the sample.
    expect(all).not.toMatch(/Omar|Said|Lene Leder|Runde om/);
    expect(Object.keys(members).sort()).toEqual(['manifest.json', 'selvevaluering.json', 'skabelon.json']);
  });

  it('goes to the caseworker and back: her answers and reflections beside the leader’s, disagreements shown', async () => {
    const round = await selfRound(leader.api);
    const pakke = await leader.api.call('pakke.selvevaluering', {
      tilsynId: round.tilsynId,
      sagsbehandler: 'Karin Lund',
    });
    const opened = await caseworker.api.call('selvevaluering.aabn', send(pakke));
    expect(opened.ny).toBe(true);
    const view = await caseworker.api.call('selvevaluering.get', { id: opened.id });
    expect(view.sagsbehandler).toBe('Karin Lund');
    expect(view.sager.map((s) => s.sagsnummer)).toEqual(
      round.sager.filter((s) => s.sagsbehandler === 'Karin Lund').map((s) => s.sagsnummer),
    );
    // She answers every question of her first sag »nej« where she can, and writes her reflections.
    const first = view.sager[0];
    if (!first) throw new Error('no sag');
    const questions = view.content.sections.flatMap((s) => s.questions).filter((q) => q.answerType === 'jnd');
    const asked = questions.slice(0, 3);
    let sag = first;
    for (const q of asked)
      sag = await caseworker.api.call('selvevaluering.svar', {
        id: opened.id,
        noegle: first.noegle,
        key: q.key,
        value: 'nej',
        reason: 'Jeg nåede det ikke',
      });
    expect(Object.keys(sag.answers).sort()).toEqual(asked.map((q) => q.key).sort());
    await caseworker.api.call('selvevaluering.refleksion', {
      id: opened.id,
      noegle: first.noegle,
      tekst: 'Jeg skal huske børnesamtalen. Barnets cpr 010190-1234 står i journalen.',
    });
    const svar = await caseworker.api.call('selvevaluering.svarfil', { id: opened.id });
    expect(svar.fileName).toBe('Svar Karin Lund 01.01.2026–31.03.2026.tilsyn');

    // The leader has answered »ja« herself meanwhile; the caseworker's answers come in beside hers.
    await finishSag(leader.api, first.noegle);
    const result = await leader.api.call('pakke.svar', send(svar));
    expect(result).toEqual({
      sagsbehandler: 'Karin Lund',
      sager: 3,
      aendrede: 3,
      refleksioner: 1,
      udgaaede: [],
      indlaestFoer: false,
      genaabnede: 0,
    });
    expect(answersImportInWords(result)).toBe(
      'Svarene fra Karin Lund i 3 sager er indlæst: 3 svar er nye eller ændrede, og der er nye refleksioner i én sag.',
    );
    const review = await leader.api.call('gennemgang.sag', { sagId: first.noegle });
    expect(Object.keys(review.caseworkerAnswers).sort()).toEqual(asked.map((q) => q.key).sort());
    expect(review.disagreements.map((d) => d.key).sort()).toEqual(asked.map((q) => q.key).sort());
    // Her reflections, with the CPR number she should not have written masked on the way in.
    expect(review.dialog.refleksioner).toBe(
      'Jeg skal huske børnesamtalen. Barnets cpr [CPR-nummer fjernet] står i journalen.',
    );
    // The same answers again change nothing, and say so.
    const again = await leader.api.call('pakke.svar', send(svar));
    expect(again).toMatchObject({ aendrede: 0, refleksioner: 0 });
    expect(answersImportInWords(again)).toBe('Svarene fra Karin Lund var indlæst før: intet er ændret.');
    const status = await leader.api.call('pakke.selvevalueringer', { tilsynId: round.tilsynId });
    expect(status).toEqual([
      { sagsbehandler: 'Karin Lund', sager: 3, besvarede: 0 },
      { sagsbehandler: 'Omar Said', sager: 2, besvarede: 0 },
    ]);
  });

  it('opens though the leader’s file id, a uuid, holds ten digits that read as a CPR number', async () => {
    // About one file in 1,600 gets such an id; the ids are not texts, and are not searched as texts.
    const id = 'f01adf23-0250-4995-8c66-288e0450fb1c';
    expect(findCprNumbers(id)).not.toEqual([]);
    leader.db.sqlite.prepare("INSERT INTO indstilling (noegle, vaerdi) VALUES ('fil_id', ?)").run(JSON.stringify(id));
    const { view } = await opened();
    expect(view.sager.length).toBeGreaterThan(0);
  });

  it('opened again (sent anew with a sag more or less) keeps her answers', async () => {
    const round = await selfRound(leader.api);
    const pakke = await leader.api.call('pakke.selvevaluering', {
      tilsynId: round.tilsynId,
      sagsbehandler: 'Karin Lund',
    });
    const { id } = await caseworker.api.call('selvevaluering.aabn', send(pakke));
    const [first, second] = (await caseworker.api.call('selvevaluering.get', { id })).sager;
    const key = jndKey((await caseworker.api.call('selvevaluering.get', { id })).content);
    await caseworker.api.call('selvevaluering.svar', { id, noegle: second?.noegle ?? 0, key, value: 'ja' });
    // The leader takes her first sag out of the sample and sends the pakke again.
    await leader.api.call('stikproeve.exclude', { sagId: first?.noegle ?? 0, reason: 'anden', note: 'Lukket' });
    const newer = await leader.api.call('pakke.selvevaluering', {
      tilsynId: round.tilsynId,
      sagsbehandler: 'Karin Lund',
    });
    const reopened = await caseworker.api.call('selvevaluering.aabn', send(newer));
    expect(reopened).toEqual({ id, ny: false });
    const view = await caseworker.api.call('selvevaluering.get', { id });
    expect(view.sager.map((s) => s.noegle)).not.toContain(first?.noegle);
    expect(view.sager.find((s) => s.noegle === second?.noegle)?.answers[key]?.value).toBe('ja');
    expect(await caseworker.api.call('selvevaluering.list', {})).toHaveLength(1);
  });
});

describe('the caseworker’s own file', () => {
  it('keeps no CPR number she types in an answer, a note or her reflections', async () => {
    const round = await selfRound(leader.api);
    const pakke = await leader.api.call('pakke.selvevaluering', {
      tilsynId: round.tilsynId,
      sagsbehandler: 'Karin Lund',
    });
    const { id } = await caseworker.api.call('selvevaluering.aabn', send(pakke));
    const view = await caseworker.api.call('selvevaluering.get', { id });
    const noegle = view.sager[0]?.noegle ?? 0;
    const tekst = view.content.sections.flatMap((s) => s.questions).find((q) => q.answerType === 'tekst')?.key ?? '';
    await caseworker.api.call('selvevaluering.svar', {
      id,
      noegle,
      key: jndKey(view.content),
      value: 'nej',
      note: 'Se 0101901234',
      reason: 'Barn 010190 1234',
    });
    await caseworker.api.call('selvevaluering.svar', { id, noegle, key: tekst, value: 'Mor har cpr 010190-1234' });
    await caseworker.api.call('selvevaluering.refleksion', { id, noegle, tekst: '01.01.90-1234 er barnets' });
    const stored =
      JSON.stringify(caseworker.db.sqlite.prepare('SELECT * FROM selvevaluering_svar').all()) +
      JSON.stringify(caseworker.db.sqlite.prepare('SELECT refleksioner FROM selvevaluering_sag').all());
    expect(stored).not.toMatch(/1234/);
    expect(stored).toContain('[CPR-nummer fjernet]');
  });
});

describe('a svarpakke', () => {
  async function answered() {
    const { round, id, key, noegle } = await opened();
    await caseworker.api.call('selvevaluering.svar', { id, noegle, key, value: 'ja' });
    return { round, svar: await caseworker.api.call('selvevaluering.svarfil', { id }) };
  }

  it('arriving after the leader locked the round is refused, and nothing is read in', async () => {
    const { round, svar } = await answered();
    for (const s of round.sager) await finishSag(leader.api, s.id);
    await lockTilsyn(leader.api, round.tilsynId, { dato: '2026-04-02' });
    await expect(leader.api.call('pakke.svar', send(svar))).rejects.toThrow(
      '»Runde om Omar Saids sager« blev afsluttet 02.04.2026, så svarene fra Karin Lund kan ikke indlæses længere. Skal de med, genåbnes tilsynet under 4. Gennemgang, og svarene indlæses igen.',
    );
    const review = await leader.api.call('gennemgang.sag', { sagId: round.sager[0]?.id ?? 0 });
    expect(review.caseworkerAnswers).toEqual({});
  });

  it('given to the wrong place says where it belongs', async () => {
    const { round, svar } = await answered();
    await expect(caseworker.api.call('selvevaluering.aabn', send(svar))).rejects.toThrow(
      'er en svarpakke, ikke en selvevalueringspakke eller en pakke til anden gennemgang. Den indlæses af lederen under tilsynets Gennemgang.',
    );
    const pakke = await leader.api.call('pakke.selvevaluering', {
      tilsynId: round.tilsynId,
      sagsbehandler: 'Omar Said',
    });
    await expect(leader.api.call('pakke.svar', send(pakke))).rejects.toThrow(
      'er en selvevalueringspakke, ikke en svarpakke. Den er til sagsbehandleren, som åbner den i sin egen Tilsyn på startsiden under »Pakke fra en leder«.',
    );
    await expect(leader.api.call('selvevaluering.aabn', send(pakke))).rejects.toThrow('er lavet fra netop denne fil');
    await expect(caseworker.api.call('pakke.svar', send(svar))).rejects.toThrow('er svar på et tilsyn i en anden fil');
  });
});

describe('a svarpakke someone changed or sent late', () => {
  it('older than the one read before is refused, and her newer answers and reflections stay', async () => {
    const { round, id, key, noegle } = await opened();
    await caseworker.api.call('selvevaluering.svar', { id, noegle, key, value: 'ja' });
    const older = await caseworker.api.call('selvevaluering.svarfil', { id });
    await new Promise((r) => setTimeout(r, 5));
    await caseworker.api.call('selvevaluering.svar', { id, noegle, key, value: 'nej', reason: 'Mangler' });
    await caseworker.api.call('selvevaluering.refleksion', { id, noegle, tekst: 'Ny refleksion' });
    const newer = await caseworker.api.call('selvevaluering.svarfil', { id });
    await leader.api.call('pakke.svar', send(newer));
    await expect(leader.api.call('pakke.svar', send(older))).rejects.toThrow(
      /er ældre end de svar fra Karin Lund, der allerede er indlæst \(lavet .*\)\. De nyere svar er beholdt\./,
    );
    const review = await leader.api.call('gennemgang.sag', { sagId: noegle });
    expect(review.caseworkerAnswers[key]?.value).toBe('nej');
    expect(review.dialog.refleksioner).toBe('Ny refleksion');
    expect(round.tilsynId).toBeGreaterThan(0);
  });

  it("cannot answer a colleague's sager or another tilsyn's, whatever name or id it claims", async () => {
    const { round, id, key, noegle } = await opened();
    await caseworker.api.call('selvevaluering.svar', { id, noegle, key, value: 'ja' });
    const svar = await caseworker.api.call('selvevaluering.svarfil', { id });
    const omars = round.sager.find((s) => s.sagsbehandler === 'Omar Said')?.id ?? 0;
    const asOmar = rewrittenMember(svar, 'svar.json', (j) => {
      j.sagsbehandler = 'Omar Said';
      j.sager[0].noegle = omars;
    });
    await expect(leader.api.call('pakke.svar', send(asOmar))).rejects.toThrow(
      'har svar på en sag, der ikke er Karin Lunds i stikprøven. Intet er indlæst.',
    );
    // A key made of his name, as anyone could compute it, answers no pakke: only the token the leader sent does.
    const guessed = rewrittenMember(svar, 'svar.json', (j) => {
      j.sagsbehandler = 'Omar Said';
      j.sager[0].noegle = omars;
      j.uid = j.uid.replace(
        /:[0-9a-f]{16}$/,
        `:${createHash('sha256').update('omar said').digest('hex').slice(0, 16)}`,
      );
    });
    await expect(leader.api.call('pakke.svar', send(guessed))).rejects.toThrow(
      'svarer ikke på en selvevalueringspakke eller en anden gennemgang fra denne fil. Den kan være ændret.',
    );
    const other = await selfRound(leader.api);
    const elsewhere = rewrittenMember(svar, 'svar.json', (j) => {
      j.uid = j.uid.replace(`:${round.tilsynId}:`, `:${other.tilsynId}:`);
    });
    await expect(leader.api.call('pakke.svar', send(elsewhere))).rejects.toThrow(
      'svarer ikke på en selvevalueringspakke eller en anden gennemgang fra denne fil. Den kan være ændret.',
    );
    const twice = rewrittenMember(svar, 'svar.json', (j) => {
      j.sager.push(j.sager[0]);
    });
    await expect(leader.api.call('pakke.svar', send(twice))).rejects.toThrow('(ved sager)');
    const maybe = rewrittenMember(svar, 'svar.json', (j) => {
      j.sager[0].svar[key].value = 'maybe';
    });
    await expect(leader.api.call('pakke.svar', send(maybe))).rejects.toThrow(
      `kan ikke indlæses: svaret i sag ${round.sager.find((s) => s.id === noegle)?.sagsnummer} på spørgsmålet »${key}« kan ikke bruges`,
    );
    for (const s of round.sager)
      expect((await leader.api.call('gennemgang.sag', { sagId: s.id })).caseworkerAnswers).toEqual({});
  });

  it('opened by the caseworker is refused with a CPR number in its template or an answer the template has not', async () => {
    const { pakke } = await opened();
    const cpr = rewrittenMember(pakke, 'skabelon.json', (c) => {
      c.sections[0].questions[0].text = 'Er der talt med 010190-1234?';
    });
    await expect(caseworker.api.call('selvevaluering.aabn', send(cpr))).rejects.toThrow(
      'indeholder noget, der ligner et CPR-nummer, og åbnes ikke.',
    );
    const bad = rewrittenMember(pakke, 'selvevaluering.json', (j) => {
      j.sager[0].svar = { 'findes.ikke': { value: 'ja', note: '', reason: '', override: null } };
    });
    await expect(caseworker.api.call('selvevaluering.aabn', send(bad))).rejects.toThrow(
      'kan ikke åbnes: pakken er ændret eller beskadiget.',
    );
  });

  it('counts a sag as answered when what she judges herself is answered: frister come from the dates', async () => {
    const { round, id, view, noegle } = await opened();
    const sag = view.sager[0];
    const own = (s: typeof sag) =>
      view.content.sections
        .flatMap((x) => x.questions)
        .filter(
          (q) =>
            q.answerType !== 'frist' && q.answerType !== 'tekst' && s?.progress.missing.some((m) => m.key === q.key),
        );
    let current = sag;
    for (let i = 0; i < 5 && current && current.progress.missing.length > 0; i++)
      for (const q of own(current))
        current = await caseworker.api.call('selvevaluering.svar', {
          id,
          noegle,
          key: q.key,
          value: q.options.find((o) => o.outcome === 'opfyldt')?.value ?? q.options[0]?.value ?? null,
        });
    expect(current?.progress.missing).toEqual([]);
    expect((await caseworker.api.call('selvevaluering.list', {}))[0]?.besvarede).toBe(1);
    await leader.api.call('pakke.svar', send(await caseworker.api.call('selvevaluering.svarfil', { id })));
    const status = await leader.api.call('pakke.selvevalueringer', { tilsynId: round.tilsynId });
    expect(status.find((s) => s.sagsbehandler === 'Karin Lund')?.besvarede).toBe(1);
  });
});
