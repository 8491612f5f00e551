import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyntheticDatabase } from '../bench/synthetic';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, startHostProcess } from '../support/host-process';
import { makeTempDir } from '../support/temp';

// A file of many tilsyn (issue #17): the list opens on its first 100, and is searched and filtered by status.
const temp = makeTempDir('tilsyn-e2e-liste-');
let browser: Browser;
let host: HostProcess;
let page: Page;

beforeAll(async () => {
  const path = join(temp.dir, 'mange.db');
  // 250 tilsyn over two years, six enheder, none started yet.
  createSyntheticDatabase(path, { tilsyn: 250 });
  [host, browser] = await Promise.all([startHostProcess(path), launchBrowser()]);
  page = await newDanishPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

const rows = () => page.locator('.tilsyn-table tbody tr');
const shown = () => page.locator('.list-filters [aria-live]');

describe('a long tilsyn list', () => {
  it('shows 100 at a time, pages on, and finds by text, year and status', async () => {
    await page.goto(`${host.url}#/`);
    await page.getByText('Viser 1–100 af 250 tilsyn').waitFor();
    expect(await rows().count()).toBe(100);
    await page.getByRole('button', { name: 'Næste 100 →' }).click();
    await page.getByText('Viser 101–200 af 250 tilsyn').waitFor();
    await page.getByRole('button', { name: 'Næste 100 →' }).click();
    await page.getByText('Viser 201–250 af 250 tilsyn').waitFor();
    expect(await rows().count()).toBe(50);
    // A search starts at the first page again.
    await page.getByLabel('Søg').fill('team øst');
    await page.getByText(/^Viser 1–\d+ af \d+ tilsyn \(af 250\)$/).waitFor();
    expect(await rows().first().textContent()).toContain('Team Øst');
    await page.getByLabel('Søg').fill('2021');
    expect(await shown().textContent()).toMatch(/af 50 tilsyn \(af 250\)/);
    await screenshot(page, '95-tilsyn-liste-soeg');
    await page.getByLabel('Status').selectOption({ label: 'Afsluttet' });
    await page.getByText('Ingen tilsyn passer på søgningen').waitFor();
    expect(await rows().count()).toBe(0);
  });
});
