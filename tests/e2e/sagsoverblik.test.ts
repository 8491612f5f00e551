import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/domain/dates';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { type CaseRow, caseListCsv, caseRows } from '../support/scenario';
import { makeTempDir, validTilsynInput } from '../support/temp';

// A team leader imports the team's sagsliste on the 1st of two months and reads the sagsoverblik on screen:
// the stock, what came and went, and each caseworker's sager against the måltal.
const temp = makeTempDir('tilsyn-e2e-sagsoverblik-');
let browser: Browser;
let host: HostProcess;
let page: Page;
const api = hostApi(() => host);
const YEAR = Number(todayIso().slice(0, 4));

const JANUARY = caseRows(30, { caseworkers: ['Anne Holm', 'Bo Nielsen', 'Søren Ærø'], teams: ['Nord'] });
const FEBRUARY: CaseRow[] = [
  ...JANUARY.slice(5).map((r, i) => (i < 3 ? { ...r, sagsbehandler: 'Anne Holm' } : r)),
  ...caseRows(6, { prefix: `${YEAR}-NY`, caseworkers: ['Søren Ærø'], teams: ['Nord'] }),
];

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'sagsoverblik.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team' });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

async function importMonth(month: string, rows: CaseRow[]) {
  await page.getByRole('button', { name: 'Importér en sagsliste' }).click();
  await page.locator('#population-file').setInputFiles({
    name: `Sagsliste Team Nord 01.${month}.${YEAR}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(caseListCsv(rows)),
  });
  await page.getByRole('button', { name: 'Kontrollér rækkerne' }).click();
  const date = page.getByLabel('Sagslistens dato');
  expect(await date.inputValue()).toBe(`${YEAR}-${month}-01`);
  await page.getByText('Fundet i filnavnet').waitFor();
  await page.getByRole('button', { name: `Importér ${rows.length} sager` }).click();
  await page.getByRole('row', { name: new RegExp(`^01\\.${month}\\.${YEAR}`) }).waitFor();
}

describe('the sagsoverblik in the browser', () => {
  it('two monthly imports: stock, tilgang and afgang, and the caseload per caseworker against the måltal', async () => {
    await page.goto(`${host.url}#/sagsoverblik`);
    await page.getByLabel('Enhed').selectOption({ label: 'Team Nord' });
    await page.getByRole('heading', { name: 'Måltal og optælling' }).waitFor();
    await page.getByLabel('Måltal: højst sager pr. sagsbehandler').fill('10');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Gemt', { exact: true }).waitFor();

    await importMonth('01', JANUARY);
    await importMonth('02', FEBRUARY);

    const january = page.getByRole('row', { name: new RegExp(`^januar ${YEAR} ?liste fra 01\\.01\\.${YEAR}`) });
    expect((await january.locator('td').allTextContents()).slice(0, 4)).toEqual(['30', '6', '0', '5']);
    const february = page.getByRole('row', { name: new RegExp(`^februar ${YEAR}`) });
    expect((await february.locator('td').allTextContents()).slice(0, 1)).toEqual(['31']);
    expect(await page.locator('.trend-sentence').textContent()).toBe(
      `Fra januar ${YEAR} til februar ${YEAR} steg antallet af sager fra 30 til 31 (+1). Imellem kom 6 til, og 5 gik.`,
    );
    // The newest list's caseload: Søren over the måltal of 10, Anne exactly at it.
    const caseload = page.locator('.caseload-section');
    await caseload.getByRole('row', { name: /Søren Ærø 14 \(over måltallet\)/ }).waitFor();
    expect(await caseload.textContent()).toContain('1 af 3 sagsbehandlere (33,3 %) har flere end måltallet på 10.');
    const flow = page.locator('.flow-section');
    await flow.getByRole('row', { name: /^Søren Ærø/ }).waitFor();
    expect(await flow.locator('.flow-totals').textContent()).toContain('Skiftet sagsbehandler2');

    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await screenshot(page, `70-sagsoverblik-${width}`);
    }
  });

  it("a tilsyn's sagsliste counts in the overview when the leader says it holds all the team's sager", async () => {
    const [nord] = await api.call('enheder.list', {});
    const t = await api.call('tilsyn.create', { ...validTilsynInput, enhedId: nord?.id ?? 0 });
    await page.goto(`${host.url}#/tilsyn/${t.id}/sagsliste`);
    await page.locator('#population-file').setInputFiles({
      name: `Udtræk ${YEAR}-03-01.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(caseListCsv(FEBRUARY.slice(1))),
    });
    // Another file read meanwhile (another window): the backend no longer holds this one, and the screen sends it
    // again without the leader noticing.
    await page.getByRole('button', { name: 'Kontrollér rækkerne' }).waitFor();
    await api.call('population.preview', {
      tilsynId: t.id,
      fileName: 'andet.csv',
      dataBase64: Buffer.from(caseListCsv(FEBRUARY.slice(2))).toString('base64'),
    });
    await page.getByRole('button', { name: 'Kontrollér rækkerne' }).click();
    expect(await page.getByLabel('Brug også listen i enhedens sagsoverblik').isChecked()).toBe(true);
    expect(await page.getByLabel('Sagslistens dato').inputValue()).toBe(`${YEAR}-03-01`);
    await page.getByRole('button', { name: `Importér ${FEBRUARY.length - 1} sager` }).click();
    await page.getByText(`Tæller som enhedens sagsliste fra 01.03.${YEAR}.`).waitFor();
    await page.getByRole('link', { name: 'Se sagsoverblikket' }).click();
    const february = page.getByRole('row', { name: new RegExp(`^februar ${YEAR}`) });
    await february.waitFor();
    expect((await february.locator('td').allTextContents()).slice(0, 4)).toEqual(['31', '0', '0', '1']);
  });
});
