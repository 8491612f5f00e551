import { describe, expect, it } from 'vitest';
import { hookTestApi } from '../support/hooks';
import { applicableOf, jobCentreRound, sampledTilsyn } from '../support/scenario';

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
    let review = await api.call('gennemgang.dato', { sagId, key: 'ledighed_start', date: '2025-09-15' });
    expect(asked(review)).toEqual([
      'samtaler.dagpenge-2024',
      'samtaler.jobrettet',
      'tilbud.rettidigt',
      'tilbud.relevant',
    ]);
    expect(review.progress.missing.some((m) => m.key.startsWith('@dato:'))).toBe(false);
    review = await api.call('gennemgang.svar', { sagId, key: 'samtaler.dagpenge-2024', value: 'ja' });

    // Ledig from 1 July 2026: the flexible kontaktforløb; the answer to the earlier krav stays stored but no longer counts.
    review = await api.call('gennemgang.dato', { sagId, key: 'ledighed_start', date: '2026-07-01' });
    expect(asked(review)).toEqual([
      'samtaler.fleksibel-2026',
      'samtaler.jobrettet',
      'tilbud.fleksibel-2026',
      'tilbud.relevant',
    ]);
    expect(review.answers['samtaler.dagpenge-2024']?.value).toBe('ja');
    expect(review.progress.missing.map((m) => m.key)).toContain('samtaler.fleksibel-2026');
  });
});
