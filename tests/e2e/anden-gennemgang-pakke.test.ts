import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { FINISH_AS_OTHER, jobCentreRound, round } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// The second review through a pakke (issue #16): the leader sends two sager to Mette Berg, who reviews them blind in
// her own Tilsyn (another file, another browser context) and sends her answers back; the leader reads them in and
// sees the disagreement. Two files, two browsers, no server between them.
const temp = makeTempDir('tilsyn-e2e-anden-pakke-');
let browser: Browser;
let leader: HostProcess;
let mette: HostProcess;
let leaderPage: Page;
let mettePage: Page;
const leaderApi = hostApi(() => leader);
const metteApi = hostApi(() => mette);
let tilsynId = 0;
let chosen: string[] = [];

beforeAll(async () => {
  [leader, mette, browser] = await Promise.all([
    startHostProcess(join(temp.dir, 'leder.db')),
    startHostProcess(join(temp.dir, 'mette.db')),
    launchBrowser(),
  ]);
  [leaderPage, mettePage] = await Promise.all([newDanishPage(browser), newDanishPage(browser)]);
  const made = await round(leaderApi, {
    ...jobCentreRound('Runde', '2026-01-01', '2026-03-31', ['ja', 'ja', 'nej']),
    finish: FINISH_AS_OTHER,
  });
  tilsynId = made.tilsynId;
  chosen = made.sager.slice(0, 2).map((s) => s.sagsnummer);
  await leaderApi.call('kvalitet.opret', {
    tilsynId,
    bedoemmer: 'Mette Berg',
    udvaelgelse: { art: 'valgt', sagIds: made.sager.slice(0, 2).map((s) => s.id) },
    navn: 'Lene Leder',
  });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([leader?.stop(), mette?.stop()]);
  temp.cleanup();
});

describe('a second review through a pakke in the browser', () => {
  it('goes from the leader’s Kvalitetssikring to Mette’s own Tilsyn, blind, and back', {
    timeout: 60_000,
  }, async () => {
    await leaderPage.goto(`${leader.url}#/tilsyn/${tilsynId}/gennemgang`);
    const card = leaderPage.locator('.second-review');
    const [download] = await Promise.all([
      leaderPage.waitForEvent('download'),
      card.getByRole('button', { name: 'Hent pakke til Mette Berg' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Anden gennemgang Mette Berg 01.01.2026–31.03.2026.tilsyn');
    await card.getByText('Send den til Mette Berg, som åbner den i sin egen Tilsyn.').waitFor();
    const pakke = join(temp.dir, 'anden.tilsyn');
    await download.saveAs(pakke);
    await screenshot(leaderPage, '88-anden-gennemgang-pakke-send');

    // Mette opens it from her start screen: the two sager and the questions, none of the first answers, no menu.
    await mettePage.goto(`${mette.url}#/`);
    await mettePage.getByRole('heading', { name: 'Pakke fra en leder' }).waitFor();
    await mettePage
      .locator('#selv-fil')
      .setInputFiles({ name: 'anden.tilsyn', mimeType: 'application/zip', buffer: readFileSync(pakke) });
    await mettePage.getByRole('heading', { name: 'Anden gennemgang', level: 1 }).waitFor();
    expect(await mettePage.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    expect(await mettePage.locator('input[type="radio"]:checked').count()).toBe(0);
    expect(await mettePage.locator('#selv-refleksioner').count()).toBe(0);
    const sager = mettePage.getByRole('navigation', { name: 'Sagerne' });
    expect(await sager.getByRole('button').allTextContents()).toEqual([
      ...chosen.map((n) => `Sag ${n}`),
      'Hent svarfil til lederen',
    ]);
    const plan = mettePage.getByRole('group', { name: /Har borgeren en aktuel plan/ });
    await plan.getByText('Nej', { exact: true }).click();
    await expect.poll(() => plan.getByLabel('Nej', { exact: true }).isChecked()).toBe(true);
    await mettePage.reload();
    await mettePage.getByRole('group', { name: /Har borgeren en aktuel plan/ }).waitFor();
    expect(
      await mettePage
        .getByRole('group', { name: /Har borgeren en aktuel plan/ })
        .getByLabel('Nej', { exact: true })
        .isChecked(),
    ).toBe(true);
    await screenshot(mettePage, '89-anden-gennemgang-pakke-blind');
    // The rest as the first review answered, through the calls her screen uses (so one question differs).
    const { id } = (await metteApi.call('selvevaluering.list', {}))[0] ?? { id: 0 };
    for (const s of (await metteApi.call('selvevaluering.get', { id })).sager) {
      const first = await leaderApi.call('gennemgang.sag', { sagId: s.noegle });
      for (const [key, a] of Object.entries(first.answers)) {
        if (!a?.value) continue;
        const mine = key === 'plan.aktuel' && s.sagsnummer === chosen[0];
        await metteApi.call('selvevaluering.svar', {
          id,
          noegle: s.noegle,
          key,
          ...(mine ? {} : { value: a.value }),
          reason: a.reason || 'Se sagen',
        });
      }
    }
    await mettePage.reload();
    await mettePage.getByText('2 af 2 besvaret').waitFor();
    const [answers] = await Promise.all([
      mettePage.waitForEvent('download'),
      mettePage.getByRole('button', { name: 'Hent svarfil til lederen' }).click(),
    ]);
    expect(answers.suggestedFilename()).toBe('Svar Mette Berg 01.01.2026–31.03.2026.tilsyn');
    const svar = join(temp.dir, 'svar.tilsyn');
    await answers.saveAs(svar);

    // The leader reads them in: both sager færdige, the one disagreement waiting for a final answer.
    await leaderPage
      .locator('#anden-svar-fil')
      .setInputFiles({ name: 'svar.tilsyn', mimeType: 'application/zip', buffer: readFileSync(svar) });
    await card.getByText(/^Svarene fra Mette Berg i 2 sager er indlæst/).waitFor();
    await card.getByText('2 af 2 færdige.').waitFor();
    await card.getByText('Forskellige vurderinger (1 mangler en afgørelse)').waitFor();
    await leaderPage
      .locator('.change-log')
      .getByText(/Anden gennemgang indlæst fra pakke/)
      .waitFor();
    await screenshot(leaderPage, '90-anden-gennemgang-pakke-indlaest');
  });
});
