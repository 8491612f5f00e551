import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { committeeDocDefinition, committeeFileName } from '../../electron/backend/reports/committee/document';
import { committeePublicTexts } from '../../electron/backend/reports/committee/public-texts';
import { committeeReportData } from '../../electron/backend/reports/committee/report-data';
import type { CommitteeReportInput } from '../../electron/backend/reports/committee/report-types';
import { findCprNumbers } from '../../shared/domain/cpr';
import { checkPublicTexts, type PublicationCheck } from '../../shared/domain/publication';
import type { MeasureAssessment, ReportSettings } from '../../shared/domain/reports';
import { computeResults, publicOverall, type ResultSag, type TrendPoint } from '../../shared/domain/results';
import { createScrubber } from '../../shared/domain/scrub';
import { JND_OPTIONS, type TemplateContentInput, templateContentSchema } from '../../shared/domain/template';
import { atTime, hookTestApi } from '../support/hooks';
import { isPdf, pdfText } from '../support/pdf-text';
import { caseRows, finishSag, importCaseList, publishedTemplate, sampledTilsyn, withRecord } from '../support/scenario';

// ---------------------------------------------------------------------------------------------------------------
// A template whose numbers we control: five Ja/Nej/Delvist/Ikke relevant questions in two afsnit.

const question = (
  key: string,
  text: string,
  category: 'lovmedholdelighed' | 'kvalitet' | 'proces',
  target?: number,
  reasonRequiredOnNegative = false,
) => ({ key, text, category, answerType: 'jnd' as const, options: JND_OPTIONS, target, reasonRequiredOnNegative });

const TEMPLATE: TemplateContentInput = {
  dateFields: [],
  sections: [
    {
      key: 'bfu',
      title: 'Børnefaglig undersøgelse',
      questions: [
        question(
          'bfu.frist',
          'Er den børnefaglige undersøgelse afsluttet inden for 4 måneder?',
          'lovmedholdelighed',
          100,
        ),
        question('bfu.samtale', 'Er der gennemført børnesamtale?', 'lovmedholdelighed', 90, true),
        question('bfu.inddragelse', 'Er forældrene inddraget i undersøgelsen?', 'kvalitet'),
      ],
    },
    {
      key: 'opf',
      title: 'Opfølgning',
      questions: [
        question('opf.rettidig', 'Er der fulgt op på indsatsen inden for 6 måneder?', 'proces', 90, true),
        question('opf.tolk', 'Er der anvendt tolk, hvor det var nødvendigt?', 'kvalitet', 100),
      ],
    },
  ],
};

/** Answer per sag (by its place in the sample) and question: the numbers the report must show. */
type Plan = Record<string, (i: number) => 'ja' | 'nej' | 'delvist' | 'ikke_relevant'>;
const CURRENT: Plan = {
  'bfu.frist': () => 'ja', // 15 of 15
  'bfu.samtale': (i) => (i < 12 ? 'ja' : i < 14 ? 'nej' : 'delvist'), // 12 of 15 = 80 % (måltal 90 %)
  'bfu.inddragelse': (i) => (i < 10 ? 'ja' : i < 13 ? 'nej' : 'ikke_relevant'), // 10 of 13 = 76,9 %
  'opf.rettidig': (i) => (i < 8 ? 'ja' : 'nej'), // 8 of 15 = 53,3 %
  'opf.tolk': (i) => (i === 0 ? 'ja' : i === 1 ? 'nej' : 'ikke_relevant'), // 1 of 2: below minCell, suppressed
};
const BASELINE: Plan = {
  'bfu.frist': (i) => (i < 13 ? 'ja' : 'nej'),
  'bfu.samtale': (i) => (i < 9 ? 'ja' : 'nej'), // 60 %
  'bfu.inddragelse': (i) => (i < 8 ? 'ja' : 'nej'),
  'opf.rettidig': (i) => (i < 6 ? 'ja' : 'nej'),
  'opf.tolk': (i) => (i === 0 ? 'ja' : 'ikke_relevant'),
};

const NAMES = ['Anne Holm', 'Bjarne Kristensen', 'Camilla Østergaard', 'Dorte Frandsen', 'Erik Mølgaard'];
/** Only in the earlier round's population: the scrubber knows every name in the database. */
const EARLIER_ONLY_NAME = 'Frida Nørgaard';
const CPR = '010190-1234';
/** Texts written about single sager: none of them may reach the committee. */
const MARKERS = ['NOTEMARKØR', 'BEGRUNDELSESMARKØR', 'FUNDMARKØR', 'HANDLINGSMARKØR', 'UDGÅETMARKØR'];

