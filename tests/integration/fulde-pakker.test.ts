import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { FULL_MEMBER } from '../../shared/domain/bundle-full';
import { openTestApi, type TestApi } from '../support/api';
import { bytesOf, indlaes, lockedRound, rewrittenMember } from '../support/bundles';
import { jobCentreRound, round } from '../support/scenario';

// Fulde pakker (issue #15): a tilsyn with everything it holds goes to another leader's file and back. The same pakke
// twice changes nothing, a pakke built on what both had updates it, and a tilsyn changed in both files is a conflict
// the leader settles: keep this file's, take the pakke's, or keep both.

let anna: TestApi;
let bo: TestApi;
beforeEach(() => {
  anna = openTestApi({ prefix: 'tilsyn-fuld-anna-' });
  bo = openTestApi({ prefix: 'tilsyn-fuld-bo-' });
});
afterEach(() => {
  anna.close();
  bo.close();
});

type File = { fileName: string; dataBase64: string };
const read = (api: ApiClient, file: File, valg?: 'behold_her' | 'tag_pakkens' | 'behold_begge') =>
  api.call('pakke.indlaesFuld', { fileName: file.fileName, dataBase64: file.dataBase64, ...(valg ? { valg } : {}) });
const content = (file: File) => strFromU8(unzipSync(bytesOf(file))[FULL_MEMBER] ?? new Uint8Array());

/** A tilsyn in Anna's file under way: four sager, two answered, a finding, a handling and a dialogue record. */
async function underWay(api: ApiClient) {
  const afdeling = await api.call('enheder.opret', { navn: 'Jobcenter Vest', niveau: 'afdeling' });
  const team = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: afdeling.id });
  const made = await round(api, {
    ...jobCentreRound('Runde med Karin Lund', '2026-01-01', '2026-03-31', ['ja', 'nej']),
    sager: 4,
    tilsyn: {
      titel: 'Runde med Karin Lund',
      periodeFra: '2026-01-01',
      periodeTil: '2026-03-31',
      enhedId: team.id,
      skabelonVersionId: 3,
      form: 'dialogbaseret',
    },
    answers: (_, i): Record<string, { value: string; reason: string }> =>
      i < 2 ? { 'plan.aktuel': { value: i === 0 ? 'ja' : 'nej', reason: 'Se sagen' } } : {},
  });
  const first = made.sager[0]?.id ?? 0;
  await api.call('gennemgang.fund', { sagId: first, kind: 'styrke', text: 'Planen er konkret', questionKey: null });
  await api.call('gennemgang.handling', { sagId: first, text: 'Opdatér planen', ansvarlig: 'Karin Lund' });
  await api.call('gennemgang.dialog', { sagId: first, dato: '2026-02-03', deltagere: 'Karin og Lene' });
  return made;
}

const answerOf = async (api: ApiClient, sagId: number, key = 'plan.aktuel') =>
  (await api.call('gennemgang.sag', { sagId })).answers[key]?.value ?? null;
const sagIdOf = async (api: ApiClient, tilsynId: number, sagsnummer: string) =>
  (await api.call('gennemgang.sager', { tilsynId })).find((s) => s.sagsnummer === sagsnummer)?.id ?? 0;

