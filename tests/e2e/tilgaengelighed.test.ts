import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { launchBrowser, newDanishPage } from '../support/browser';
import { focusStops } from '../support/focus';
import { type HostProcess, hostApi, startHostProcess } from '../support/host-process';
import { FINISH_AS_OTHER, jobCentreRound, round, type SampledTilsyn } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// Accessibility (issue #17): axe-core finds no WCAG 2.1 A or AA violation on the main screens, with data on them,
// and every control Tab reaches shows where the focus is, in a colour that stands out from what is around it.
const temp = makeTempDir('tilsyn-e2e-axe-');
let browser: Browser;
let host: HostProcess;
let page: Page;
let made: SampledTilsyn;
const api = hostApi(() => host);

beforeAll(async () => {
  [host, browser] = await Promise.all([startHostProcess(join(temp.dir, 'axe.db')), launchBrowser()]);
  page = await newDanishPage(browser);
  made = await round(api, { ...jobCentreRound('Runde', '2026-01-01', '2026-03-31', ['ja', 'nej', 'ja']) });
  await api.call('gennemgang.faerdig', { sagId: made.sager[0]?.id ?? 0 }).catch(() => undefined);
  await round(api, {
    ...jobCentreRound('Afsluttet', '2025-10-01', '2025-12-31', ['ja', 'ja']),
    finish: FINISH_AS_OTHER,
  });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.cleanup();
});

const screens = () => {
  const t = made.tilsynId;
  return [
    ['Tilsyn', '#/', 'Tilsyn'],
    ['Opret tilsyn', '#/tilsyn/ny', 'Opret tilsyn'],
    ['Formål og fokus', `#/tilsyn/${t}`, 'Næste trin'],
    ['Sagsliste', `#/tilsyn/${t}/sagsliste`, 'Runde'],
    ['Stikprøve', `#/tilsyn/${t}/stikproeve`, 'Stikprøvens dokumentation'],
    ['Gennemgang', `#/tilsyn/${t}/gennemgang`, 'Kvalitetssikring'],
    ['En sag', `#/tilsyn/${t}/gennemgang/${made.sager[1]?.id}`, 'Læring fra sagen'],
    ['Resultater', `#/tilsyn/${t}/resultater`, 'Runde'],
    ['Formidling', `#/tilsyn/${t}/formidling`, 'Runde'],
    ['Årshjul', '#/aarshjul', 'Årshjul'],
    ['Sagsoverblik', '#/sagsoverblik', 'Sagsoverblik'],
    ['Enheder', '#/enheder', 'Enheder'],
    ['Handlinger', '#/handlinger', 'Handlinger'],
    ['Skabeloner', '#/skabeloner', 'Skabeloner'],
    ['Indstillinger', '#/indstillinger', 'Indstillinger'],
  ] as const;
};

describe('the main screens', () => {
  it('have no WCAG 2.1 A or AA violations that axe-core finds', { timeout: 90_000 }, async () => {
    const found: Record<string, string[]> = {};
    for (const [name, path, heading] of screens()) {
      await page.goto(`${host.url}${path}`);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      if (violations.length > 0) found[name] = violations;
    }
    expect(found).toEqual({});
  });

  it('show every control reached by Tab with a focus indicator of at least 3:1 against what is beside it', {
    timeout: 120_000,
  }, async () => {
    const weak: Record<string, string[]> = {};
    let reached = 0;
    for (const [name, path, heading] of screens()) {
      await page.goto(`${host.url}${path}`);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const stops = await focusStops(page);
      reached += stops.length;
      const below = stops.filter((s) => s.ratio < 3).map((s) => `${s.control}: ${s.ratio}:1`);
      if (below.length > 0) weak[name] = below;
    }
    expect(weak).toEqual({});
    expect(reached).toBeGreaterThan(150);
  });
});