const TILSYN = {
  titel: 'Ledelsestilsyn 1. kvartal 2026',
  periodeFra: '2026-01-01',
  periodeTil: '2026-03-31',
  enhed: 'Myndighed børn og unge, team Nord',
  form: 'ledelseskontrol' as const,
  formaal:
    'At sikre, at sagsbehandlingen efter Barnets Lov lever op til lovens krav, og at børnene bliver hørt. ' +
    'Tilsynet følger op på baselinemålingen fra 3. kvartal 2025.',
  fokus: 'Børnesamtaler og rettidig opfølgning på indsatser.',
};

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">' +
  '<rect x="0" y="0" width="80" height="80" rx="10" fill="#1f3a5f"/>' +
  '<path d="M20 58 L40 18 L60 58 Z" fill="#ffffff"/>' +
  '<text x="92" y="36" font-family="Roboto" font-size="20" font-weight="bold" fill="#1f3a5f">Eksempel</text>' +
  '<text x="92" y="62" font-family="Roboto" font-size="20" fill="#1f3a5f">Kommune</text></svg>';

const SETTINGS: ReportSettings = {
  kommune: 'Eksempel Kommune',
  forvaltning: 'Børne- og Ungeforvaltningen',
  logo: `data:image/svg+xml;base64,${Buffer.from(LOGO_SVG).toString('base64')}`,
  minCell: 3,
};

// ---------------------------------------------------------------------------------------------------------------
// Setup through the API, as the app does it

const { api } = hookTestApi('all', { file: 'udvalg.db', prefix: 'tilsyn-udvalg-' });
let versionId: number;
let current: number;
const allSagsnumre: string[] = [];

/** The committee report, dated as a leader makes it on 25.11.2026. */
const committeeReport = (tilsynId: number) =>
  atTime('2026-11-25T10:00:00', () => api.call('rapport.udvalg', { tilsynId }));

/** A round of 40 sager, 15 of them sampled (after one exclusion if asked) and reviewed by `plan`. */
async function createRound(opts: {
  titel: string;
  periodeFra: string;
  periodeTil: string;
  prefix: string;
  names: string[];
  plan: Plan;
  excludeFirst?: boolean;
}): Promise<number> {
  const rows = caseRows(40, {
    sagsnummer: (i) => `${opts.prefix}-${String(1000 + i)}`,
    sagstype: 'Børnefaglig undersøgelse',
    caseworkers: opts.names,
    teams: ['Team Nord'],
  });
  allSagsnumre.push(...rows.map((r) => r.sagsnummer));
  let made = await sampledTilsyn(api, {
    tilsyn: {
      ...TILSYN,
      titel: opts.titel,
      periodeFra: opts.periodeFra,
      periodeTil: opts.periodeTil,
      skabelonVersionId: versionId,
    },
    sager: rows,
    sample: { size: 15, seed: 4711, spares: 2 },
    drawnBy: 'Lise Leder',
  });
  expect(made.preview.mapping.map((c) => c.target)).toEqual(['sagsnummer', 'sagstype', 'sagsbehandler', 'team']);
  if (opts.excludeFirst) {
    const excluded = await api.call('stikproeve.exclude', {
      sagId: made.sager[0]?.id ?? 0,
      reason: 'anden',
      note: `UDGÅETMARKØR sagen hos ${opts.names[0]} er lukket`,
    });
    made = withRecord(made, excluded.record);
  }
  expect(made.sager).toHaveLength(15);

  for (const [i, sag] of made.sager.entries()) {
    for (const [key, answerOf] of Object.entries(opts.plan)) {
      const value = answerOf(i);
      const negative = value === 'nej' || value === 'delvist';
      await api.call('gennemgang.svar', {
        sagId: sag.id,
        key,
        value,
        reason: negative ? `BEGRUNDELSESMARKØR ${sag.sagsbehandler} har ikke dokumenteret det` : undefined,
        note:
          i % 4 === 0 ? `NOTEMARKØR mor (CPR ${CPR}) ringede til ${sag.sagsbehandler} om ${sag.sagsnummer}` : undefined,
      });
    }
    if (i % 5 === 0) {
      await api.call('gennemgang.fund', {
        sagId: sag.id,
        kind: i % 2 === 0 ? 'laeringspunkt' : 'styrke',
        text: `FUNDMARKØR ${sag.sagsbehandler} beskriver barnets perspektiv i ${sag.sagsnummer}`,
        questionKey: 'bfu.samtale',
      });
      await api.call('gennemgang.handling', {
        sagId: sag.id,
        text: `HANDLINGSMARKØR journalisér samtalen med far (${CPR})`,
        ansvarlig: sag.sagsbehandler,
        frist: '2026-05-01',
      });
    }
    const done = await api.call('gennemgang.faerdig', { sagId: sag.id });
    expect(done.sag.status).toBe('faerdig');
  }
  return made.tilsynId;
}

