import { describe, expect, it } from 'vitest';
import { hookTestApi } from '../support/hooks';

// Calibration (issue #16): several leaders review the same made-up practice sag kept with a template version, and
// see question by question how alike they read it.

const backend = hookTestApi('each', { file: 'kalibrering.db' });
const { api } = backend;
const JOB = 3;

async function practiceSag() {
  return api.call('kalibrering.opret', {
    skabelonVersionId: JOB,
    titel: 'Øvelsessag: borger i ressourceforløb',
    beskrivelse: 'Opdigtet: planen er fra marts, samtalerne holdt til tiden. Barnets cpr 010190-1234 står i et brev.',
    sagstype: '',
    datoer: {},
    navn: 'Lene Leder',
  });
}

describe('calibration on a practice sag', () => {
  it('counts a frist as judged by each leader who answered it, the computed outcome accepted or overridden', async () => {
    const { sag } = await api.call('kalibrering.opret', {
      skabelonVersionId: JOB,
      titel: 'Frist',
      beskrivelse: 'Opdigtet: ressourceforløb fra januar, første aktivitet i september.',
      sagstype: '',
      datoer: { ressourceforloeb_start: '2025-01-01', aktivitet_start: '2025-09-01' },
      navn: 'Lene',
    });
    const frist = 'ressourceforloeb.aktivitet-frist';
    for (const who of ['Lene', 'Bo'])
      await api.call('kalibrering.svar', {
        id: sag.id,
        bedoemmer: who,
        key: 'forloeb.type',
        value: 'ressourceforloeb',
      });
    await api.call('kalibrering.svar', {
      id: sag.id,
      bedoemmer: 'Lene',
      key: frist,
      override: { outcome: 'opfyldt', reason: 'Forlænget efter aftale' },
    });
    const view = await api.call('kalibrering.svar', { id: sag.id, bedoemmer: 'Bo', key: frist, reason: 'Beregnet' });
    expect(view.questions.find((q) => q.key === frist)).toMatchObject({ enige: false });
  });

  it('compares each leader’s answers question by question, and adds up every two leaders’ judgements', async () => {
    const made = await practiceSag();
    expect(made.sag).toMatchObject({ titel: 'Øvelsessag: borger i ressourceforløb', bedoemmere: 0 });
    expect(made.sag.beskrivelse).not.toContain('010190-1234');
    const id = made.sag.id;
    const answer = (bedoemmer: string, key: string, value: string) =>
      api.call('kalibrering.svar', { id, bedoemmer, key, value });
    await answer('Anna Holm', 'plan.aktuel', 'ja');
    await answer('Bo Nielsen', 'plan.aktuel', 'ja');
    await answer('Carl Berg', 'plan.aktuel', 'nej');
    await answer('Anna Holm', 'plan.opdateret', 'ja');
    await answer('Bo Nielsen', 'plan.opdateret', 'ja');
    // The same person, her name written otherwise: one set of answers, the later answer hers.
    await answer('carl  berg', 'plan.opdateret', 'nej');
    const view = await answer('Carl Berg', 'plan.opdateret', 'ja');
    expect(view.answers.map((a) => a.bedoemmer)).toEqual(['Anna Holm', 'Bo Nielsen', 'Carl Berg']);
    const plan = view.questions.find((q) => q.key === 'plan.aktuel');
    expect(plan).toMatchObject({ number: '3.1', enige: false });
    expect(plan?.answers.map((a) => [a.bedoemmer, a.label])).toEqual([
      ['Anna Holm', 'Ja'],
      ['Bo Nielsen', 'Ja'],
      ['Carl Berg', 'Nej'],
    ]);
    expect(view.questions.find((q) => q.key === 'plan.opdateret')?.enige).toBe(true);
    // Pairs: plan.aktuel (A,B) agree, (A,C) and (B,C) not; plan.opdateret all three pairs agree: 4 of 6.
    expect(view.overall).toMatchObject({ n: 6, agreed: 4 });
    expect((await api.call('kalibrering.list', {}))[0]).toMatchObject({ id, bedoemmere: 3 });
  });

  it('refuses an answer the question does not have, and a repeat with another template', async () => {
    const { sag } = await practiceSag();
    await expect(
      api.call('kalibrering.svar', { id: sag.id, bedoemmer: 'Anna', key: 'plan.aktuel', value: 'banan' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      api.call('kalibrering.svar', { id: sag.id, bedoemmer: 'Anna', key: 'findes.ikke', value: 'ja' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(api.call('kalibrering.gentag', { id: sag.id, skabelonVersionId: 1, navn: 'Lene' })).rejects.toThrow(
      'Øvelsessagen kan kun gentages med en anden version af den samme skabelon.',
    );
    await expect(api.call('kalibrering.gentag', { id: sag.id, skabelonVersionId: JOB, navn: 'Lene' })).rejects.toThrow(
      'Øvelsessagen kan kun gentages med en anden version af den samme skabelon.',
    );
    await expect(
      api.call('kalibrering.opret', {
        skabelonVersionId: JOB,
        titel: 'x',
        beskrivelse: 'y',
        sagstype: '',
        datoer: { foo: '2026-01-01' },
        navn: 'L',
      }),
    ).rejects.toThrow('Skabelonen har ingen dato, der hedder »foo«.');
  });
});
