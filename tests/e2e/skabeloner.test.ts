import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, startHostProcess } from '../support/host-process';
import { makeTempDir } from '../support/temp';

// A leader adapts the national template to local practice: copy, add a question, publish, preview, share.
const temp = makeTempDir('tilsyn-e2e-skabelon-');
let browser: Browser;
let host: HostProcess;
let page: Page;
let n = 0;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  temp.cleanup();
});
beforeEach(async () => {
  host = await startHostProcess(join(temp.dir, `skabeloner-${++n}.db`));
  page = await newDanishPage(browser);
});
afterEach(async () => {
  await page?.context().close();
  await host?.stop();
});

async function copyStandardTemplate(name: string): Promise<void> {
  await page.goto(`${host.url}#/skabeloner`);
  await page.getByRole('link', { name: 'Børn og unge – overordnet' }).click();
  await page.getByRole('button', { name: 'Kopiér til lokal skabelon' }).click();
  await page.getByLabel('Navn').fill(name);
  await page.getByRole('button', { name: 'Opret kopi' }).click();
  await page.getByRole('tab', { name: 'Redigér' }).waitFor();
}

describe('template editor', () => {
  it('lists the three standard templates', async () => {
    await page.goto(`${host.url}#/skabeloner`);
    for (const name of ['Børn og unge – overordnet', 'Børn og unge – tematiseret', 'Beskæftigelse – rettidighed']) {
      await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    }
    await screenshot(page, '10-skabeloner');
  });

  it('copies the standard template, adds a local question, publishes it and shows it in the preview', async () => {
    await copyStandardTemplate('Børn og unge – Nordby Kommune');
    await screenshot(page, '11-kladde-editor');

    await page.getByRole('button', { name: '+ Tilføj spørgsmål i afsnit 1', exact: true }).click();
    const warning = page.getByRole('status').filter({ hasText: 'skal rettes før publicering' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Skriv spørgsmålet');
    expect(await page.getByRole('button', { name: 'Publicér version 1' }).isDisabled()).toBe(true);

    await page
      .getByLabel('Spørgsmål', { exact: true })
      .fill('Er underretningen journaliseret samme dag, som den er modtaget?');
    await page.getByLabel('Nøgle').fill('underretning.journaliseret-samme-dag');
    await page.getByLabel('Lovhenvisning').fill('Lokal retningslinje for underretninger');
    await page.getByLabel('Hjælpetekst').fill('Se journalnotatets dato i forhold til modtagelsen.');
    await page.getByText('✓ Gemt').waitFor();
    await warning.waitFor({ state: 'detached' });
    await screenshot(page, '12-nyt-spoergsmaal');

    await page.getByRole('tab', { name: 'Forhåndsvisning' }).click();
    const preview = page.locator('.preview');
    await preview.getByText('Er underretningen journaliseret samme dag, som den er modtaget?').waitFor();
    // Rules at work: the placement questions appear only when a placement was decided.
    const placement = preview.getByText('Er valget af anbringelsessted begrundet ud fra barnets behov?');
    expect(await placement.count()).toBe(0);
    await page
      .getByRole('group', { name: 'Er der truffet afgørelse om anbringelse uden for hjemmet?' })
      .getByLabel('Ja')
      .check();
    await placement.waitFor();
    await screenshot(page, '13-forhaandsvisning');

    await page.getByRole('tab', { name: 'Redigér' }).click();
    await page.getByRole('button', { name: 'Publicér version 1' }).click();
    await page.getByText('Version 1 er publiceret').waitFor();
    await page.reload();
    expect(await page.locator('h1').textContent()).toContain('v1 · Publiceret');
    // The standard template's 52 questions and the local one.
    expect(await page.locator('.heading-meta').textContent()).toContain('53 spørgsmål');
    // A published version is shown, not edited.
    expect(await page.getByRole('tab', { name: 'Redigér' }).count()).toBe(0);
  });

  it('moves a question with the keyboard and keeps the new order', async () => {
    await copyStandardTemplate('Flytteprøve');
    const first = page.locator('.outline-questions').first().locator('.outline-item').first();
    const firstText = await first.textContent();
    await page.getByRole('button', { name: 'Flyt spørgsmål 1.1 ned' }).press('Enter');
    await page.getByText('✓ Gemt').waitFor();
    await page.reload();
    const second = page.locator('.outline-questions').first().locator('.outline-item').nth(1);
    expect(await second.textContent()).toBe(firstText?.replace('1.1', '1.2'));
  });

  it('exports a published version and imports it again; a broken file is refused with its line', async () => {
    await page.goto(`${host.url}#/skabeloner`);
    await page.getByRole('link', { name: 'Beskæftigelse – rettidighed' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Eksportér version 1' }).click(),
    ]);
    const path = join(temp.dir, download.suggestedFilename());
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      format: 'tilsyn-skabelon',
      skabelon: { name: 'Beskæftigelse – rettidighed' },
    });

    await page.goto(`${host.url}#/skabeloner`);
    const broken = text.replace('"text": "', '"text": 42, "x": "');
    await page
      .locator('#skabelon-import')
      .setInputFiles({ name: 'ødelagt.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Linje \d+, felt »afsnit 1 › spørgsmål 1/);
    await screenshot(page, '14-import-fejl');
    expect(await page.getByRole('row', { name: /Importeret/ }).count()).toBe(0);

    await page
      .locator('#skabelon-import')
      .setInputFiles({ name: 'delt.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByText('er importeret som kladde').waitFor();
    await page.goto(`${host.url}#/skabeloner`);
    await page.getByRole('row', { name: /Beskæftigelse – rettidighed.*Importeret/ }).waitFor();
  });
});
