import fc from 'fast-check';
import type { ApiClient } from '../../shared/api/client';
import type { MethodInput, MethodName } from '../../shared/api/contract';
import { JND_OPTIONS } from '../../shared/domain/template';
import { finishSag, lockTilsyn, publishedTemplate, sampledTilsyn } from './scenario';
import { smallTemplate } from './templates';

// The CPR property's material: a database where every method has something to work on, one valid input per
// method that fills every string field its schema has, and CPR numbers in every spelling to put into them.

/** The template of the scenario: every text field a template has, filled in. */
export const fullTemplate = {
  dateFields: smallTemplate.dateFields,
  sections: [
    {
      key: 'bfu',
      title: 'Børnefaglig undersøgelse',
      description: 'Undersøgelsen efter Barnets Lov',
      rules: [{ type: 'sagstype' as const, anyOf: ['Barn', 'Ung'] }],
      questions: [
        {
          key: 'bfu.frist',
          text: 'Er undersøgelsen afsluttet inden for 4 måneder?',
          help: 'Regnes fra kommunen blev opmærksom',
          legalRef: 'Barnets Lov § 20',
          category: 'lovmedholdelighed' as const,
          answerType: 'frist' as const,
          frist: {
            fra: 'opmaerksomhed',
            til: 'bfu_afsluttet',
            graense: 4,
            enhed: 'maaneder' as const,
            kilde: 'Barnets Lov § 26',
            tidligereRegler: [{ foer: '2024-01-01', graense: 4, enhed: 'maaneder' as const, kilde: 'SEL § 50' }],
          },
          target: 100,
        },
        {
          key: 'bfu.samtale',
          text: 'Er der holdt børnesamtale?',
          help: 'Se journalen',
          legalRef: 'Barnets Lov § 19',
          category: 'lovmedholdelighed' as const,
          answerType: 'jnd' as const,
          options: JND_OPTIONS,
        },
        {
          key: 'bfu.opfoelgning',
          text: 'Er der fulgt op på samtalen?',
          category: 'proces' as const,
          answerType: 'jnd' as const,
          options: JND_OPTIONS,
          rules: [{ type: 'svar' as const, question: 'bfu.samtale', anyOf: ['ja', 'delvist'] }],
        },
      ],
    },
    {
      key: 'plan',
      title: 'Handleplan',
      rules: [
        { type: 'svar' as const, question: 'bfu.samtale', anyOf: ['ja'] },
        { type: 'dato' as const, felt: 'opmaerksomhed', fra: '2024-01-01', foer: '2030-01-01', kilde: 'Lov nr. 1' },
      ],
      questions: [
        {
          key: 'plan.findes',
          text: 'Er der en handleplan?',
          category: 'kvalitet' as const,
          answerType: 'jnd' as const,
          options: JND_OPTIONS,
          rules: [
            { type: 'sagstype' as const, anyOf: ['Barn'] },
            { type: 'dato' as const, felt: 'bfu_afsluttet', fra: '2020-01-01', foer: '2030-01-01', kilde: 'Lov nr. 2' },
          ],
        },
      ],
    },
  ],
};

export interface Baseline {
  tilsynId: number;
  sagId: number;
  /** Every sag færdig: ready to be locked. */
  readyId: number;
  /** Locked, with its title. */
  lockedId: number;
  lockedTitle: string;
  draftVersionId: number;
  skabelonId: number;
  publishedVersionId: number;
  findingId: number;
  actionId: number;
  reflectionId: number;
  backupFileName: string;
  folder: string;
  /** An afdeling, and two teams under it. */
  unitId: number;
  teamIds: [number, number];
  /** Two planned rounds of the årshjul, not started. */
  planIds: [number, number];
  /** Two sagslister of the afdeling in the sagsoverblik (January and February). */
  listIds: [number, number];
}