describe('a fuld pakke', () => {
  it('moves a tilsyn with its sager, answers, findings and sample to another file, where it reads the same', async () => {
    const made = await underWay(anna.api);
    const pakke = await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId });
    expect(pakke.fileName).toBe('Tilsyn Runde med Karin Lund.tilsyn');
    const result = await read(bo.api, pakke);
    expect(result).toMatchObject({
      udfald: 'ny',
      titel: 'Runde med Karin Lund',
      enheder: ['Jobcenter Vest', 'Team Nord'],
    });
    const id = result.tilsynId ?? 0;
    const there = await bo.api.call('tilsyn.get', { id });
    expect(there).toMatchObject({ titel: 'Runde med Karin Lund', form: 'dialogbaseret', enhed: 'Team Nord' });
    const sample = await bo.api.call('stikproeve.get', { tilsynId: id });
    const original = await anna.api.call('stikproeve.get', { tilsynId: made.tilsynId });
    expect(sample?.seed).toBe(original?.seed);
    expect(sample?.sager.map((s) => s.sagsnummer)).toEqual(original?.sager.map((s) => s.sagsnummer));
    const sagId = await sagIdOf(bo.api, id, made.sager[0]?.sagsnummer ?? '');
    const review = await bo.api.call('gennemgang.sag', { sagId });
    expect(review.answers['plan.aktuel']).toMatchObject({ value: 'ja', reason: 'Se sagen' });
    expect(review.findings.map((f) => f.text)).toEqual(['Planen er konkret']);
    expect(review.actions.map((a) => a.text)).toEqual(['Opdatér planen']);
    expect(review.dialog).toMatchObject({ dato: '2026-02-03', deltagere: 'Karin og Lene' });
    // Sent on from Bo's file untouched, it is byte for byte the tilsyn Anna sent.
    const back = await bo.api.call('pakke.fuld', { tilsynId: id });
    expect(content(back)).toBe(content(pakke));
  });

  it('read twice changes nothing and says so; read back where it came from unchanged, too', async () => {
    const made = await underWay(anna.api);
    const pakke = await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId });
    await read(bo.api, pakke);
    expect(await read(bo.api, pakke)).toMatchObject({ udfald: 'uaendret' });
    expect(await bo.api.call('tilsyn.list', {})).toHaveLength(1);
    expect(await read(anna.api, pakke)).toMatchObject({ udfald: 'uaendret', tilsynId: made.tilsynId });
    expect(await anna.api.call('tilsyn.list', {})).toHaveLength(1);
  });

  it('brings the tilsyn up to date where nothing was changed since, and an older pakke does not take it back', async () => {
    const made = await underWay(anna.api);
    const first = await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId });
    const id = (await read(bo.api, first)).tilsynId ?? 0;
    const third = made.sager[2]?.sagsnummer ?? '';
    await bo.api.call('gennemgang.svar', {
      sagId: await sagIdOf(bo.api, id, third),
      key: 'plan.aktuel',
      value: 'delvist',
      reason: 'Planen er gammel',
    });
    const second = await bo.api.call('pakke.fuld', { tilsynId: id });
    expect(await read(anna.api, second)).toMatchObject({ udfald: 'opdateret', tilsynId: made.tilsynId });
    expect(await answerOf(anna.api, made.sagId[third] ?? 0)).toBe('delvist');
    expect(await anna.api.call('tilsyn.list', {})).toHaveLength(1);
    expect(await read(anna.api, first)).toMatchObject({ udfald: 'aeldre' });
    expect(await answerOf(anna.api, made.sagId[third] ?? 0)).toBe('delvist');
    // And Anna's next change goes back to Bo the same way.
    await anna.api.call('gennemgang.svar', {
      sagId: made.sagId[third] ?? 0,
      key: 'plan.aktuel',
      value: 'ja',
      reason: 'Set igen',
    });
    expect(await read(bo.api, await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId }))).toMatchObject({
      udfald: 'opdateret',
      tilsynId: id,
    });
    expect(await answerOf(bo.api, await sagIdOf(bo.api, id, third))).toBe('ja');
  });

  describe('changed in both files', () => {
    async function conflict() {
      const made = await underWay(anna.api);
      const id = (await read(bo.api, await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId }))).tilsynId ?? 0;
      const [, , third, fourth] = made.sager.map((s) => s.sagsnummer);
      await anna.api.call('gennemgang.svar', {
        sagId: made.sagId[third ?? ''] ?? 0,
        key: 'plan.aktuel',
        value: 'ja',
        reason: 'Annas svar',
      });
      await bo.api.call('gennemgang.svar', {
        sagId: await sagIdOf(bo.api, id, fourth ?? ''),
        key: 'plan.aktuel',
        value: 'nej',
        reason: 'Bos svar',
      });
      const fromBo = await bo.api.call('pakke.fuld', { tilsynId: id });
      return { made, id, third: made.sagId[third ?? ''] ?? 0, fourth: made.sagId[fourth ?? ''] ?? 0, fromBo };
    }

    it('asks the leader first and changes nothing until she chooses', async () => {
      const { made, third, fourth, fromBo } = await conflict();
      const asked = await read(anna.api, fromBo);
      expect(asked).toMatchObject({ udfald: 'konflikt', tilsynId: made.tilsynId, titel: 'Runde med Karin Lund' });
      expect(asked.aendret.her).toBeTruthy();
      expect(await answerOf(anna.api, third)).toBe('ja');
      expect(await answerOf(anna.api, fourth)).toBeNull();
      expect(await read(anna.api, fromBo)).toMatchObject({ udfald: 'konflikt' });
    });

    it('»Behold tilsynet her« keeps hers, and the same pakke again changes nothing', async () => {
      const { made, id, third, fourth, fromBo } = await conflict();
      expect(await read(anna.api, fromBo, 'behold_her')).toMatchObject({ udfald: 'behold_her' });
      expect(await answerOf(anna.api, third)).toBe('ja');
      expect(await answerOf(anna.api, fourth)).toBeNull();
      expect(await read(anna.api, fromBo)).toMatchObject({ udfald: 'aeldre' });
      // Her version, sent to Bo, settles it there too: his was seen and set aside.
      expect(await read(bo.api, await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId }))).toMatchObject({
        udfald: 'opdateret',
      });
      expect(await answerOf(bo.api, await sagIdOf(bo.api, id, made.sager[3]?.sagsnummer ?? ''))).toBeNull();
    });

    it('»Brug pakkens udgave« replaces hers with his, in the same tilsyn', async () => {
      const { made, third, fourth, fromBo } = await conflict();
      expect(await read(anna.api, fromBo, 'tag_pakkens')).toMatchObject({
        udfald: 'tag_pakkens',
        tilsynId: made.tilsynId,
      });
      expect(await answerOf(anna.api, made.sagId[made.sager[2]?.sagsnummer ?? ''] ?? 0)).toBeNull();
      const fourthHere = await sagIdOf(anna.api, made.tilsynId, made.sager[3]?.sagsnummer ?? '');
      expect(await answerOf(anna.api, fourthHere)).toBe('nej');
      expect(third).not.toBe(0);
      expect(fourth).not.toBe(0);
      expect(await anna.api.call('tilsyn.list', {})).toHaveLength(1);
      expect(await read(anna.api, fromBo)).toMatchObject({ udfald: 'uaendret' });
    });

    it('»Behold begge« adds his as a second tilsyn beside hers', async () => {
      const { made, third, fromBo } = await conflict();
      const kept = await read(anna.api, fromBo, 'behold_begge');
      expect(kept.udfald).toBe('behold_begge');
      expect(kept.tilsynId).not.toBe(made.tilsynId);
      const list = await anna.api.call('tilsyn.list', {});
      expect(list.map((t) => t.titel).sort()).toEqual(['Runde med Karin Lund', 'Runde med Karin Lund (fra pakke)']);
      expect(await answerOf(anna.api, third)).toBe('ja');
      const fourthThere = await sagIdOf(anna.api, kept.tilsynId ?? 0, made.sager[3]?.sagsnummer ?? '');
      expect(await answerOf(anna.api, fourthThere)).toBe('nej');
      expect(await read(anna.api, fromBo)).toMatchObject({ udfald: 'aeldre' });
    });
  });

  it('carries an afsluttet round with its sent committee report, which stays current where it arrives', async () => {
    const made = await lockedRound(anna.api);
    // The title names the caseworker: the leader marks it as not identifying (the mark travels too).
    for (const p of (await anna.api.call('rapport.tjek', { tilsynId: made.tilsynId, dokument: 'udvalg' })).passages)
      await anna.api.call('rapport.marker', {
        tilsynId: made.tilsynId,
        dokument: 'udvalg',
        textHash: p.textHash,
        start: p.start,
        end: p.end,
        ok: true,
      });
    await anna.api.call('rapport.send', { tilsynId: made.tilsynId, navn: 'Lene Leder' });
    const sent = await anna.api.call('rapport.afsendelser', { tilsynId: made.tilsynId });
    const id = (await read(bo.api, await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId }))).tilsynId ?? 0;
    expect(await bo.api.call('tilsyn.get', { id })).toMatchObject({ status: 'afsluttet', afsluttetDato: '2026-04-02' });
    const there = await bo.api.call('rapport.afsendelser', { tilsynId: id });
    expect(there.map((s) => [s.sha256, s.gaeldende])).toEqual(sent.map((s) => [s.sha256, s.gaeldende]));
    const pdf = await bo.api.call('rapport.afsendt', { tilsynId: id, id: there[0]?.id ?? 0 });
    const original = await anna.api.call('rapport.afsendt', { tilsynId: made.tilsynId, id: sent[0]?.id ?? 0 });
    expect(pdf.dataBase64).toBe(original.dataBase64);
    const results = await bo.api.call('resultater.get', { tilsynId: id });
    const mine = await anna.api.call('resultater.get', { tilsynId: made.tilsynId });
    expect(results.results.measures).toEqual(mine.results.measures);
    const marks = (await bo.api.call('rapport.tjek', { tilsynId: id, dokument: 'udvalg' })).passages;
    expect(marks.map((p) => [p.text, p.ok])).toEqual([['Karin Lund', true]]);
  });

  it('carries the second review: its sager, her answers and the moderations, read the same there', async () => {
    const made = await underWay(anna.api);
    const setUp = await anna.api.call('kvalitet.opret', {
      tilsynId: made.tilsynId,
      bedoemmer: 'Mette Berg',
      udvaelgelse: { art: 'antal', antal: 2 },
      seed: 9,
      navn: 'Anna',
    });
    for (const s of setUp.sager) {
      const first = (await anna.api.call('gennemgang.sag', { sagId: s.sagId })).answers['plan.aktuel']?.value;
      await anna.api.call('kvalitet.svar', {
        sagId: s.sagId,
        key: 'plan.aktuel',
        value: first === 'ja' ? 'nej' : 'ja',
      });
    }
    const [d] = (await anna.api.call('kvalitet.get', { tilsynId: made.tilsynId }))?.disagreements ?? [];
    await anna.api.call('kvalitet.moderer', {
      sagId: d?.sagId ?? 0,
      key: 'plan.aktuel',
      value: d?.second ?? 'ja',
      begrundelse: 'Drøftet',
      navn: 'Anna',
    });
    const here = await anna.api.call('kvalitet.get', { tilsynId: made.tilsynId });
    const id = (await read(bo.api, await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId }))).tilsynId ?? 0;
    const there = await bo.api.call('kvalitet.get', { tilsynId: id });
    const bySagsnummer = (v: typeof here) => ({
      ...v,
      sager: v?.sager.map(({ sagId: _s, ...x }) => x),
      disagreements: v?.disagreements.map(({ sagId: _s, ...x }) => x),
    });
    expect(bySagsnummer(there)).toEqual(bySagsnummer(here));
    expect(there?.open).toBe(here?.open);
  });

  it('carries the approval of a locked round, holding there as it held here', async () => {
    const made = await lockedRound(anna.api);
    await anna.api.call('kvalitet.godkender', { tilsynId: made.tilsynId, godkender: 'Jens Hansen', navn: 'Anna' });
    await anna.api.call('kvalitet.godkend', { tilsynId: made.tilsynId, navn: 'Jens Hansen' });
    const id = (await read(bo.api, await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId }))).tilsynId ?? 0;
    expect(await bo.api.call('kvalitet.godkendelse', { tilsynId: id })).toMatchObject({
      godkender: 'Jens Hansen',
      gyldig: true,
      godkendt: { af: 'Jens Hansen' },
    });
  });

  it('refuses a pakke changed by hand whose rows do not hang together, or that holds a CPR number', async () => {
    const made = await underWay(anna.api);
    const pakke = await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId });
    const spare = rewrittenMember(pakke, FULL_MEMBER, (f) => {
      f.sager[0].erstatter = 'SAG-FINDES-IKKE';
    });
    await expect(read(bo.api, spare)).rejects.toThrow(/erstatter en sag, der ikke er udgået af stikprøven/);
    const foreign = rewrittenMember(pakke, FULL_MEMBER, (f) => {
      f.sager[0].svar[0].spoergsmaal = 'findes.ikke';
    });
    await expect(read(bo.api, foreign)).rejects.toThrow(/et spørgsmål, skabelonen ikke har/);
    const cpr = rewrittenMember(pakke, FULL_MEMBER, (f) => {
      f.sager[0].svar[0].note = 'Barnets cpr 010190-1234';
    });
    await expect(read(bo.api, cpr)).rejects.toThrow(/ligner et CPR-nummer/);
    const status = rewrittenMember(pakke, FULL_MEMBER, (f) => {
      f.sager[0].status = 'slettet';
    });
    await expect(read(bo.api, status)).rejects.toThrow(
      /har ikke den form, Tilsyn venter \(ved sager › nr\. 1 › status\)/,
    );
    const json = rewrittenMember(pakke, FULL_MEMBER, (f) => {
      f.sager[0].dialog = '{"dato": 5';
    });
    await expect(read(bo.api, json)).rejects.toThrow(/ved sager › nr\. 1 › dialog/);
    const bytes = bytesOf(pakke);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await expect(read(bo.api, { ...pakke, dataBase64: bytes.toString('base64') })).rejects.toThrow(/kan ikke indlæses/);
    expect(await bo.api.call('tilsyn.list', {})).toEqual([]);
  });

  it('whatever one value of it is changed to, is refused in Danish or stored so every screen reads (property)', async () => {
    const made = await underWay(anna.api);
    const pakke = await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId });
    const leaves: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
      else leaves.push(path);
    };
    walk(JSON.parse(content(pakke)), []);
    const values = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -2, max: 1e6 }),
      fc.constantFrom(null, true, '', '{}', '[]', '2026-02-30', 'ja', 'udgaaet', 'SAG-1', '9'.repeat(64)),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...leaves), values, async (path, value) => {
        run++;
        const changed = rewrittenMember(pakke, FULL_MEMBER, (f) => {
          // Each run a tilsyn of its own, so each one that is stored is read back as it was stored.
          f.uid = f.uid.replace(/:\d+$/, `:${1000 + run}`);
          let at = f;
          for (const k of path.slice(0, -1)) at = at[k];
          at[path[path.length - 1] ?? ''] = value;
        });
        const outcome = await read(bo.api, changed).catch((e: Error) => e);
        if (outcome instanceof Error) {
          expect(outcome.message).toMatch(/kan ikke indlæses|ligner et CPR-nummer|er her allerede/);
          return;
        }
        const id = outcome.tilsynId ?? 0;
        await bo.api.call('tilsyn.get', { id });
        await bo.api.call('stikproeve.get', { tilsynId: id });
        for (const s of await bo.api.call('gennemgang.sager', { tilsynId: id }))
          await bo.api.call('gennemgang.sag', { sagId: s.id });
        await bo.api.call('resultater.get', { tilsynId: id });
      }),
      { numRuns: 80 },
    );
  });

  it('tells the kinds of pakke apart, and will not send a round that came as results only', async () => {
    const made = await lockedRound(anna.api);
    const results = await anna.api.call('pakke.resultater', { tilsynId: made.tilsynId });
    await expect(read(bo.api, results)).rejects.toThrow(/er en resultatpakke.*indlæses under Enheder/);
    const full = await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId });
    await expect(indlaes(bo.api, full)).rejects.toThrow(/er en fuld pakke/);
    await indlaes(bo.api, results);
    const [imported] = await bo.api.call('tilsyn.list', {});
    await expect(bo.api.call('pakke.fuld', { tilsynId: imported?.id ?? 0 })).rejects.toThrow(
      /indlæst fra en resultatpakke/,
    );
    await expect(read(bo.api, full)).rejects.toThrow(/er her allerede som en runde fra en resultatpakke/);
  });

  it('a moved round sent on as results keeps the id it was made with, so the department counts it once', async () => {
    const made = await lockedRound(anna.api);
    const department = openTestApi({ prefix: 'tilsyn-fuld-afdeling-' });
    try {
      await indlaes(department.api, await anna.api.call('pakke.resultater', { tilsynId: made.tilsynId }));
      const id = (await read(bo.api, await anna.api.call('pakke.fuld', { tilsynId: made.tilsynId }))).tilsynId ?? 0;
      const again = await indlaes(department.api, await bo.api.call('pakke.resultater', { tilsynId: id }));
      expect(again.runder).toMatchObject({ ny: 0 });
      expect(await department.api.call('tilsyn.list', {})).toHaveLength(1);
    } finally {
      department.close();
    }
  });
});
