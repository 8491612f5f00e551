import { beforeEach, describe, expect, it } from 'vitest';
import { mergedReview, type SagReview, withUpdate } from '../../shared/domain/review';
import { hookTestApi } from '../support/hooks';
import { answerAll, applicableOf as applicable, sampledTilsyn } from '../support/scenario';

const backend = hookTestApi('each', { file: 'gennemgang.db' });
const { api } = backend;
let sagId: number;
let spareId: number;

beforeEach(async () => {
  const { sager, spares } = await sampledTilsyn(api, {
    sager: 6,
    sagsnummer: (i) => `2025-00${i}`,
    opmaerksomhed: (i) => `0${i}-01-2026`,
    fileName: 'x.csv',
    sample: { size: 2, seed: 9, spares: 2 },
    drawnBy: 'Lene',
  });
  sagId = sager[0]?.id ?? 0;
  spareId = spares[0]?.id ?? 0;
});

describe('the review of a sag', () => {
  it('saves each answer at once; it is there after the database is closed and opened again', async () => {
    const review = await api.call('gennemgang.sag', { sagId });
    expect(review.sag.status).toBe('ikke_startet');
    const first = applicable(review).find((q) => q.answerType === 'jnd');
    const saved = await api.call('gennemgang.svar', {
      sagId,
      key: first?.key ?? '',
      value: 'nej',
      reason: 'Ingen partshøring i sagen',
    });
    expect(saved.status).toBe('i_gang');
    // The save answers with what changed: the answer as stored, not the sag and its template again.
    expect(saved.answer).toMatchObject({ key: first?.key, rolle: 'leder', record: { value: 'nej' } });
    expect(saved).not.toHaveProperty('content');
    backend.reopen();
    const again = await api.call('gennemgang.sag', { sagId });
    expect(again.answers[first?.key ?? '']).toMatchObject({ value: 'nej', reason: 'Ingen partshøring i sagen' });
  });

  it('merges each save into the sag shown, and tells when another window changed the sag meanwhile', async () => {
    // One window, saving in turn (a clear and a note alone among them): each merge is what a fetch gives.
    let shown = await api.call('gennemgang.sag', { sagId });
    const [one = '', other = ''] = applicable(shown)
      .filter((q) => q.answerType === 'jnd')
      .map((q) => q.key);
    const steps = [
      () => api.call('gennemgang.svar', { sagId, key: one, value: 'ja' }),
      () => api.call('gennemgang.svar', { sagId, key: one, note: 'Samtalen er i journalen' }),
      () => api.call('gennemgang.dato', { sagId, key: 'bfu_afsluttet', date: '2026-03-01' }),
      () => api.call('gennemgang.svar', { sagId, key: one, value: null, note: '' }),
      () => api.call('gennemgang.dato', { sagId, key: 'bfu_afsluttet', date: null }),
    ];
    for (const step of steps) {
      const merged = mergedReview(shown, await step());
      expect(merged).toEqual(await api.call('gennemgang.sag', { sagId }));
      shown = merged as SagReview;
    }
    // A second window answers and enters a date; the first, still showing the sag as it was, saves another answer.
    await api.call('gennemgang.svar', { sagId, key: one, value: 'nej', reason: 'Ikke talt med barnet' });
    await api.call('gennemgang.dato', { sagId, key: 'bfu_afsluttet', date: '2026-02-01' });
    const stale = await api.call('gennemgang.svar', { sagId, key: other, value: 'ja' });
    expect(mergedReview(shown, stale)).toBeNull();
    expect(withUpdate(shown, stale).answers[one]?.value ?? null).toBeNull(); // what the merge alone would show
  });

  it('shows questions that depend on another answer only when it applies', async () => {
    const review = await api.call('gennemgang.sag', { sagId });
    const keys = (r: SagReview) => applicable(r).map((q) => q.key);
    expect(keys(review)).not.toContain('anbringelse.sted');
    const placed = withUpdate(
      review,
      await api.call('gennemgang.svar', { sagId, key: 'afgoerelse.anbringelse', value: 'ja' }),
    );
    expect(keys(placed)).toContain('anbringelse.sted');
    expect(placed.progress.missing.map((m) => m.key)).toContain('anbringelse.sted');
    const notPlaced = withUpdate(
      placed,
      await api.call('gennemgang.svar', { sagId, key: 'afgoerelse.anbringelse', value: 'nej' }),
    );
    expect(keys(notPlaced)).not.toContain('anbringelse.sted');
    expect(notPlaced.progress.missing.map((m) => m.key)).not.toContain('anbringelse.sted');
    // Laid over the review it was made from, the update is what the sag reads as when fetched again.
    const fetched = await api.call('gennemgang.sag', { sagId });
    expect(notPlaced).toEqual(fetched);
  });

  it('computes a frist from imported and entered dates, and accepts an override only with a reason', async () => {
    const review = withUpdate(
      await api.call('gennemgang.sag', { sagId }),
      await api.call('gennemgang.svar', { sagId, key: 'bfu.gennemfoert', value: 'ja' }),
    );
    expect(review.dates.opmaerksomhed).toMatch(/^2026-01-0\d$/);
    expect(review.progress.missing.find((m) => m.key === 'bfu.frist')?.message).toContain('datoerne mangler');
    const withDate = await api.call('gennemgang.dato', { sagId, key: 'bfu_afsluttet', date: '2026-06-30' });
    expect(withDate.dates?.enteredDates).toEqual({ bfu_afsluttet: '2026-06-30' });
    // Computed: more than 4 months, so not met, and the template asks for a reason.
    expect(withDate.progress.missing.find((m) => m.key === 'bfu.frist')?.message).toContain('begrundelse mangler');
    const override = await api.call('gennemgang.svar', {
      sagId,
      key: 'bfu.frist',
      override: { outcome: 'opfyldt', reason: '' },
    });
    expect(override.progress.missing.map((m) => m.message)).toContainEqual(
      expect.stringContaining('begrundelse for at tilsidesætte fristen mangler'),
    );
    const reasoned = await api.call('gennemgang.svar', {
      sagId,
      key: 'bfu.frist',
      override: { outcome: 'opfyldt', reason: 'Foreløbig vurdering sendt inden fristen' },
    });
    expect(reasoned.progress.missing.map((m) => m.key)).not.toContain('bfu.frist');
    await expect(
      api.call('gennemgang.dato', { sagId, key: 'bfu_afsluttet', date: '2026-02-30' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('is færdig only when every applicable question is answered, and says what is missing', async () => {
    await expect(api.call('gennemgang.faerdig', { sagId })).rejects.toMatchObject({
      code: 'VALIDATION',
      // Each item by its question's number, as the review numbers it.
      message: expect.stringMatching(/^Sagen kan ikke markeres som færdig endnu. Der mangler:\n• \d+\.\d+ \S/),
    });
    const review = await answerAll(api, sagId);
    expect(review.progress.missing).toEqual([]);
    expect((await api.call('gennemgang.faerdig', { sagId })).sag.status).toBe('faerdig');
    // A cleared answer takes the sag back to "i gang".
    const answered = applicable(review).find((q) => q.answerType === 'jnd');
    const changed = await api.call('gennemgang.svar', { sagId, key: answered?.key ?? '', value: null });
    expect(changed.status).toBe('i_gang');
    expect(changed.progress.missing.map((m) => m.key)).toEqual([answered?.key]);
    const [listed] = await api.call('tilsyn.list');
    expect(listed?.antalFaerdige).toBe(0);
  });

  it('refuses answers to a sag that has left the sample', async () => {
    await api.call('stikproeve.exclude', { sagId, reason: 'kan_ikke_findes', note: '' });
    await expect(
      api.call('gennemgang.svar', { sagId, key: 'afgoerelse.anbringelse', value: 'ja' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('answers that cannot be given', () => {
  it('refuses a value that is not one of the question’s options, and a free-text answer keeps no CPR number', async () => {
    const review = await api.call('gennemgang.sag', { sagId });
    const jnd = applicable(review).find((q) => q.answerType === 'jnd');
    await expect(api.call('gennemgang.svar', { sagId, key: jnd?.key ?? '', value: 'maaske' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Svaret er ikke en af spørgsmålets muligheder.',
    });
    const text = applicable(review).find((q) => q.answerType === 'tekst');
    const saved = await api.call('gennemgang.svar', { sagId, key: text?.key ?? '', value: 'Barnet 010190-1234' });
    expect(saved.answer?.record.value).toBe('Barnet [CPR-nummer fjernet]');
    expect((await api.call('gennemgang.sag', { sagId })).answers[jnd?.key ?? '']).toBeUndefined();
    // Only a frist has a computed outcome to set aside: an override on any other question is refused, not kept.
    await expect(
      api.call('gennemgang.svar', { sagId, key: jnd?.key ?? '', override: { outcome: 'ikke_opfyldt', reason: 'x' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Kun en frist kan tilsidesættes') });
    expect((await api.call('gennemgang.sag', { sagId })).answers[jnd?.key ?? '']).toBeUndefined();
  });

  it('refuses to review a spare that has not come into the sample', async () => {
    expect(spareId).toBeGreaterThan(0);
    await expect(
      api.call('gennemgang.svar', { sagId: spareId, key: 'afgoerelse.anbringelse', value: 'ja' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('er en reserve'),
    });
  });
});
