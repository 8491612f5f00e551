import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, startHostProcess } from '../support/host-process';
import { makeTempDir } from '../support/temp';

// A leader's first minutes with Tilsyn, in browser mode against the built app and a real SQLite file.
const temp = makeTempDir('tilsyn-e2e-');
const dbPath = join(temp.dir, 'team-nord.db');
let host: HostProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(dbPath), launchBrowser()]);
  page = await newDanishPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('creating and listing tilsyn', () => {
  it('starts on an empty list that says what to do, with the open file in the header', async () => {
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Der er ingen tilsyn endnu' }).waitFor();
    expect(await page.getByTestId('database-path').textContent()).toContain('team-nord.db');
    expect(await page.title()).toBe('Tilsyn – team-nord.db');
    await screenshot(page, '01-tom-oversigt');
  });

  it('shows Danish errors next to the fields when the form is incomplete', async () => {
    await page.getByRole('link', { name: 'Opret tilsyn' }).click();
    await page.getByRole('heading', { name: 'Opret tilsyn' }).waitFor();
    await page.getByLabel('Titel').fill('Ledelsestilsyn 1. kvartal 2026');
    await page.getByLabel('Fra').fill('2026-03-31');
    await page.getByLabel('Til').fill('2026-01-01');
    await page.getByRole('button', { name: 'Opret tilsyn' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'fejl i formularen' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Der er 4 fejl i formularen');
    // Each message sits with its own field, linked for screen readers.
    expect(await page.locator('#tilsyn-periodeTil-error').textContent()).toContain(
      'Slutdatoen skal ligge på eller efter startdatoen',
    );
    expect(await page.getByLabel('Til').getAttribute('aria-describedby')).toContain('tilsyn-periodeTil-error');
    expect(await page.locator('#tilsyn-enhed-error').textContent()).toContain('Skriv enhed eller team');
    expect(await page.locator('#tilsyn-formaal-error').textContent()).toContain('Beskriv formålet med tilsynet');
    // Nothing typed is lost.
    expect(await page.getByLabel('Titel').inputValue()).toBe('Ledelsestilsyn 1. kvartal 2026');
    await screenshot(page, '02-valideringsfejl');
  });

  it('creates the tilsyn once the form is complete, using the keyboard', async () => {
    await page.getByLabel('Til').fill('2026-06-30');
    await page.getByLabel('Enhed eller team').focus();
    await page.keyboard.type('Myndighed børn og unge, team Nord');
    await page.keyboard.press('Tab');
    // The radio group is reached by Tab; arrow keys choose within it.
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Dialogbaseret sagsgennemgang').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lovmedholdelighed i afgørelser om støtte efter Barnets Lov § 32.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Børnesamtaler og barnets plan');
    await screenshot(page, '03-udfyldt-formular');
    await page.getByRole('button', { name: 'Opret tilsyn' }).press('Enter');

    await page.getByRole('heading', { name: 'Ledelsestilsyn 1. kvartal 2026' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('er oprettet');
    expect(await page.locator('main').textContent()).toContain('Børnesamtaler og barnets plan');
    await screenshot(page, '04-tilsyn-oversigt');
  });

  it('lists the new tilsyn with period, unit, form and status', async () => {
    await page.getByRole('link', { name: 'Tilsyn', exact: true }).first().click();
    const row = page.getByRole('row', { name: /Ledelsestilsyn 1. kvartal 2026/ });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('31.03.2026–30.06.2026');
    expect(text).toContain('Myndighed børn og unge, team Nord');
    expect(text).toContain('Dialogbaseret sagsgennemgang');
    expect(text).toContain('Under planlægning');
    expect(text).toContain('Ingen sager udtrukket endnu');
    await screenshot(page, '05-oversigt-med-tilsyn');
  });

  it('still lists it after the host is stopped and started again on the same file', async () => {
    await host.stop();
    host = await startHostProcess(dbPath);
    await page.goto(host.url);
    await page.getByRole('row', { name: /Ledelsestilsyn 1. kvartal 2026/ }).waitFor();
  });

  it('edits the tilsyn and keeps the change', async () => {
    await page.getByRole('link', { name: 'Ledelsestilsyn 1. kvartal 2026' }).click();
    await page.getByRole('link', { name: 'Redigér oplysninger' }).click();
    const title = page.getByLabel('Titel');
    await title.waitFor();
    expect(await title.inputValue()).toBe('Ledelsestilsyn 1. kvartal 2026');
    await title.fill('Ledelsestilsyn 2. kvartal 2026');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByRole('heading', { name: 'Ledelsestilsyn 2. kvartal 2026' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Ledelsestilsyn 2. kvartal 2026' }).waitFor();
  });
});
