import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { makeTempDir, validTilsynInput } from '../support/temp';

// A leader's first minutes with Tilsyn, in browser mode against the built app and a real SQLite file.
// Every test gets its own database file, host process and page.
const temp = makeTempDir('tilsyn-e2e-');
let browser: Browser;
let host: HostProcess;
let page: Page;
let dbPath: string;
let testNumber = 0;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  temp.cleanup();
});
beforeEach(async () => {
  dbPath = join(temp.dir, `team-nord-${++testNumber}.db`);
  host = await startHostProcess(dbPath);
  page = await newDanishPage(browser);
});
afterEach(async () => {
  await page?.context().close();
  await host?.stop();
});

async function createViaApi(input: typeof validTilsynInput): Promise<void> {
  await expect(hostApi(host).call('tilsyn.create', input)).resolves.toBeTruthy();
}

describe('the tilsyn list', () => {
  it('starts empty and says what to do, with the open file in the header and title', async () => {
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Kom i gang' }).waitFor();
    // The header learns the file from app.info, which may answer after the list: wait for it, then read it.
    const file = `team-nord-${testNumber}.db`;
    await page.getByTestId('database-path').filter({ hasText: file }).waitFor({ timeout: 5000 });
    await page.waitForFunction((title) => document.title === title, `Tilsyn – ${file}`, { timeout: 5000 });
    expect(await page.getByTestId('database-path').textContent()).toContain(file);
    expect(await page.title()).toBe(`Tilsyn – ${file}`);
    await screenshot(page, '01-tom-oversigt');
  });
});

