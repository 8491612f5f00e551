import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committeeCharts } from '../../electron/backend/reports/committee/charts';
import { committeeDocDefinition } from '../../electron/backend/reports/committee/document';
import { committeeReportData } from '../../electron/backend/reports/committee/report-data';
import type { CommitteeReportInput } from '../../electron/backend/reports/committee/report-types';
import { renderPdf } from '../../electron/backend/services/pdf';
import type { CommitteeFormat } from '../../shared/domain/reports';
import { computeResults, type ResultSag, type TrendPoint } from '../../shared/domain/results';
import { JND_OPTIONS, type TemplateContentInput, templateContentSchema } from '../../shared/domain/template';
import { pdfText } from '../support/pdf-text';

// Issue #12: the committee report never loses a section, and no page carries only its footer, whatever the
// smallest group (1–10) and however many krav (1–60).

const SAGER = 12;
const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** A round of `krav` krav in afsnit of up to 8, each relevant in a different number of the 12 sager. */
function input(krav: number, minCell: number): CommitteeReportInput {
  const perSection = 8;
  const template: TemplateContentInput = {
    dateFields: [],
    sections: Array.from({ length: Math.ceil(krav / perSection) }, (_, s) => ({
      key: `a${s}`,
      title: `Afsnit ${s + 1} om sagens forløb`,
      questions: Array.from({ length: Math.min(perSection, krav - s * perSection) }, (_, q) => ({
        key: `a${s}.k${q}`,
        text: `Er krav ${s * perSection + q + 1} i afsnittet opfyldt og dokumenteret i sagen?`,
        category: (['lovmedholdelighed', 'kvalitet', 'proces'] as const)[q % 3] ?? 'kvalitet',
        answerType: 'jnd' as const,
        options: JND_OPTIONS,
        target: q % 2 ? 90 : undefined,
      })),
    })),
  };
  const content = templateContentSchema.parse(template);
  const keys = content.sections.flatMap((s) => s.questions.map((q) => q.key));
  // Krav k is relevant in (k mod 12) + 1 sager, so every threshold hides some and shows some.
  const sager: ResultSag[] = Array.from({ length: SAGER }, (_, i) => ({
    sagstype: 'Børnefaglig undersøgelse',
    sagsbehandler: `Rådgiver ${i % 4}`,
    team: 'Team Nord',
    status: 'faerdig',
    answers: Object.fromEntries(
      keys.map((k, n) => [
        k,
        { value: i <= n % SAGER ? (i % 3 ? 'ja' : 'nej') : 'ikke_relevant', note: '', reason: '' },
      ]),
    ),
    dates: {},
  }));
  const results = computeResults(content, null, sager);
  const point = (id: number, key: string, til: string): TrendPoint => {
    const m = key === '*' ? results.overall : results.measures.find((x) => x.key === key);
    const applicable = m?.applicable ?? 0;
    const met = m?.met ?? 0;
    return {
      tilsynId: id,
      titel: id === 1 ? 'Baseline' : 'Nu',
      periodeFra: `${til.slice(0, 7)}-01`,
      periodeTil: til,
      baseline: id === 1,
      met,
      applicable,
      sager: key === '*' ? SAGER : applicable,
      share: applicable ? met / applicable : null,
      smallN: applicable < 10,
    };
  };
  const trends = Object.fromEntries(
    [...keys, '*'].map((k) => [k, [point(1, k, '2025-09-30'), point(2, k, '2026-03-31')]]),
  );
  return {
    tilsyn: {
      id: 2,
      titel: 'Ledelsestilsyn 1. kvartal 2026',
      periodeFra: '2026-01-01',
      periodeTil: '2026-03-31',
      enhed: 'Myndighed børn og unge',
      form: 'ledelseskontrol',
      formaal: 'At sikre, at sagsbehandlingen lever op til lovens krav.',
      fokus: 'Rettidighed og dokumentation.',
      skabelonNavn: 'Syntetisk skabelon',
      skabelonVersionNummer: 1,
    },
    results,
    trends,
    assessments: keys
      .filter((_, n) => n % 4 === 0)
      .map((key) => ({
        key,
        vurdering: 'Vi ser en fremgang.',
        plan: 'Sparring på teammødet.',
        ansvarlig: 'Teamleder',
        frist: '2026-06-30',
      })),
    sammenfatning: 'Tilsynet viser fremgang på de fleste krav.',
    settings: { kommune: 'Eksempel Kommune', forvaltning: 'Børn og Unge', logo: null, minCell },
    sample: {
      method: 'simpel',
      seed: 1,
      populationCount: 40,
      afterFilters: 40,
      strata: [{ name: 'Alle', population: 40, requested: SAGER, drawn: SAGER, spares: 0 }],
      drawnAt: '2026-04-02T09:00:00.000Z',
      spec: { strataBy: null, allocation: 'proportional', filters: { sagstyper: [], teams: [] } },
      sager: Array.from({ length: SAGER }, () => ({ role: 'udvalgt' as const, status: 'faerdig' as const })),
    } as unknown as CommitteeReportInput['sample'],
    reviewedBetween: { from: '2026-04-03', to: '2026-04-20' },
    qualityAssurance: null,
    followUp: {
      tilsynId: 1,
      periode: { from: '2025-07-01', to: '2025-09-30' },
      belowTarget: 6,
      items: keys.slice(0, 6).map((key, i) => ({
        number: `1.${i + 1}`,
        text: `Krav ${key}`,
        plan: 'Sparring på teammødet hver måned, og status på næste møde.',
        frist: '2026-01-31',
        status: i % 2 ? 'Udført' : 'Åben – fristen er overskredet',
        state: i % 2 ? ('udfoert' as const) : ('aaben' as const),
        overdue: i % 2 === 0,
      })),
    },
    generated: '2026-11-25',
  };
}

