import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { createHandlers } from '../../electron/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { type ApiClient, createApiClient } from '../../shared/api/client';
import type { SagReview } from '../../shared/domain/gennemgang';
import { applicableQuestions } from '../../shared/domain/rules';
import { makeTempDir, validTilsynInput } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let path: string;
let close: () => void;
let api: ApiClient;
let sagId: number;
let spareId: number;

function open(): void {
  const db = openDatabase(path);
  const handlers = createHandlers({ db, mode: 'browser', version: 'test' });
  api = createApiClient((method, input) => dispatch(handlers, method, input));
  close = () => db.close();
}

beforeEach(async () => {
  temp = makeTempDir();
  path = join(temp.dir, 'gennemgang.db');
  open();
  const { id: tilsynId } = await api.call('tilsyn.create', validTilsynInput);
  const csv = ['Sagsnr.;Sagstype;Rådgiver;Kommunen blev opmærksom på behov'];
  for (let i = 1; i <= 6; i++) csv.push(`2025-00${i};Barn;Anne Holm;0${i}-01-2026`);
  const file = { tilsynId, fileName: 'x.csv', dataBase64: Buffer.from(csv.join('\n')).toString('base64') };
  const preview = await api.call('population.preview', file);
  await api.call('population.import', { ...file, headerRow: preview.headerRow, mapping: preview.mapping });
  const record = await api.call('stikproeve.draw', {
    tilsynId,
    spec: { method: 'simpel', size: 2, seed: 9 },
    drawnBy: 'Lene',
  });
  sagId = record.sager.find((s) => s.role === 'udvalgt')?.id ?? 0;
  spareId = record.sager.find((s) => s.role === 'reserve')?.id ?? 0;
});
afterEach(() => {
  close();
  temp.cleanup();
});

const applicable = (r: SagReview) =>
  applicableQuestions(
    r.content,
    { sagstype: r.sag.sagstype, answers: Object.fromEntries(Object.entries(r.answers).map(([k, a]) => [k, a.value])) },
    r.sectionKeys ?? undefined,
  ).flatMap((s) => s.questions);

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
    expect(saved.sag.status).toBe('i_gang');
    close();
    open();
    const again = await api.call('gennemgang.sag', { sagId });
    expect(again.answers[first?.key ?? '']).toMatchObject({ value: 'nej', reason: 'Ingen partshøring i sagen' });
  });

  it('shows questions that depend on another answer only when it applies', async () => {
    const review = await api.call('gennemgang.sag', { sagId });
    const keys = (r: SagReview) => applicable(r).map((q) => q.key);
    expect(keys(review)).not.toContain('anbringelse.sted');
    const placed = await api.call('gennemgang.svar', { sagId, key: 'afgoerelse.anbringelse', value: 'ja' });
    expect(keys(placed)).toContain('anbringelse.sted');
    const notPlaced = await api.call('gennemgang.svar', { sagId, key: 'afgoerelse.anbringelse', value: 'nej' });
    expect(keys(notPlaced)).not.toContain('anbringelse.sted');
  });

  it('computes a frist from imported and entered dates, and accepts an override only with a reason', async () => {
    const review = await api.call('gennemgang.svar', { sagId, key: 'bfu.gennemfoert', value: 'ja' });
    expect(review.dates.opmaerksomhed).toMatch(/^2026-01-0\d$/);
    expect(review.progress.missing.find((m) => m.key === 'bfu.frist')?.message).toContain('datoerne mangler');
    const withDate = await api.call('gennemgang.dato', { sagId, key: 'bfu_afsluttet', date: '2026-06-30' });
    expect(withDate.enteredDates).toEqual({ bfu_afsluttet: '2026-06-30' });
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
      message: expect.stringMatching(/^Sagen kan ikke markeres som færdig endnu. Der mangler:\n• /),
    });
    let review = await api.call('gennemgang.sag', { sagId });
    for (const date of review.content.dateFields)
      review = await api.call('gennemgang.dato', { sagId, key: date.key, date: '2026-01-02' });
    for (let round = 0; round < 5 && review.progress.missing.length > 0; round++) {
      for (const q of applicable(review)) {
        if (q.answerType === 'frist' || q.answerType === 'tekst' || review.answers[q.key]?.value) continue;
        const value =
          q.answerType === 'dato'
            ? '2026-01-02'
            : (q.options.find((o) => o.outcome === 'opfyldt') ?? q.options[0])?.value;
        review = await api.call('gennemgang.svar', { sagId, key: q.key, value: value ?? null });
      }
    }
    expect(review.progress.missing).toEqual([]);
    expect((await api.call('gennemgang.faerdig', { sagId })).sag.status).toBe('faerdig');
    // A cleared answer takes the sag back to "i gang".
    const answered = applicable(review).find((q) => q.answerType === 'jnd');
    const changed = await api.call('gennemgang.svar', { sagId, key: answered?.key ?? '', value: null });
    expect(changed.sag.status).toBe('i_gang');
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
    expect(saved.answers[text?.key ?? '']?.value).toBe('Barnet [CPR-nummer fjernet]');
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
