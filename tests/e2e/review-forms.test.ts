import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewForm } from '../../shared/domain/tilsyn';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { sampledTilsyn } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// A leader reviews one sag in each of the three forms with the keyboard only, in the job centre's template
// (12 scored questions when the borger is ledig on dagpenge since 2025), then locks and reopens a tilsyn.
const temp = makeTempDir('tilsyn-e2e-forms-');
const dbPath = join(temp.dir, 'former.db');
const JOB_TEMPLATE_VERSION = 3;
let browser: Browser;
let host: HostProcess;
let page: Page;
const tilsyn: Record<ReviewForm, { id: number; sagId: number }> = {} as never;

const api = hostApi(() => host);

/** A tilsyn of the given form with a population of four sager and a sample of one. */
async function tilsynWithOneSag(form: ReviewForm, titel: string) {
  const { tilsynId, sager } = await sampledTilsyn(api, {
    tilsyn: {
      titel,
      enhed: 'Jobcenter, team Ressource',
      form,
      formaal: 'Rettidighed i samtaler og planer.',
      skabelonVersionId: JOB_TEMPLATE_VERSION,
    },
    sager: 4,
    sagsnummer: (i) => `J-${form.slice(0, 3)}-${i}`,
    sagstype: null,
    caseworkers: ['Karin Lund', 'Omar Said'],
    sample: { size: 1, seed: 7 },
    drawnBy: 'Lene',
  });
  const sagId = sager[0]?.id ?? 0;
  // Ledig since September 2025: the krav of the forenklet kontaktforløb (1.1.2024-30.6.2026) apply.
  await api.call('gennemgang.dato', { sagId, key: 'ledighed_start', date: '2025-09-15' });
  return { id: tilsynId, sagId };
}

const progress = () => page.locator('.review-progress strong').textContent();
const saved = () => page.getByText('Gemmer …').waitFor({ state: 'detached' });

