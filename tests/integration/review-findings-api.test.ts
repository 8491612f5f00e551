import { describe, expect, it } from 'vitest';
import type { ActionStatus } from '../../shared/domain/findings';
import { type SagReview, withUpdate } from '../../shared/domain/review';
import type { ReviewForm } from '../../shared/domain/tilsyn';
import { hookTestApi } from '../support/hooks';
import { answerAll, applicableOf as applicable, sampledTilsyn } from '../support/scenario';
import { validTilsynInput } from '../support/temp';

const backend = hookTestApi('each', { file: 'fund.db' });
const { api } = backend;
const reopenDatabase = () => backend.reopen();

/** A tilsyn with a population of six sager and a sample of `size` without spares, so nothing replaces an excluded sag. */
async function tilsynWithSample(opts: { form?: ReviewForm; titel?: string; prefix?: string; size?: number } = {}) {
  const { form = 'ledelseskontrol', titel = validTilsynInput.titel, prefix = '2025', size = 2 } = opts;
  const { tilsynId, sager } = await sampledTilsyn(api, {
    tilsyn: { form, titel },
    sager: 6,
    sagsnummer: (i) => `${prefix}-00${i}`,
    opmaerksomhed: (i) => `0${i}-01-2026`,
    fileName: 'x.csv',
    sample: { size, seed: 9, spares: 0 },
    drawnBy: 'Lene',
  });
  expect(sager).toHaveLength(size);
  return { tilsynId, sager };
}

/** A question answered Ja / Nej / Delvist / Ikke relevant whose Nej needs a reason. */
const jndQuestion = (r: SagReview) => {
  const q = applicable(r).find((x) => x.answerType === 'jnd' && x.reasonRequiredOnNegative);
  if (!q) throw new Error('the template has no applicable jnd question with a required reason');
  return q;
};

/** Enters every date and answers every applicable question as "opfyldt", as the leader (or the caseworker). */
const answerEverything = (sagId: number, rolle: 'leder' | 'sagsbehandler' = 'leder') =>
  answerAll(api, sagId, { rolle });

async function finish(sagId: number): Promise<SagReview> {
  const review = await answerEverything(sagId);
  expect(review.progress.missing).toEqual([]);
  return api.call('gennemgang.faerdig', { sagId });
}

const CPR = '010190-1234';
const MASK = '[CPR-nummer fjernet]';

