import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// The desktop app's file choices (issue #17) go through one native-dialog seam in the main process (its own test is
// in tests/integration/electron-main.test.ts). Here the page runs as in the desktop app: app.info says so, and
// app.vaelgSti answers as the native dialog would; the rest is the real browser-mode backend.
const temp = makeTempDir('tilsyn-e2e-dialoger-');
let browser: Browser;
let host: HostProcess;
let page: Page;
let tilsynId = 0;
let chosen: string | null = null;
const api = hostApi(() => host);

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'dialoger.db')), launchBrowser()]);
  const made = await round(api, {
    ...jobCentreRound('Runde', '2026-01-01', '2026-03-31', ['ja', 'nej', 'ja']),
    finish: FINISH_AS_OTHER,
  });
  tilsynId = made.tilsynId;
  await lockTilsyn(api, tilsynId, { dato: '2026-04-02' });
  page = await newDanishPage(browser);
  await page.route('**/api/app.info', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.value.mode = 'electron';
    await route.fulfill({ response: res, json: body });
  });
  await page.route('**/api/app.vaelgSti', (route) => route.fulfill({ json: { ok: true, value: { sti: chosen } } }));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('file choices as in the desktop app', () => {
  it('saves the feedback notes in the folder chosen in the dialog, and nothing when it is cancelled', async () => {
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/formidling`);
    const save = page.getByRole('button', { name: 'Gem dem alle i en mappe …' });
    chosen = null;
    await save.click();
    await page.getByText('Ingen mappe valgt; notaterne er ikke gemt.').waitFor();
    chosen = temp.dir;
    await save.click();
    await page.getByText(/notater er gemt i/).waitFor();
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(2);
    // The typed path is still there for IT staff, folded away.
    expect(await page.locator('#notat-mappe').isVisible()).toBe(false);
    await page.getByText('Avanceret: skriv mappens sti').click();
    expect(await page.locator('#notat-mappe').isVisible()).toBe(true);
  });

  it('creates a new database file where the dialog says, and switches to it', async () => {
    await page.goto(`${host.url}#/indstillinger`);
    chosen = join(temp.dir, 'team-nord.db');
    await page.getByRole('button', { name: 'Opret en ny fil …' }).click();
    await page
      .getByTestId('database-path')
      .getByText(/team-nord\.db/)
      .waitFor();
    await screenshot(page, '96-databasefil-skrivebord');
    expect(await api.call('tilsyn.list', {})).toEqual([]);
  });
});
