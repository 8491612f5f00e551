import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { makeTempDir, validTilsynInput } from '../support/temp';

// A leader opens her team's database file instead of her own, and goes back through the list of recent files.
const temp = makeTempDir('tilsyn-e2e-databasefil-');
const own = join(temp.dir, 'egen.db');
const team = join(temp.dir, 'team-nord.db');
let browser: Browser;
let host: HostProcess;
let page: Page;

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(own), launchBrowser()]);
  page = await newDanishPage(browser);
  await hostApi(host).call('tilsyn.create', { ...validTilsynInput, titel: 'Mit eget tilsyn' });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('another database file', () => {
  it('opens the team’s file from Indstillinger and comes back to her own from the recent files', async () => {
    await page.goto(`${host.url}#/`);
    await page.getByText('Mit eget tilsyn').waitFor();
    await page.getByRole('link', { name: 'Skift databasefil' }).click();
    await page.getByLabel('Åbn en anden fil, eller opret en ny').fill(team);
    await page.getByRole('button', { name: 'Åbn filen' }).click();
    await page.getByRole('heading', { name: 'Kom i gang' }).waitFor();
    expect(await page.getByTestId('database-path').textContent()).toContain('team-nord.db');

    await page.goto(`${host.url}#/indstillinger`);
    await page.locator('.recent-files li', { hasText: 'egen.db' }).waitFor();
    await screenshot(page, '43-databasefil');
    await page.getByRole('button', { name: `Åbn ${own}` }).click();
    await page.getByText('Mit eget tilsyn').waitFor();
    expect(await page.getByTestId('database-path').textContent()).toContain('egen.db');
  });
});
