import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { sampledTilsyn } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// A leader reviews a sag: answers are saved as they are given and survive the host being killed.
const temp = makeTempDir('tilsyn-e2e-gennemgang-');
const dbPath = join(temp.dir, 'gennemgang.db');
let browser: Browser;
let host: HostProcess;
let page: Page;
let tilsynId: number;
let sagId: number;

const api = hostApi(() => host);

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(dbPath), launchBrowser()]);
  page = await newDanishPage(browser);
  const { sager, ...made } = await sampledTilsyn(api, {
    tilsyn: { titel: 'Ledelsestilsyn 2. kvartal 2026' },
    sager: 8,
    sagsnummer: (i) => `2026-00${i}`,
    sagstype: '§ 32',
    caseworkers: ['Anne Holm', 'Bo Nielsen'],
    opmaerksomhed: (i) => `0${i}-02-2026`,
    fileName: 'liste.csv',
    sample: { size: 3, seed: 4, spares: 2 },
    drawnBy: 'Lene',
  });
  tilsynId = made.tilsynId;
  sagId = sager[0]?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('reviewing a sag', () => {
  it('lists the sampled sager with their status', async () => {
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/gennemgang`);
    await page.getByText('0 af 3 sager er færdige').waitFor();
    await screenshot(page, '30-gennemgang-sager');
  });

  it('saves an answer and its reason as they are given, and they survive the host being killed', async () => {
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/gennemgang/${sagId}`);
    const question = page.getByRole('group', { name: 'Er der foretaget partshøring før afgørelsen?' });
    const steps = page.getByRole('navigation', { name: 'Tilsynets trin' });
    await steps.getByRole('link', { name: /^4\. Gennemgang\s?, ikke startet$/ }).waitFor();
    await question.getByText('Nej', { exact: true }).click();
    await page.getByText(/✓ Gemt kl\./).waitFor();
    // The first answer begins the gennemgang and the results: the step bar says so at once (found by an attack).
    await steps.getByRole('link', { name: /^4\. Gennemgang\s?, i gang$/ }).waitFor({ timeout: 3000 });
    await steps.getByRole('link', { name: /^5\. Resultater\s?, i gang$/ }).waitFor({ timeout: 3000 });
    const reason = page.locator('#svar-afgoerelse_partshoering-reason');
    await reason.fill('Partshøring fremgår ikke af sagen.');
    await reason.blur();
    await page.getByText('Gemmer …').waitFor({ state: 'detached' });
    await screenshot(page, '31-gennemgang-sag');

    await host.stop('SIGKILL');
    host = await startHostProcess(dbPath);
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/gennemgang/${sagId}`);
    await page.locator('#svar-afgoerelse_partshoering-reason').waitFor();
    expect(await page.locator('#svar-afgoerelse_partshoering-reason').inputValue()).toBe(
      'Partshøring fremgår ikke af sagen.',
    );
    expect(
      await page
        .getByRole('group', { name: 'Er der foretaget partshøring før afgørelsen?' })
        .getByLabel('Nej')
        .isChecked(),
    ).toBe(true);
    expect(await page.locator('.review-panel').textContent()).toContain('I gang');
  });

  it('computes a frist from the dates and shows the computation', async () => {
    await page
      .getByRole('group', { name: /Er der gennemført en børnefaglig undersøgelse/ })
      .getByText('Ja', { exact: true })
      .click();
    // Typed as a leader types a Danish date (dd.mm.åååå), saved when she presses Enter.
    await page.getByLabel('Den børnefaglige undersøgelse blev afsluttet').click({ position: { x: 20, y: 15 } });
    await page.keyboard.type('30092026');
    await page.keyboard.press('Enter');
    const frist = page.locator('.frist-result', { hasText: 'fristen er 4 måneder' });
    await frist.waitFor();
    expect(await frist.textContent()).toMatch(/dage efter .*fristen er 4 måneder: overskredet med \d+ dage?/);
    await screenshot(page, '32-gennemgang-frist');
  });

  it('overrides a frist only with the judgement the leader chooses, never a default', async () => {
    const frist = page.locator('.review-question', { hasText: 'fristen er 4 måneder' });
    await frist.getByRole('button', { name: /Tilsidesæt beregningen/ }).click();
    const choice = frist.getByLabel('Din vurdering i stedet for beregningen');
    expect(await choice.inputValue()).toBe('');
    await frist.getByLabel('Begrundelse for at tilsidesætte beregningen').fill('Fristen blev forlænget efter aftale.');
    await frist.getByLabel('Begrundelse for at tilsidesætte beregningen').blur();
    await page.waitForTimeout(800);
    const saved = async () => (await api.call('gennemgang.sag', { sagId })).answers['bfu.frist']?.override;
    // A reason alone chooses nothing: nothing is saved as »opfyldt« behind her back, and she is told it waits.
    expect(await saved()).toBeUndefined();
    const waits = frist.getByText('Begrundelsen gemmes, når du har valgt din vurdering ovenfor.');
    await waits.waitFor();
    await choice.selectOption('ikke_opfyldt');
    await waits.waitFor({ state: 'detached' });
    await expect.poll(saved).toEqual({ outcome: 'ikke_opfyldt', reason: 'Fristen blev forlænget efter aftale.' });
    await frist.getByRole('button', { name: 'Brug beregningen igen' }).click();
    await expect.poll(saved).toBeUndefined();
  });
});

describe('leaving the page while typing', () => {
  it('keeps a note typed just before the page is reloaded, before the pause that saves it', async () => {
    const question = page.locator('.review-question', { hasText: 'Er der foretaget partshøring før afgørelsen?' });
    await question.getByRole('button', { name: /\+ Note/ }).click();
    await question.getByLabel('Note').fill('Drøftet med Bo på mødet');
    // At once, as a leader presses F5 or closes the window mid-sentence: no blur, no pause.
    await page.reload();
    await expect
      .poll(async () => (await api.call('gennemgang.sag', { sagId })).answers['afgoerelse.partshoering']?.note)
      .toBe('Drøftet med Bo på mødet');
    await question.getByLabel('Note').waitFor();
    expect(await question.getByLabel('Note').inputValue()).toBe('Drøftet med Bo på mødet');
  });

  it('keeps a whole date typed just before the page is reloaded, without Enter', async () => {
    const field = page.getByLabel('Den børnefaglige undersøgelse blev afsluttet');
    await field.click({ position: { x: 20, y: 15 } });
    await page.keyboard.type('15102026');
    await page.reload();
    await expect
      .poll(async () => (await api.call('gennemgang.sag', { sagId })).enteredDates.bfu_afsluttet)
      .toBe('2026-10-15');
  });

  it('keeps a note typed just before the window is closed', async () => {
    const other = await newDanishPage(browser);
    await other.goto(`${host.url}#/tilsyn/${tilsynId}/gennemgang/${sagId}`);
    const note = other.locator('.review-question', { hasText: 'Er der foretaget partshøring' }).getByLabel('Note');
    await note.fill('Drøftet med Bo på mødet. Aftalt opfølgning i juni');
    await other.close({ runBeforeUnload: true });
    await expect
      .poll(async () => (await api.call('gennemgang.sag', { sagId })).answers['afgoerelse.partshoering']?.note)
      .toBe('Drøftet med Bo på mødet. Aftalt opfølgning i juni');
  });
});

describe('answering with the keyboard', () => {
  it('J, N, D and I answer the question whose choice has focus, and the answer is saved', async () => {
    const group = page.getByRole('group', {
      name: 'Er afgørelsen skriftlig og begrundet med de retsregler, den bygger på, og de hensyn, der er lagt vægt på?',
    });
    await group.getByLabel('Ja').focus();
    await page.keyboard.press('d');
    await expect.poll(() => group.getByLabel('Delvist').isChecked()).toBe(true);
    await page.getByText(/✓ Gemt kl\./).waitFor();
    await page.keyboard.press('j');
    await expect.poll(() => group.getByLabel('Ja').isChecked()).toBe(true);
    await page.getByText('Gemmer …').waitFor({ state: 'detached' });
    await page.reload();
    await group.waitFor();
    expect(await group.getByLabel('Ja').isChecked()).toBe(true);
  });
});
