import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { makeTempDir } from '../support/temp';

// Calibration (issue #16) in the browser: a practice sag made under Skabeloner, answered by three leaders, compared.
const temp = makeTempDir('tilsyn-e2e-kalibrering-');
let browser: Browser;
let host: HostProcess;
let page: Page;
const api = hostApi(() => host);

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'kalibrering.db')), launchBrowser()]);
  page = await newDanishPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('calibration in the browser', () => {
  it('makes a practice sag, takes one leader’s answers on the screen, and lays all three side by side', {
    timeout: 60_000,
  }, async () => {
    await page.goto(`${host.url}#/skabeloner`);
    await page.getByRole('link', { name: 'Kalibrering' }).click();
    await page.getByRole('heading', { name: 'Kalibrering' }).waitFor();
    await page.getByLabel('Skabelon').selectOption({ label: 'Beskæftigelse – rettidighed, version 1' });
    await page.getByLabel('Titel').fill('Øvelse: ressourceforløb');
    await page.getByLabel('Sagen, som bedømmerne skal læse den').fill('Opdigtet: planen er fra marts og ikke delt.');
    await page.getByLabel('Dit navn').fill('Lene Leder');
    await page.getByRole('button', { name: 'Opret øvelsessagen' }).click();
    await page.getByRole('heading', { name: 'Øvelse: ressourceforløb' }).waitFor();
    const id = Number(/#\/kalibrering\/(\d+)/.exec(page.url())?.[1]);
    await api.call('kalibrering.svar', { id, bedoemmer: 'Anna Holm', key: 'plan.aktuel', value: 'ja' });
    await api.call('kalibrering.svar', { id, bedoemmer: 'Bo Nielsen', key: 'plan.aktuel', value: 'nej' });
    await page.reload();
    await page.getByLabel('Dit navn').fill('Carl Berg');
    await page.getByRole('button', { name: 'Gennemgå øvelsessagen' }).click();
    await page
      .getByRole('group', { name: /Har borgeren en aktuel plan/ })
      .getByText('Nej', { exact: true })
      .click();
    const table = page.locator('#sammenligning').locator('..');
    await table.locator('thead th', { hasText: 'Carl Berg' }).waitFor();
    const row = table.locator('tbody tr', { hasText: 'Har borgeren en aktuel plan' });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toMatch(/JaNejNejNej$|Ja ?Nej ?Nej ?Nej/);
    await table.getByText(/Enighed: [\d,]+ % enige \(1 af 3\)/).waitFor();
    await screenshot(page, '85-kalibrering');
  });
});