/** A round of the årshjul with every field filled in. */
const plannedRound = (enhedId: number, skabelonVersionId: number) => ({
  enhedId,
  art: 'loebende' as const,
  titel: 'Marts-runde',
  skabelonVersionId,
  afsnit: ['bfu'],
  form: 'ledelseskontrol' as const,
  stikproeve: { regel: 'pr_sagsbehandler' as const, antal: 1 },
  ansvarlig: 'Teamleder Nord',
  fra: '2026-03-01',
  til: '2026-03-31',
});

/** Builds the scenario every input refers to. */
export async function buildBaseline(api: ApiClient, folder: string): Promise<Baseline> {
  const publishedVersionId = await publishedTemplate(
    api,
    { name: 'Fuld', area: 'andet', description: 'Alt' },
    fullTemplate,
  );
  const tilsyn = { skabelonVersionId: publishedVersionId, form: 'dialogbaseret' as const };
  const main = await sampledTilsyn(api, { sager: 4, tilsyn, teams: ['Nord', 'Syd'] });
  const sagId = main.sager[0]?.id ?? 0;
  const ready = await sampledTilsyn(api, { sager: 2, tilsyn: { ...tilsyn, titel: 'Klar' } });
  for (const s of ready.sager) await finishSag(api, s.id);
  const lockedTitle = 'Låst runde';
  const locked = await sampledTilsyn(api, { sager: 2, tilsyn: { ...tilsyn, titel: lockedTitle } });
  for (const s of locked.sager) await finishSag(api, s.id);
  await lockTilsyn(api, locked.tilsynId, { dato: '2026-04-01' });
  const review = await api.call('gennemgang.fund', { sagId, kind: 'styrke', text: 'God samtale' });
  const withAction = await api.call('gennemgang.handling', { sagId, text: 'Ret planen' });
  const reflections = await api.call('refleksion.tilfoej', {
    tilsynId: main.tilsynId,
    sagsbehandler: null,
    text: 'Hvad lærte vi?',
  });
  const { skabelonId, versionId: draftVersionId } = await api.call('skabelon.copy', {
    versionId: publishedVersionId,
    meta: { name: 'Kladde', area: 'andet' },
  });
  const afdeling = await api.call('enheder.opret', { navn: 'Børn og Familie', niveau: 'afdeling' });
  const teams = [
    await api.call('enheder.opret', { navn: 'Team Vest', niveau: 'team', foraelderId: afdeling.id }),
    await api.call('enheder.opret', { navn: 'Team Øst', niveau: 'team', foraelderId: afdeling.id }),
  ];
  const plan = plannedRound(teams[0]?.id ?? 0, publishedVersionId);
  const planned = [
    await api.call('aarshjul.opret', plan),
    await api.call('aarshjul.opret', { ...plan, titel: 'April' }),
  ];
  const list = (dato: string) =>
    api.call('sagsoverblik.importer', {
      enhedId: afdeling.id,
      fileName: `sager ${dato}.csv`,
      dataBase64: Buffer.from(CSV).toString('base64'),
      headerRow: 0,
      mapping: MAPPING,
      dato,
    });
  const lists = [await list('2026-01-01'), await list('2026-02-01')];
  const backup = await api.call('sikkerhedskopi.tag', {});
  return {
    tilsynId: main.tilsynId,
    sagId,
    readyId: ready.tilsynId,
    lockedId: locked.tilsynId,
    lockedTitle,
    draftVersionId,
    skabelonId,
    publishedVersionId,
    findingId: review.findings[0]?.id ?? 0,
    actionId: withAction.actions[0]?.id ?? 0,
    reflectionId: reflections[0]?.id ?? 0,
    backupFileName: backup.fileName,
    folder,
    unitId: afdeling.id,
    teamIds: [teams[0]?.id ?? 0, teams[1]?.id ?? 0],
    planIds: [planned[0]?.id ?? 0, planned[1]?.id ?? 0],
    listIds: [lists[0]?.id ?? 0, lists[1]?.id ?? 0],
  };
}

