import { describe, expect, it } from 'vitest';
import type { TemplateContentInput } from '../../shared/domain/template';
import { hookTestApi } from '../support/hooks';
import { pdfText } from '../support/pdf-text';
import { FINISH_AS_OTHER, jobCentreRound, lineage, lockTilsyn, type RoundOptions } from '../support/scenario';
import { validTilsynInput } from '../support/temp';

// A krav keeps its history across template copies and versions (issue #14): a local copy of a shipped template
// continues the shipped one's development, and a question renamed on the way is linked to its old key once.

const backend = hookTestApi('each', { file: 'krav.db' });
const { api } = backend;
const JOB_TEMPLATE_VERSION = 3;

const teamRound = (
  titel: string,
  from: string,
  to: string,
  versionId: number,
  plan: string[],
  key = 'plan.aktuel',
): RoundOptions => ({
  ...jobCentreRound(titel, from, to, plan),
  answers: (_, i) => ({ [key]: { value: plan[i] ?? 'ja', reason: 'Se sagen' } }),
  tilsyn: { titel, periodeFra: from, periodeTil: to, skabelonVersionId: versionId, enhed: 'Team Nord' },
  finish: FINISH_AS_OTHER,
});

/** A local copy of the job-centre template, changed by `edit` and published; its version id. */
async function localCopy(edit: (content: TemplateContentInput) => void = () => {}): Promise<number> {
  const { versionId } = await api.call('skabelon.copy', {
    versionId: JOB_TEMPLATE_VERSION,
    meta: { name: 'Jobcenterets egen', area: 'beskaeftigelse', description: 'Tilpasset lokalt' },
  });
  const { content } = await api.call('skabelon.version', { versionId });
  const input = structuredClone(content) as TemplateContentInput;
  edit(input);
  await api.call('skabelon.saveDraft', { versionId, content: input });
  await api.call('skabelon.publish', { versionId });
  return versionId;
}

const titles = async (tilsynId: number, key: string) =>
  ((await api.call('resultater.get', { tilsynId })).trends[key] ?? []).map((p) => p.titel);