/** The number of the municipality's hotline: a run of digits that identifies no one. */
const HOTLINE = 'Familierådgivningen kan kontaktes på 33 66 33 66.';
const REWRITTEN_SUMMARY =
  'Tilsynet viser, at vi overholder fristen for den børnefaglige undersøgelse i alle sager. ' +
  'Ledelsen har drøftet resultaterne med teamet og enkelte sager særskilt.';
const REWRITTEN_PLAN = 'Teamet får sparring på børnesamtalen, og de sager, hvor den mangler, gennemgås igen.';

const checkOf = (tilsynId: number) =>
  atTime('2026-11-25T10:00:00', () => api.call('rapport.tjek', { tilsynId, dokument: 'udvalg' }));
const passageRef = (p: { textHash: string; start: number; end: number }) => ({
  textHash: p.textHash,
  start: p.start,
  end: p.end,
});

let firstRefusal: unknown;
let firstCheck: PublicationCheck;
let pdf: Buffer;
let pages: string[];
let text: string;
let fileName: string;

beforeAll(async () => {
  versionId = await publishedTemplate(
    api,
    { name: 'Børn og unge – myndighed', area: 'boern_unge', description: '' },
    TEMPLATE,
  );

  const earlier = await createRound({
    titel: 'Baselinemåling 3. kvartal 2025',
    periodeFra: '2025-07-01',
    periodeTil: '2025-09-30',
    prefix: 'BU-2025',
    names: [...NAMES, EARLIER_ONLY_NAME],
    plan: BASELINE,
  });
  await api.call('tilsyn.baseline', { tilsynId: earlier, baseline: true });
  // The committee compares with afsluttede rounds only.
  await api.call('tilsyn.afslut', { tilsynId: earlier, navn: 'Lise Leder', dato: '2025-10-15' });

  current = await createRound({
    titel: TILSYN.titel,
    periodeFra: TILSYN.periodeFra,
    periodeTil: TILSYN.periodeTil,
    prefix: 'BU-2026',
    names: NAMES,
    plan: CURRENT,
    excludeFirst: true,
  });

  await api.call('indstillinger.gem', SETTINGS);
  await api.call('resultater.sammenfatning', {
    tilsynId: current,
    tekst:
      'Tilsynet viser, at vi overholder fristen for den børnefaglige undersøgelse i alle sager. ' +
      'Børnesamtalen gennemføres i de fleste sager, men ikke i alle, og opfølgningen på indsatser er ikke rettidig ' +
      'i knap halvdelen af sagerne.\n\n' +
      `Ledelsen har drøftet resultaterne med teamet. (Sagen ${allSagsnumre[45]} hos Erik Mølgaard er drøftet særskilt.)`,
  });
  const assessments: Omit<MeasureAssessment, 'planStatus'>[] = [
    {
      key: 'bfu.samtale',
      vurdering:
        'Vi gennemfører børnesamtale i 12 af de 15 sager. I de øvrige er det ikke registreret tydeligt, ' +
        'hvorfor samtalen ikke er holdt.',
      plan: `Anne Holm og resten af teamet får sparring på børnesamtalen; sag ${allSagsnumre[50]} gennemgås igen. CPR ${CPR}.`,
      ansvarlig: 'Teamleder, Myndighed Nord',
      frist: '2026-06-30',
    },
    {
      key: 'opf.rettidig',
      vurdering:
        'Udskiftning i sagsbehandlergruppen har givet efterslæb. I de øvrige sager er der fulgt op inden for 10 måneder.',
      plan: `Der indføres en fast opfølgningskalender, og status gennemgås på teammødet hver måned. ${HOTLINE}`,
      ansvarlig: 'Afdelingsleder',
      frist: '2026-09-30',
    },
    {
      key: 'bfu.frist',
      vurdering: 'Fristen overholdes i alle sager.',
      plan: '',
      ansvarlig: '',
      frist: null,
    },
  ];
  for (const a of assessments) await api.call('resultater.vurdering', { tilsynId: current, ...a });

  // The publication check: nothing is made while the leader's texts hold a name or a sagsnummer.
  firstRefusal = await committeeReport(current).catch((err: unknown) => err);
  firstCheck = await checkOf(current);
  // She rewrites the summary and the plan, and marks the hotline's number as not identifying.
  await api.call('resultater.sammenfatning', { tilsynId: current, tekst: REWRITTEN_SUMMARY });
  const samtale = assessments[0] as MeasureAssessment;
  await api.call('resultater.vurdering', { tilsynId: current, ...samtale, plan: REWRITTEN_PLAN });
  const phone = (await checkOf(current)).passages.find((p) => p.text === '33 66 33 66');
  if (!phone) throw new Error('the hotline number was not shown');
  await atTime('2026-11-25T10:00:00', () =>
    api.call('rapport.marker', { tilsynId: current, dokument: 'udvalg', ...passageRef(phone), ok: true }),
  );

  const file = await committeeReport(current);
  fileName = file.fileName;
  expect(file.mimeType).toBe('application/pdf');
  pdf = Buffer.from(file.dataBase64, 'base64');
  pages = await pdfText(pdf);
  text = pages.join('\n').replace(/\s+/g, ' ');

  // For looking at: the PDF and its pages as PNG (when poppler is installed).
  const out = join(process.cwd(), 'test-artifacts');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'udvalg-eksempel.pdf'), pdf);
  for (const f of readdirSync(out)) if (/^udvalg-\d+\.png$/.test(f)) rmSync(join(out, f));
  try {
    execFileSync('pdftoppm', ['-png', '-r', '70', join(out, 'udvalg-eksempel.pdf'), join(out, 'udvalg')]);
  } catch {
    // pdftoppm is optional: the assertions below read the text with pdfjs-dist.
  }
}, 30_000);

