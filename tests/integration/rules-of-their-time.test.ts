import { describe, expect, it } from 'vitest';
import { withUpdate } from '../../shared/domain/review';
import { hookTestApi } from '../support/hooks';
import { applicableOf, caseListCsv, caseRows, jobCentreRound, sampledTilsyn } from '../support/scenario';
import { validTilsynInput } from '../support/temp';

// A template states from which date a rule applies, so a round that reviews older sager uses the rules of their
// time (issue #13). In the review, the sag's date decides which version of a krav is asked; without the date the
// review asks for it and the sag cannot be færdig.

const backend = hookTestApi('each', { file: 'regler-over-tid.db' });
const { api } = backend;

async function dagpengeSag() {
  const { sager } = await sampledTilsyn(api, jobCentreRound('Rettidighed', '2026-01-01', '2026-12-31', ['ja']));
  const sagId = sager[0]?.id ?? 0;
  await api.call('gennemgang.svar', { sagId, key: 'forloeb.type', value: 'dagpenge' });
  return sagId;
}

const asked = (review: Parameters<typeof applicableOf>[0]) =>
  applicableOf(review)
    .map((q) => q.key)
    .filter((k) => k.startsWith('samtaler.') || k.startsWith('tilbud.'));

describe('the rules of their time in the review', () => {
  it('asks for the date that decides the rules, and will not mark the sag færdig without it', async () => {
    const sagId = await dagpengeSag();
    const review = await api.call('gennemgang.sag', { sagId });
    expect(asked(review)).toEqual(['samtaler.jobrettet', 'tilbud.relevant']);
    const waiting = review.progress.missing.find((m) => m.key === '@dato:ledighed_start');
    expect(waiting?.message).toBe(
      '»Ledigheden begyndte« mangler – datoen afgør, hvilke regler der gjaldt, og dermed hvilke spørgsmål sagen skal have',
    );
    await expect(api.call('gennemgang.faerdig', { sagId })).rejects.toThrow(/Ledigheden begyndte/);
  });

  it('shows the krav of the sag’s own time, and another when the date is corrected', async () => {
    const sagId = await dagpengeSag();
    let review = await api.call('gennemgang.sag', { sagId });
    review = withUpdate(
      review,
      await api.call('gennemgang.dato', { sagId, key: 'ledighed_start', date: '2025-09-15' }),
    );
    expect(asked(review)).toEqual([
      'samtaler.dagpenge-2024',
      'samtaler.jobrettet',
      'tilbud.rettidigt',
      'tilbud.relevant',
    ]);
    expect(review.progress.missing.some((m) => m.key.startsWith('@dato:'))).toBe(false);
    review = withUpdate(
      review,
      await api.call('gennemgang.svar', { sagId, key: 'samtaler.dagpenge-2024', value: 'ja' }),
    );

    // Ledig from 1 July 2026: the flexible kontaktforløb; the answer to the earlier krav stays stored but no longer counts.
    review = withUpdate(
      review,
      await api.call('gennemgang.dato', { sagId, key: 'ledighed_start', date: '2026-07-01' }),
    );
    expect(asked(review)).toEqual([
      'samtaler.fleksibel-2026',
      'samtaler.jobrettet',
      'tilbud.fleksibel-2026',
      'tilbud.relevant',
    ]);
    expect(review.answers['samtaler.dagpenge-2024']?.value).toBe('ja');
    expect(review.progress.missing.map((m) => m.key)).toContain('samtaler.fleksibel-2026');
  });

  it('refuses a year that is a slip of the keyboard: »0025« would put the sag under rules of its own', async () => {
    const sagId = await dagpengeSag();
    for (const date of ['0025-03-01', '9999-12-31', '1899-12-31'])
      await expect(api.call('gennemgang.dato', { sagId, key: 'ledighed_start', date })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('Året skal ligge mellem 1900 og 2100'),
      });
  });

  it('refuses a tematiseret choice that leaves out the afsnit whose answers decide the chosen one', async () => {
    const input = jobCentreRound('Tema', '2026-01-01', '2026-03-31', []).tilsyn ?? {};
    await expect(
      api.call('tilsyn.create', { ...validTilsynInput, ...input, afsnit: ['ressourceforloeb'] }),
    ).rejects.toMatchObject({
      fieldErrors: {
        afsnit:
          'Afsnittet »Ressourceforløb« afhænger af svar i »Borgerens forløb«: vælg det også, ellers stilles spørgsmålene aldrig.',
      },
    });
    const made = await api.call('tilsyn.create', {
      ...validTilsynInput,
      ...input,
      afsnit: ['forloeb', 'ressourceforloeb'],
    });
    expect(made.afsnit).toEqual(['forloeb', 'ressourceforloeb']);
  });

  it('says before import which rule dates no column feeds', async () => {
    const { id: tilsynId } = await api.call('tilsyn.create', { ...validTilsynInput, skabelonVersionId: 3 });
    const file = { tilsynId, fileName: 's.csv', dataBase64: Buffer.from(caseListCsv(caseRows(3))).toString('base64') };
    const preview = await api.call('population.preview', file);
    const check = await api.call('population.check', { ...file, headerRow: 0, mapping: preview.mapping });
    expect(check.warnings).toContain(
      '»Ledigheden begyndte« afgør, hvilke regler der gjaldt for en sag, men ingen kolonne er valgt til den. ' +
        'Datoen skal så indtastes i gennemgangen for hver sag, den gælder, før sagen kan blive færdig.',
    );
  });
});
