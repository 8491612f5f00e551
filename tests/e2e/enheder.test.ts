import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { round } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// A leader builds the enheder in the browser: an afdeling, a team moved under it, two spellings of one team
// merged; the tilsyn form says which enhed a typed name means.
const temp = makeTempDir('tilsyn-e2e-enheder-');
let browser: Browser;
let host: HostProcess;
let page: Page;
const api = hostApi(() => host);

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'enheder.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  // Two rounds with færdige sager, under two names for one team.
  await round(api, {
    tilsyn: { titel: 'Første runde', enhed: 'Team Nord' },
    sager: 4,
    sample: { size: 2 },
    finish: true,
  });
  await round(api, {
    tilsyn: { titel: 'Anden runde', enhed: 'Nord-teamet' },
    sager: 4,
    sample: { size: 2 },
    finish: true,
  });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

const row = (name: string) => page.locator('.unit-row', { has: page.getByText(name, { exact: true }) });

describe('enheder in the browser', () => {
  it('creates an afdeling, moves a team under it and merges two names for one team', async () => {
    await page.goto(`${host.url}#/enheder`);
    await page.getByRole('heading', { name: 'Enheder', level: 1 }).waitFor();
    const form = page.locator('.unit-new');
    await form.getByLabel('Navn').fill('Myndighed');
    await form.getByLabel('Niveau').selectOption('afdeling');
    await form.getByRole('button', { name: 'Opret enheden' }).click();
    await row('Myndighed').waitFor();

    await page.getByRole('button', { name: 'Redigér Team Nord' }).click();
    await page.locator('.unit-form').first().getByLabel('Ligger under').selectOption({ label: 'Myndighed' });
    await page.getByRole('button', { name: 'Gem enheden' }).click();
    // Team Nord now sits in Myndighed's subtree, with its tilsyn counted there too.
    await page.locator('.unit-tree .unit-tree .unit-row', { hasText: 'Team Nord' }).waitFor();
    expect(await row('Myndighed').textContent()).toContain('1 tilsyn');

    await page.getByRole('button', { name: 'Flet Nord-teamet med en anden enhed' }).click();
    await page.getByLabel('Flet med').selectOption({ label: 'Myndighed › Team Nord' });
    await page.getByRole('button', { name: 'Flet enhederne' }).click();
    await row('Nord-teamet').waitFor({ state: 'detached' });
    expect(await row('Team Nord').textContent()).toContain('2 tilsyn');
    await screenshot(page, '60-enheder');
    const titles = (await api.call('tilsyn.list', {})).map((t) => [t.titel, t.enhed]);
    expect(titles).toEqual(
      expect.arrayContaining([
        ['Første runde', 'Team Nord'],
        ['Anden runde', 'Team Nord'],
      ]),
    );
  });

  it('lays the teams under the afdeling side by side for the year of their rounds', async () => {
    const myndighed = (await api.call('enheder.list', {})).find((u) => u.navn === 'Myndighed');
    const syd = await api.call('enheder.opret', { navn: 'Team Syd', niveau: 'team', foraelderId: myndighed?.id ?? 0 });
    await round(api, { tilsyn: { titel: 'Sydrunde', enhedId: syd.id }, sager: 3, sample: { size: 2 }, finish: true });
    await page.goto(`${host.url}#/enheder`);
    await page.getByRole('link', { name: 'Sammenlign enhederne under Myndighed' }).click();
    await page.getByRole('heading', { name: /Myndighed side om side/ }).waitFor();
    const year = (await api.call('tilsyn.list', {}))[0]?.periodeTil.slice(0, 4) ?? '';
    // The screen opens on this year; the rounds' year may lie before it (the suite may run in a later year).
    for (let i = 0; i < 10 && !((await page.locator('h1').textContent()) ?? '').includes(year); i++)
      await page.getByRole('button', { name: /^← / }).click();
    await page.locator('.comparison-table thead th', { hasText: 'Team Nord' }).first().waitFor();
    // The area krav by krav is there to open; folded, the long template's table does not push the rest away.
    await page.getByText('Udviklingen krav for krav, hele området').first().click();
    await page.locator('.krav-development table').first().waitFor();
    // Coverage per team and for the area: caseworkers reached of those on the lists, counts only.
    const coverage = page.locator('section[aria-labelledby="sammenlign-daekning"]');
    await coverage.getByRole('row', { name: /Team Syd/ }).waitFor();
    expect(await coverage.getByRole('row', { name: /Hele området/ }).textContent()).toMatch(/\d+ af \d+/);
    await screenshot(page, '62-enheder-side-om-side');
    // The committee report counts afsluttede rounds only, and says so when there are none.
    await page.getByRole('button', { name: `Samlet rapport til udvalget ${year} (PDF)` }).click();
    await page.getByText('Myndighed har ingen afsluttede runder').waitFor();
  });

  it('says in the tilsyn form which enhed a typed name means, or that a new one is made', async () => {
    await page.goto(`${host.url}#/tilsyn/ny`);
    const field = page.getByLabel('Enhed eller team');
    await field.fill('team nord');
    await page.getByText('Tilsynet hører til Myndighed › Team Nord').waitFor();
    await field.fill('Familieafsnittet');
    await page.getByText('»Familieafsnittet« er en ny enhed: den oprettes øverst').waitFor();
  });
});