describe('the committee report (rapport.udvalg)', () => {
  it('is a PDF of several pages, named after the tilsyn, with "Side X af N" on every page', () => {
    expect(isPdf(pdf)).toBe(true);
    expect(fileName).toBe('Ledelsestilsyn 1. kvartal 2026 – udvalg.pdf');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page.replace(/\s+/g, ' ')).toContain(`Side ${i + 1} af ${pages.length}`);
    });
    expect(pages[0]).toContain('Eksempel Kommune');
    expect(pages[0]).toContain('Børne- og Ungeforvaltningen');
    expect(pages[0]).toContain('Ledelsestilsyn 1. kvartal 2026');
    expect(pages[0]).toContain('01.01.2026–31.03.2026');
    expect(pages[0]).toContain('Myndighed børn og unge, team Nord');
    expect(pages[0]).toContain('25.11.2026');
  });

  it('is archivable as far as PDFKit goes: PDF/A-2b with sRGB output intent, Danish, its title shown', () => {
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raw).toContain('GTS_PDFA1');
    expect(raw).toContain('/Lang (da-DK)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('<dc:title>');
    // Every font is embedded (no standard font drawn from the reader's system), and nothing is encrypted.
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(raw).not.toContain('/Encrypt');
  });

  it('has the sections a committee expects, in order', () => {
    const order = [
      'Sammenfatning',
      'Formål og fokus',
      'Metode',
      'Resultater',
      'Udvikling',
      'Ledelsens opfølgningsplan',
    ].map((h) => text.indexOf(h, text.indexOf('Offentlig rapport')));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const header of ['Krav', 'Måltal', 'Resultat', 'Ledelsens vurdering og plan']) expect(text).toContain(header);
  });

  it('states the results in words and numbers, with Danish percentages', () => {
    expect(text).toContain('Kravet er opfyldt i 12 af de 15 sager (80 %)');
    expect(text).toContain('Kravet er opfyldt i alle de 15 sager (100 %)');
    expect(text).toContain('Kravet er opfyldt i 10 af de 13 sager (76,9 %)');
    expect(text).toContain('Kravet er opfyldt i 8 af de 15 sager (53,3 %)');
    expect(text).toContain('Under måltal');
    // The leader's assessment and plan, with ansvarlig and frist.
    expect(text).toContain('Vi gennemfører børnesamtale i 12 af de 15 sager');
    expect(text).toContain('fast opfølgningskalender');
    expect(text).toContain('Frist: 30.06.2026');
  });

  it('describes the method: form, template, population, sample and how it was drawn', () => {
    expect(text).toContain('Ledelseskontrol');
    expect(text).toContain('Børn og unge – myndighed, version 1');
    expect(text).toContain('tilfældig stikprøve af 15 sager fra enhedens sagsliste med 40 sager');
    expect(text).toContain('Simpel tilfældig udvælgelse');
    expect(text).toContain('startværdi 4711');
    expect(text).toContain('1 sag udgik af stikprøven');
    // Which convention the shares follow: a lawful omission is »Ikke relevant«, not met (domain.md § 8).
    expect(text.replace(/\s+/g, ' ')).toContain('Nationale opgørelser kan tælle disse sager som opfyldt');
  });

  it('shows a measure that applied in fewer than minCell sager without numbers', () => {
    expect(text).toContain('Er der anvendt tolk, hvor det var nødvendigt?');
    expect(text).toContain('Færre end 3 sager – ikke vist');
    expect(text).not.toMatch(/i 1 af de 2 sager/);
    expect(text).not.toMatch(/n=2\)/);
  });

  it('shows the development since the baseline round', () => {
    expect(text).toContain('Udvikling');
    expect(text).toContain('3. kvt. 2025');
    expect(text).toContain('1. kvt. 2026');
    expect(text).toMatch(/Runden 3\. kvt\. 2025 er baseline/);
    // bfu.samtale went from 9 of 15 (60 %) to 12 of 15 (80 %), counted from the krav's own baseline round.
    expect(text).toContain('+20 procentpoint');
    expect(text.replace(/\s+/g, ' ')).toContain('Ændring siden baseline: +20 procentpoint');
  });

  it('holds no sagsnummer, caseworker name, note, finding or CPR number from the database', () => {
    const lower = text.toLowerCase();
    expect(allSagsnumre).toHaveLength(80);
    for (const s of allSagsnumre) expect(lower).not.toContain(s.toLowerCase());
    for (const name of [...NAMES, EARLIER_ONLY_NAME]) {
      expect(lower).not.toContain(name.toLowerCase());
      // Not even a part of a name.
      for (const part of name.split(' ')) expect(lower).not.toContain(part.toLowerCase());
    }
    expect(lower).not.toContain('lise leder');
    for (const marker of MARKERS) expect(text).not.toContain(marker);
    expect(findCprNumbers(text)).toEqual([]);
    expect(text).not.toContain('010190');
    // What the leader rewrote is printed as she rewrote it; nothing was replaced behind her back.
    expect(text).toContain(REWRITTEN_PLAN);
    expect(text).toContain('Ledelsen har drøftet resultaterne med teamet og enkelte sager særskilt.');
    expect(text).not.toContain('[fjernet]');
    // The number she marked as not identifying is printed as written.
    expect(text).toContain('33 66 33 66');
  });

  it("was refused, in Danish, while the leader's texts named a caseworker and a sag", () => {
    expect(firstRefusal).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Tjek før offentliggørelse'),
    });
    expect((firstRefusal as Error).message).toContain('5 steder');
  });

  it('showed each identifying passage in context, where it is written, and no false alarm', () => {
    const shown = firstCheck.passages.map((p) => [p.label, p.kind, p.text]);
    expect(shown).toEqual([
      ['Sammenfatning', 'sagsnummer', allSagsnumre[45]],
      ['Sammenfatning', 'navn', 'Erik Mølgaard'],
      ['Planen for krav 1.2', 'navn', 'Anne Holm'],
      ['Planen for krav 1.2', 'sagsnummer', allSagsnumre[50]],
      ['Planen for krav 2.1', 'talraekke', '33 66 33 66'],
    ]);
    const [number] = firstCheck.passages;
    expect(number?.before).toMatch(/med teamet\. \(Sagen $/);
    expect(number?.after).toMatch(/^ hos Erik/);
    expect(firstCheck.passages.every((p) => !p.ok)).toBe(true);
    expect(firstCheck.unresolved).toBe(5);
    expect(firstCheck.passages.map((p) => p.place.screen)).toEqual(Array(5).fill('resultater'));
  });

  it('refuses, in Danish, a tilsyn without a sample or without reviewed sager', async () => {
    const { id: empty } = await api.call('tilsyn.create', {
      ...TILSYN,
      titel: 'Uden stikprøve',
      skabelonVersionId: versionId,
    });
    await expect(api.call('rapport.udvalg', { tilsynId: empty })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('stikprøve'),
    });
    await importCaseList(api, empty, caseRows(3, { sagsnummer: (i) => `X-${i}`, sagstype: null }), {
      fileName: 'x.csv',
    });
    await api.call('stikproeve.draw', { tilsynId: empty, spec: { method: 'simpel', size: 2, seed: 1 }, drawnBy: 'L' });
    await expect(api.call('rapport.udvalg', { tilsynId: empty })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('færdiggennemgået'),
    });
    await expect(api.call('rapport.udvalg', { tilsynId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // One of the two færdig, the other not begun: not »Gennemgået: 2 sager«, but counted, one of them færdig.
    const [first] = await api.call('gennemgang.sager', { tilsynId: empty });
    await finishSag(api, first?.id ?? 0);
    const half = (
      await pdfText(Buffer.from((await api.call('rapport.udvalg', { tilsynId: empty })).dataBase64, 'base64'))
    )
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(half).toContain('Ledelsen gennemgår en tilfældig stikprøve af 2 sager');
    expect(half).toContain('Sager i gennemgangen 2 sager, heraf 1 færdiggennemgået.');
    expect(half).toContain('1 sag færdiggennemgået');
    expect(half).not.toContain('Gennemgået 2 sager');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The pure builder on hand-made input

function handMadeInput(overrides: Partial<CommitteeReportInput> = {}): CommitteeReportInput {
  const content = templateContentSchema.parse(TEMPLATE);
  const sag = (i: number, plan: Plan): ResultSag => ({
    sagstype: 'Børnefaglig undersøgelse',
    sagsbehandler: NAMES[i % NAMES.length] as string,
    team: 'Team Nord',
    status: 'faerdig',
    answers: Object.fromEntries(
      Object.entries(plan).map(([k, f]) => [k, { value: f(i), note: 'NOTEMARKØR', reason: 'BEGRUNDELSESMARKØR' }]),
    ),
    dates: {},
  });
  const results = computeResults(
    content,
    null,
    Array.from({ length: 15 }, (_, i) => sag(i, CURRENT)),
  );
  const before = computeResults(
    content,
    null,
    Array.from({ length: 15 }, (_, i) => sag(i, BASELINE)),
  );
  const point = (
    id: number,
    m: { met: number; applicable: number },
    baseline: boolean,
    til: string,
    sager = m.applicable,
  ): TrendPoint => ({
    tilsynId: id,
    sager,
    titel: id === 1 ? 'Baseline hos Anne Holm' : 'Nu',
    periodeFra: `${til.slice(0, 4)}-${til.slice(5, 7) === '09' ? '07' : '01'}-01`,
    periodeTil: til,
    baseline,
    met: m.met,
    applicable: m.applicable,
    share: m.applicable ? m.met / m.applicable : null,
    smallN: m.applicable < 10,
  });
  const trends: Record<string, TrendPoint[]> = {};
  for (const key of [...results.measures.map((m) => m.key), '*']) {
    const b = key === '*' ? before.overall : before.measures.find((m) => m.key === key);
    const c = key === '*' ? results.overall : results.measures.find((m) => m.key === key);
    trends[key] = [
      b && b.applicable > 0 ? point(1, b, true, '2025-09-30', key === '*' ? 15 : b.applicable) : null,
      c ? point(2, c, false, '2026-03-31', key === '*' ? 15 : c.applicable) : null,
    ].filter((p): p is TrendPoint => p !== null);
  }
  const sample: CommitteeReportInput['sample'] = {
    method: 'stratificeret',
    seed: 99,
    populationCount: 40,
    afterFilters: 40,
    strata: NAMES.map((n) => ({ name: n, population: 8, requested: 3, drawn: 3, spares: 0 })),
    drawnAt: '2026-04-02T09:00:00.000Z',
    spec: {
      strataBy: 'sagsbehandler',
      allocation: 'per_stratum',
      perStratum: 3,
      filters: { sagstyper: [], teams: [] },
    },
    sager: Array.from({ length: 15 }, () => ({ role: 'udvalgt' as const, status: 'faerdig' as const })),
  };
  return {
    tilsyn: {
      id: 2,
      ...TILSYN,
      titel: 'Tilsyn hos Bjarne Kristensen',
      skabelonNavn: 'Børn og unge – myndighed',
      skabelonVersionNummer: 1,
    },
    results,
    trends,
    assessments: [
      {
        key: 'bfu.samtale',
        vurdering: 'Sag BU-2026-1003 hos holm, anne og ANNE HOLM mangler samtale; CPR 0101901234.',
        plan: 'Camilla  Østergaard følger op.',
        ansvarlig: 'Dorte Frandsen',
        frist: '2026-06-30',
      },
      {
        key: 'opf.tolk',
        vurdering: 'Tolk blev brugt i én sag.',
        plan: '',
        ansvarlig: '',
        frist: null,
      },
    ],
    sammenfatning: 'Sammenfatning om Erik Mølgaards sager (BU-2026-1010).',
    settings: { kommune: 'Eksempel Kommune', forvaltning: 'BUF', logo: null, minCell: 3 },
    sample,
    reviewedBetween: { from: '2026-04-03', to: '2026-04-20' },
    qualityAssurance: null,
    followUp: null,
    generated: '2026-11-25',
    ...overrides,
  };
}

describe('the short committee report (format kort)', () => {
  let short: string[];
  let raw: string;
  beforeAll(async () => {
    const file = await atTime('2026-11-25T10:00:00', () =>
      api.call('rapport.udvalg', { tilsynId: current, format: 'kort' }),
    );
    const bytes = Buffer.from(file.dataBase64, 'base64');
    raw = bytes.toString('latin1');
    short = (await pdfText(bytes)).map((p) => p.replace(/\s+/g, ' '));
    writeFileSync(join(process.cwd(), 'test-artifacts', 'udvalg-kort.pdf'), bytes);
  }, 30_000);

  it('puts what a committee reads on the first pages, and every krav in the appendix', () => {
    const appendix = short.findIndex((p) => p.includes('Bilag: Resultater for alle krav'));
    expect(appendix).toBeGreaterThanOrEqual(1);
    expect(appendix).toBeLessThanOrEqual(2);
    const front = short.slice(0, appendix).join(' ');
    for (const part of ['Eksempel Kommune', 'Sammenfatning', 'Krav under måltal', 'Udvikling', 'Metode'])
      expect(front).toContain(part);
    // The krav below måltal with ledelsens vurdering and plan, and the method in one paragraph.
    expect(front).toContain('Vi gennemfører børnesamtale i 12 af de 15 sager');
    expect(front).toContain(REWRITTEN_PLAN);
    expect(front).toContain('tilfældig stikprøve af 15 sager');
    // The full table follows: a krav at its måltal is there, with the suppressed one still without numbers.
    const rest = short.slice(appendix).join(' ');
    expect(rest).toContain('Kravet er opfyldt i alle de 15 sager (100 %)');
    expect(rest).toContain('Færre end 3 sager – ikke vist');
  });

  it('holds no sagsnummer, caseworker name or CPR number, in its text or its bytes (metadata)', () => {
    const lower = short.join(' ').toLowerCase();
    const bytes = raw.toLowerCase();
    for (const s of allSagsnumre) {
      expect(lower).not.toContain(s.toLowerCase());
      expect(bytes).not.toContain(s.toLowerCase());
    }
    for (const name of [...NAMES, EARLIER_ONLY_NAME])
      for (const part of name.split(' ')) {
        expect(lower).not.toContain(part.toLowerCase());
        expect(bytes).not.toContain(part.toLowerCase());
      }
    expect(findCprNumbers(short.join(' '))).toEqual([]);
  });
});

describe('committeeReportData (pure)', () => {
  it('the retention scrubber removes known sagsnumre and names (any case, "Efternavn, Fornavn" too)', () => {
    const scrub = createScrubber({ sagsnumre: ['BU-2026-1003'], sagsbehandlere: ['Holm, Anne', 'Bo'] });
    expect(scrub('Sag bu-2026-1003 hos Anne  Holm og Holm, Anne; CPR 010190-1234.')).toBe(
      'Sag [fjernet] hos [fjernet] og [fjernet]; CPR [CPR-nummer fjernet].',
    );
    // Whole words only: "Bo" goes, "Boligstøtte" and "BU-2026-10030" stay.
    expect(scrub('Bo søgte Boligstøtte i BU-2026-10030')).toBe('[fjernet] søgte Boligstøtte i BU-2026-10030');
    // A first name or surname alone points to the person as well.
    expect(scrub('Anne mangler at opdatere planen; Holms sager er i orden.')).toBe(
      '[fjernet] mangler at opdatere planen; [fjernet] sager er i orden.',
    );
  });

  it("holds aggregates and the leader's texts as written, and the check finds every name in those", () => {
    const input = handMadeInput();
    // The input's break-downs name every caseworker; the output must not, outside the leader's own texts.
    expect(JSON.stringify(input.results)).toContain('Anne Holm');
    const data = committeeReportData(input);
    const written = committeePublicTexts(data).map((t) => t.text);
    let json = JSON.stringify(data);
    for (const t of written) json = json.split(JSON.stringify(t).slice(1, -1)).join('');
    for (const name of [...NAMES, 'Holm, Anne', 'Mølgaards']) expect(json).not.toContain(name);
    expect(json).not.toMatch(/BU-2026-\d+/);
    expect(json).not.toContain('MARKØR');
    expect(findCprNumbers(json)).toEqual([]);
    expect(Object.keys(data)).not.toContain('breakdowns');
    // Nothing replaced behind the leader's back: what she wrote is what the check shows her.
    expect(data.title).toBe('Tilsyn hos Bjarne Kristensen');
    expect(data.sammenfatning).toBe('Sammenfatning om Erik Mølgaards sager (BU-2026-1010).');
    const known = {
      sagsnumre: Array.from({ length: 40 }, (_, i) => `BU-2026-${1001 + i}`),
      sagsbehandlere: ['Holm, Anne', 'Bjarne Kristensen', 'Camilla Østergaard', 'Dorte Frandsen', 'Erik Mølgaard'],
    };
    const check = checkPublicTexts(
      'udvalg',
      committeePublicTexts(data),
      known,
      (t) => t,
      () => false,
    );
    expect(check.passages.map((p) => p.text)).toEqual([
      'Bjarne Kristensen',
      'Erik Mølgaards',
      'BU-2026-1010',
      'BU-2026-1003',
      'holm',
      'anne',
      'ANNE HOLM',
      '0101901234',
      'Camilla  Østergaard',
      'Dorte Frandsen',
    ]);
    const samtale = data.measures.find((m) => m.key === 'bfu.samtale');
    expect(samtale).toMatchObject({
      status: 'vist',
      met: 12,
      applicable: 15,
      resultText: 'Kravet er opfyldt i 12 af de 15 sager (80 %)',
      belowTarget: true,
    });
    // A CPR-like number (stored before the API refused them) can never be marked: the report is not made.
    expect(check.passages.find((p) => p.text === '0101901234')?.kind).toBe('cpr');
    // Stratified by caseworker: the method says so without naming the strata.
    expect(data.method.drawnHow).toContain('efter sagsbehandler i 5 grupper');
    // A fixed number per caseworker: the method says each weighs the same.
    expect(data.method.drawnHow).toContain('Hver sagsbehandler vægter dermed lige meget i resultaterne');
    expect(data.method.sampleSize).toBe(15);
  });

  it('tells how late the frister were only over as many sager as the smallest group', () => {
    const input = handMadeInput();
    const [first, second] = input.results.measures;
    if (!first || !second) throw new Error('no measures');
    const results = {
      ...input.results,
      measures: [
        { ...first, late: { count: 3, medianDays: 12, worstDays: 41 } },
        { ...second, late: { count: 2, medianDays: 5, worstDays: 9 } },
        ...input.results.measures.slice(2),
      ],
    };
    const data = committeeReportData({ ...input, results });
    expect(data.measures.find((m) => m.key === first.key)?.late).toEqual({ count: 3, medianDays: 12, worstDays: 41 });
    // Two sager late, smallest group 3: their days would describe single sager.
    expect(data.measures.find((m) => m.key === second.key)?.late).toBeUndefined();
  });

  it('suppresses a measure below minCell, and leaves it out of every total and trend', () => {
    const data = committeeReportData(handMadeInput());
    const tolk = data.measures.find((m) => m.key === 'opf.tolk');
    expect(tolk).toMatchObject({
      status: 'undertrykt',
      met: null,
      applicable: null,
      share: null,
      belowTarget: null,
      resultText: 'Færre end 3 sager – ikke vist',
      // Its assessment (»Tolk blev brugt i én sag.«) would give the hidden figure away: not printed.
      vurdering: '',
      plan: '',
      ansvarlig: '',
      frist: null,
    });
    expect(JSON.stringify(data)).not.toContain('Tolk blev brugt i én sag');
    expect(data.plan.map((p) => p.key)).toEqual(['bfu.samtale', 'opf.rettidig']);
    // Totals sum the shown measures only: 15 + 12 + 10 + 8 of 15 + 15 + 13 + 15.
    expect(data.overall).toMatchObject({ met: 45, applicable: 58, measuresShown: 4, measuresTotal: 5 });
    // The results screen says what the report's headline is, computed the same way.
    expect(publicOverall(handMadeInput().results, 3)).toMatchObject({ met: 45, applicable: 58, hidden: 1 });
    expect(publicOverall(handMadeInput().results, 3).share).toBe(data.overall.share);
    const opf = data.sections.find((s) => s.label === 'Opfølgning');
    expect(opf).toMatchObject({ met: 8, applicable: 15, measuresShown: 1, measuresTotal: 2 });
    const current = data.development?.overall.find((p) => p.current);
    // 45 of 58 vurderinger in the round's 15 sager: its n is 15, as everywhere.
    expect(current).toMatchObject({ met: 45, applicable: 58, sager: 15, label: '1. kvt. 2026' });
    expect(data.development?.measures.map((m) => m.key)).not.toContain('opf.tolk');

    const strict = committeeReportData(handMadeInput({ settings: { ...handMadeInput().settings, minCell: 14 } }));
    expect(strict.measures.find((m) => m.key === 'bfu.inddragelse')).toMatchObject({
      status: 'undertrykt',
      resultText: 'Færre end 14 sager – ikke vist',
    });
  });

  it('has a development section only with at least two rounds, and names the baseline', () => {
    const data = committeeReportData(handMadeInput());
    expect(data.development).toMatchObject({ baselineLabel: '3. kvt. 2025', rounds: 2 });
    expect(data.development?.overall.map((p) => [p.label, p.baseline])).toEqual([
      ['3. kvt. 2025', true],
      ['1. kvt. 2026', false],
    ]);
    const input = handMadeInput();
    const onlyNow = Object.fromEntries(
      Object.entries(input.trends).map(([k, ps]) => [k, ps.filter((p) => p.tilsynId === 2)]),
    );
    expect(committeeReportData({ ...input, trends: onlyNow }).development).toBeNull();
  });

  it('makes a document definition and a file name without odd characters', () => {
    const doc = committeeDocDefinition(committeeReportData(handMadeInput()));
    expect(doc.pageSize).toBe('A4');
    expect(committeeFileName('Tilsyn: børn/unge?')).toBe('Ledelsestilsyn Tilsyn- børn-unge- – udvalg.pdf');
    expect(committeeFileName('Ledelsestilsyn 2026')).toBe('Ledelsestilsyn 2026 – udvalg.pdf');
  });
});
