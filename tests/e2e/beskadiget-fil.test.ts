import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markWhole } from '../../db/integrity';
import { openTestApi } from '../support/api';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { makeTempDir, validTilsynInput } from '../support/temp';

// Issue #18: a file found as the app left it is checked just after the start, not before the first screen. When the
// disk damaged it unseen meanwhile, the screen says so within seconds, before the leader has saved anything.
const temp = makeTempDir('tilsyn-e2e-beskadiget-');
let browser: Browser;
let host: HostProcess;
let page: Page;
const api = hostApi(() => host);
const file = join(temp.dir, 'leder.db');

beforeAll(async () => {
  const made = openTestApi({ file });
  made.db.sqlite.exec('CREATE TABLE fyld (x BLOB)');
  for (let i = 0; i < 40; i++) made.db.sqlite.prepare('INSERT INTO fyld VALUES (randomblob(4000))').run();
  await made.api.call('tilsyn.create', validTilsynInput);
  made.close();
  // Bytes of the last pages changed with nothing to show for it: the file looks as the app left it.
  const pages = statSync(file).size / 4096;
  const fd = openSync(file, 'r+');
  for (let p = pages - 20; p < pages; p++) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, p * 4096);
  closeSync(fd);
  markWhole(file, new Date());
  [host, browser] = await Promise.all([startHostProcess(file), launchBrowser()]);
  page = await newDanishPage(browser);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('a file damaged since the app left it', () => {
  it('opens on the list, then says on every screen that it is damaged and that nothing more is saved', async () => {
    await page.goto(`${host.url}#/`);
    await page.getByText(validTilsynInput.titel).first().waitFor();
    const banner = page.getByText(/er beskadiget: kontrollen af filen fandt fejl.*Tilsyn gemmer ikke flere ændringer/);
    // No good copy to restore in this folder: the banner does not send her to restore one.
    await banner.waitFor({ timeout: 10_000 });
    await screenshot(page, '101-beskadiget-fil');
    expect(await page.locator('.alert-error').first().textContent()).not.toContain('Gendan kopien');
    await expect(api.call('tilsyn.create', validTilsynInput)).rejects.toMatchObject({ code: 'DAMAGED' });
    await page.goto(`${host.url}#/indstillinger`);
    await banner.waitFor();
    expect(await page.getByRole('link', { name: 'Indstillinger' }).count()).toBeGreaterThan(0);
  }, 60_000);
});