describe('creating a tilsyn', () => {
  it('shows Danish errors next to the fields, and keeps what was typed', async () => {
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Opret tilsyn' }).click();
    await page.getByRole('heading', { name: 'Opret tilsyn' }).waitFor();
    await page.getByLabel('Titel').fill('Ledelsestilsyn 1. kvartal 2026');
    await page.getByLabel('Fra').fill('2026-03-31');
    await page.getByLabel('Til').fill('2026-01-01');
    await page.getByRole('button', { name: 'Opret tilsyn' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'fejl i formularen' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Der er 5 fejl i formularen');
    expect(await page.locator('#tilsyn-skabelonVersionId-error').textContent()).toContain('Vælg en skabelon');
    // Each message sits with its own field and is linked to it for screen readers.
    expect(await page.locator('#tilsyn-periodeTil-error').textContent()).toContain(
      'Slutdatoen skal ligge på eller efter startdatoen',
    );
    expect(await page.getByLabel('Til').getAttribute('aria-describedby')).toContain('tilsyn-periodeTil-error');
    expect(await page.locator('#tilsyn-enhed-error').textContent()).toContain('Skriv enhed eller team');
    expect(await page.locator('#tilsyn-formaal-error').textContent()).toContain('Beskriv formålet med tilsynet');
    expect(await page.getByLabel('Titel').inputValue()).toBe('Ledelsestilsyn 1. kvartal 2026');
    // A tematiseret tilsyn starts with no afsnit ticked: the leader picks the few it is about.
    await page.getByLabel('Skabelon', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('radio', { name: 'Kun udvalgte afsnit (tematiseret tilsyn)' }).check();
    await page.getByText('Sæt flueben ved de afsnit, tilsynet skal gennemgå.').waitFor();
    expect(await page.locator('.afsnit-choice input[type="checkbox"]').count()).toBeGreaterThan(1);
    expect(await page.locator('.afsnit-choice input[type="checkbox"]:checked').count()).toBe(0);
    await page.getByRole('button', { name: 'Opret tilsyn' }).click();
    await page.locator('fieldset.form-error').getByText('Vælg mindst ét afsnit').waitFor();
    // Nothing was stored.
    await page.getByRole('link', { name: 'Annullér' }).click();
    await page.getByRole('heading', { name: 'Kom i gang' }).waitFor();
    await page.goBack();
    await screenshot(page, '02-valideringsfejl');
  });

  it('creates a tilsyn with the keyboard, lists it, and still lists it after a restart', {
    timeout: 40_000,
  }, async () => {
    await page.goto(`${host.url}#/tilsyn/ny`);
    await page.getByLabel('Titel').focus();
    await page.keyboard.type('Ledelsestilsyn 2. kvartal 2026');
    // The date fields are Chromium's own widget (dd.mm.åååå in Danish); filled directly.
    await page.getByLabel('Fra').fill('2026-04-01');
    await page.getByLabel('Til').fill('2026-06-30');
    await page.getByLabel('Enhed eller team').focus();
    await page.keyboard.type('Myndighed børn og unge, team Nord');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the radio group: arrow keys choose
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the template: the first published one
    await page.getByRole('radio', { name: 'Alle afsnit (overordnet tilsyn)' }).waitFor();
    await page.keyboard.press('Tab'); // into "Alle afsnit" / "Kun udvalgte afsnit"
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lovmedholdelighed i afgørelser om støtte efter Barnets Lov § 32.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Børnesamtaler og barnets plan');
    expect(await page.getByLabel('Dialogbaseret sagsgennemgang').isChecked()).toBe(true);
    expect(await page.getByLabel('Skabelon', { exact: true }).inputValue()).not.toBe('');
    await screenshot(page, '03-udfyldt-formular');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Ledelsestilsyn 2. kvartal 2026' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('er oprettet');
    // The window names the tilsyn and its step, then the program and the file.
    await page.waitForFunction(() => document.title.startsWith('Ledelsestilsyn 2. kvartal 2026 · 1. Formål og fokus'));
    expect(await page.title()).toMatch(/^Ledelsestilsyn 2\. kvartal 2026 · 1\. Formål og fokus – Tilsyn – .+\.db$/);
    // The step bar says which steps are done, and the overview says what comes next.
    const steps = page.getByRole('navigation', { name: 'Tilsynets trin' });
    await steps.getByRole('link', { name: /^1\. Formål og fokus\s?, færdigt$/ }).waitFor();
    await steps.getByRole('link', { name: /^2\. Sagsliste\s?, ikke startet$/ }).waitFor();
    await page.getByRole('heading', { name: 'Næste trin: 2. Sagsliste' }).waitFor();
    expect(await page.getByRole('link', { name: 'Gå til 2. Sagsliste' }).getAttribute('href')).toMatch(/sagsliste$/);
    expect(await page.locator('main').textContent()).toContain('Børnesamtaler og barnets plan');
    await page.getByRole('link', { name: /, version 1$/ }).waitFor();
    await screenshot(page, '04-tilsyn-oversigt');

    await page.getByRole('link', { name: 'Tilsyn', exact: true }).first().click();
    const row = page.getByRole('row', { name: /Ledelsestilsyn 2. kvartal 2026/ });
    await row.waitFor();
    const text = await row.textContent();
    for (const expected of [
      '01.04.2026–30.06.2026',
      'Myndighed børn og unge, team Nord',
      'Dialogbaseret sagsgennemgang',
      'Under planlægning',
      'Ingen sager udtrukket endnu',
    ]) {
      expect(text).toContain(expected);
    }
    await screenshot(page, '05-oversigt-med-tilsyn');

    await host.stop();
    host = await startHostProcess(dbPath);
    await page.goto(host.url);
    await page.getByRole('row', { name: /Ledelsestilsyn 2. kvartal 2026/ }).waitFor();
  });
});

describe('editing a tilsyn', () => {
  it('loads the saved values and keeps the change', async () => {
    await createViaApi(validTilsynInput);
    await page.goto(host.url);
    await page.getByRole('link', { name: validTilsynInput.titel }).click();
    await page.getByRole('link', { name: 'Redigér oplysninger' }).click();
    const title = page.getByLabel('Titel');
    await title.waitFor();
    expect(await title.inputValue()).toBe(validTilsynInput.titel);
    expect(await page.getByLabel('Fokus og tema').inputValue()).toBe(validTilsynInput.fokus);
    await title.fill('Ledelsestilsyn 3. kvartal 2026');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByRole('heading', { name: 'Ledelsestilsyn 3. kvartal 2026' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Ændringerne er gemt');
    await page.reload();
    await page.getByRole('heading', { name: 'Ledelsestilsyn 3. kvartal 2026' }).waitFor();
  });
});