/** Keyboard only: U goes to the next question that lacks an answer, a digit answers it (1 = the first option). */
async function answerAllWithKeys(key: (questionId: string) => string = () => '1', counter = progress) {
  for (let i = 0; i < 30; i++) {
    const [answered, applicable] = ((await counter()) ?? '').split(' af ');
    if (answered === applicable) return;
    await page.keyboard.press('u');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.type === 'radio' ? (el.closest('.review-question-anchor')?.id ?? '') : '';
    });
    if (!focused) throw new Error(`U gik ikke til et spørgsmål (${answered} af ${applicable})`);
    await page.keyboard.press(key(focused));
    await saved();
  }
  throw new Error('Spørgsmålene blev ikke besvaret');
}

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(dbPath), launchBrowser()]);
  page = await newDanishPage(browser);
  tilsyn.ledelseskontrol = await tilsynWithOneSag('ledelseskontrol', 'Ledelseskontrol, jobcenter');
  tilsyn.dialogbaseret = await tilsynWithOneSag('dialogbaseret', 'Dialogbaseret gennemgang, jobcenter');
  tilsyn.selvevaluering_foerst = await tilsynWithOneSag('selvevaluering_foerst', 'Selvevaluering, jobcenter');
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('ledelseskontrol with the keyboard', () => {
  const open = () =>
    page.goto(`${host.url}#/tilsyn/${tilsyn.ledelseskontrol.id}/gennemgang/${tilsyn.ledelseskontrol.sagId}`);

  it('answers question after question with keys, and nothing is lost when the host is killed', async () => {
    await open();
    // Ten until the forløb is known: a ledig borger's sag also asks the samtale krav of its time and about the
    // tilbud's timeliness.
    await expect.poll(progress).toBe('0 af 10');
    // Alt+↓ enters the first question; 1 answers it; Alt+↓ moves on.
    await page.keyboard.press('Alt+ArrowDown');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('1');
      await saved();
      await page.keyboard.press('Alt+ArrowDown');
    }
    expect(await progress()).toBe('5 af 12');

    await host.stop('SIGKILL');
    host = await startHostProcess(dbPath);
    await open();
    await expect.poll(progress).toBe('5 af 12');

    await answerAllWithKeys();
    expect(await progress()).toBe('12 af 12');
  });

  it('opens the help with H and undoes the last change with Ctrl+Z', async () => {
    const group = page.getByRole('group', { name: /Har borgeren en aktuel plan/ });
    await group.getByLabel('Ja').focus();
    const help = page.locator('#svar-plan_aktuel details.question-help');
    expect(await help.getAttribute('open')).toBeNull();
    await page.keyboard.press('h');
    await expect.poll(() => help.getAttribute('open')).toBe('');
    await page.keyboard.press('h');
    await expect.poll(() => help.getAttribute('open')).toBeNull();
    // Alt+Shift+↓/↑ move by afsnit: from the plan (3) to the tilbud (4) and back to the plan's first question.
    const focusedQuestion = () =>
      page.evaluate(() => document.activeElement?.closest('.review-question-anchor')?.id ?? '');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    expect(await focusedQuestion()).toBe('svar-tilbud_rettidigt');
    await page.keyboard.press('Alt+Shift+ArrowUp');
    expect(await focusedQuestion()).toBe('svar-plan_aktuel');
    await page.keyboard.press('n');
    await saved();
    await expect.poll(() => group.getByLabel('Nej').isChecked()).toBe(true);
    await page.getByText('Der mangler 1').click();
    // The item says which question, by the number the review shows beside it.
    expect(await page.locator('.missing li').allTextContents()).toEqual([
      expect.stringMatching(/^\d+\.\d+ .+ – begrundelse mangler$/),
    ]);
    await page.keyboard.press('Control+z');
    await saved();
    await expect.poll(() => group.getByLabel('Ja').isChecked()).toBe(true);
    expect(await progress()).toBe('12 af 12');
  });

  it('keeps a note on screen when the disk is full, and saves it when asked again', async () => {
    // The host answers as it does when SQLite reports a full disk, for the first save only.
    const diskFull = {
      ok: false,
      error: {
        code: 'DISK_FULL',
        message:
          'Disken er fuld, så ændringen kunne ikke gemmes. Frigør plads og prøv igen – det du har skrevet, er ikke gemt endnu.',
      },
    };
    await page.route('**/api/gennemgang.svar', (route) => route.fulfill({ json: diskFull }), { times: 1 });
    await page.getByRole('button', { name: '+ Note til spørgsmål 2.5' }).click();
    const note = page.locator('#svar-samtaler_jobrettet-note');
    await note.fill('Samtalen 3. marts mangler i journalen.');
    await note.blur();
    await page.getByText(/Ikke gemt: Disken er fuld/).waitFor();
    expect(await note.inputValue()).toBe('Samtalen 3. marts mangler i journalen.');
    await screenshot(page, '39-gennemgang-disk-fuld');
    await page.getByRole('button', { name: 'Prøv at gemme igen' }).click();
    await page.getByText(/✓ Gemt kl\./).waitFor();
    const review = await api.call('gennemgang.sag', { sagId: tilsyn.ledelseskontrol.sagId });
    expect(review.answers['samtaler.jobrettet']?.note).toBe('Samtalen 3. marts mangler i journalen.');
  });

  it('adds a handling and a læringspunkt, marks the sag færdig and shows the shortcuts', async () => {
    await page.getByRole('button', { name: '+ Tilføj handling' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Opdatér jobplanen med de aftalte mål.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Karin Lund');
    await page.locator('#ny-handling-frist').focus();
    await page.keyboard.type('01022026');
    await page.getByRole('button', { name: 'Tilføj handling' }).focus();
    await page.keyboard.press('Enter');
    await saved();
    await page.locator('.action-item').getByText('Frist overskredet').waitFor();
    expect(await page.locator('#handling-1-ansvarlig').inputValue()).toBe('Karin Lund');

    await page.getByRole('button', { name: '+ Tilføj læringspunkt' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Planen skal følge med, når borgerens situation ændrer sig (cpr 0101901234).');
    // A CPR-like number is pointed out while typing, and can be removed at once.
    await page.getByText('Teksten ser ud til at indeholde et CPR-nummer').waitFor();
    await page.getByRole('button', { name: 'Fjern det nu' }).click();
    expect(await page.locator('#ny-laeringspunkt').inputValue()).toBe(
      'Planen skal følge med, når borgerens situation ændrer sig (cpr [CPR-nummer fjernet]).',
    );
    expect(await page.getByText('Teksten ser ud til at indeholde et CPR-nummer').count()).toBe(0);
    await page.getByRole('button', { name: 'Tilføj læringspunkt' }).focus();
    await page.keyboard.press('Enter');
    await saved();
    // Deleted, brought back with Ctrl+Z (under a new id), and its adding undone too: the undo steps follow it.
    const points = page.locator('.finding-laeringspunkt .finding-item');
    await expect.poll(() => points.count()).toBe(1);
    await page.getByRole('button', { name: 'Slet læringspunkt' }).click();
    await expect.poll(() => points.count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => points.count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => points.count()).toBe(0);
    await saved();
    expect(await page.locator('.save-indicator.error').count()).toBe(0);

    await page.keyboard.press('?');
    await page.locator('.shortcuts').waitFor();
    await page.getByRole('button', { name: 'Markér sagen som færdig' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.review-panel .status-badge', { hasText: 'Færdig' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '33-gennemgang-ledelseskontrol');
  });
});

describe('dialogbaseret sagsgennemgang', () => {
  it('records who took part, the reflections and an aftale beside the answers', async () => {
    const { id, sagId } = tilsyn.dialogbaseret;
    await page.goto(`${host.url}#/tilsyn/${id}/gennemgang/${sagId}`);
    await page.getByRole('heading', { name: 'Samtalen med sagsbehandleren' }).waitFor();
    await page.getByLabel('Dato for samtalen').focus();
    await page.keyboard.type('12032026');
    // Chromium's date field has a second tab stop: the calendar button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Karin Lund (sagsbehandler), Lene Madsen (teamleder)');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Karin ville have holdt samtalen tidligere, men ventede på lægeattesten.');
    await page.keyboard.press('Tab');
    await saved();
    await page.getByRole('button', { name: '+ Tilføj aftale' }).press('Enter');
    await page.keyboard.type('Karin booker samtaler ind ved hvert forløbs start.');
    await page.getByRole('button', { name: 'Tilføj aftale' }).press('Enter');
    await saved();

    await answerAllWithKeys();
    await page.getByRole('button', { name: 'Markér sagen som færdig' }).press('Enter');
    await page.locator('.review-panel .status-badge', { hasText: 'Færdig' }).waitFor();

    await page.reload();
    await page.getByLabel('Deltagere').waitFor();
    expect(await page.getByLabel('Deltagere').inputValue()).toContain('Lene Madsen');
    expect(await page.getByLabel('Sagsbehandlerens refleksioner').inputValue()).toContain('lægeattesten');
    expect(await page.getByLabel('Dato for samtalen').inputValue()).toBe('2026-03-12');
    expect(await page.locator('.finding-aftale textarea').first().inputValue()).toContain('booker samtaler');
    await screenshot(page, '34-gennemgang-dialog');
  });
});

describe('selvevaluering først', () => {
  it('takes the caseworker’s answers first, then the leader’s, and shows where they disagree', async () => {
    const { id, sagId } = tilsyn.selvevaluering_foerst;
    await page.goto(`${host.url}#/tilsyn/${id}/gennemgang/${sagId}`);
    await page.getByLabel(/Sagsbehandleren .*0 af 10 besvaret/).waitFor();
    expect(await page.getByLabel(/Sagsbehandleren/).isChecked()).toBe(true);
    expect(await page.locator('.role-label').first().textContent()).toBe('Sagsbehandlerens svar');
    const caseworkerProgress = async () =>
      /(\d+ af \d+) besvaret/.exec((await page.locator('label[for=rolle-sagsbehandler]').textContent()) ?? '')?.[1] ??
      null;
    await answerAllWithKeys(() => '1', caseworkerProgress);
    await page.getByLabel(/Sagsbehandleren .*12 af 12 besvaret/).waitFor();
    // The caseworker's answers do not count: the leader has answered nothing yet.
    expect(await progress()).toBe('0 af 10');
    await screenshot(page, '35-gennemgang-selvevaluering-sagsbehandler');

    await page.getByLabel(/^Lederen/).focus();
    await page.keyboard.press('Space');
    await page.locator('.role-label', { hasText: 'Lederens svar' }).first().waitFor();
    await answerAllWithKeys();
    // The leader judges the plan differently: Nej where the caseworker said Ja.
    await page
      .getByRole('group', { name: /Har borgeren en aktuel plan/ })
      .getByLabel('Ja')
      .focus();
    await page.keyboard.press('n');
    await saved();
    await page.getByRole('heading', { name: 'Én uenighed mellem sagsbehandler og leder' }).waitFor();
    expect(await page.locator('.disagreements tbody tr').textContent()).toMatch(/Har borgeren en aktuel plan.*JaNej/);
    expect(await page.locator('.review-question.differs').count()).toBe(1);

    await page.locator('#svar-plan_aktuel-reason').focus();
    await page.keyboard.type('Planen er ikke opdateret efter sygemeldingen.');
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: /Gem som læringspunkt/ }).press('Enter');
    await page.getByText('Noteret som læringspunkt').waitFor();
    expect(await page.locator('.finding-laeringspunkt textarea').first().inputValue()).toContain(
      'sagsbehandleren svarede »Ja«, lederen »Nej«',
    );
    expect(await progress()).toBe('12 af 12');
    await page.getByRole('button', { name: 'Markér sagen som færdig' }).press('Enter');
    await page.locator('.review-panel .status-badge', { hasText: 'Færdig' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '36-gennemgang-selvevaluering-leder');
  });
});

describe('afslutning', () => {
  it('locks a finished tilsyn with name and date; reopening needs a reason and logs every change', async () => {
    const { id, sagId } = tilsyn.ledelseskontrol;
    await page.goto(`${host.url}#/tilsyn/${id}/gennemgang`);
    await page.getByRole('button', { name: 'Afslut tilsynet …' }).click();
    await page.locator('.close-tilsyn').getByLabel('Dit navn').fill('Lene Madsen');
    await page.getByRole('button', { name: 'Afslut og lås tilsynet' }).click();
    await page.getByRole('heading', { name: 'Tilsynet er afsluttet' }).waitFor();
    expect(await page.locator('.close-tilsyn').textContent()).toContain('Afsluttet af Lene Madsen');

    await page.goto(`${host.url}#/tilsyn/${id}/gennemgang/${sagId}`);
    await page.getByText('Tilsynet er afsluttet og låst').waitFor();
    expect(
      await page
        .getByRole('group', { name: /Har borgeren en aktuel plan/ })
        .getByLabel('Ja')
        .isDisabled(),
    ).toBe(true);

    await page.goto(`${host.url}#/tilsyn/${id}/gennemgang`);
    await page.getByRole('button', { name: 'Genåbn tilsynet …' }).click();
    await page.locator('.close-tilsyn').getByLabel('Dit navn').fill('Mette Jensen');
    await page.getByRole('button', { name: 'Genåbn tilsynet' }).click();
    await page.getByText('Skriv hvorfor tilsynet genåbnes').waitFor();
    await page.getByLabel('Hvorfor genåbnes tilsynet?').fill('Sagsbehandleren har fundet den opdaterede plan.');
    await page.getByRole('button', { name: 'Genåbn tilsynet' }).click();
    await page.getByRole('heading', { name: 'Afslut tilsynet' }).waitFor();

    await page.goto(`${host.url}#/tilsyn/${id}/gennemgang/${sagId}`);
    const group = page.getByRole('group', { name: /Er planen opdateret rettidigt/ });
    await group.getByLabel('Delvist').click();
    await saved();
    await page.goto(`${host.url}#/tilsyn/${id}/gennemgang`);
    const log = page.locator('.change-log');
    await log.waitFor();
    const rows = await log.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('Lene Madsen');
    expect(rows[1]).toContain('Tilsynet genåbnet');
    expect(rows.some((r) => /Mette Jensen.*Svar: Er planen opdateret.*Ja.*Delvist.*opdaterede plan/.test(r))).toBe(
      true,
    );
    await screenshot(page, '37-gennemgang-aendringslog');
  });

  it('lists open handlinger across tilsyn with the overdue ones marked', async () => {
    await page.goto(`${host.url}#/handlinger`);
    await page.getByTestId('handlinger-summary').waitFor();
    expect(await page.getByTestId('handlinger-summary').textContent()).toBe(
      'Én åben handling, heraf 1 med overskredet frist.',
    );
    const row = page.locator('.actions-table tbody tr').first();
    expect(await row.textContent()).toContain('Opdatér jobplanen');
    expect(await row.textContent()).toContain('Overskredet');
    await screenshot(page, '38-handlinger');
    await row.getByRole('combobox').selectOption('udfoert');
    await page.getByTestId('handlinger-summary').filter({ hasText: 'Ingen åbne handlinger' }).waitFor();
    expect(await page.locator('.actions-table').count()).toBe(0);
    await page.getByLabel(/Vis også udførte/).check();
    expect(await page.locator('.actions-table tbody tr').first().getByRole('combobox').inputValue()).toBe('udfoert');
  });
});
