import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBundle } from '../../electron/backend/services/bundle-file';
import { answersImportInWords } from '../../shared/domain/selvevaluering';
import { openTestApi, type TestApi } from '../support/api';
import { bytesOf, rewrittenMember } from '../support/bundles';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from '../support/scenario';

// The second review through a pakke (issue #16): the leader sends the sager of a round's second review to a second
// reviewer who has her own Tilsyn; she reviews them blind there and sends her answers back, which the leader reads
// in as the second review's answers, all or nothing, while the round is open.

let leader: TestApi;
let reviewer: TestApi;
beforeEach(() => {
  leader = openTestApi({ prefix: 'tilsyn-anden-leder-' });
  reviewer = openTestApi({ prefix: 'tilsyn-anden-bedoemmer-' });
});
afterEach(() => {
  leader.close();
  reviewer.close();
});

const LEADER_NOTE = 'Lederens egen note om planen';
const LEADER_REASON = 'Lederens begrundelse: planen mangler mål';
const send = (file: { fileName: string; dataBase64: string }) => ({
  fileName: file.fileName,
  dataBase64: file.dataBase64,
});

/** A finished round of six sager (answered by the leader) with three of them set up for Mette Berg. */
async function secondRound() {
  const plan = ['nej', 'ja', 'ja', 'nej', 'ja', 'ja'];
  const made = await round(leader.api, {
    ...jobCentreRound('Runde', '2026-01-01', '2026-03-31', plan),
    answers: (_, i) => ({ 'plan.aktuel': { value: plan[i] ?? 'ja', reason: LEADER_REASON, note: LEADER_NOTE } }),
    finish: FINISH_AS_OTHER,
  });
  const setUp = await leader.api.call('kvalitet.opret', {
    tilsynId: made.tilsynId,
    bedoemmer: 'Mette Berg',
    udvaelgelse: { art: 'antal', antal: 3 },
    seed: 2,
    navn: 'Lene Leder',
  });
  return { ...made, chosen: setUp.sager };
}

/** The pakke opened in Mette's own file. */
async function opened() {
  const made = await secondRound();
  const pakke = await leader.api.call('pakke.andenGennemgang', { tilsynId: made.tilsynId });
  const { id } = await reviewer.api.call('selvevaluering.aabn', send(pakke));
  const view = await reviewer.api.call('selvevaluering.get', { id });
  return { made, pakke, id, view };
}

/** Mette answers plan.aktuel in each of her sager as the leader did, except in `differ` (noegle → value). */
async function answerAll(id: number, differ: Record<number, string> = {}) {
  const view = await reviewer.api.call('selvevaluering.get', { id });
  for (const s of view.sager) {
    const theirs = await leader.api.call('gennemgang.sag', { sagId: s.noegle });
    for (const [key, a] of Object.entries(theirs.answers)) {
      if (!a?.value) continue;
      const value = key === 'plan.aktuel' && differ[s.noegle] ? differ[s.noegle] : a.value;
      await reviewer.api.call('selvevaluering.svar', { id, noegle: s.noegle, key, value, reason: 'Set i sagen' });
    }
    // A question her answer opened that the leader's did not: answered with its first choice.
    const now = (await reviewer.api.call('selvevaluering.get', { id })).sager.find((x) => x.noegle === s.noegle);
    for (const m of now?.progress.missing ?? []) {
      const q = view.content.sections.flatMap((x) => x.questions).find((x) => x.key === m.key);
      const value = q?.answerType === 'jnd' ? 'ja' : (q?.options[0]?.value ?? 'Set i sagen');
      await reviewer.api.call('selvevaluering.svar', { id, noegle: s.noegle, key: m.key, value, reason: 'Set' });
    }
  }
}

