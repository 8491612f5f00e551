import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/domain/dates';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { makeTempDir } from '../support/temp';

// A leader plans the year's rounds for a team in the browser and starts one: its tilsyn is made from the plan.
const temp = makeTempDir('tilsyn-e2e-aarshjul-');
let browser: Browser;
let host: HostProcess;
let page: Page;
const api = hostApi(() => host);
const YEAR = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'aarshjul.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team' });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('the årshjul in the browser', () => {
  it('plans a round each quarter of next year, and starts one as a tilsyn made from the plan', async () => {
    await page.goto(`${host.url}#/aarshjul`);
    await page.getByRole('button', { name: `${YEAR + 1} →` }).click();
    await page.getByRole('heading', { name: `Årshjul ${YEAR + 1}`, level: 1 }).waitFor();
    const form = page.locator('.round-plan');
    await form.getByLabel('Enhed').selectOption({ label: 'Team Nord' });
    await form.getByLabel('Titel').fill('Løbende tilsyn');
    await form.getByLabel('Skabelon', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Stikprøve').selectOption('pr_sagsbehandler');
    await form.getByLabel('Antal').fill('1');
    await form.getByLabel('Ansvarlig').fill('Teamleder Nord');
    await form.getByLabel('Hvornår').selectOption('kvartal');
    await form.getByRole('button', { name: `Læg runderne for ${YEAR + 1} i årshjulet` }).click();
    await page.getByText('Runderne er lagt i årshjulet.').waitFor();
    expect(await page.locator('.year-round').count()).toBe(4);
    await screenshot(page, '61-aarshjul');

    await page.getByRole('button', { name: new RegExp(`Løbende tilsyn – 2\\. kvartal ${YEAR + 1}`) }).click();
    await page.getByText('1 sag pr. sagsbehandler · ansvarlig Teamleder Nord').waitFor();
    await page.getByRole('button', { name: 'Start runden' }).click();
    await page.getByText(`Tilsynet »Løbende tilsyn – 2. kvartal ${YEAR + 1}« er oprettet ud fra årshjulet.`).waitFor();
    const [tilsyn] = await api.call('tilsyn.list', {});
    expect(tilsyn).toMatchObject({
      titel: `Løbende tilsyn – 2. kvartal ${YEAR + 1}`,
      periodeFra: `${YEAR + 1}-04-01`,
      periodeTil: `${YEAR + 1}-06-30`,
      enhed: 'Team Nord',
    });
    await page.goto(`${host.url}#/aarshjul`);
    await page.getByRole('button', { name: `${YEAR + 1} →` }).click();
    await page.getByRole('button', { name: new RegExp(`2\\. kvartal ${YEAR + 1}.*I gang`) }).waitFor();
  });
});
