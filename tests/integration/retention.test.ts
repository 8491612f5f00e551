import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsView } from '../../shared/domain/reports';
import {
  aggregateResults,
  confirmsTitle,
  dueForDeletion,
  monthsBefore,
  type RetentionRow,
  wholeMonthsBetween,
} from '../../shared/domain/retention';
import { JND_OPTIONS, type TemplateContentInput } from '../../shared/domain/template';
import { hookTestApi } from '../support/hooks';
import { isPdf } from '../support/pdf-text';
import { caseRows, publishedTemplate, sampledTilsyn, withRecord } from '../support/scenario';

// Retention (issue #7): an afsluttet tilsyn's case-level data is deleted on the leader's command; the aggregates
// stay, so the results, the development across rounds and the committee report still work.

const question = (key: string, text: string, target?: number) => ({
  key,
  text,
  category: 'lovmedholdelighed' as const,
  answerType: 'jnd' as const,
  options: JND_OPTIONS,
  target,
});
const TEMPLATE: TemplateContentInput = {
  dateFields: [],
  sections: [
    {
      key: 'bfu',
      title: 'Børnefaglig undersøgelse',
      questions: [
        question('bfu.samtale', 'Er der gennemført børnesamtale?', 90),
        question('bfu.plan', 'Er der en plan?'),
      ],
    },
  ],
};

/** Only in the round that is deleted: none of it may be left anywhere in the database file. */
const OLD_NAMES = ['Frida Nørgaard', 'Gustav Brandtoft'];
const MARKERS = [
  'R1NOTEMARKØR',
  'R1BEGRUNDELSE',
  'R1FUNDMARKØR',
  'R1HANDLINGSMARKØR',
  'R1DIALOGMARKØR',
  'R1UDGÅETMARKØR',
];
const OLD_TITLE = 'Ledelsestilsyn 1. kvartal 2025';

let versionId: number;
let oldRound: number;
let newRound: number;
const oldSagsnumre: string[] = [];
/** Methods that failed with an internal error (not a Danish ApiError). */
const unexpected: string[] = [];
const backend = hookTestApi('all', {
  file: 'retention.db',
  prefix: 'tilsyn-retention-',
  onUnexpectedError: (method) => unexpected.push(method),
});
const { api } = backend;

async function round(opts: {
  titel: string;
  fra: string;
  til: string;
  prefix: string;
  names: string[];
  marked: boolean;
}) {
  const rows = caseRows(12, {
    sagsnummer: (i) => `${opts.prefix}-${1000 + i}`,
    sagstype: 'Børnefaglig undersøgelse',
    caseworkers: opts.names,
    teams: ['Team Vest'],
  });
  if (opts.marked) oldSagsnumre.push(...rows.map((r) => r.sagsnummer));
  const drawn = await sampledTilsyn(api, {
    tilsyn: {
      titel: opts.titel,
      periodeFra: opts.fra,
      periodeTil: opts.til,
      enhed: 'Myndighed børn og unge',
      form: 'dialogbaseret',
      formaal: 'Lovmedholdelighed.',
      fokus: '',
      skabelonVersionId: versionId,
    },
    sager: rows,
    sample: {
      method: 'stratificeret',
      strataBy: 'sagsbehandler',
      allocation: 'per_stratum',
      perStratum: 3,
      size: 6,
      seed: 7,
      spares: 1,
    },
    drawnBy: 'Lise Leder',
  });
  const { tilsynId } = drawn;
  const first = drawn.sager[0];
  const { record } = await api.call('stikproeve.exclude', {
    sagId: first?.id ?? 0,
    reason: 'anden',
    note: `${opts.marked ? 'R1UDGÅETMARKØR' : ''} ${first?.sagsnummer} hos ${first?.sagsbehandler}`,
  });
  const { sager } = withRecord(drawn, record);
  const m = (s: string) => (opts.marked ? s : '');
  for (const [i, sag] of sager.entries()) {
    await api.call('gennemgang.svar', {
      sagId: sag.id,
      key: 'bfu.samtale',
      value: i % 3 === 0 ? 'nej' : 'ja',
      reason: `${m('R1BEGRUNDELSE')} ${sag.sagsbehandler}`,
      note: `${m('R1NOTEMARKØR')} ${sag.sagsnummer}`,
    });
    await api.call('gennemgang.svar', { sagId: sag.id, key: 'bfu.plan', value: i % 2 ? 'delvist' : 'ja' });
    await api.call('gennemgang.fund', {
      sagId: sag.id,
      kind: 'styrke',
      text: `${m('R1FUNDMARKØR')} ${sag.sagsbehandler} i ${sag.sagsnummer}`,
      questionKey: null,
    });
    await api.call('gennemgang.handling', {
      sagId: sag.id,
      text: `${m('R1HANDLINGSMARKØR')} ret ${sag.sagsnummer}`,
      ansvarlig: sag.sagsbehandler,
      frist: '2025-06-01',
    });
    await api.call('gennemgang.dialog', {
      sagId: sag.id,
      dato: opts.fra,
      deltagere: `Lise og ${sag.sagsbehandler}`,
      refleksioner: `${m('R1DIALOGMARKØR')} om ${sag.sagsnummer}`,
    });
    await api.call('gennemgang.faerdig', { sagId: sag.id });
  }
  const named = opts.names[0] ?? '';
  await api.call('refleksion.tilfoej', { tilsynId, sagsbehandler: named, text: `Hvad gør du, ${named}?` });
  await api.call('refleksion.tilfoej', { tilsynId, sagsbehandler: null, text: `Drøft sagen ${sager[0]?.sagsnummer}` });
  await api.call('resultater.vurdering', {
    tilsynId,
    key: 'bfu.samtale',
    vurdering: `Børnesamtalen mangler, fx hos ${named}.`,
    plan: 'Temadag om børnesamtaler.',
    ansvarlig: 'Teamleder',
    frist: null,
  });
  await api.call('tilsyn.afslut', { tilsynId, navn: 'Lise Leder', dato: opts.til });
  return { tilsynId, sager };
}