const CSV = 'Sagsnr.;Sagstype;Rådgiver;Team;Kommunen blev opmærksom\n2026-101;Barn;Anne Holm;Nord;01-02-2026\n';
const MAPPING = [
  { header: 'Sagsnr.', target: 'sagsnummer' as const },
  { header: 'Sagstype', target: 'sagstype' as const },
  { header: 'Rådgiver', target: 'sagsbehandler' as const },
  { header: 'Team', target: 'team' as const },
  { header: 'Kommunen blev opmærksom', target: 'dato' as const, dateKey: 'opmaerksomhed' },
];

/** One valid input per method, each string field of its schema present (the coverage test holds it to that). */
export function baseInputs(b: Baseline): { [M in MethodName]: MethodInput<M> } {
  const file = { tilsynId: b.tilsynId, fileName: 'sager.csv', dataBase64: Buffer.from(CSV).toString('base64') };
  const mapping = MAPPING;
  const spec = {
    method: 'stratificeret' as const,
    size: 2,
    strataBy: 'team' as const,
    perStratum: 1,
    seed: 7,
    filters: {
      sagstyper: ['Barn', 'Ung'],
      teams: ['Nord', 'Syd'],
      dateKey: 'opmaerksomhed',
      dateFrom: '2020-01-01',
      dateTo: '2030-01-01',
    },
  };
  const facts = { sagstype: 'Barn', sagsbehandler: 'Bo Nielsen', team: 'Nord', dates: { opmaerksomhed: '2026-02-01' } };
  const tilsyn = {
    titel: 'Runde to',
    periodeFra: '2026-01-01',
    periodeTil: '2026-03-31',
    enhed: 'Team Nord',
    form: 'ledelseskontrol' as const,
    formaal: 'Lovmedholdelighed',
    fokus: 'Børnesamtaler',
    skabelonVersionId: b.publishedVersionId,
    afsnit: ['bfu'],
  };
  const note = { note: 'Samtalen er holdt', reason: 'Ingen plan', value: 'nej' };
  return {
    'app.info': {},
    'app.databaser': {},
    'app.vaelgSti': { hvad: 'mappe' },
    'app.eksempel': {},
    'app.aabnDatabase': { path: `${b.folder}/anden.db` },
    'tilsyn.list': {},
    'tilsyn.get': { id: b.tilsynId },
    'tilsyn.create': tilsyn,
    'tilsyn.update': { id: b.tilsynId, data: tilsyn },
    'skabelon.list': {},
    'skabelon.get': { id: b.skabelonId },
    'skabelon.version': { versionId: b.draftVersionId },
    'skabelon.copy': { versionId: b.publishedVersionId, meta: { name: 'Kopi', area: 'andet', description: 'Lokal' } },
    'skabelon.updateMeta': { id: b.skabelonId, meta: { name: 'Kladde', area: 'andet', description: 'Ny' } },
    'skabelon.createDraft': { skabelonId: b.skabelonId },
    'skabelon.saveDraft': { versionId: b.draftVersionId, content: fullTemplate },
    'skabelon.publish': { versionId: b.draftVersionId },
    'skabelon.deleteDraft': { versionId: b.draftVersionId },
    'skabelon.export': { versionId: b.publishedVersionId },
    'skabelon.import': { fileName: 'delt.json', text: '' },
    'population.preview': file,
    'population.check': { ...file, headerRow: 0, mapping },
    'population.import': { ...file, headerRow: 0, mapping, skipInvalid: true, listeDato: '2026-02-01' },
    'population.get': { tilsynId: b.tilsynId },
    'population.sager': { tilsynId: b.tilsynId },
    'population.side': { tilsynId: b.tilsynId, soeg: 'Anne', fra: 0, antal: 50 },
    'population.addSag': { tilsynId: b.readyId, sag: { sagsnummer: '2026-900', ...facts } },
    'population.updateSag': { id: 1, facts },
    'stikproeve.get': { tilsynId: b.tilsynId },
    'stikproeve.preview': { tilsynId: b.tilsynId, spec },
    'stikproeve.draw': { tilsynId: b.tilsynId, spec, drawnBy: 'Lene Leder' },
    'stikproeve.exclude': { sagId: b.sagId, reason: 'anden', note: 'Forkert sag' },
    'gennemgang.sager': { tilsynId: b.tilsynId },
    'gennemgang.sag': { sagId: b.sagId },
    'gennemgang.svar': {
      sagId: b.sagId,
      key: 'bfu.samtale',
      ...note,
      override: { outcome: 'opfyldt', reason: 'Aftalt' },
    },
    'gennemgang.dato': { sagId: b.sagId, key: 'opmaerksomhed', date: '2026-01-05' },
    'kvalitet.opret': {
      tilsynId: b.tilsynId,
      bedoemmer: 'Mette Berg',
      udvaelgelse: { art: 'antal', antal: 1 },
      seed: 7,
      navn: 'Lene Leder',
    },
    'kvalitet.get': { tilsynId: b.tilsynId },
    'kvalitet.moderer': { sagId: b.sagId, key: 'bfu.samtale', value: 'ja', begrundelse: 'Aftalt', navn: 'Lene' },
    'kvalitet.sager': { tilsynId: b.tilsynId },
    'kvalitet.godkendelse': { tilsynId: b.tilsynId },
    'kvalitet.kommentarer': { tilsynId: b.tilsynId },
    'kalibrering.list': {},
    'kalibrering.opret': {
      skabelonVersionId: b.publishedVersionId,
      titel: 'Øvelsessag om Anne',
      beskrivelse: 'En opdigtet sag: underretning i januar, samtale i februar.',
      sagstype: '§ 50',
      datoer: { opmaerksomhed: '2026-01-05' },
      navn: 'Lene Leder',
    },
    'kalibrering.get': { id: 1 },
    'kalibrering.svar': {
      id: 1,
      bedoemmer: 'Mette Berg',
      key: 'bfu.samtale',
      ...note,
      override: { outcome: 'opfyldt', reason: 'Aftalt' },
    },
    'kalibrering.gentag': { id: 1, skabelonVersionId: b.publishedVersionId, navn: 'Lene Leder' },
    'kvalitet.kommenter': { sagId: b.sagId, key: 'bfu.samtale', tekst: 'Se på datoen igen', navn: 'Mette Berg' },
    'kvalitet.loes': { id: 1, navn: 'Lene Leder' },
    'kvalitet.godkender': { tilsynId: b.tilsynId, godkender: 'Jens Hansen', navn: 'Lene' },
    'kvalitet.godkend': { tilsynId: b.tilsynId, navn: 'Jens Hansen' },
    'kvalitet.sag': { sagId: b.sagId },
    'kvalitet.svar': {
      sagId: b.sagId,
      key: 'bfu.samtale',
      ...note,
      override: { outcome: 'opfyldt', reason: 'Aftalt' },
    },
    'gennemgang.faerdig': { sagId: b.sagId },
    'gennemgang.fund': { sagId: b.sagId, kind: 'laeringspunkt', text: 'Husk samtalen', questionKey: 'bfu.samtale' },
    'gennemgang.fundRet': { id: b.findingId, text: 'Husk børnesamtalen', questionKey: 'bfu.samtale' },
    'gennemgang.fundSlet': { id: b.findingId },
    'gennemgang.handling': {
      sagId: b.sagId,
      text: 'Opdatér planen',
      ansvarlig: 'Anne Holm',
      frist: '2026-06-01',
      questionKey: 'bfu.samtale',
    },
    'gennemgang.handlingRet': {
      id: b.actionId,
      text: 'Opdatér handleplanen',
      ansvarlig: 'Bo',
      frist: '2026-07-01',
      questionKey: 'bfu.frist',
    },
    'gennemgang.handlingSlet': { id: b.actionId },
    'gennemgang.dialog': { sagId: b.sagId, dato: '2026-02-02', deltagere: 'Anne og Lene', refleksioner: 'Godt' },
    'aarshjul.aar': { aar: 2026, enhedId: b.unitId },
    'aarshjul.opret': plannedRound(b.teamIds?.[0] ?? 0, b.publishedVersionId),
    'aarshjul.opretSerie': {
      ...(({ fra: _f, til: _t, ...rest }) => rest)(plannedRound(b.teamIds?.[0] ?? 0, b.publishedVersionId)),
      aar: 2027,
      hyppighed: 'kvartal',
      titel: 'Kvartalsrunde',
    },
    'aarshjul.ret': { ...plannedRound(b.teamIds?.[0] ?? 0, b.publishedVersionId), id: b.planIds?.[0] ?? 0 },
    'aarshjul.slet': { id: b.planIds?.[0] ?? 0 },
    'aarshjul.start': { id: b.planIds?.[1] ?? 0 },
    'aarshjul.daekning': { enhedId: b.unitId, aar: 2026, kvote: { antal: 1, per: 'kvartal' } },
    'enheder.list': {},
    'pakke.resultater': { enhedId: b.unitId, fra: '2026-01-01', til: '2026-12-31' },
    'pakke.indlaes': { fileName: 'runde.tilsyn', dataBase64: Buffer.from('ikke en pakke').toString('base64') },
    'pakke.fuld': { tilsynId: b.tilsynId },
    'pakke.indlaesFuld': {
      fileName: 'tilsyn.tilsyn',
      dataBase64: Buffer.from('ikke en pakke').toString('base64'),
      valg: 'behold_begge',
    },
    'pakke.selvevaluering': { tilsynId: b.tilsynId, sagsbehandler: 'Bo Nielsen' },
    'pakke.selvevalueringer': { tilsynId: b.tilsynId },
    'pakke.andenGennemgang': { tilsynId: b.tilsynId },
    'pakke.svar': { fileName: 'svar.tilsyn', dataBase64: Buffer.from('ikke en pakke').toString('base64') },
    'selvevaluering.list': {},
    'selvevaluering.aabn': { fileName: 'selv.tilsyn', dataBase64: Buffer.from('ikke en pakke').toString('base64') },
    'selvevaluering.get': { id: 1 },
    'selvevaluering.svar': {
      id: 1,
      noegle: 1,
      key: 'bfu.frist',
      ...note,
      override: { outcome: 'opfyldt', reason: 'Aftalt' },
    },
    'selvevaluering.refleksion': { id: 1, noegle: 1, tekst: 'Jeg så, at planen manglede' },
    'selvevaluering.svarfil': { id: 1 },
    'sagsoverblik.lister': { enhedId: b.unitId },
    'sagsoverblik.preview': { enhedId: b.unitId, fileName: file.fileName, dataBase64: file.dataBase64 },
    'sagsoverblik.check': {
      enhedId: b.unitId,
      fileName: file.fileName,
      dataBase64: file.dataBase64,
      headerRow: 0,
      mapping,
    },
    'sagsoverblik.importer': {
      enhedId: b.unitId,
      fileName: file.fileName,
      dataBase64: file.dataBase64,
      headerRow: 0,
      mapping,
      skipInvalid: true,
      dato: '2026-03-01',
    },
    'sagsoverblik.slet': { id: b.listIds?.[1] ?? 0 },
    'sagsoverblik.sammenlign': { fraId: b.listIds?.[0] ?? 0, tilId: b.listIds?.[1] ?? 0 },
    'sagsoverblik.maaneder': { enhedId: b.unitId, fra: '2026-01', til: '2026-12' },
    'sagsoverblik.belastning': { id: b.listIds?.[0] ?? 0 },
    'sagsoverblik.maal': { enhedId: b.unitId, maal: 25, optaelling: 'sager' },
    'sagsoverblik.sletSager': { enhedId: b.unitId, foer: '2026-01-15', navn: 'Lene Leder' },
    'enheder.sammenlign': { enhedId: b.unitId, aar: 2026 },
    'enheder.opret': { navn: 'Team Syd', niveau: 'team', foraelderId: b.unitId },
    'enheder.ret': { id: b.teamIds?.[1] ?? 0, navn: 'Team Øst og Syd', niveau: 'team', foraelderId: b.unitId },
    'enheder.flet': { fraId: b.teamIds?.[1] ?? 0, tilId: b.teamIds?.[0] ?? 0 },
    'enheder.slet': { id: b.teamIds?.[1] ?? 0 },
    'resultater.maal': {
      tilsynId: b.tilsynId,
      key: 'bfu.samtale',
      steps: [{ dato: '2026-12-31', maaltal: 80 }],
      indikator: 'Andel sager med børnesamtale',
      metode: 'Stikprøve hvert kvartal',
    },
    'resultater.koblinger': { tilsynId: b.tilsynId },
    'rapport.periode': { enhedId: b.unitId, fra: '2026-01-01', til: '2026-12-31' },
    'rapport.periodeTjek': { enhedId: b.unitId, fra: '2026-01-01', til: '2026-12-31' },
    'rapport.periodeMarker': {
      enhedId: b.unitId,
      fra: '2026-01-01',
      til: '2026-12-31',
      textHash: 'a'.repeat(64),
      start: 0,
      end: 4,
      ok: true,
    },
    'resultater.kobl': { tilsynId: b.tilsynId, gammel: 'bfu.gammel-frist', ny: 'bfu.frist' },
    'handlinger.list': {},
    'handlinger.status': { id: b.actionId, status: 'udfoert' },
    'handlinger.planStatus': { tilsynId: b.tilsynId, key: 'bfu.samtale', status: 'udfoert' },
    'tilsyn.afslut': { tilsynId: b.readyId, navn: 'Lene Leder', dato: '2026-04-02' },
    'tilsyn.genaabn': { tilsynId: b.lockedId, navn: 'Lene Leder', begrundelse: 'En sag manglede' },
    'tilsyn.log': { tilsynId: b.lockedId },
    'tilsyn.baseline': { tilsynId: b.tilsynId, baseline: true },
    'resultater.get': { tilsynId: b.tilsynId },
    'resultater.vurdering': {
      tilsynId: b.tilsynId,
      key: 'bfu.samtale',
      vurdering: 'For lavt',
      plan: 'Undervisning',
      ansvarlig: 'Lene',
      frist: '2026-09-01',
    },
    'resultater.sammenfatning': { tilsynId: b.tilsynId, tekst: 'Samlet set godt' },
    'indstillinger.get': {},
    'indstillinger.gem': { kommune: 'Eksempel Kommune', forvaltning: 'Børn og Familie', logo: null, minCell: 3 },
    'rapport.udvalg': { tilsynId: b.tilsynId },
    'rapport.tjek': { tilsynId: b.tilsynId, dokument: 'udvalg' },
    'rapport.marker': { tilsynId: b.tilsynId, dokument: 'team', textHash: 'a'.repeat(64), start: 0, end: 4, ok: true },
    'rapport.send': { tilsynId: b.tilsynId, navn: 'Lene Leder' },
    'rapport.afsendelser': { tilsynId: b.tilsynId },
    'rapport.afsendt': { tilsynId: b.tilsynId, id: 1 },
    'rapport.feedback': { tilsynId: b.tilsynId },
    'rapport.feedbackZip': { tilsynId: b.tilsynId },
    'rapport.feedbackMappe': { tilsynId: b.tilsynId, folder: b.folder },
    'refleksion.list': { tilsynId: b.tilsynId },
    'refleksion.tilfoej': {
      tilsynId: b.tilsynId,
      sagsbehandler: 'Anne Holm',
      questionKey: 'bfu.samtale',
      text: 'Hvad gør vi?',
    },
    'refleksion.slet': { id: b.reflectionId },
    'refleksion.forslag': { tilsynId: b.tilsynId, sagsbehandler: 'Anne Holm' },
    'opgave.status': { id: 'abcdefghijklmnop' },
    'opgave.annuller': { id: 'abcdefghijklmnop' },
    'sikkerhedskopi.list': {},
    'sikkerhedskopi.tag': {},
    'sikkerhedskopi.gendan': { fileName: b.backupFileName },
    'eksport.excel': { tilsynIds: [b.tilsynId] },
    'tilsyn.sagsdata': { tilsynId: b.tilsynId },
    'tilsyn.sletSagsdata': { tilsynId: b.lockedId, navn: 'Lene Leder', bekraeft: b.lockedTitle },
    'tilsyn.sletbare': { olderThanMonths: 0 },
  };
}