describe('findings and actions of a sag', () => {
  it('keep what was written after the database is closed and opened again, with CPR numbers masked', async () => {
    const { sager } = await tilsynWithSample();
    const sagId = sager[0]?.id ?? 0;
    await api.call('gennemgang.fund', {
      sagId,
      kind: 'styrke',
      text: 'Barnets perspektiv er tydeligt beskrevet',
      questionKey: 'afgoerelse.anbringelse',
    });
    await api.call('gennemgang.fund', { sagId, kind: 'laeringspunkt', text: `Barnets CPR ${CPR} står i notatet` });
    const withAction = await api.call('gennemgang.handling', {
      sagId,
      text: `Journalisér samtalen med mor (${CPR.replace('-', '')})`,
      ansvarlig: 'Anne Holm',
      frist: '2026-05-01',
    });
    expect(withAction.actions).toEqual([
      {
        id: expect.any(Number),
        text: `Journalisér samtalen med mor (${MASK})`,
        ansvarlig: 'Anne Holm',
        frist: '2026-05-01',
        status: 'aaben',
        questionKey: null,
      },
    ]);

    reopenDatabase();
    const again = await api.call('gennemgang.sag', { sagId });
    expect(again.findings).toEqual([
      {
        id: expect.any(Number),
        kind: 'styrke',
        text: 'Barnets perspektiv er tydeligt beskrevet',
        questionKey: 'afgoerelse.anbringelse',
      },
      { id: expect.any(Number), kind: 'laeringspunkt', text: `Barnets CPR ${MASK} står i notatet`, questionKey: null },
    ]);
    expect(JSON.stringify(again)).not.toContain('010190');
    expect(again.actions).toEqual(withAction.actions);
  });

  it('refuses a question the template does not have, and empty text, in Danish', async () => {
    const { sager } = await tilsynWithSample();
    const sagId = sager[0]?.id ?? 0;
    const unknown = { code: 'VALIDATION', message: 'Spørgsmålet findes ikke i tilsynets skabelon.' };
    await expect(
      api.call('gennemgang.fund', { sagId, kind: 'styrke', text: 'God sag', questionKey: 'findes.ikke' }),
    ).rejects.toMatchObject(unknown);
    await expect(
      api.call('gennemgang.handling', { sagId, text: 'Ret sagen', questionKey: 'findes.ikke' }),
    ).rejects.toMatchObject(unknown);
    await expect(api.call('gennemgang.fund', { sagId, kind: 'styrke', text: '   ' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { text: 'Skriv punktet' },
    });
    const review = await api.call('gennemgang.sag', { sagId });
    expect(review.findings).toEqual([]);
    expect(review.actions).toEqual([]);
  });

  it('edits and deletes findings and actions, and the deletion lasts', async () => {
    const { sager } = await tilsynWithSample();
    const sagId = sager[0]?.id ?? 0;
    await api.call('gennemgang.fund', { sagId, kind: 'opmaerksomhedspunkt', text: 'Planen er forældet' });
    let review = await api.call('gennemgang.fund', { sagId, kind: 'aftale', text: 'Sagen drøftes på teammødet' });
    const [punkt, aftale] = review.findings;
    review = await api.call('gennemgang.fundRet', {
      id: punkt?.id ?? 0,
      text: 'Planen er ikke revideret siden 2024',
      questionKey: 'afgoerelse.anbringelse',
    });
    expect(review.findings[0]).toMatchObject({
      kind: 'opmaerksomhedspunkt',
      text: 'Planen er ikke revideret siden 2024',
      questionKey: 'afgoerelse.anbringelse',
    });
    review = await api.call('gennemgang.handling', { sagId, text: 'Revidér planen', frist: '2026-06-01' });
    const actionId = review.actions[0]?.id ?? 0;
    review = await api.call('gennemgang.handlingRet', {
      id: actionId,
      text: 'Revidér barnets plan',
      ansvarlig: 'Anne Holm',
      frist: null,
      status: 'i_gang',
    });
    expect(review.actions).toEqual([
      {
        id: actionId,
        text: 'Revidér barnets plan',
        ansvarlig: 'Anne Holm',
        frist: null,
        status: 'i_gang',
        questionKey: null,
      },
    ]);

    await api.call('gennemgang.fundSlet', { id: aftale?.id ?? 0 });
    await api.call('gennemgang.handlingSlet', { id: actionId });
    reopenDatabase();
    review = await api.call('gennemgang.sag', { sagId });
    expect(review.findings.map((f) => f.text)).toEqual(['Planen er ikke revideret siden 2024']);
    expect(review.actions).toEqual([]);
    await expect(api.call('gennemgang.fundSlet', { id: aftale?.id ?? 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('the follow-up list of handlinger', () => {
  it('lists actions of every tilsyn by frist, with the overdue ones marked', async () => {
    const nord = await tilsynWithSample({ titel: 'Tilsyn team Nord', prefix: '2025' });
    const syd = await tilsynWithSample({ titel: 'Tilsyn team Syd', prefix: '2024' });
    const nordSag = nord.sager[0]?.id ?? 0;
    const sydSag = syd.sager[0]?.id ?? 0;
    const add = (sagId: number, text: string, frist: string | null, status: ActionStatus = 'aaben') =>
      api.call('gennemgang.handling', { sagId, text, frist, status });
    await add(nordSag, 'Fremtidig frist', '2099-12-31', 'i_gang');
    await add(nordSag, 'Uden frist', null);
    await add(nordSag, 'Overskredet og åben', '2020-01-15');
    await add(sydSag, 'Overskredet men udført', '2020-03-01', 'udfoert');
    await add(sydSag, 'Overskredet og i gang', '2021-06-01', 'i_gang');
    await add(sydSag, 'Overskredet, kan ikke udføres', '2021-07-01', 'kan_ikke_udfoeres');

    const list = await api.call('handlinger.list');
    expect(list.map((a) => [a.text, a.frist, a.overdue])).toEqual([
      ['Overskredet og åben', '2020-01-15', true],
      ['Overskredet men udført', '2020-03-01', false],
      ['Overskredet og i gang', '2021-06-01', true],
      ['Overskredet, kan ikke udføres', '2021-07-01', false],
      ['Fremtidig frist', '2099-12-31', false],
      ['Uden frist', null, false],
    ]);
    expect(list[0]).toMatchObject({
      tilsynId: nord.tilsynId,
      tilsynTitel: 'Tilsyn team Nord',
      sagId: nordSag,
      sagsnummer: nord.sager[0]?.sagsnummer,
      sagsbehandler: 'Anne Holm',
    });
    expect(list[1]).toMatchObject({ tilsynId: syd.tilsynId, tilsynTitel: 'Tilsyn team Syd', sagId: sydSag });

    // Following up the overdue one takes it off the overdue list; before any locking it is not logged.
    const done = await api.call('handlinger.status', { id: list[0]?.id ?? 0, status: 'udfoert' });
    expect(done).toMatchObject({ status: 'udfoert', overdue: false });
    const after = await api.call('handlinger.list');
    expect(after.filter((a) => a.overdue).map((a) => a.text)).toEqual(['Overskredet og i gang']);
    expect(await api.call('tilsyn.log', { tilsynId: nord.tilsynId })).toEqual([]);
  });
});

describe('the dialogue record', () => {
  it('is saved and returned for a dialogbaseret tilsyn, CPR numbers masked', async () => {
    const { sager } = await tilsynWithSample({ form: 'dialogbaseret' });
    const sagId = sager[0]?.id ?? 0;
    const empty = await api.call('gennemgang.sag', { sagId });
    expect(empty.form).toBe('dialogbaseret');
    expect(empty.dialog).toEqual({ dato: null, deltagere: '', refleksioner: '' });
    const saved = await api.call('gennemgang.dialog', {
      sagId,
      dato: '2026-04-02',
      deltagere: 'Lene Madsen (leder), Anne Holm (rådgiver)',
      refleksioner: `Vi skulle have hørt barnet tidligere. Barnets CPR ${CPR} stod i mailen.`,
    });
    const expected = {
      dato: '2026-04-02',
      deltagere: 'Lene Madsen (leder), Anne Holm (rådgiver)',
      refleksioner: `Vi skulle have hørt barnet tidligere. Barnets CPR ${MASK} stod i mailen.`,
    };
    expect(saved.dialog).toEqual(expected);
    reopenDatabase();
    expect((await api.call('gennemgang.sag', { sagId })).dialog).toEqual(expected);
    await expect(
      api.call('gennemgang.dialog', { sagId, dato: '2026-02-30', deltagere: '', refleksioner: '' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('is refused for a ledelseskontrol', async () => {
    const { sager } = await tilsynWithSample({ form: 'ledelseskontrol' });
    const sagId = sager[0]?.id ?? 0;
    await expect(
      api.call('gennemgang.dialog', { sagId, dato: '2026-04-02', deltagere: 'Lene', refleksioner: 'Godt' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Samtalen registreres kun i en dialogbaseret sagsgennemgang.',
    });
    expect((await api.call('gennemgang.sag', { sagId })).dialog).toEqual({
      dato: null,
      deltagere: '',
      refleksioner: '',
    });
  });
});

describe('selvevaluering først', () => {
  it("keeps the caseworker's answers apart from the leader's and shows where they disagree", async () => {
    const { sager } = await tilsynWithSample({ form: 'selvevaluering_foerst' });
    const sagId = sager[0]?.id ?? 0;
    let review = await api.call('gennemgang.sag', { sagId });
    const q = jndQuestion(review);

    review = withUpdate(
      review,
      await api.call('gennemgang.svar', { sagId, key: q.key, value: 'ja', rolle: 'sagsbehandler' }),
    );
    expect(review.form).toBe('selvevaluering_foerst');
    expect(review.caseworkerAnswers[q.key]).toMatchObject({ value: 'ja' });
    expect(review.answers[q.key]).toBeUndefined();
    expect(review.disagreements).toEqual([]);

    review = withUpdate(
      review,
      await api.call('gennemgang.svar', { sagId, key: q.key, value: 'nej', reason: 'Ikke partshørt' }),
    );
    expect(review.answers[q.key]).toMatchObject({ value: 'nej', reason: 'Ikke partshørt' });
    expect(review.caseworkerAnswers[q.key]).toMatchObject({ value: 'ja', reason: '' });
    expect(review.disagreements).toEqual([{ key: q.key, question: q.text, leader: 'Nej', caseworker: 'Ja' }]);

    reopenDatabase();
    review = await api.call('gennemgang.sag', { sagId });
    expect(review.disagreements.map((d) => d.key)).toEqual([q.key]);

    review = withUpdate(review, await api.call('gennemgang.svar', { sagId, key: q.key, value: 'ja' }));
    expect(review.disagreements).toEqual([]);
    expect(review.caseworkerAnswers[q.key]).toMatchObject({ value: 'ja' });
  });

  it("counts only the leader's answers towards progress and færdig", async () => {
    const { tilsynId, sager } = await tilsynWithSample({ form: 'selvevaluering_foerst' });
    const sagId = sager[0]?.id ?? 0;
    const before = (await api.call('gennemgang.sag', { sagId })).progress;
    expect(before.missing.length).toBeGreaterThan(0);

    const caseworker = await answerEverything(sagId, 'sagsbehandler');
    // Every question the leader still lacks (deadlines aside, which are computed from dates) has the caseworker's answer.
    const choices = applicable(caseworker).filter((q) => q.answerType !== 'frist' && q.answerType !== 'tekst');
    expect(choices.length).toBeGreaterThan(0);
    for (const q of choices) expect(caseworker.caseworkerAnswers[q.key]?.value, q.key).toBeTruthy();
    expect(caseworker.answers).toEqual({});
    expect(caseworker.progress).toEqual(before);
    expect(caseworker.disagreements).toEqual([]);
    await expect(api.call('gennemgang.faerdig', { sagId })).rejects.toMatchObject({ code: 'VALIDATION' });
    const listed = (await api.call('gennemgang.sager', { tilsynId })).find((s) => s.id === sagId);
    expect(listed?.progress).toEqual(before);

    // The leader's own answers do count.
    const leader = await answerEverything(sagId);
    expect(leader.progress.missing).toEqual([]);
    expect((await api.call('gennemgang.faerdig', { sagId })).sag.status).toBe('faerdig');
  });

  it('refuses caseworker answers in a tilsyn of another form', async () => {
    for (const form of ['ledelseskontrol', 'dialogbaseret'] as const) {
      const { sager } = await tilsynWithSample({ form, prefix: form === 'dialogbaseret' ? '2024' : '2025' });
      const sagId = sager[0]?.id ?? 0;
      await expect(
        api.call('gennemgang.svar', { sagId, key: 'afgoerelse.anbringelse', value: 'ja', rolle: 'sagsbehandler' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        message: 'Sagsbehandlerens egne svar hører til tilsyn med selvevaluering først.',
      });
      const review = await api.call('gennemgang.sag', { sagId });
      expect(review.caseworkerAnswers).toEqual({});
      expect(review.sag.status).toBe('ikke_startet');
    }
  });
});

describe('afslutning of a tilsyn', () => {
  it('is refused while a sag is not færdig, naming it', async () => {
    const { tilsynId, sager } = await tilsynWithSample();
    const [first, second] = sager;
    await finish(first?.id ?? 0);
    await expect(
      api.call('tilsyn.afslut', { tilsynId, navn: 'Lene Madsen', dato: '2026-04-15' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: `Tilsynet kan afsluttes, når alle sager er færdige eller udgået. Denne sag mangler: ${second?.sagsnummer}.`,
    });
    expect((await api.call('tilsyn.get', { id: tilsynId })).status).toBe('i_gang');
    await expect(api.call('tilsyn.afslut', { tilsynId, navn: '  ', dato: '2026-04-15' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { navn: 'Skriv dit navn' },
    });
  });

  it('locks the review when every sag is færdig or udgået; only following up a handling stays open', async () => {
    const { tilsynId, sager } = await tilsynWithSample({ form: 'dialogbaseret' });
    const [done, dropped] = sager;
    const sagId = done?.id ?? 0;
    await finish(sagId);
    let review = await api.call('gennemgang.fund', { sagId, kind: 'styrke', text: 'Grundig afdækning' });
    review = await api.call('gennemgang.handling', { sagId, text: 'Journalisér samtalen', frist: '2026-05-01' });
    const findingId = review.findings[0]?.id ?? 0;
    const actionId = review.actions[0]?.id ?? 0;
    await api.call('stikproeve.exclude', { sagId: dropped?.id ?? 0, reason: 'kan_ikke_findes', note: '' });

    const closed = await api.call('tilsyn.afslut', { tilsynId, navn: 'Lene Madsen', dato: '2026-04-15' });
    expect(closed).toMatchObject({ status: 'afsluttet', afsluttetAf: 'Lene Madsen', afsluttetDato: '2026-04-15' });

    reopenDatabase();
    expect(await api.call('tilsyn.get', { id: tilsynId })).toMatchObject({
      status: 'afsluttet',
      afsluttetAf: 'Lene Madsen',
      afsluttetDato: '2026-04-15',
    });
    review = await api.call('gennemgang.sag', { sagId });
    expect(review.locked).toBe(true);
    const q = jndQuestion(review);
    const date = review.content.dateFields[0]?.key ?? '';

    const writes: [string, () => Promise<unknown>][] = [
      ['gennemgang.svar', () => api.call('gennemgang.svar', { sagId, key: q.key, value: 'nej', reason: 'x' })],
      ['gennemgang.svar note', () => api.call('gennemgang.svar', { sagId, key: q.key, note: 'Ny note' })],
      ['gennemgang.dato', () => api.call('gennemgang.dato', { sagId, key: date, date: '2026-03-03' })],
      ['gennemgang.faerdig', () => api.call('gennemgang.faerdig', { sagId })],
      ['gennemgang.fund', () => api.call('gennemgang.fund', { sagId, kind: 'styrke', text: 'Mere' })],
      ['gennemgang.fundRet', () => api.call('gennemgang.fundRet', { id: findingId, text: 'Ændret' })],
      ['gennemgang.fundSlet', () => api.call('gennemgang.fundSlet', { id: findingId })],
      ['gennemgang.handling', () => api.call('gennemgang.handling', { sagId, text: 'Ny handling' })],
      ['gennemgang.handlingRet', () => api.call('gennemgang.handlingRet', { id: actionId, text: 'Ændret' })],
      ['gennemgang.handlingSlet', () => api.call('gennemgang.handlingSlet', { id: actionId })],
      [
        'gennemgang.dialog',
        () => api.call('gennemgang.dialog', { sagId, dato: '2026-04-01', deltagere: 'Lene', refleksioner: 'Ny' }),
      ],
      [
        'tilsyn.update',
        () =>
          api.call('tilsyn.update', {
            id: tilsynId,
            data: { ...validTilsynInput, form: 'dialogbaseret', titel: 'Ny' },
          }),
      ],
      ['stikproeve.exclude', () => api.call('stikproeve.exclude', { sagId, reason: 'kan_ikke_findes', note: '' })],
      ['tilsyn.afslut', () => api.call('tilsyn.afslut', { tilsynId, navn: 'Lene Madsen', dato: '2026-04-16' })],
    ];
    for (const [name, write] of writes) {
      const outcome = await write().then(
        () => 'accepted',
        (err: { code?: string }) => err.code,
      );
      expect(outcome, name).toBe('CONFLICT');
    }
    await expect(writes[0]?.[1]()).rejects.toThrow(/afsluttet og låst/);

    const unchanged = await api.call('gennemgang.sag', { sagId });
    expect(unchanged.answers).toEqual(review.answers);
    expect(unchanged.findings).toEqual(review.findings);
    expect(unchanged.actions).toEqual(review.actions);
    expect(unchanged.sag.status).toBe('faerdig');
    expect((await api.call('tilsyn.get', { id: tilsynId })).titel).toBe(validTilsynInput.titel);

    // The follow-up of a handling is the point of it: allowed, and logged.
    const followed = await api.call('handlinger.status', { id: actionId, status: 'udfoert' });
    expect(followed).toMatchObject({ id: actionId, status: 'udfoert', overdue: false });
    const log = await api.call('tilsyn.log', { tilsynId });
    expect(log.map((e) => e.kind)).toEqual(['afsluttet', 'aendring']);
    expect(log[0]).toMatchObject({ who: 'Lene Madsen', sagsnummer: null });
    expect(log[1]).toMatchObject({
      sagsnummer: done?.sagsnummer,
      what: 'Opfølgning på handling: Journalisér samtalen',
      oldValue: 'Åben',
      newValue: 'Udført',
    });
  });
});

describe('genåbning of a tilsyn', () => {
  it('needs a reason, and afterwards logs each change in words with who and why', async () => {
    const { tilsynId, sager } = await tilsynWithSample();
    const [first, second] = sager;
    const sagId = first?.id ?? 0;
    await expect(
      api.call('tilsyn.genaabn', { tilsynId, navn: 'Mette Jensen', begrundelse: 'Ikke afsluttet endnu' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // Before any reopening the review is work in progress: nothing is logged.
    let review = await finish(sagId);
    const q = jndQuestion(review);
    await api.call('gennemgang.svar', { sagId, key: q.key, note: 'Foreløbig note' });
    await api.call('gennemgang.fund', { sagId, kind: 'styrke', text: 'God sag' });
    await finish(second?.id ?? 0);
    expect(await api.call('tilsyn.log', { tilsynId })).toEqual([]);

    await api.call('tilsyn.afslut', { tilsynId, navn: 'Lene Madsen', dato: '2026-04-15' });
    for (const begrundelse of ['', '   '])
      await expect(api.call('tilsyn.genaabn', { tilsynId, navn: 'Mette Jensen', begrundelse })).rejects.toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { begrundelse: 'Skriv hvorfor tilsynet genåbnes' },
      });
    expect((await api.call('tilsyn.get', { id: tilsynId })).status).toBe('afsluttet');

    const why = `Klage over sagen (borgerens CPR ${CPR})`;
    const reopened = await api.call('tilsyn.genaabn', { tilsynId, navn: 'Mette Jensen', begrundelse: why });
    expect(reopened).toMatchObject({ status: 'i_gang', afsluttetAf: null, afsluttetDato: null });
    const maskedWhy = `Klage over sagen (borgerens CPR ${MASK})`;

    const saved = await api.call('gennemgang.svar', { sagId, key: q.key, value: 'nej', reason: 'Partshøring mangler' });
    expect(saved.status).toBe('faerdig');
    review = await api.call('gennemgang.sag', { sagId });
    expect(review.locked).toBe(false);
    expect(review.sag.status).toBe('faerdig');
    const date = review.content.dateFields[0];
    await api.call('gennemgang.dato', { sagId, key: date?.key ?? '', date: '2026-03-05' });
    await api.call('gennemgang.fund', { sagId, kind: 'laeringspunkt', text: 'Husk partshøring' });

    reopenDatabase();
    const log = await api.call('tilsyn.log', { tilsynId });
    expect(log.map((e) => e.kind)).toEqual([
      'afsluttet',
      'genaabnet',
      'aendring',
      'aendring',
      'aendring',
      'aendring',
      'aendring',
    ]);
    expect(log[0]).toMatchObject({ who: 'Lene Madsen', sagsnummer: null });
    expect(log[1]).toMatchObject({ who: 'Mette Jensen', why: maskedWhy, sagsnummer: null });
    const changes = log.slice(2);
    for (const entry of changes)
      expect(entry).toMatchObject({ who: 'Mette Jensen', why: maskedWhy, sagsnummer: first?.sagsnummer });
    expect(changes.map(({ what, oldValue, newValue }) => ({ what, oldValue, newValue }))).toEqual([
      { what: `Svar: ${q.text}`, oldValue: 'Ja', newValue: 'Nej' },
      { what: `Begrundelse: ${q.text}`, oldValue: null, newValue: 'Partshøring mangler' },
      { what: `Dato: ${date?.label}`, oldValue: '02.01.2026', newValue: '05.03.2026' },
      // The later date breaks a frist that needs a reason: the sag is no longer færdig, and the log says so.
      { what: 'Sagens status', oldValue: 'Færdig', newValue: 'I gang' },
      { what: 'Læringspunkt tilføjet', oldValue: null, newValue: 'Husk partshøring' },
    ]);
    expect(JSON.stringify(log)).not.toContain('010190');
    const times = log.map((e) => e.at);
    expect([...times].sort()).toEqual(times);

    // A sag leaving the sample after the reopening is logged too.
    await api.call('stikproeve.exclude', { sagId: second?.id ?? 0, reason: 'anden', note: 'Sagen er flyttet' });
    const last = (await api.call('tilsyn.log', { tilsynId })).at(-1);
    expect(last).toMatchObject({
      who: 'Mette Jensen',
      sagsnummer: second?.sagsnummer,
      what: 'Sagen udgår af stikprøven',
      newValue: expect.stringContaining('Sagen er flyttet'),
    });
  });
});