/** Every text value in every table of the database. */
function allText(): string[] {
  const tables = backend.db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return tables.flatMap(({ name }) =>
    (backend.db.sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).flatMap((row) =>
      Object.values(row).filter((v): v is string => typeof v === 'string'),
    ),
  );
}

const measuresOf = (v: ResultsView) =>
  v.results.measures.map((m) => ({ key: m.key, met: m.met, applicable: m.applicable, counts: m.counts }));

let before: { old: ResultsView; current: ResultsView };

beforeAll(async () => {
  versionId = await publishedTemplate(
    api,
    { name: 'Børn og unge – myndighed', area: 'boern_unge', description: '' },
    TEMPLATE,
  );

  const old = await round({
    titel: OLD_TITLE,
    fra: '2025-01-01',
    til: '2025-03-31',
    prefix: 'R1',
    names: OLD_NAMES,
    marked: true,
  });
  oldRound = old.tilsynId;
  await api.call('tilsyn.baseline', { tilsynId: oldRound, baseline: true });
  // A reopening with a change: the log then holds a sagsnummer, the old and new note and a reason naming the sag.
  const sag = old.sager[1];
  await api.call('tilsyn.genaabn', {
    tilsynId: oldRound,
    navn: 'Lise Leder',
    begrundelse: `Noten i ${sag?.sagsnummer} hos ${sag?.sagsbehandler} rettes`,
  });
  await api.call('gennemgang.svar', {
    sagId: sag?.id ?? 0,
    key: 'bfu.samtale',
    value: 'nej',
    reason: 'R1BEGRUNDELSE',
    note: 'R1NOTEMARKØR rettet',
  });
  await api.call('tilsyn.afslut', { tilsynId: oldRound, navn: 'Lise Leder', dato: '2025-04-15' });
  await api.call('resultater.sammenfatning', { tilsynId: oldRound, tekst: 'Fremgang.' }).catch(() => undefined);

  newRound = (
    await round({
      titel: 'Ledelsestilsyn 2. kvartal 2025',
      fra: '2025-04-01',
      til: '2025-06-30',
      prefix: 'R2',
      names: ['Anne Holm'],
      marked: false,
    })
  ).tilsynId;
  before = {
    old: await api.call('resultater.get', { tilsynId: oldRound }),
    current: await api.call('resultater.get', { tilsynId: newRound }),
  };
  expect(before.old.results.breakdowns.sagsbehandler.map((b) => b.group)).toEqual([...OLD_NAMES].sort());
  expect(allText().some((t) => t.includes('R1NOTEMARKØR'))).toBe(true);
  // The raw-bytes check below would find them: they are in the file before the deletion.
  backend.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  expect(readFileSync(backend.path).includes(OLD_NAMES[0] ?? '-')).toBe(true);
  expect(readFileSync(backend.path).includes('R1NOTEMARKØR')).toBe(true);
}, 20_000);

