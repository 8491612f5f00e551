import { join } from 'node:path';
import { launchBrowser, newDanishPage } from '../support/browser';
import { hostApi, startHostProcess } from '../support/host-process';
import { caseListCsv, caseRows } from '../support/scenario';
import { makeTempDir, validTilsynInput } from '../support/temp';

const temp = makeTempDir('shots-');
const host = await startHostProcess(join(temp.dir, 'p.db'));
const browser = await launchBrowser();
const api = hostApi(() => host);
const afd = await api.call('enheder.opret', { navn: 'Børn og Familie', niveau: 'afdeling' });
const nord = await api.call('enheder.opret', { navn: 'Team Nord', niveau: 'team', foraelderId: afd.id });
const syd = await api.call('enheder.opret', { navn: 'Team Syd', niveau: 'team', foraelderId: afd.id });
const cw = ['Anne Holm', 'Bo Nielsen', 'Søren Ærø', 'Mette Bæk'];
for (let m = 1; m <= 11; m++) {
  const d = `2026-${String(m).padStart(2, '0')}-01`;
  for (const [e, rows] of [
    [nord.id, caseRows(90 + m * 3, { caseworkers: cw, sagsnummer: (i) => `N-${i + m * 4}` })],
    [syd.id, caseRows(20, { caseworkers: ['Karin Lund', 'Omar Ali'], sagsnummer: (i) => `S-${i + m}` })],
  ] as const) {
    const file = { enhedId: e, fileName: 's.csv', dataBase64: Buffer.from(caseListCsv(rows)).toString('base64') };
    const p = await api.call('sagsoverblik.preview', file);
    await api.call('sagsoverblik.importer', { ...file, headerRow: p.headerRow, mapping: p.mapping, dato: d });
  }
}
await api.call('sagsoverblik.maal', { enhedId: nord.id, maal: 25, optaelling: 'sager' });
const t = await api.call('tilsyn.create', { ...validTilsynInput, enhedId: nord.id });
const file = {
  tilsynId: t.id,
  fileName: 'sager.csv',
  dataBase64: Buffer.from(caseListCsv(caseRows(12, { caseworkers: cw }))).toString('base64'),
};
const p = await api.call('population.preview', file);
await api.call('population.import', { ...file, headerRow: p.headerRow, mapping: p.mapping, listeDato: '2026-11-20' });
const page = await newDanishPage(browser);
for (const [name, hash] of [
  ['sammenlign', `#/enheder/${afd.id}/sammenlign`],
  ['sagsliste', `#/tilsyn/${t.id}/sagsliste`],
  ['oversigt-afd', `#/sagsoverblik/${afd.id}`],
  ['oversigt-nord', `#/sagsoverblik/${nord.id}`],
] as const) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${host.url}${hash}`);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `test-artifacts/_${name}.png`, fullPage: true });
}
await browser.close();
await host.stop();
temp.cleanup();
