import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { caseRows, importCaseList } from '../support/scenario';
import { makeTempDir, validTilsynInput } from '../support/temp';

// The Sagsliste screen a page at a time (issues #17/#18): a long list is searched and paged in the backend.
const temp = makeTempDir('tilsyn-e2e-sagsliste-');
let browser: Browser;
let host: HostProcess;
let page: Page;
let tilsynId = 0;
const api = hostApi(() => host);

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'sagsliste.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  ({ id: tilsynId } = await api.call('tilsyn.create', validTilsynInput));
  const rows = caseRows(450, { caseworkers: ['Åse Ørum', 'Bo Nielsen', 'Camilla Dahl'], teams: ['Nord', 'Syd'] });
  await importCaseList(api, tilsynId, rows);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

const hint = () => page.locator('#sag-search ~ .form-hint');
const rowCount = () => page.locator('.data-table tbody tr').count();

describe('the sagsliste in the browser', () => {
  it('shows a page of 200, goes to the next, and searches the whole list', async () => {
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/sagsliste`);
    await page.getByText('Viser 1–200 af 450 sager').waitFor();
    expect(await rowCount()).toBe(200);
    await page.getByRole('button', { name: 'Næste 200 →' }).first().click();
    await page.getByText('Viser 201–400 af 450 sager').waitFor();
    // The count may show a moment before the rows of the page it counts: wait for the rows.
    await page.locator('.data-table tbody tr').first().filter({ hasText: '2026-201' }).waitFor();
    await screenshot(page, '94-sagsliste-side');
    // A search starts at its first page and counts what it found of the whole list.
    await page.getByLabel('Søg').fill('ørum');
    await page.getByText('Viser 1–150 af 150 sager (af 450 på listen)').waitFor();
    expect(await rowCount()).toBe(150);
    expect(await page.getByRole('button', { name: 'Næste 200 →' }).count()).toBe(0);
    await page.getByLabel('Søg').fill('ingen sådan sag');
    await page.getByText('Ingen af listens 450 sager passer på søgningen').waitFor();
    expect(await hint().textContent()).toContain('Ingen af listens 450');
  });
});