// ---------- CPR numbers in every spelling ----------

/** How the ten digits are grouped and separated: `d` is a digit. */
export const LAYOUTS = [
  'dddddddddd',
  'dddddd-dddd',
  'dddddd–dddd',
  'dddddd—dddd',
  'dddddd−dddd',
  'dddddd dddd',
  'dddddd\u00a0dddd',
  'dddddd\u2009dddd',
  'dddddd\u202fdddd',
  'dddddd\tdddd',
  'dddddd.dddd',
  'dddddd/dddd',
  'dddddd_dddd',
  'dddddd - dddd',
  'dddddd--dddd',
  'dd.dd.dd-dddd',
  'dd.dd.dd.dddd',
  'dd dd dd dddd',
  'dd dd dd dd dd',
  'dd-dd-dd dd dd',
  'dd/dd/dd-dddd',
  'dd.dd.dd - dd dd',
];

/** The digit 0 of each script a number may arrive in (ASCII, full-width, Arabic-Indic, Persian, Devanagari, bold). */
export const ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x1d7ce];

/** Characters that do not show, put anywhere inside the number. */
export const INVISIBLES = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e'];

/** Ten digits that form a date-valid DDMMYY + serial (the 7th digit and the century agree). */
export const cprDigits = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    yy: fc.integer({ min: 0, max: 99 }),
    serial: fc.integer({ min: 0, max: 3999 }),
  })
  .map(({ day, month, yy, serial }) =>
    [day, month, yy]
      .map((n) => String(n).padStart(2, '0'))
      .join('')
      .concat(String(serial).padStart(4, '0')),
  );

