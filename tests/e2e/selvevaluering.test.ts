import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { sampledTilsyn } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// Selvevaluering først across two files (issue #15): the leader sends Karin her own sager from Gennemgang, Karin
// answers them in her own Tilsyn (another file, another browser context) and sends her answers back, and the leader
// reads them in beside her own. Two files, two browsers, no server between them.
const temp = makeTempDir('tilsyn-e2e-selv-');
let browser: Browser;
let leader: HostProcess;
let karin: HostProcess;
let leaderPage: Page;
let karinPage: Page;
const leaderApi = hostApi(() => leader);
let tilsynId = 0;
let karinsSag = 0;

beforeAll(async () => {
  [leader, karin, browser] = await Promise.all([
    startHostProcess(join(temp.dir, 'leder.db')),
    startHostProcess(join(temp.dir, 'karin.db')),
    launchBrowser(),
  ]);
  [leaderPage, karinPage] = await Promise.all([newDanishPage(browser), newDanishPage(browser)]);
  const round = await sampledTilsyn(leaderApi, {
    sager: 4,
    caseworkers: ['Karin Lund', 'Omar Said'],
    opmaerksomhed: (i) => `0${i}-02-2026`,
    tilsyn: { form: 'selvevaluering_foerst', titel: 'Selvevaluering 1. kvartal' },
  });
  tilsynId = round.tilsynId;
  karinsSag = round.sager.find((s) => s.sagsbehandler === 'Karin Lund')?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([leader?.stop(), karin?.stop()]);
  temp.cleanup();
});

describe('a selvevaluering in the browser', () => {
  it('goes from the leader’s Gennemgang to Karin’s own Tilsyn and back as her answers', async () => {
    await leaderPage.goto(`${leader.url}#/tilsyn/${tilsynId}/gennemgang`);
    const card = leaderPage.locator('section.self-bundles');
    await card.getByRole('cell', { name: 'Karin Lund', exact: true }).waitFor();
    const [download] = await Promise.all([
      leaderPage.waitForEvent('download'),
      card.getByRole('button', { name: 'Hent pakke til Karin Lund' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Selvevaluering Karin Lund 01.01.2026–31.03.2026.tilsyn');
    const pakke = join(temp.dir, 'selv.tilsyn');
    await download.saveAs(pakke);
    await screenshot(leaderPage, '77-selvevaluering-send');

    // Karin opens it from her start screen: only her sager, and no menu to anything else.
    await karinPage.goto(`${karin.url}#/`);
    await karinPage
      .locator('#selv-fil')
      .setInputFiles({ name: 'selv.tilsyn', mimeType: 'application/zip', buffer: readFileSync(pakke) });
    await karinPage.getByRole('heading', { name: 'Din selvevaluering' }).waitFor();
    expect(await karinPage.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    const sager = karinPage.getByRole('navigation', { name: 'Dine sager' });
    expect(await sager.getByRole('button').allTextContents()).toEqual([
      'Sag 2026-001',
      'Sag 2026-003',
      'Hent svarfil til lederen',
    ]);
    const question = karinPage.locator('.review-question:has(input[type=radio])').first();
    await question.getByText('Nej', { exact: true }).click();
    await karinPage.locator('#selv-refleksioner').fill('Jeg skal huske at notere samtalen.');
    await karinPage.locator('#selv-refleksioner').blur();
    await expect.poll(() => question.getByLabel('Nej', { exact: true }).isChecked()).toBe(true);
    // Saved the moment it was given: read back after a reload.
    await karinPage.reload();
    await karinPage.locator('#selv-refleksioner').waitFor();
    expect(await karinPage.locator('#selv-refleksioner').inputValue()).toBe('Jeg skal huske at notere samtalen.');
    await screenshot(karinPage, '78-selvevaluering-svar');
    const [answers] = await Promise.all([
      karinPage.waitForEvent('download'),
      karinPage.getByRole('button', { name: 'Hent svarfil til lederen' }).click(),
    ]);
    expect(answers.suggestedFilename()).toBe('Svar Karin Lund 01.01.2026–31.03.2026.tilsyn');
    const svar = join(temp.dir, 'svar.tilsyn');
    await answers.saveAs(svar);

    // The leader reads them in: Karin's answer and reflections stand in her sag.
    await leaderPage
      .locator('#svar-fil')
      .setInputFiles({ name: 'Svar Karin.tilsyn', mimeType: 'application/zip', buffer: readFileSync(svar) });
    await leaderPage
      .getByText(
        'Svarene fra Karin Lund i 2 sager er indlæst: ét svar er nyt eller ændret, og der er nye refleksioner i én sag.',
      )
      .waitFor();
    await leaderPage.goto(`${leader.url}#/tilsyn/${tilsynId}/gennemgang/${karinsSag}`);
    await leaderPage.getByText('Jeg skal huske at notere samtalen.').waitFor();
    await leaderPage.getByLabel(/^Lederen/).check();
    await leaderPage.locator('.caseworker-answer').first().waitFor();
    expect(await leaderPage.locator('.caseworker-answer').allTextContents()).toEqual(['Sagsbehandlerens svar: Nej']);
    await screenshot(leaderPage, '79-selvevaluering-indlaest');
  }, 45_000);
});