describe('deleting case-level data', () => {
  it('is refused for a tilsyn that is not afsluttet, and without the right title', async () => {
    const draft = await api.call('tilsyn.create', {
      titel: 'Ikke afsluttet',
      periodeFra: '2025-01-01',
      periodeTil: '2025-03-31',
      enhed: 'x',
      form: 'ledelseskontrol',
      formaal: 'x',
      fokus: '',
      skabelonVersionId: versionId,
    });
    await expect(
      api.call('tilsyn.sletSagsdata', { tilsynId: draft.id, navn: 'Lise Leder', bekraeft: 'Ikke afsluttet' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('afsluttet') });
    await expect(
      api.call('tilsyn.sletSagsdata', { tilsynId: oldRound, navn: 'Lise Leder', bekraeft: 'Ledelsestilsyn' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { bekraeft: expect.stringContaining(OLD_TITLE) } });
    await expect(
      api.call('tilsyn.sletSagsdata', { tilsynId: oldRound, navn: '', bekraeft: OLD_TITLE }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { navn: 'Skriv dit navn' } });
    await expect(api.call('tilsyn.sletSagsdata', { tilsynId: 9999, navn: 'L', bekraeft: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Nothing was touched.
    expect((await api.call('tilsyn.sagsdata', { tilsynId: oldRound })).deleted).toBeNull();
  });

  it('lists the afsluttede tilsyn that are due, and deletes on command', async () => {
    const due = await api.call('tilsyn.sletbare', { olderThanMonths: 6 });
    expect(due.map((d) => d.titel)).toEqual([OLD_TITLE, 'Ledelsestilsyn 2. kvartal 2025']);
    const status = await api.call('tilsyn.sagsdata', { tilsynId: oldRound });
    expect(status.counts).toMatchObject({ sager: 8, svar: 12, fund: 6, handlinger: 6, population: 12 });

    const result = await api.call('tilsyn.sletSagsdata', {
      tilsynId: oldRound,
      navn: 'Lise Leder',
      bekraeft: ` ${OLD_TITLE} `,
    });
    expect(result.deleted?.by).toBe('Lise Leder');
    expect(result.removed).toMatchObject({ svar: 12, fund: 6, handlinger: 6, population: 12, refleksioner: 1 });
    expect(result.counts).toMatchObject({ sager: 0, svar: 0, population: 0 });
    expect((await api.call('tilsyn.sletbare', { olderThanMonths: 6 })).map((d) => d.tilsynId)).toEqual([newRound]);
    await expect(
      api.call('tilsyn.sletSagsdata', { tilsynId: oldRound, navn: 'Lise Leder', bekraeft: OLD_TITLE }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('allerede slettet') });
  });

  it('leaves no sagsnummer, caseworker name, note or finding of the round in any table or in the file', () => {
    const texts = allText();
    for (const secret of [...oldSagsnumre, ...OLD_NAMES, ...MARKERS]) {
      expect(
        texts.filter((t) => t.includes(secret)),
        secret,
      ).toEqual([]);
    }
    // The file itself, after the checkpoint: no free page keeps the old text either.
    const bytes = readFileSync(backend.path);
    const wal = existsSync(`${backend.path}-wal`) ? readFileSync(`${backend.path}-wal`) : Buffer.alloc(0);
    for (const secret of [...oldSagsnumre, ...OLD_NAMES, ...MARKERS]) {
      expect(bytes.includes(secret), secret).toBe(false);
      expect(wal.includes(secret), secret).toBe(false);
    }
    // The other round keeps all of its data.
    expect(texts.some((t) => t.includes('Anne Holm'))).toBe(true);
    expect(backend.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backend.db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps the measures and the development, without break-downs', async () => {
    const old = await api.call('resultater.get', { tilsynId: oldRound });
    expect(measuresOf(old)).toEqual(measuresOf(before.old));
    expect(old.results.overall).toEqual(before.old.results.overall);
    expect(old.results.sections).toEqual(before.old.results.sections);
    expect(old.results).toMatchObject({ sager: before.old.results.sager, faerdige: before.old.results.faerdige });
    expect(old.results.breakdowns).toEqual({ sagsbehandler: [], team: [], sagstype: [] });
    expect(old.assessments.map((a) => a.key)).toEqual(['bfu.samtale']);
    expect(old.assessments[0]?.vurdering).toBe('Børnesamtalen mangler, fx hos [fjernet].');
    expect(old.baseline).toBe(true);
    const current = await api.call('resultater.get', { tilsynId: newRound });
    expect(current.trends).toEqual(before.current.trends);
    expect(current.trends['bfu.samtale']?.map((p) => p.tilsynId)).toEqual([oldRound, newRound]);
    // The tilsyn's counts stay (skeleton sager), and the review is locked for good.
    const t = await api.call('tilsyn.get', { id: oldRound });
    expect(t).toMatchObject({ status: 'afsluttet', antalSager: 6, antalFaerdige: 6, titel: OLD_TITLE });
    await expect(
      api.call('tilsyn.genaabn', { tilsynId: oldRound, navn: 'Lise Leder', begrundelse: 'Prøve' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('kan ikke genåbnes') });
    expect((await api.call('tilsyn.get', { id: oldRound })).status).toBe('afsluttet');
    expect(unexpected).toEqual([]);
    // Feedback notes and the Excel export need the case data: they say it is gone.
    for (const call of [
      () => api.call('rapport.feedback', { tilsynId: oldRound }),
      () => api.call('eksport.excel', { tilsynIds: [oldRound, newRound] }),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('er slettet') });
  });

  it('still makes the committee report', async () => {
    const file = await api.call('rapport.udvalg', { tilsynId: oldRound });
    expect(isPdf(Buffer.from(file.dataBase64, 'base64'))).toBe(true);
    const record = await api.call('stikproeve.get', { tilsynId: oldRound });
    expect(record?.strata.map((s) => s.name)).toEqual(['Gruppe 1', 'Gruppe 2']);
    expect(record?.sager.filter((s) => s.status === 'udgaaet').map((s) => s.exclusion?.reason)).toEqual(['anden']);
  });

  it('logs the deletion with the name, and keeps who and when of the earlier entries', async () => {
    const log = await api.call('tilsyn.log', { tilsynId: oldRound });
    const last = log[log.length - 1];
    expect(last).toMatchObject({ kind: 'slettet', who: 'Lise Leder', what: 'Sagsniveau-data slettet' });
    expect(log.map((e) => e.kind)).toEqual([
      'afsluttet',
      'genaabnet',
      'aendring',
      'aendring',
      'aendring',
      'afsluttet',
      'slettet',
    ]);
    for (const e of log.filter((x) => x.kind === 'aendring')) {
      expect(e).toMatchObject({ sagsnummer: null, oldValue: null, newValue: null, who: 'Lise Leder' });
    }
    expect(log.find((e) => e.kind === 'genaabnet')?.why).toBe('Noten i [fjernet] hos [fjernet] rettes');
  });
});

describe('which tilsyn are due', () => {
  const row = (tilsynId: number, periodeTil: string, over: Partial<RetentionRow> = {}): RetentionRow => ({
    tilsynId,
    titel: `T${tilsynId}`,
    status: 'afsluttet',
    periodeFra: '2020-01-01',
    periodeTil,
    afsluttetDato: null,
    hasCaseData: true,
    ...over,
  });

  it('counts calendar months, clamping the day', () => {
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2024-05-31', 3)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
    expect(monthsBefore('2026-01-15', 0)).toBe('2026-01-15');
    expect(wholeMonthsBetween('2025-03-31', '2026-03-30')).toBe(11);
    expect(wholeMonthsBetween('2025-03-31', '2026-03-31')).toBe(12);
    expect(wholeMonthsBetween('2026-03-31', '2025-03-31')).toBe(0);
  });

  it('keeps afsluttede tilsyn with case data whose period ended more than N months ago, oldest first', () => {
    const rows = [
      row(1, '2025-11-24'),
      row(2, '2024-06-30'),
      row(3, '2025-11-25'),
      row(4, '2020-01-31', { status: 'i_gang' }),
      row(5, '2020-01-31', { hasCaseData: false }),
      row(6, '2024-06-30'),
    ];
    const due = dueForDeletion(rows, 12, '2026-11-25');
    expect(due.map((d) => d.tilsynId)).toEqual([2, 6, 1]);
    expect(due[0]?.maanederSiden).toBe(28);
    expect(dueForDeletion(rows, 0, '2025-11-25').map((d) => d.tilsynId)).toEqual([2, 6, 1]);
    expect(dueForDeletion(rows, 120, '2026-11-25')).toEqual([]);
  });

  it('confirms on the title with spaces forgiven, but not case or text', () => {
    expect(confirmsTitle('  Tilsyn   1 ', 'Tilsyn 1')).toBe(true);
    expect(confirmsTitle('tilsyn 1', 'Tilsyn 1')).toBe(false);
    expect(confirmsTitle('', '')).toBe(false);
  });

  it('keeps everything but the break-downs in the snapshot', () => {
    const results = {
      sager: 1,
      faerdige: 1,
      measures: [],
      sections: [],
      categories: [],
      overall: { met: 0, applicable: 0, share: null, smallN: false },
      breakdowns: {
        sagsbehandler: [{ group: 'Anne', sager: 1, measures: {}, met: 0, applicable: 0, share: null, smallN: false }],
        team: [],
        sagstype: [],
      },
    };
    expect(aggregateResults(results)).toEqual({
      ...results,
      breakdowns: { sagsbehandler: [], team: [], sagstype: [] },
    });
  });
});
