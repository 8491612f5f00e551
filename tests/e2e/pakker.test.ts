import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDanishPage, screenshot } from '../support/browser';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { FINISH_AS_OTHER, jobCentreRound, lockTilsyn, round } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// A team leader sends an afsluttet round's results to the department as a .tilsyn file, from her own file, and the
// department's leader reads it into hers under Enheder: two files, two browsers, no server between them.
const temp = makeTempDir('tilsyn-e2e-pakker-');
let browser: Browser;
let leader: HostProcess;
let department: HostProcess;
let leaderPage: Page;
let departmentPage: Page;
const leaderApi = hostApi(() => leader);
let tilsynId = 0;

beforeAll(async () => {
  [leader, department, browser] = await Promise.all([
    startHostProcess(join(temp.dir, 'leder.db')),
    startHostProcess(join(temp.dir, 'afdeling.db')),
    launchBrowser(),
  ]);
  [leaderPage, departmentPage] = await Promise.all([newDanishPage(browser), newDanishPage(browser)]);
  const team = await leaderApi.call('enheder.opret', { navn: 'Team Nord', niveau: 'team' });
  const made = await round(leaderApi, {
    ...jobCentreRound('Runde', '2026-01-01', '2026-03-31', ['ja', 'nej', 'ja']),
    tilsyn: {
      titel: 'Runde',
      periodeFra: '2026-01-01',
      periodeTil: '2026-03-31',
      enhedId: team.id,
      skabelonVersionId: 3,
    },
    finish: FINISH_AS_OTHER,
  });
  tilsynId = made.tilsynId;
  await lockTilsyn(leaderApi, tilsynId, { dato: '2026-04-02' });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([leader?.stop(), department?.stop()]);
  temp.cleanup();
});