/** The digits spelled in a layout, a script and with invisible characters at given places. */
export function spell(digits: string, layout: string, zero: number, invisible: { at: number; char: string }[]): string {
  let k = 0;
  let out = '';
  for (const c of layout) {
    out += c === 'd' ? String.fromCodePoint(zero + Number(digits[k++])) : c;
  }
  const chars = [...out];
  for (const { at, char } of invisible) chars.splice(1 + (at % (chars.length - 1)), 0, char);
  return chars.join('');
}

export const spelledCpr = fc
  .record({
    digits: cprDigits,
    layout: fc.constantFrom(...LAYOUTS),
    zero: fc.constantFrom(...ZEROS),
    invisible: fc.array(fc.record({ at: fc.nat(30), char: fc.constantFrom(...INVISIBLES) }), { maxLength: 2 }),
  })
  .map((r) => ({ digits: r.digits, text: spell(r.digits, r.layout, r.zero, r.invisible) }));

/** Text without digits around the number, and how it is joined to it (glued to letters, after a colon …). */
export const surroundings = fc.record({
  before: fc.constantFrom('', 'Barnets cpr ', 'Se SAG', 'CPR:', 'https://borger.example.dk/p?cpr=', '(', 'nr. '),
  after: fc.constantFrom('', ' fremgår af sagen', ')', '-A', '&vis=ja', '.'),
});

/** Removes what hides a number from a plain search: for the tests' own check, apart from the detector's. */
export function plainDigits(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    if (/[\p{Cf}\p{M}\s\p{Pd}\u2212._/\\]/u.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    const zero = ZEROS.find((z) => cp >= z && cp < z + 10);
    out += zero !== undefined && zero !== 0x30 ? String(cp - zero) : ch;
  }
  return out;
}