describe('krav over time', () => {
  it('continues the shipped template’s development in a local copy of it', async () => {
    const copy = await localCopy();
    const [, second] = await lineage(api, [
      teamRound('Standard', '2026-01-01', '2026-03-31', JOB_TEMPLATE_VERSION, ['nej', 'ja']),
      teamRound('Lokal', '2026-04-01', '2026-06-30', copy, ['ja', 'ja']),
    ]);
    expect(await titles(second?.tilsynId ?? 0, 'plan.aktuel')).toEqual(['Standard', 'Lokal']);
    expect((await api.call('resultater.koblinger', { tilsynId: second?.tilsynId ?? 0 })).earlier).toEqual([]);
  });

  it('links a renamed krav to its old key once, and the development follows it', async () => {
    const copy = await localCopy((c) => {
      const q = c.sections.flatMap((s) => s.questions).find((x) => x.key === 'plan.aktuel');
      if (q) q.key = 'plan.tilgaengelig';
    });
    const [, second] = await lineage(api, [
      teamRound('Før', '2026-01-01', '2026-03-31', JOB_TEMPLATE_VERSION, ['nej', 'ja']),
      teamRound('Efter', '2026-04-01', '2026-06-30', copy, ['ja', 'ja'], 'plan.tilgaengelig'),
    ]);
    const tilsynId = second?.tilsynId ?? 0;
    expect(await titles(tilsynId, 'plan.tilgaengelig')).toEqual(['Efter']);
    const view = await api.call('resultater.koblinger', { tilsynId });
    expect(view.earlier).toEqual([
      expect.objectContaining({ key: 'plan.aktuel', rounds: 1, linkedTo: null, text: expect.stringContaining('plan') }),
    ]);
    await expect(
      api.call('resultater.kobl', { tilsynId, gammel: 'plan.aktuel', ny: 'findes.ikke' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const linked = await api.call('resultater.kobl', { tilsynId, gammel: 'plan.aktuel', ny: 'plan.tilgaengelig' });
    expect(linked.earlier[0]?.linkedTo).toBe('plan.tilgaengelig');
    expect(await titles(tilsynId, 'plan.tilgaengelig')).toEqual(['Før', 'Efter']);
    // Kept in the file: a new start sees the link.
    backend.reopen();
    expect(await titles(tilsynId, 'plan.tilgaengelig')).toEqual(['Før', 'Efter']);
    await api.call('resultater.kobl', { tilsynId, gammel: 'plan.aktuel', ny: null });
    expect(await titles(tilsynId, 'plan.tilgaengelig')).toEqual(['Efter']);
  });

  it('measures each round against the enhed’s måltal of its time, and the committee report says by when', async () => {
    const [first, second] = await lineage(api, [
      teamRound('Efterår', '2026-07-01', '2026-09-30', JOB_TEMPLATE_VERSION, ['ja', 'ja', 'ja', 'nej', 'nej']),
      teamRound('Forår', '2027-01-01', '2027-03-31', JOB_TEMPLATE_VERSION, ['ja', 'ja', 'ja', 'ja', 'nej']),
    ]);
    const goal = {
      key: 'plan.aktuel',
      steps: [
        { dato: '2026-12-31', maaltal: 60 },
        { dato: '2027-03-31', maaltal: 90 },
      ],
      indikator: 'Andel borgere med en aktuel plan på Jobnet',
      metode: 'Stikprøve på 5 sager hvert kvartal',
    };
    const saved = await api.call('resultater.maal', { tilsynId: second?.tilsynId ?? 0, ...goal });
    expect(saved).toEqual([goal]);
    const measure = async (tilsynId: number) =>
      (await api.call('resultater.get', { tilsynId })).results.measures.find((m) => m.key === 'plan.aktuel');
    // 3 of 5 by autumn against 60 % by New Year: met; 4 of 5 in spring against 90 % by 31 March: below.
    expect(await measure(first?.tilsynId ?? 0)).toMatchObject({
      target: 60,
      targetDue: '2026-12-31',
      belowTarget: false,
    });
    expect(await measure(second?.tilsynId ?? 0)).toMatchObject({
      target: 90,
      targetDue: '2027-03-31',
      belowTarget: true,
    });
    // The same enhed's goal is shown in every round of the template family.
    expect((await api.call('resultater.get', { tilsynId: first?.tilsynId ?? 0 })).goals).toEqual([goal]);
    // A locked round keeps the goal it was locked with: raising the goal later does not make it »under måltal«.
    await lockTilsyn(api, first?.tilsynId ?? 0, { dato: '2026-10-05' });
    const raised = { ...goal, steps: [{ dato: '2026-12-31', maaltal: 95 }, ...goal.steps.slice(1)] };
    await api.call('resultater.maal', { tilsynId: second?.tilsynId ?? 0, ...raised });
    expect(await measure(first?.tilsynId ?? 0)).toMatchObject({ target: 60, belowTarget: false });
    await api.call('tilsyn.genaabn', { tilsynId: first?.tilsynId ?? 0, navn: 'Lene', begrundelse: 'Rettelse' });
    expect(await measure(first?.tilsynId ?? 0)).toMatchObject({ target: 95, belowTarget: true });
    await api.call('resultater.maal', { tilsynId: second?.tilsynId ?? 0, ...goal });

    const file = await api.call('rapport.udvalg', { tilsynId: second?.tilsynId ?? 0, format: 'fuld' });
    const text = (await pdfText(Buffer.from(file.dataBase64, 'base64'))).join('\n');
    expect(text.replace(/\s+/g, ' ')).toContain('Måltal 90 % senest 31.03.2027');

    await expect(
      api.call('resultater.maal', {
        tilsynId: second?.tilsynId ?? 0,
        ...goal,
        steps: [goal.steps[1], goal.steps[1]].flatMap((x) => (x ? [x] : [])),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('To trin har samme dato') });
    // Removing the steps brings back the skabelon's måltal.
    await api.call('resultater.maal', {
      tilsynId: second?.tilsynId ?? 0,
      key: 'plan.aktuel',
      steps: [],
      indikator: '',
      metode: '',
    });
    expect(await measure(second?.tilsynId ?? 0)).toMatchObject({ target: 100, belowTarget: true });
  });

  it('refuses to merge two enheder that both have a goal for one krav, and to delete an enhed with goals', async () => {
    const [done] = await lineage(api, [
      teamRound('Runde', '2026-01-01', '2026-03-31', JOB_TEMPLATE_VERSION, ['ja', 'ja']),
    ]);
    const tilsynId = done?.tilsynId ?? 0;
    const goal = { key: 'plan.aktuel', steps: [{ dato: '2026-12-31', maaltal: 80 }], indikator: '', metode: '' };
    await api.call('resultater.maal', { tilsynId, ...goal });
    const nord = (await api.call('tilsyn.get', { id: tilsynId })).enhedId ?? 0;
    const input = { ...validTilsynInput, skabelonVersionId: JOB_TEMPLATE_VERSION };
    const other = await api.call('tilsyn.create', { ...input, enhed: 'Nord-teamet' });
    await api.call('resultater.maal', { tilsynId: other.id, ...goal, steps: [{ dato: '2026-12-31', maaltal: 90 }] });
    await expect(api.call('enheder.flet', { fraId: other.enhedId ?? 0, tilId: nord })).rejects.toMatchObject({
      message: expect.stringMatching(/^Begge enheder har et mål for det samme krav/),
    });
    // Its only tilsyn moved elsewhere, the enhed still holds a goal: not deleted with it.
    await api.call('tilsyn.update', { id: other.id, data: { ...input, enhed: 'Uden mål' } });
    await expect(api.call('enheder.slet', { id: other.enhedId ?? 0 })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
