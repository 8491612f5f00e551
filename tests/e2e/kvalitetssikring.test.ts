import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { pdfText } from '../support/pdf-text';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// Kvalitetssikring (issue #16) in the browser: the leader gives three sager to a second reviewer, who reviews them
// blind on her own screen; the one question they judged differently is settled, and the committee report says so.
const temp = makeTempDir('tilsyn-e2e-kvalitet-');
let browser: Browser;
let host: HostProcess;
let page: Page;
let tilsynId = 0;
const api = hostApi(() => host);

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'kvalitet.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  const made = await round(api, {
    ...jobCentreRound('Runde', '2026-01-01', '2026-03-31', ['ja', 'nej', 'ja']),
    tilsyn: { titel: 'Runde 1. kvartal', periodeFra: '2026-01-01', periodeTil: '2026-03-31', skabelonVersionId: 3 },
    finish: FINISH_AS_OTHER,
  });
  tilsynId = made.tilsynId;
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

describe('a second review in the browser', () => {
  it('is set up, reviewed blind, and its one disagreement moderated', { timeout: 60_000 }, async () => {
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/gennemgang`);
    const card = page.locator('.second-review');
    await card.getByLabel('Hvem gennemgår sagerne anden gang?').fill('Mette Berg');
    await card.getByLabel('Sager, jeg vælger').check();
    for (const box of await card.locator('input[type="checkbox"]').all()) await box.check();
    await card.locator('#anden-navn').fill('Lene Leder');
    await card.getByRole('button', { name: 'Vælg sager til anden gennemgang' }).click();
    await card.getByText('Mette Berg gennemgår 3 af 3 sager anden gang (valgt af lederen').waitFor();
    await screenshot(page, '80-anden-gennemgang-sat-op');

    // The second reviewer's screen: her sager and the questions, no menu, none of the first answers.
    await card.getByRole('link', { name: 'Åbn den anden gennemgang' }).click();
    await page.getByRole('heading', { name: 'Anden gennemgang' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
    const plan = page.getByRole('group', { name: /Har borgeren en aktuel plan/ });
    await plan.getByText('Nej', { exact: true }).click();
    // Saved the moment it is given (a »Nej« still wants its reason, so the sag is not yet counted as answered).
    const firstSag = (await api.call('kvalitet.sager', { tilsynId })).sager[0]?.sagId ?? 0;
    await expect
      .poll(async () => (await api.call('kvalitet.sag', { sagId: firstSag })).answers['plan.aktuel']?.value)
      .toBe('nej');
    await screenshot(page, '81-anden-gennemgang-blind');
    // The rest as the first review answered (the API a screen would use), so one question differs.
    const { sager } = await api.call('kvalitet.sager', { tilsynId });
    for (const s of sager) {
      const first = await api.call('gennemgang.sag', { sagId: s.sagId });
      for (const [key, a] of Object.entries(first.answers)) {
        if (!a?.value) continue;
        // Her »Nej« on the first sag (given on the screen above) gets its reason; the rest as the first review.
        const mine = key === 'plan.aktuel' && s.sagId === sager[0]?.sagId;
        await api.call('kvalitet.svar', {
          sagId: s.sagId,
          key,
          ...(mine ? {} : { value: a.value }),
          reason: a.reason || 'Se sagen',
        });
      }
    }

    await page.goto(`${host.url}#/tilsyn/${tilsynId}/gennemgang`);
    await card.getByText('Forskellige vurderinger (1 mangler en afgørelse)').waitFor();
    expect(await card.locator('.second-overall').textContent()).toMatch(/Enighed: \d+(,\d+)? % enige/);
    await card.getByLabel('Nej (Mette Berg)').check();
    await card.getByLabel('Begrundelse').fill('Planen var ikke opdateret efter samtalen');
    await card.locator('.second-moderation').getByLabel('Dit navn').fill('Lene Leder');
    await card.getByRole('button', { name: 'Gem det endelige svar' }).click();
    await card.getByText('Forskellige vurderinger, alle afgjort').waitFor();
    await card.getByText('Afgjort: Nej – Planen var ikke opdateret efter samtalen').waitFor();
    // The change log has it at once, with who and why.
    await page
      .locator('.change-log')
      .getByText(/Modereret i sag .*Planen var ikke opdateret efter samtalen/)
      .waitFor();
    await screenshot(page, '82-anden-gennemgang-afgjort');

    // A comment pinned to a question of the sag, worked through by the leader.
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/gennemgang/${sager[0]?.sagId}`);
    const comments = page.locator('.sag-comments');
    await comments.getByLabel('Spørgsmål').selectOption('plan.aktuel');
    await comments.getByLabel('Kommentar').fill('Planen er fra før perioden: tjek datoen.');
    await comments.getByLabel('Dit navn').fill('Mette Berg');
    await comments.getByRole('button', { name: 'Sæt kommentaren på spørgsmålet' }).click();
    await comments.getByRole('heading', { name: 'Kommentarer til spørgsmål (1 åbne)' }).waitFor();
    await screenshot(page, '84-kommentar-paa-spoergsmaal');
    await comments.getByLabel('Dit navn').fill('Lene Leder');
    await comments.getByRole('button', { name: 'Markér som løst' }).click();
    await comments.getByText(/Løst af Lene Leder/).waitFor();
    await page.goto(`${host.url}#/tilsyn/${tilsynId}/gennemgang`);

    // The afdelingsleder must approve the round before its report goes to the udvalg.
    await card.getByLabel('Hvem skal godkende runden?').fill('Jens Hansen');
    await card.locator('.sign-off').getByLabel('Dit navn').fill('Lene Leder');
    await card.getByRole('button', { name: 'Kræv godkendelse' }).click();
    await card.getByText('Runden godkendes, når tilsynet er afsluttet.').waitFor();
    await lockTilsyn(api, tilsynId, { dato: '2026-04-02' });
    await expect(api.call('rapport.send', { tilsynId, navn: 'Lene Leder' })).rejects.toThrow(
      /før Jens Hansen har godkendt/,
    );
    await page.reload();
    await card.getByLabel('Dit navn (Jens Hansen godkender)').fill('Jens Hansen');
    await card.getByRole('button', { name: 'Godkend runden' }).click();
    await card.getByText(/Godkendt af Jens Hansen \d{2}\.\d{2}\.\d{4}/).waitFor();
    await screenshot(page, '83-runden-godkendt');
    const { file } = await api.call('rapport.send', { tilsynId, navn: 'Lene Leder' });
    const text = (await pdfText(Buffer.from(file.dataBase64, 'base64'))).join('\n').replace(/\s+/g, ' ');
    expect(text).toMatch(/Gennemgangen er kvalitetssikret: 3 af 3 sager gennemgået af to, enighed \d+(,\d+)? %/);
    expect(text).toMatch(/Runden er godkendt af Jens Hansen \d{2}\.\d{2}\.\d{4}\./);
  });
});
