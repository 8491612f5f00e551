import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLargeCsv } from '../fixtures/make-fixtures';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { makeTempDir, validTilsynInput } from '../support/temp';

// Issue #17: long work shows how far it has come, and can be stopped where that is safe. A sagsliste of 250,000 sager
// takes seconds to check: the panel counts its rows, »Afbryd« stops it with nothing stored, and the next try imports.
const ROWS = 250_000;
const temp = makeTempDir('tilsyn-e2e-fremdrift-');
let browser: Browser;
let host: HostProcess;
let page: Page;
let tilsynId = 0;
const api = hostApi(() => host);
const csv = join(temp.dir, 'stor-udtraek.csv');

beforeAll(async () => {
  makeLargeCsv(csv, ROWS);
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'fremdrift.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  ({ id: tilsynId } = await api.call('tilsyn.create', validTilsynInput));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('long work in the browser', () => {
  it('counts the rows checked, stops when asked with nothing stored, and imports on the next try', async () => {
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/sagsliste`);
    await page.locator('#population-file').setInputFiles({
      name: 'stor-udtraek.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(csv),
    });
    await page.getByText('250.000 rækker · CSV').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Kontrollér rækkerne' }).click();
    const panel = page.getByRole('region', { name: 'Arbejde i gang' });
    await panel.getByText('Kontrollerer rækkerne').waitFor();
    // Whichever of the check's counted steps it is in (the rows, or the CPR numbers split over two columns).
    const counted = panel.getByText(/: [\d.]+ af 250\.000 rækker/);
    await counted.waitFor();
    const seen = await counted.textContent();
    await panel.getByRole('button', { name: 'Afbryd' }).click();
    await panel.getByText('»Kontrollerer rækkerne« er afbrudt. Intet er gemt eller lavet.').waitFor();
    expect(seen).toMatch(/^(Tjekker rækkerne|Leder efter CPR-numre delt på to kolonner): [\d.]+ af 250\.000 rækker$/);
    await screenshot(page, '100-fremdrift-afbrudt');
    // Still on the mapping, with no error by the button; the panel's word goes by »Luk«.
    expect(await page.locator('.import-card .alert-error').count()).toBe(0);
    await panel.getByRole('button', { name: 'Luk' }).click();
    expect(await panel.count()).toBe(0);

    await page.getByRole('button', { name: 'Kontrollér rækkerne' }).click();
    await page.getByRole('button', { name: /Importér 250\.000 sager/ }).waitFor({ timeout: 30_000 });
    expect(await api.call('population.get', { tilsynId })).toBeNull();
    await page.getByRole('button', { name: /Importér 250\.000 sager/ }).click();
    await page.getByText('Viser 1–200 af 250.000 sager').waitFor({ timeout: 30_000 });
    expect((await api.call('population.get', { tilsynId }))?.rowCount).toBe(ROWS);
  }, 90_000);
});
