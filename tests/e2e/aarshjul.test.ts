import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/domain/dates';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { pdfText } from '../support/pdf-text';
import {
  FINISH_AS_OTHER,
  finishSag,
  jobCentreRound,
  lockTilsyn,
  round,
  sampledTilsyn as sampledRound,
} from '../support/scenario';
import { makeTempDir } from '../support/temp';

// A leader plans the year's rounds for a team in the browser and starts one: its tilsyn is made from the plan.
const temp = makeTempDir('tilsyn-e2e-aarshjul-');
let browser: Browser;
let host: HostProcess;
let page: Page;
const api = hostApi(() => host);
const YEAR = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'aarshjul.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  const nord = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team' });
  // Last year's afsluttet round of the team: two of its four sager færdige before the round was locked.
  const last = `${YEAR - 1}`;
  const made = await round(api, {
    ...jobCentreRound('Runde', `${last}-04-01`, `${last}-06-30`, ['ja', 'nej']),
    tilsyn: {
      titel: 'Runde',
      periodeFra: `${last}-04-01`,
      periodeTil: `${last}-06-30`,
      enhedId: nord.id,
      skabelonVersionId: 3,
    },
    finish: FINISH_AS_OTHER,
  });
  await lockTilsyn(api, made.tilsynId, { dato: `${last}-07-01` });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('the årshjul in the browser', () => {
  it('plans a round each quarter of next year, and starts one as a tilsyn made from the plan', async () => {
    await page.goto(`${host.url}#/aarshjul`);
    await page.getByRole('button', { name: `${YEAR + 1} →` }).click();
    await page.getByRole('heading', { name: `Årshjul ${YEAR + 1}`, level: 1 }).waitFor();
    const form = page.locator('.round-plan');
    await form.getByLabel('Enhed').selectOption({ label: 'Team Nord' });
    await form.getByLabel('Titel').fill('Løbende tilsyn');
    await form.getByLabel('Skabelon', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Stikprøve').selectOption('pr_sagsbehandler');
    await form.getByLabel('Antal').fill('1');
    await form.getByLabel('Ansvarlig').fill('Teamleder Nord');
    await form.getByLabel('Hvornår').selectOption('kvartal');
    await form.getByRole('button', { name: `Læg runderne for ${YEAR + 1} i årshjulet` }).click();
    await page.getByText('Runderne er lagt i årshjulet.').waitFor();
    expect(await page.locator('.year-round').count()).toBe(4);
    await screenshot(page, '61-aarshjul');

    await page.getByRole('button', { name: new RegExp(`Løbende tilsyn – 2\\. kvartal ${YEAR + 1}`) }).click();
    await page.getByText('1 sag pr. sagsbehandler · ansvarlig Teamleder Nord').waitFor();
    await page.getByRole('button', { name: 'Start runden' }).click();
    await page.getByText(`Tilsynet »Løbende tilsyn – 2. kvartal ${YEAR + 1}« er oprettet ud fra årshjulet.`).waitFor();
    const [tilsyn] = await api.call('tilsyn.list', {});
    expect(tilsyn).toMatchObject({
      titel: `Løbende tilsyn – 2. kvartal ${YEAR + 1}`,
      periodeFra: `${YEAR + 1}-04-01`,
      periodeTil: `${YEAR + 1}-06-30`,
      enhed: 'Team Nord',
    });
    await page.goto(`${host.url}#/aarshjul`);
    await page.getByRole('button', { name: `${YEAR + 1} →` }).click();
    await page.getByRole('button', { name: new RegExp(`2\\. kvartal ${YEAR + 1}.*I gang`) }).waitFor();
  });

  it('shows last year’s coverage of the team, and downloads its period report', async () => {
    // Away and back: the årshjul opens on this year again.
    await page.goto(`${host.url}#/`);
    await page.goto(`${host.url}#/aarshjul`);
    await page.getByRole('button', { name: `← ${YEAR - 1}` }).click();
    await page.locator('#aarshjul-enhed').selectOption({ label: 'Team Nord' });
    const caseworkers = page.locator('.coverage-table').first();
    await caseworkers.getByText('Karin Lund').waitFor();
    expect(await caseworkers.locator('tbody tr').count()).toBe(2);
    await screenshot(page, '63-aarshjul-daekning');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent perioderapporten (PDF)' }).click(),
    ]);
    const path = join(temp.dir, 'periode.pdf');
    await download.saveAs(path);
    const text = (await pdfText(readFileSync(path))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`Ledelsestilsyn i Team Nord, 01.01.${YEAR - 1}–31.12.${YEAR - 1}`);
    // Two caseworkers are fewer than the smallest group: counted on screen for the leader, not in the public PDF.
    expect(text).toContain('Antallet af sagsbehandlere, der fik en sag gennemgået, vises ikke');
    expect(text).not.toMatch(/Karin|Omar/);
  });

  it('shows coverage change after a draw: the drawn sager as coming, then as reviewed once færdige', async () => {
    const [nord] = await api.call('enheder.list', { medSagslister: false });
    const coverageOf = async () => {
      await page.goto(`${host.url}#/`);
      await page.goto(`${host.url}#/aarshjul`);
      await page.locator('#aarshjul-enhed').selectOption({ label: nord?.navn ?? '' });
      const section = page.locator('section.coverage', { has: page.locator('#daekning-titel') });
      await section.locator('#daekning-titel').waitFor();
      return section;
    };
    // The section's heading comes before its figures: wait for the figures' answer, not the heading.
    await (await coverageOf()).getByText('Ingen sagslister i enheden i året endnu.').waitFor();
    const made = await sampledRound(api, {
      tilsyn: { titel: 'Årets første', enhedId: nord?.id, periodeFra: `${YEAR}-01-01`, periodeTil: `${YEAR}-03-31` },
      sager: 4,
      caseworkers: ['Anne Holm', 'Bo Nielsen'],
      sample: { size: 2, seed: 3 },
    });
    // The caseworkers' table: each drawn sag is coming in its caseworker's quarter.
    const drawn = (await coverageOf()).locator('.coverage-table').first();
    await drawn.getByText('(+1 i gang)').first().waitFor();
    expect(await drawn.getByText('(+1 i gang)').count()).toBe(2);
    await finishSag(api, made.sager[0]?.id ?? 0);
    const after = (await coverageOf()).locator('.coverage-table').first();
    await after.getByText('(+1 i gang)').first().waitFor();
    expect(await after.getByText('(+1 i gang)').count()).toBe(1);
    expect(await after.locator('td.quota-met').count()).toBe(1);
    await screenshot(page, '99-daekning-efter-udtraekning');
  });

  it('shows the period report’s publication check when it is refused, and makes it once the passage is marked', async () => {
    // The team is named after Lundby; »Lund« is also a caseworker's surname.
    const [nord] = await api.call('enheder.list', { medSagslister: false });
    await api.call('enheder.ret', { id: nord?.id ?? 0, navn: 'Team Lund', niveau: 'team', foraelderId: null });
    await page.goto(`${host.url}#/`);
    await page.goto(`${host.url}#/aarshjul`);
    await page.getByRole('button', { name: `← ${YEAR - 1}` }).click();
    await page.locator('#aarshjul-enhed').selectOption({ label: 'Team Lund' });
    // Last year's period on the card before its report is asked for (the year is chosen just above).
    await expect.poll(() => page.locator('#periode-fra').inputValue()).toBe(`${YEAR - 1}-01-01`);
    await page.getByRole('button', { name: 'Hent perioderapporten (PDF)' }).click();
    await page.getByText('Perioderapporten er et offentligt dokument').waitFor();
    const check = page.locator('.publication-check');
    await check.getByText('Ét sted i rapportens tekster').waitFor();
    await check.getByRole('button', { name: 'Identificerer ingen' }).click();
    await check.getByText('Markeret som ikke identificerende').waitFor();
    await screenshot(page, '93-perioderapport-tjek');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent perioderapporten (PDF)' }).click(),
    ]);
    const path = join(temp.dir, 'periode-lund.pdf');
    await download.saveAs(path);
    expect((await pdfText(readFileSync(path))).join(' ')).toContain('Team Lund');
  });
});
