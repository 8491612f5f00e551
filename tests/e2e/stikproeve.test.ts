import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { makeTempDir, validTilsynInput } from '../support/temp';

// From the case system's export to a documented sample: import, map, skip a bad row, draw, exclude a sag.
const temp = makeTempDir('tilsyn-e2e-stikproeve-');
let browser: Browser;
let host: HostProcess;
let page: Page;
let tilsynId: number;

const WORKERS = ['Anne Holm', 'Bo Nielsen', 'Søren Ærø', 'Åse Østergård'];
function exportFile(): Buffer {
  const lines = [
    'Sagsudtræk fra DUBU;;;;;',
    'Udtrukket 01-03-2026;;;;;',
    'Sagsnr.;Sagstype;Rådgiver;Team;Kommunen blev opmærksom på behov;Oprettet;Barnets CPR',
  ];
  for (let i = 1; i <= 32; i++) {
    const day = String((i % 27) + 1).padStart(2, '0');
    lines.push(
      `2025-${String(4700 + i).padStart(6, '0')};§ 32 forebyggende indsats;${WORKERS[i % 4]};Team ${i % 2 ? 'Nord' : 'Syd'};${day}-01-2026;02-01-2026;${day}0118-4${String(i).padStart(3, '0')}`,
    );
  }
  lines.push('2025-009999;§ 32 forebyggende indsats;Bo Nielsen;Team Nord;31-02-2026;02-01-2026;');
  lines.push('I alt;33;;;;');
  return Buffer.from(lines.join('\r\n'), 'latin1'); // Windows-1252, as older exports are
}

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'stikproeve.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  ({ id: tilsynId } = await hostApi(host).call('tilsyn.create', {
    ...validTilsynInput,
    titel: 'Ledelsestilsyn 1. kvartal 2026',
  }));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('sagsliste and stikprøve', () => {
  it('imports the export: maps the columns, drops the CPR column, reports the bad date, imports when skipped', async () => {
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/sagsliste`);
    // Dragged onto the card (issue #17): two files are refused with a reason, one is read as if chosen.
    const dropped = (names: string[]) =>
      page.evaluateHandle(
        ({ bytes, names }) => {
          const transfer = new DataTransfer();
          for (const name of names) transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
          return transfer;
        },
        { bytes: [...exportFile()], names },
      );
    await page.locator('.import-card').dispatchEvent('drop', { dataTransfer: await dropped(['a.csv', 'b.csv']) });
    await page.getByText('Træk én fil ad gangen').waitFor();
    await page.locator('.import-card').dispatchEvent('drop', { dataTransfer: await dropped(['dubu-udtraek.csv']) });
    await page.getByText('33 rækker · CSV, windows-1252, semikolon · overskrifter i række 3').waitFor();
    await page.getByText('Kolonner med CPR-numre bliver ikke gemt').waitFor();
    expect(await page.getByLabel('Hvad er kolonnen »Rådgiver«?').inputValue()).toBe('sagsbehandler');
    expect(await page.getByLabel('Hvad er kolonnen »Barnets CPR«?').isDisabled()).toBe(true);
    // A column of dates the template has no field for says so, not the first option (»Sagsnummer«).
    const created = page.getByLabel('Hvad er kolonnen »Oprettet«?');
    expect(await created.inputValue()).toBe('dato:');
    expect(await created.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(
      'Dato, ikke en af skabelonens',
    );
    expect(await page.locator('.mapping-table tbody').textContent()).not.toMatch(/\d{6}-\d{4}/);
    expect(await page.locator('.mapping-table tbody').textContent()).toContain('Søren Ærø');
    await screenshot(page, '20-import-kolonner');

    // The check and the import name the file the preview read; its bytes are not sent again (issue #18).
    const bodies: Record<string, string> = {};
    page.on('request', (r) => {
      const method = /\/api\/(population\.(?:check|import))$/.exec(r.url())?.[1];
      if (method) bodies[method] = r.postData() ?? '';
    });
    await page.getByRole('button', { name: 'Kontrollér rækkerne' }).click();
    const issues = page.getByTestId('import-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain(
      'Række 36 (sag 2025-009999), kolonne »Kommunen blev opmærksom på behov«: datoen »31-02-2026« findes ikke',
    );
    const importButton = page.getByRole('button', { name: 'Importér 32 sager' });
    expect(await importButton.isDisabled()).toBe(true);
    await screenshot(page, '21-import-fejl');
    await page.getByText('Spring rækken med fejl over').click();
    await importButton.click();

    await page.getByRole('heading', { name: 'Sagslisten', exact: true }).waitFor();
    // The step bar says so at once, not after a reload (found by a leader's try).
    await page
      .getByRole('navigation', { name: 'Tilsynets trin' })
      .getByRole('link', { name: /^2\. Sagsliste\s?, færdigt$/ })
      .waitFor({ timeout: 3000 });
    for (const method of ['population.check', 'population.import']) {
      expect(JSON.parse(bodies[method] ?? '{}'), method).toMatchObject({
        fil: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(bodies[method], method).not.toContain('dataBase64');
    }
    expect(await page.locator('.population-summary').textContent()).toContain('»Barnets CPR« (ligner CPR-numre)');
    expect(await page.locator('.population-summary').textContent()).toContain('32');
    await screenshot(page, '22-sagsliste');
  });

  it('draws a stratified sample by sagsbehandler with spares, and shows its documentation', async () => {
    await page.getByRole('link', { name: 'Videre til stikprøven' }).click();
    await page.getByRole('heading', { name: 'Træk stikprøven' }).waitFor();
    await page.getByLabel('Sager pr. gruppe').fill('2');
    await page.getByLabel('Reserver pr. gruppe').fill('2');
    await page.getByLabel('Startværdi').fill('20260301');
    await page.getByLabel('Trækkes af').fill('Lene Teamleder');
    await page.locator('.sample-preview').getByText('Anne Holm').waitFor();
    await screenshot(page, '23-stikproeve-valg');
    await page.getByRole('button', { name: 'Træk stikprøven' }).click();

    await page.getByRole('heading', { name: 'Stikprøvens dokumentation' }).waitFor();
    const record = await page.locator('.sample-record').textContent();
    expect(record).toContain('Stratificeret udvælgelse efter sagsbehandler, 2 pr. gruppe, 2 reserver pr. gruppe');
    expect(record).toContain('20260301');
    expect(record).toContain('Lene Teamleder');
    await page.getByRole('heading', { name: 'Udvalgte sager (8)' }).waitFor();
    await screenshot(page, '24-stikproeve');
  });

  it('lets a sag leave the sample with a reason, and the next spare from its group comes in', async () => {
    const firstRow = page.locator('table').nth(1).locator('tbody tr').first();
    const group = (await firstRow.locator('td').first().textContent()) ?? '';
    const excluded = (await firstRow.locator('td').nth(2).textContent()) ?? '';
    await firstRow.getByRole('button', { name: /Udgår/ }).click();
    // »Anden årsag« without a note says what is missing, beside the field, and puts the cursor there.
    await page.getByLabel('Årsag').selectOption('anden');
    await page.getByRole('button', { name: 'Lad sagen udgå' }).click();
    await page.getByText('Beskriv årsagen').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await page.getByLabel('Årsag').selectOption('inhabilitet');
    await page.getByRole('button', { name: 'Lad sagen udgå' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'udgår' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      new RegExp(`Sag ${excluded} udgår. Reserven 2025-\\d+ fra samme gruppe er kommet ind i stedet.`),
    );
    await page.getByRole('heading', { name: 'Udvalgte sager (8)' }).waitFor();
    expect(await page.getByText(`Reserve for ${excluded}`).count()).toBe(1);
    expect(await page.locator('.row-excluded').textContent()).toContain('Udgået: Inhabilitet');
    expect(group).toBeTruthy();
    await screenshot(page, '25-sag-udgaaet');
  });
});
