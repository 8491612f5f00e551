import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCprNumbers } from '../../shared/domain/cpr';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { pdfText } from '../support/pdf-text';
import { lineage, type RoundOptions } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// A leader reads the results of two rounds, writes her assessment, and makes the reports.
const temp = makeTempDir('tilsyn-e2e-resultater-');
const dbPath = join(temp.dir, 'resultater.db');
const CASEWORKERS = ['Karin Lund', 'Omar Said', 'Pia Holm'];
let browser: Browser;
let host: HostProcess;
let page: Page;
let tilsynId = 0;
const sagsnumre: string[] = [];

const api = hostApi(() => host);

/** A round of the job-centre template: 9 sager, every question answered; `good` of them meet 'plan.aktuel'. */
const round = (titel: string, periodeFra: string, periodeTil: string, good: number): RoundOptions => ({
  tilsyn: { titel, periodeFra, periodeTil, enhed: 'Jobcenter, team Ressource', skabelonVersionId: 3 },
  sager: 9,
  sagsnummer: (i) => `JC-${periodeFra.slice(0, 7)}-${i}`,
  sagstype: null,
  // Sag i (from 1) goes to CASEWORKERS[i % 3].
  caseworkers: [1, 2, 3].map((i) => CASEWORKERS[i % 3] ?? ''),
  teams: ['Ressource'],
  sample: { seed: 2 },
  drawnBy: 'Lene Madsen',
  answers: () => ({ 'forloeb.type': 'andet' }),
  review: async (sag, i) => {
    const review = await api.call('gennemgang.sag', { sagId: sag.id });
    for (const { key } of review.progress.missing) {
      const value = key === 'plan.aktuel' && i >= good ? 'nej' : key === 'samtaler.rettidighed' ? 'alle' : '1';
      const q = review.content.sections.flatMap((s) => s.questions).find((x) => x.key === key);
      const chosen = q?.options.some((o) => o.value === value) ? value : q?.options[0]?.value;
      await api.call('gennemgang.svar', { sagId: sag.id, key, value: chosen, reason: 'Planen er ikke opdateret.' });
    }
    await api.call('gennemgang.fund', {
      sagId: sag.id,
      kind: i % 2 ? 'laeringspunkt' : 'styrke',
      text: `Notat om sagen hos ${CASEWORKERS[i % 3]} (cpr 010190-1234)`,
    });
    await api.call('gennemgang.faerdig', { sagId: sag.id });
  },
});

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(dbPath), launchBrowser()]);
  page = await newDanishPage(browser);
  const rounds = await lineage(api, [
    { ...round('Tilsyn 1. kvartal', '2026-01-01', '2026-03-31', 4), baseline: true },
    round('Tilsyn 2. kvartal', '2026-04-01', '2026-06-30', 7),
  ]);
  for (const r of rounds) sagsnumre.push(...r.rows.map((row) => row.sagsnummer));
  tilsynId = rounds[1]?.tilsynId ?? 0;
  await api.call('indstillinger.gem', {
    kommune: 'Vejle Kommune',
    forvaltning: 'Jobcenter Vejle',
    logo: null,
    minCell: 3,
  });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('results', () => {
  it('shows each measure against its måltal with n, and the development since the baseline', async () => {
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/resultater`);
    const row = page.locator('.result-table tr', { hasText: 'Har borgeren en aktuel plan' });
    await row.waitFor();
    expect(await row.textContent()).toContain('7 af 9 (77,8 %)');
    expect(await row.textContent()).toContain('få sager');
    expect(await row.getAttribute('class')).toBe('below-target');
    await page
      .getByLabel('Vis udviklingen for')
      .selectOption({ label: '3.1 Har borgeren en aktuel plan, som borgeren har adgang til?' });
    expect(await page.locator('figure.chart img').nth(1).getAttribute('alt')).toMatch(
      /2 runder: Tilsyn 1\. kvartal 44,4 %, Tilsyn 2\. kvartal 77,8 %/,
    );
  });

  it('saves ledelsens vurdering and plan as she types', async () => {
    await page.getByRole('button', { name: /Skriv ledelsens vurdering og plan for spørgsmål 3\.1/ }).click();
    await page
      .getByLabel('Ledelsens vurdering')
      .first()
      .fill('To borgere har fået ny plan efter sygemelding, men den er ikke delt.');
    await page
      .getByLabel('Plan', { exact: true })
      .first()
      .fill('Alle planer deles i Min Plan inden for en uge. Teamleder følger op månedligt.');
    await page.getByLabel('Ansvarlig (rolle)').first().fill('Teamleder');
    await page.getByLabel('Ansvarlig (rolle)').first().blur();
    await page.getByText('✓ Gemt').first().waitFor();
    const summary = page.getByLabel('Sammenfatning', { exact: true });
    await summary.fill('Flere borgere har en aktuel plan end ved baseline-målingen.');
    await summary.blur();
    await screenshot(page, '40-resultater');
    const view = await api.call('resultater.get', { tilsynId });
    expect(view.assessments[0]?.plan).toContain('Min Plan');
    expect(view.sammenfatning).toContain('baseline');
  });

  it('follows the plan up under Handlinger, beside the sager’s handlinger', async () => {
    await page.goto(`${host.url}#/handlinger`);
    const row = page.locator('.actions-table tr', { hasText: 'Plan for krav 3.1' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Min Plan');
    await row.getByLabel(/Status for planen for krav 3\.1/).selectOption('udfoert');
    await expect
      .poll(async () => (await api.call('resultater.get', { tilsynId })).assessments[0]?.planStatus)
      .toBe('udfoert');
    await page.getByLabel('Vis også udførte handlinger og dem, der ikke kan udføres').check();
    await screenshot(page, '38-handlinger-planer');
  });
});

describe('formidling', () => {
  it('makes the committee PDF without a sagsnummer, name or CPR number in it', async () => {
    // A phone number looks like a case number to the publication check: the leader marks it as identifying no one.
    await api.call('resultater.sammenfatning', {
      tilsynId,
      tekst: 'Flere borgere har en aktuel plan end ved baseline-målingen. Spørgsmål: Jobcentret, 76 81 00 00.',
    });
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/formidling`);
    const committee = page.locator('section.publication-check', { has: page.locator('#tjek-udvalg') });
    await committee.locator('.passage mark', { hasText: '76 81 00 00' }).waitFor();
    const getReport = page.getByRole('button', { name: 'Hent rapport til udvalget (PDF)' });
    expect(await getReport.isDisabled()).toBe(true);
    await screenshot(page, '41-formidling-tjek');
    await committee.getByRole('button', { name: 'Identificerer ingen' }).click();
    await committee.getByText('✓ Markeret som ikke identificerende').waitFor();
    await getReport.waitFor({ state: 'visible' });
    expect(await getReport.isEnabled()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent rapport til udvalget (PDF)' }).click(),
    ]);
    const path = join(temp.dir, 'udvalg.pdf');
    await download.saveAs(path);
    const text = (await pdfText(readFileSync(path))).join('\n');
    expect(text).toContain('Vejle Kommune');
    expect(text).toMatch(/7\s+af\s+de\s+9\s+sager/);
    for (const nr of sagsnumre) expect(text).not.toContain(nr);
    for (const name of CASEWORKERS) expect(text).not.toContain(name);
    expect(findCprNumbers(text)).toEqual([]);
    expect(text).toContain('76 81 00 00');
  });

  it('holds the notes back while the team note names a caseworker, until she has rewritten the points', async () => {
    const team = page.locator('section.publication-check', { has: page.locator('#tjek-team') });
    await team.locator('.passage mark', { hasText: 'Karin Lund' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Gem i mappen' }).isDisabled()).toBe(true);
    // Each point names the caseworker; she rewrites them in the sager's reviews.
    const link = team.getByRole('link', { name: 'Ret i sagens gennemgang' }).first();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^#/tilsyn/${tilsynId}/gennemgang/\\d+$`));
    for (const sag of await api.call('gennemgang.sager', { tilsynId })) {
      const review = await api.call('gennemgang.sag', { sagId: sag.id });
      for (const f of review.findings)
        await api.call('gennemgang.fundRet', { id: f.id, text: 'Notatet om sagen er grundigt.', questionKey: null });
    }
    await team.getByRole('button', { name: 'Tjek igen' }).click();
    await team.getByText('✓ Intet i teksterne ser ud til at kunne identificere').waitFor();
  });

  it('picks a reflection question for a caseworker and saves every note into a folder', async () => {
    await page.getByLabel('Refleksionsspørgsmål til').selectOption('Karin Lund');
    await page.getByRole('button', { name: /Brug/ }).first().click();
    await page.locator('.reflection-list li', { hasText: 'Fjern' }).first().waitFor();
    await page.getByLabel('Eller gem dem alle i en mappe på computeren').fill(temp.dir);
    await page.getByRole('button', { name: 'Gem i mappen' }).click();
    await page.getByText(/✓ \d+ notater er gemt i/).waitFor();
    expect(await page.getByText(/✓ \d+ notater er gemt i/).textContent()).toContain('4 notater');
    // Downloaded, they come as one file, not four downloads.
    let downloads = 0;
    page.on('download', () => downloads++);
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Hent alle notater/ }).click(),
    ]);
    expect(zip.suggestedFilename()).toMatch(/^Feedbacknotater – .+\.zip$/);
    await page.getByText(/med 4 notater er hentet/).waitFor();
    expect(downloads).toBe(1);
    await screenshot(page, '41-formidling');
  });

  it('keeps the texts writable after afslutning and locks them, saying so, once the report is sent', async () => {
    await api.call('tilsyn.afslut', { tilsynId, navn: 'Lene Madsen', dato: '2026-07-01' });
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/resultater`);
    await page.getByText('Vurderinger, planer og sammenfatning kan stadig skrives').waitFor();
    expect(await page.getByLabel('Sammenfatning', { exact: true }).isEnabled()).toBe(true);

    await page.goto(`${host.url}#/tilsyn/${tilsynId}/formidling`);
    await page.getByLabel('Dit navn').fill('Lene Madsen');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lav endelig rapport og markér som sendt' }).click(),
    ]);
    const path = join(temp.dir, 'sendt.pdf');
    await download.saveAs(path);
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    const row = page.locator('.sent-table tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Lene Madsen');
    expect(await row.textContent()).toContain(`${hash.slice(0, 4)} ${hash.slice(4, 8)}`);
    expect(await row.textContent()).toContain('Gældende');
    await page
      .getByText(/Rapporten blev sendt til udvalget den/)
      .first()
      .waitFor();
    await screenshot(page, '43-sendt-til-udvalget');

    await page.goto(`${host.url}#/tilsyn/${tilsynId}/resultater`);
    await page.getByText(/så vurderinger, planer og sammenfatning er låst/).waitFor();
    expect(await page.getByLabel('Sammenfatning', { exact: true }).isDisabled()).toBe(true);
  });
});

describe('the tilsyn list', () => {
  it('exports the chosen rounds to one Excel workbook', async () => {
    await page.goto(`${host.url}#/`);
    await page.getByLabel('Vælg Tilsyn 1. kvartal til Excel').check();
    await page.getByLabel('Vælg Tilsyn 2. kvartal til Excel').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Eksportér 2 valgte tilsyn til Excel' }).click(),
    ]);
    const path = join(temp.dir, 'tilsyn.xlsx');
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const answers = workbook.getWorksheet('Svar');
    const titles = new Set<string>();
    answers?.eachRow((row, n) => {
      if (n > 1) titles.add(String(row.getCell(1).value));
    });
    expect([...titles].sort()).toEqual(['Tilsyn 1. kvartal', 'Tilsyn 2. kvartal']);
    await screenshot(page, '42-tilsyn-excel');
  });
});