describe('a pakke til anden gennemgang', () => {
  it('holds the second review’s sager and nothing of the first review or the caseworkers (read byte for byte)', async () => {
    const made = await secondRound();
    const pakke = await leader.api.call('pakke.andenGennemgang', { tilsynId: made.tilsynId });
    expect(pakke.fileName).toBe('Anden gennemgang Mette Berg 01.01.2026–31.03.2026.tilsyn');
    const entries = unzipSync(bytesOf(pakke));
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', 'selvevaluering.json', 'skabelon.json']);
    const all = Object.values(entries)
      .map((b) => strFromU8(b))
      .join('\n');
    for (const secret of [LEADER_NOTE, LEADER_REASON, 'Omar Said', 'Karin Lund', 'Lene Leder'])
      expect(all).not.toContain(secret);
    expect(JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array())).art).toBe('anden_gennemgang');
    const inside = JSON.parse(strFromU8(entries['selvevaluering.json'] ?? new Uint8Array()));
    expect(inside.sagsbehandler).toBe('Mette Berg');
    expect(inside.sager.map((s: { sagsnummer: string }) => s.sagsnummer)).toEqual(made.chosen.map((s) => s.sagsnummer));
    expect(inside.sager.every((s: { svar: object }) => Object.keys(s.svar).length === 0)).toBe(true);
  });

  it('is reviewed blind in her own file and read back as the second review’s answers, with the disagreement', async () => {
    const { made, id, view } = await opened();
    expect(view).toMatchObject({
      rolle: 'anden',
      sagsbehandler: 'Mette Berg',
      titel: expect.stringContaining('Anden'),
    });
    expect(view.sager).toHaveLength(3);
    // She answers as a reviewer does: every applicable question, not only a caseworker's own.
    expect(view.sager[0]?.progress.applicable).toBeGreaterThan(0);
    expect(JSON.stringify(view)).not.toContain(LEADER_NOTE);
    await expect(
      reviewer.api.call('selvevaluering.refleksion', { id, noegle: view.sager[0]?.noegle ?? 0, tekst: 'x' }),
    ).rejects.toThrow('En anden gennemgang har ingen refleksioner');
    const target = view.sager[0]?.noegle ?? 0;
    const leaderValue = (await leader.api.call('gennemgang.sag', { sagId: target })).answers['plan.aktuel']?.value;
    await answerAll(id, { [target]: leaderValue === 'ja' ? 'nej' : 'ja' });
    expect((await reviewer.api.call('selvevaluering.list', {}))[0]).toMatchObject({ rolle: 'anden', besvarede: 3 });

    const svar = await reviewer.api.call('selvevaluering.svarfil', { id });
    const read = await leader.api.call('pakke.svar', send(svar));
    expect(read).toMatchObject({ sagsbehandler: 'Mette Berg', sager: 3, udgaaede: [] });
    expect(answersImportInWords(read)).toMatch(/^Svarene fra Mette Berg i 3 sager er indlæst: \d+ svar er nye/);
    const after = await leader.api.call('kvalitet.get', { tilsynId: made.tilsynId });
    expect(after?.sager.every((s) => s.faerdig)).toBe(true);
    expect(after?.disagreements).toHaveLength(1);
    expect(after?.disagreements[0]).toMatchObject({ sagId: target, key: 'plan.aktuel', moderated: null });
    // The leader's own answers are hers still; the reading is logged.
    const own = await leader.api.call('gennemgang.sag', { sagId: target });
    expect(own.answers['plan.aktuel']).toMatchObject({ value: leaderValue, note: LEADER_NOTE });
    const log = await leader.api.call('tilsyn.log', { tilsynId: made.tilsynId });
    expect(log.some((l) => l.who === 'Mette Berg' && l.what.startsWith('Anden gennemgang indlæst fra pakke'))).toBe(
      true,
    );
    // The same pakke again changes nothing.
    expect(answersImportInWords(await leader.api.call('pakke.svar', send(svar)))).toBe(
      'Svarene fra Mette Berg var indlæst før: intet er ændret.',
    );
  });

  it('brings her earlier answers along when it is sent again, and leaves a sag taken out of the sample out', async () => {
    const { made, id, view } = await opened();
    await answerAll(id);
    await leader.api.call('pakke.svar', send(await reviewer.api.call('selvevaluering.svarfil', { id })));
    const out = view.sager[1]?.noegle ?? 0;
    const elsewhere = openTestApi({ prefix: 'tilsyn-anden-igen-' });
    try {
      const again = await leader.api.call('pakke.andenGennemgang', { tilsynId: made.tilsynId });
      const { id: second } = await elsewhere.api.call('selvevaluering.aabn', send(again));
      const fresh = await elsewhere.api.call('selvevaluering.get', { id: second });
      expect(fresh.sager.every((s) => s.answers['plan.aktuel']?.value)).toBe(true);
    } finally {
      elsewhere.close();
    }
    await leader.api.call('stikproeve.exclude', { sagId: out, reason: 'anden', note: 'Lukket' });
    await reviewer.api.call('selvevaluering.svar', { id, noegle: out, key: 'plan.aktuel', value: 'delvist' });
    const read = await leader.api.call('pakke.svar', send(await reviewer.api.call('selvevaluering.svarfil', { id })));
    expect(read.udgaaede).toEqual([view.sager[1]?.sagsnummer]);
  });

  it('refuses, changing nothing: a locked round, an older svarpakke, a sag not chosen, a value not allowed', async () => {
    const { made, id, view } = await opened();
    await answerAll(id);
    const older = await reviewer.api.call('selvevaluering.svarfil', { id });
    await new Promise((r) => setTimeout(r, 5));
    await reviewer.api.call('selvevaluering.svar', {
      id,
      noegle: view.sager[0]?.noegle ?? 0,
      key: 'plan.aktuel',
      value: 'delvist',
    });
    const newer = await reviewer.api.call('selvevaluering.svarfil', { id });
    await leader.api.call('pakke.svar', send(newer));
    const state = JSON.stringify(await leader.api.call('kvalitet.get', { tilsynId: made.tilsynId }));
    await expect(leader.api.call('pakke.svar', send(older))).rejects.toThrow('er ældre end de svar fra Mette Berg');

    const notChosen = made.sager.find((s) => !made.chosen.some((c) => c.sagId === s.id))?.id ?? 0;
    const wrongSag = rewrittenMember(newer, 'svar.json', (j) => {
      const svar = j as { sager: { noegle: number }[] };
      if (svar.sager[0]) svar.sager[0].noegle = notChosen;
      return svar;
    });
    await expect(leader.api.call('pakke.svar', send(wrongSag))).rejects.toThrow(
      'har svar på en sag, der ikke er valgt til anden gennemgang. Intet er indlæst.',
    );
    const badValue = rewrittenMember(newer, 'svar.json', (j) => {
      const svar = j as { sager: { svar: Record<string, { value: string }> }[] };
      const last = svar.sager[2]?.svar['plan.aktuel'];
      if (last) last.value = 'måske';
      const first = svar.sager[0]?.svar['plan.aktuel'];
      if (first) first.value = 'nej';
      return svar;
    });
    await expect(leader.api.call('pakke.svar', send(badValue))).rejects.toThrow('Intet er indlæst.');
    expect(JSON.stringify(await leader.api.call('kvalitet.get', { tilsynId: made.tilsynId }))).toBe(state);

    await lockTilsyn(leader.api, made.tilsynId, { dato: '2026-04-10' });
    await expect(leader.api.call('pakke.svar', send(newer))).rejects.toThrow(
      'blev afsluttet 10.04.2026, så svarene fra Mette Berg',
    );
    await expect(leader.api.call('pakke.andenGennemgang', { tilsynId: made.tilsynId })).rejects.toThrow(
      'er afsluttet, så der sendes ingen anden gennemgang ud.',
    );
  });

  it('masks a CPR number in a svarpakke written by hand, as if she had typed it here', async () => {
    const { id } = await opened();
    await answerAll(id);
    const svar = rewrittenMember(await reviewer.api.call('selvevaluering.svarfil', { id }), 'svar.json', (j) => {
      const pakke = j as { sager: { svar: Record<string, { note: string; reason: string }> }[] };
      const a = pakke.sager[0]?.svar['plan.aktuel'];
      if (a) Object.assign(a, { note: 'Se 0101901234', reason: 'Barn 01.01.90-1234' });
      return pakke;
    });
    await leader.api.call('pakke.svar', send(svar));
    const stored = JSON.stringify(leader.db.sqlite.prepare("SELECT * FROM svar WHERE rolle = 'anden'").all());
    expect(stored).not.toMatch(/1234/);
    expect(stored).toContain('[CPR-nummer fjernet]');
  });

  it('refuses the answers to a pakke sent before the second review was set up again, saying what to do', async () => {
    const { made, id } = await opened();
    await leader.api.call('kvalitet.opret', {
      tilsynId: made.tilsynId,
      bedoemmer: 'Hans Hansen',
      udvaelgelse: { art: 'antal', antal: 3 },
      seed: 2,
      navn: 'Lene Leder',
    });
    await answerAll(id);
    const old = await reviewer.api.call('selvevaluering.svarfil', { id });
    await expect(leader.api.call('pakke.svar', send(old))).rejects.toThrow(
      'der blev sendt, før den anden gennemgang blev sat op igen (eller pakken er ændret). Hent den nye pakke til Hans Hansen',
    );
    expect(leader.db.sqlite.prepare("SELECT count(*) AS n FROM svar WHERE rolle = 'anden'").get()).toEqual({ n: 0 });
  });

  it('says so when the first svarpakke holds no answers, and refuses one dated later than now', async () => {
    const { id } = await opened();
    const empty = await reviewer.api.call('selvevaluering.svarfil', { id });
    expect(answersImportInWords(await leader.api.call('pakke.svar', send(empty)))).toBe(
      'Svarpakken fra Mette Berg har ingen nye svar: intet er ændret.',
    );
    await answerAll(id);
    const entries = unzipSync(bytesOf(await reviewer.api.call('selvevaluering.svarfil', { id })));
    const manifest = JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array()));
    const future = writeBundle(
      { art: 'svar', oprettet: '2099-01-01T00:00:00.000Z', kilde: manifest.kilde },
      { 'svar.json': entries['svar.json'] ?? new Uint8Array() },
    );
    await expect(
      leader.api.call('pakke.svar', { fileName: 'fremtid.tilsyn', dataBase64: future.toString('base64') }),
    ).rejects.toThrow(/er dateret 01\.01\.2099 kl\. \d\d\.00, senere end nu\. Uret på den computer/);
    // A real one after it is still read.
    const real = await reviewer.api.call('selvevaluering.svarfil', { id });
    expect((await leader.api.call('pakke.svar', send(real))).aendrede).toBeGreaterThan(0);
  });

  it('opens a settled disagreement again when her next svarpakke changes the answer, and says so', async () => {
    const { made, id, view } = await opened();
    const target = view.sager[0]?.noegle ?? 0;
    const leaderValue = (await leader.api.call('gennemgang.sag', { sagId: target })).answers['plan.aktuel']?.value;
    await answerAll(id, { [target]: leaderValue === 'ja' ? 'nej' : 'ja' });
    await leader.api.call('pakke.svar', send(await reviewer.api.call('selvevaluering.svarfil', { id })));
    await leader.api.call('kvalitet.moderer', {
      sagId: target,
      key: 'plan.aktuel',
      value: 'delvist',
      begrundelse: 'Drøftet på mødet',
      navn: 'Lene Leder',
    });
    expect((await leader.api.call('kvalitet.get', { tilsynId: made.tilsynId }))?.open).toBe(0);
    // She now agrees with the first review: the settled answer (»delvist«) is held by neither, so it is open again.
    await reviewer.api.call('selvevaluering.svar', { id, noegle: target, key: 'plan.aktuel', value: leaderValue });
    const read = await leader.api.call('pakke.svar', send(await reviewer.api.call('selvevaluering.svarfil', { id })));
    expect(answersImportInWords(read)).toContain(
      'Et afgjort spørgsmål har fået et nyt svar og skal afgøres igen under Kvalitetssikring.',
    );
    const after = await leader.api.call('kvalitet.get', { tilsynId: made.tilsynId });
    expect(after?.open).toBe(1);
    expect(after?.disagreements[0]).toMatchObject({ sagId: target, key: 'plan.aktuel', moderated: null });
    // Settled again, a changed note alone opens nothing, and the import does not say it did.
    await leader.api.call('kvalitet.moderer', {
      sagId: target,
      key: 'plan.aktuel',
      value: leaderValue ?? 'ja',
      begrundelse: 'Enige efter samtalen',
      navn: 'Lene Leder',
    });
    await reviewer.api.call('selvevaluering.svar', { id, noegle: target, key: 'plan.aktuel', note: 'Set igen' });
    const noted = await leader.api.call('pakke.svar', send(await reviewer.api.call('selvevaluering.svarfil', { id })));
    expect(noted).toMatchObject({ aendrede: 1, genaabnede: 0 });
    expect((await leader.api.call('kvalitet.get', { tilsynId: made.tilsynId }))?.open).toBe(0);
  });

  it('says where a pakke goes when it is given to the wrong place', async () => {
    const made = await secondRound();
    const pakke = await leader.api.call('pakke.andenGennemgang', { tilsynId: made.tilsynId });
    await expect(leader.api.call('pakke.svar', send(pakke))).rejects.toThrow(
      'er en pakke til anden gennemgang, ikke en svarpakke. Den er til den, der gennemgår sagerne anden gang',
    );
    await expect(leader.api.call('selvevaluering.aabn', send(pakke))).rejects.toThrow(
      'er lavet fra netop denne fil. Send den til den, der gennemgår sagerne anden gang',
    );
    await expect(leader.api.call('pakke.indlaes', send(pakke))).rejects.toThrow('ikke en resultatpakke.');
    await expect(leader.api.call('pakke.indlaesFuld', send(pakke))).rejects.toThrow('ikke en fuld pakke.');
    const none = await round(leader.api, jobCentreRound('Uden', '2026-04-01', '2026-06-30', ['ja']));
    await expect(leader.api.call('pakke.andenGennemgang', { tilsynId: none.tilsynId })).rejects.toThrow(
      'har ingen anden gennemgang.',
    );
  });
});
