import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { answerAll, FINISH_AS_OTHER, jobCentreRound, round, type SampledTilsyn } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// The review of one sag at a glance (issue #17): progress and »Færdig« first in the sag's panel, each afsnit's state
// with a way to it, a question an answer brings in marked and announced, and the next sag offered after »Færdig«.
const temp = makeTempDir('tilsyn-e2e-overblik-');
let browser: Browser;
let host: HostProcess;
let page: Page;
let made: SampledTilsyn;
const api = hostApi(() => host);

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'overblik.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  made = await round(api, jobCentreRound('Runde', '2026-01-01', '2026-03-31', ['ja', 'nej', 'ja']));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('one sag at a glance', () => {
  it('lists the afsnit with their state, and marks and announces a question an answer brings in', async () => {
    const [first] = made.sager;
    await page.goto(`${host.url}#/tilsyn/${made.tilsynId}/gennemgang/${first?.id}`);
    const afsnit = page.getByRole('navigation', { name: 'Afsnit' });
    await afsnit.getByRole('link', { name: '1. Borgerens forløb' }).waitFor();
    expect(await afsnit.getByRole('link').count()).toBeGreaterThan(3);
    // The panel's progress and »Færdig« come before the sag's facts and dates.
    const order = await page
      .locator('.review-panel')
      .evaluate((panel) =>
        [panel.querySelector('.review-progress'), panel.querySelector('dl.facts')].map((e) =>
          e ? [...panel.querySelectorAll('*')].indexOf(e) : -1,
        ),
      );
    expect(order[0]).toBeLessThan(order[1] ?? 0);
    // The way to an afsnit lands in its first question not yet answered.
    await afsnit.getByRole('link', { name: /^3\. Borgerens plan/ }).click();
    expect(
      await page.evaluate(() => document.activeElement?.closest('.review-section')?.querySelector('h2')?.textContent),
    ).toMatch(/^3\. Borgerens plan/);

    await page.getByText('Ledig på kontant- eller uddannelseshjælp', { exact: true }).click();
    await page.locator('.review-question-new').first().waitFor();
    await page.getByText('Nyt spørgsmål efter dit svar').first().waitFor();
    expect(await page.locator('.review-questions > [aria-live="polite"]').textContent()).toMatch(
      /^(Nyt spørgsmål|\d+ nye spørgsmål) efter dit svar: \d+\.\d+ /,
    );
    await screenshot(page, '91-sag-nyt-spoergsmaal');
  });

  it('offers the next sag once this one is færdig', async () => {
    // The first sag's forløb was changed above: the second one, answered in full, and the third comes next.
    const [, second, third] = made.sager;
    await answerAll(api, second?.id ?? 0, FINISH_AS_OTHER);
    await page.goto(`${host.url}#/tilsyn/${made.tilsynId}/gennemgang/${second?.id}`);
    const afsnit = page.getByRole('navigation', { name: 'Afsnit' });
    await afsnit.getByRole('link').first().waitFor();
    expect(await afsnit.locator('li').count()).toBe(await afsnit.locator('li.section-done').count());
    await page.getByRole('button', { name: 'Markér sagen som færdig' }).click();
    const next = page.getByRole('link', { name: `Næste sag: ${third?.sagsnummer} →` });
    await next.waitFor();
    await screenshot(page, '92-sag-faerdig-naeste');
    await next.click();
    await page.getByRole('heading', { name: `Sag ${third?.sagsnummer}` }).waitFor();
  });
});
