import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; CI installs it (see .ci/run). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', '..', 'test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium blev ikke fundet på ${CHROMIUM_PATH}. Installér den med: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Chromium on Linux takes its locale (date pickers: dd.mm.åååå) from LANG. The machine has no Danish locale, so
    // without a UTF-8 one (LC_ALL) a download named »Søren.pdf« would be saved as »download«, unlike a leader's PC.
    env: { ...process.env, LANG: 'da_DK.UTF-8', LANGUAGE: 'da', LC_ALL: 'C.UTF-8' },
    // Without the background-networking switches Chromium keeps dialling out on this closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=da-DK',
    ],
  });
}

export async function newDanishPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

/** Saves a full-page screenshot under test-artifacts/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