async function pages(krav: number, minCell: number, format: CommitteeFormat = 'fuld'): Promise<string[]> {
  const data = committeeReportData(input(krav, minCell));
  const pdf = await renderPdf(committeeDocDefinition(data, committeeCharts(data), format));
  // For looking at: the longest report, at the smallest group that once left a page with only its footer.
  if (krav === 60 && minCell === 1) {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, format === 'kort' ? 'udvalg-60-krav-kort.pdf' : 'udvalg-60-krav.pdf'), pdf);
  }
  return (await pdfText(pdf)).map((p) => p.replace(/\s+/g, ' ').trim());
}

/** What a page says besides its footer (»Eksempel Kommune · … Side 3 af 6«). */
const body = (page: string) => page.replace(/Eksempel Kommune · .*?Side \d+ af \d+/, '').trim();

const SECTIONS = [
  'Sammenfatning',
  'Formål og fokus',
  'Metode',
  'Resultater',
  'Resultater pr. afsnit og kategori',
  'Opfølgning på sidste opfølgningsplan',
  'Ledelsens opfølgningsplan',
];

describe('the committee report keeps every section', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'with 60 krav and the smallest group at %i',
    async (minCell) => {
      const text = await pages(60, minCell);
      for (const heading of SECTIONS) expect(text.join(' '), heading).toContain(heading);
      for (const [i, page] of text.entries()) expect(body(page).length, `side ${i + 1}`).toBeGreaterThan(40);
    },
    30_000,
  );

  it.each([1, 5, 20])(
    'with %i krav',
    async (krav) => {
      const text = await pages(krav, 3);
      for (const heading of SECTIONS) expect(text.join(' '), heading).toContain(heading);
      for (const [i, page] of text.entries()) expect(body(page).length, `side ${i + 1}`).toBeGreaterThan(40);
    },
    30_000,
  );
});

const SHORT_SECTIONS = [
  'Sammenfatning',
  'Krav under måltal',
  'Udvikling',
  'Metode',
  'Bilag: Resultater for alle krav',
  'Resultater pr. afsnit og kategori',
  'Opfølgning på sidste opfølgningsplan',
  'Formål og fokus',
];

/** The short part is at most two pages; the appendix holds every krav; no section or page is empty. */
async function expectShortReport(krav: number, minCell: number) {
  const text = await pages(krav, minCell, 'kort');
  for (const heading of SHORT_SECTIONS) expect(text.join(' '), heading).toContain(heading);
  for (const [i, page] of text.entries()) expect(body(page).length, `side ${i + 1}`).toBeGreaterThan(40);
  const appendix = text.findIndex((p) => p.includes('Bilag: Resultater for alle krav'));
  expect(appendix, 'the appendix starts on page 2 or 3').toBeGreaterThanOrEqual(1);
  expect(appendix).toBeLessThanOrEqual(2);
  const rest = text.slice(appendix).join(' ');
  for (let k = 0; k < krav; k++) expect(rest, `krav ${k}`).toContain(`Er krav ${k + 1} i afsnittet`);
}

describe('the short committee report: the pages a committee reads, then everything in the appendix', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'with 60 krav and the smallest group at %i',
    (minCell) => expectShortReport(60, minCell),
    30_000,
  );
  it.each([1, 5, 20])('with %i krav', (krav) => expectShortReport(krav, 3), 30_000);
});