describe('a resultatpakke in the browser', () => {
  it('goes from the leader’s Formidling to the department’s Enheder, and twice changes nothing', async () => {
    await leaderPage.goto(`${leader.url}#/tilsyn/${tilsynId}/formidling`);
    const [download] = await Promise.all([
      leaderPage.waitForEvent('download'),
      leaderPage.getByRole('button', { name: 'Hent resultatpakke' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Resultater Team Nord 01.01.2026–31.03.2026.tilsyn');
    const path = join(temp.dir, 'pakke.tilsyn');
    await download.saveAs(path);
    await leaderPage
      .getByText('✓ Resultater Team Nord 01.01.2026–31.03.2026.tilsyn er hentet. Send den til afdelingen')
      .waitFor();

    await departmentPage.goto(`${department.url}#/enheder`);
    const file = { name: 'Resultater Team Nord.tilsyn', mimeType: 'application/zip', buffer: readFileSync(path) };
    await departmentPage.locator('#pakke-fil').setInputFiles(file);
    const first = departmentPage.locator('.alert').filter({ hasText: 'Resultater Team Nord.tilsyn' });
    await first.getByText('Én runde ny').waitFor();
    expect(await first.textContent()).toContain('Nye enheder at bekræfte: Team Nord.');
    await departmentPage.getByText('Én enhed skal bekræftes').waitFor();
    await screenshot(departmentPage, '75-pakke-indlaest');
    await departmentPage.locator('#pakke-fil').setInputFiles(file);
    await departmentPage.getByText('Én runde var her allerede').waitFor();
    await departmentPage.goto(`${department.url}#/`);
    await departmentPage.getByText('Indlæst fra en resultatpakke: 3 sager gennemgået').waitFor();
    await departmentPage.getByRole('link', { name: /Team Nord 01\.01\.2026–31\.03\.2026 \(indlæst\)/ }).click();
    // Its own page says what it is, with no steps that would be empty and nothing to edit.
    await departmentPage.getByText('En resultatpakke har kun rundens samlede resultater').waitFor();
    expect(await departmentPage.getByRole('link', { name: 'Redigér oplysninger' }).count()).toBe(0);
    expect(await departmentPage.getByRole('navigation', { name: 'Tilsynets trin' }).count()).toBe(0);
    await departmentPage.getByRole('link', { name: 'Se rundens resultater' }).click();
    await departmentPage.getByRole('heading', { name: 'Resultater mod måltal' }).waitFor();
    expect(await departmentPage.getByText('Sammenfatning til udvalget').count()).toBe(0);
    await screenshot(departmentPage, '76-indlaest-runde');
    // Two browsers and two hosts on two cores: more than the default 15 s when the machine is busy.
  }, 45_000);
});

describe('a fuld pakke in the browser', () => {
  const departmentApi = hostApi(() => department);
  it('moves an open tilsyn to another file, and a conflict on its way back is settled by the leader', async () => {
    const made = await round(leaderApi, {
      ...jobCentreRound('Flyttes', '2026-04-01', '2026-06-30', ['ja', 'nej', 'ja']),
      tilsyn: { titel: 'Runde der flyttes', periodeFra: '2026-04-01', periodeTil: '2026-06-30', skabelonVersionId: 3 },
    });
    await leaderPage.goto(`${leader.url}#/tilsyn/${made.tilsynId}`);
    await leaderPage.getByRole('heading', { name: 'Flyt eller del tilsynet' }).waitFor();
    await screenshot(leaderPage, '77-fuld-pakke-hent');
    const [download] = await Promise.all([
      leaderPage.waitForEvent('download'),
      leaderPage.getByRole('button', { name: 'Hent fuld pakke' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Tilsyn Runde der flyttes.tilsyn');
    const path = join(temp.dir, 'fuld.tilsyn');
    await download.saveAs(path);

    await departmentPage.goto(`${department.url}#/`);
    const file = { name: 'Tilsyn Runde der flyttes.tilsyn', mimeType: 'application/zip', buffer: readFileSync(path) };
    await departmentPage.locator('#fuld-fil').setInputFiles(file);
    await departmentPage.getByText('»Runde der flyttes« er indlæst som et nyt tilsyn.').waitFor();
    await departmentPage.getByRole('link', { name: 'Runde der flyttes' }).first().waitFor();

    // Both change it: the department answers the first sag otherwise, the leader the second.
    const moved = (await departmentApi.call('tilsyn.list', {})).find((t) => t.titel === 'Runde der flyttes');
    const [first] = await departmentApi.call('gennemgang.sager', { tilsynId: moved?.id ?? 0 });
    await departmentApi.call('gennemgang.svar', {
      sagId: first?.id ?? 0,
      key: 'plan.aktuel',
      value: 'nej',
      reason: 'B',
    });
    await leaderApi.call('gennemgang.svar', {
      sagId: made.sager[1]?.id ?? 0,
      key: 'plan.aktuel',
      value: 'ja',
      reason: 'A',
    });
    const back = await departmentApi.call('pakke.fuld', { tilsynId: moved?.id ?? 0 });

    await leaderPage.goto(`${leader.url}#/`);
    await leaderPage.locator('#fuld-fil').setInputFiles({
      name: back.fileName,
      mimeType: 'application/zip',
      buffer: Buffer.from(back.dataBase64, 'base64'),
    });
    await leaderPage.getByText('er ændret både her og i pakken, siden de sidst var ens').waitFor();
    const go = leaderPage.getByRole('button', { name: 'Indlæs med dette valg' });
    expect(await go.isDisabled()).toBe(true);
    await screenshot(leaderPage, '78-fuld-pakke-konflikt');
    await leaderPage.getByLabel('Brug pakkens udgave').check();
    await go.click();
    await leaderPage.getByText('»Runde der flyttes« er erstattet af pakkens udgave.').waitFor();
    const sag = await leaderApi.call('gennemgang.sag', { sagId: made.sager[0]?.id ?? 0 });
    expect(sag.answers['plan.aktuel']?.value).toBe('nej');
    expect((await leaderApi.call('tilsyn.list', {})).filter((t) => t.titel === 'Runde der flyttes')).toHaveLength(1);
  });

  it('reads several pakker one at a time, counted, and stops between two when asked', async () => {
    const pakke = await leaderApi.call('pakke.resultater', { tilsynId });
    const files = ['a', 'b', 'c'].map((n) => ({
      name: `Pakke ${n}.tilsyn`,
      mimeType: 'application/zip',
      buffer: Buffer.from(pakke.dataBase64, 'base64'),
    }));
    // Each reading made slow, as 40 of them in a row are: the panel has time to count them.
    await departmentPage.route('**/api/pakke.indlaes', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await departmentPage.goto(`${department.url}#/enheder`);
    await departmentPage.locator('#pakke-fil').setInputFiles(files);
    const panel = departmentPage.getByRole('region', { name: 'Arbejde i gang' });
    await panel.getByText('Indlæser pakkerne: 1 af 3 pakker').waitFor();
    await panel.getByRole('button', { name: 'Afbryd' }).click();
    await panel
      .getByText('»Indlæser pakkerne« er afbrudt efter 2 af 3 pakker. De resterende er ikke læst ind.')
      .waitFor();
    expect(
      await departmentPage
        .locator('.alert')
        .filter({ hasText: /Pakke [abc]\.tilsyn/ })
        .count(),
    ).toBe(2);
    await departmentPage.unroute('**/api/pakke.indlaes');
  });
});
