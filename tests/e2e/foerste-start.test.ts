import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, startHostProcess } from '../support/host-process';
import { makeTempDir } from '../support/temp';

// The first start (issue #17): an empty file opens on a short guide; the example opens a file of made-up data of
// its own; the guide can be dismissed for good.
const temp = makeTempDir('tilsyn-e2e-start-');
let browser: Browser;
let host: HostProcess;
let page: Page;

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'min-fil.db')), launchBrowser()]);
  page = await newDanishPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('the first start', () => {
  it('guides, opens the example in a file of its own, and back home the guide can be put away for good', async () => {
    await page.goto(`${host.url}#/`);
    await page.getByRole('heading', { name: 'Kom i gang' }).waitFor();
    await screenshot(page, '97-foerste-start');
    expect(await page.getByRole('link', { name: 'Opret det første tilsyn' }).getAttribute('href')).toBe('#/tilsyn/ny');

    await page.getByRole('button', { name: 'Se et eksempel med opdigtede sager' }).click();
    await page
      .getByTestId('database-path')
      .getByText(/tilsyn-eksempel\.db/)
      .waitFor({ timeout: 30_000 });
    await page.locator('.tilsyn-table tbody tr').nth(1).waitFor();
    expect(await page.locator('.tilsyn-table').textContent()).toContain('Eksempel: løbende tilsyn');
    await screenshot(page, '98-eksempel');

    // Home again through the recent files: the own file is still empty and still guided.
    await page.goto(`${host.url}#/indstillinger`);
    await page.getByRole('button', { name: /Åbn .*min-fil\.db/ }).click();
    await page.getByRole('heading', { name: 'Kom i gang' }).waitFor();
    await page.getByRole('button', { name: 'Vis ikke denne vejledning igen' }).click();
    await page.getByRole('heading', { name: 'Der er ingen tilsyn endnu' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Der er ingen tilsyn endnu' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Kom i gang' }).count()).toBe(0);
  }, 60_000);
});
