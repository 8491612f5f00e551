import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { ROUND_KINDS } from '../shared/domain/aarshjul';
import { LOG_KINDS } from '../shared/domain/closing';
import { UNIT_LEVELS } from '../shared/domain/enhed';
import { ACTION_STATUSES, FINDING_KINDS } from '../shared/domain/findings';
import { ANSWER_ROLES } from '../shared/domain/review';
import { COUNTINGS } from '../shared/domain/sagsoverblik';
import { SECOND_REVIEW_PICKS } from '../shared/domain/second-review';
import { PAKKE_ROLES } from '../shared/domain/selvevaluering';
import { AREAS, TEMPLATE_SOURCES, VERSION_STATUSES } from '../shared/domain/template';
import { REVIEW_FORMS, SAG_STATUSES, TILSYN_STATUSES } from '../shared/domain/tilsyn';

/** A question template. Standard templates ship with the app and are read-only; leaders copy them. */
export const skabelon = sqliteTable(
  'skabelon',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    navn: text('navn').notNull(),
    omraade: text('omraade', { enum: AREAS }).notNull(),
    beskrivelse: text('beskrivelse').notNull().default(''),
    kilde: text('kilde', { enum: TEMPLATE_SOURCES }).notNull(),
    /** The shipped template's stable id, for standard templates only. */
    standardId: text('standard_id'),
    /** The template this one was copied from: a copy continues its history (issue #14). */
    kopiAf: integer('kopi_af').references((): AnySQLiteColumn => skabelon.id, { onDelete: 'set null' }),
    /** For a template that came in a pakke (issue #15): »<the other file's id>:<its template id>«. */
    kildeUid: text('kilde_uid'),
    oprettet: text('oprettet').notNull(),
    aendret: text('aendret').notNull(),
  },
  (t) => [uniqueIndex('skabelon_standard_id_uq').on(t.standardId), uniqueIndex('skabelon_kilde_uid_uq').on(t.kildeUid)],
);

/** A version's content is JSON (validated by shared/domain/skabelon.ts); frozen once published. */
export const skabelonVersion = sqliteTable(
  'skabelon_version',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    skabelonId: integer('skabelon_id')
      .notNull()
      .references(() => skabelon.id, { onDelete: 'cascade' }),
    nummer: integer('nummer').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    indhold: text('indhold').notNull(),
    oprettet: text('oprettet').notNull(),
    publiceret: text('publiceret'),
  },
  (t) => [
    uniqueIndex('skabelon_version_nummer_uq').on(t.skabelonId, t.nummer),
    // At most one draft per template.
    uniqueIndex('skabelon_version_kladde_uq').on(t.skabelonId).where(sql`status = 'kladde'`),
  ],
);

/**
 * A krav renamed between versions or copies of one template (its question key changed): the leader's word that the
 * old key's results continue as the new one's, kept per template family (the template copies descend from).
 */
export const kravKobling = sqliteTable(
  'krav_kobling',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    familieId: integer('familie_id')
      .notNull()
      .references(() => skabelon.id, { onDelete: 'cascade' }),
    gammel: text('gammel').notNull(),
    ny: text('ny').notNull(),
    oprettet: text('oprettet').notNull(),
  },
  (t) => [uniqueIndex('krav_kobling_gammel_uq').on(t.familieId, t.gammel)],
);

/**
 * An enhed: forvaltning, afdeling or team, under another or at the top. `plads` is the parent's id (0 at the top)
 * and the name's key (shared/domain/enhed.ts unitKey): two enheder of one name under one parent cannot be.
 */
export const enhed = sqliteTable(
  'enhed',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    navn: text('navn').notNull(),
    niveau: text('niveau', { enum: UNIT_LEVELS }).notNull(),
    foraelderId: integer('foraelder_id').references((): AnySQLiteColumn => enhed.id, { onDelete: 'restrict' }),
    plads: text('plads').notNull(),
    /** False for an enhed made from a tilsyn's free text when enheder came in, until the leader confirms it. */
    bekraeftet: integer('bekraeftet', { mode: 'boolean' }).notNull().default(true),
    oprettet: text('oprettet').notNull(),
    aendret: text('aendret').notNull(),
  },
  (t) => [uniqueIndex('enhed_plads_uq').on(t.plads), index('enhed_foraelder_idx').on(t.foraelderId)],
);

/**
 * An enhed's goal for a krav (issue #14): dated steps of its måltal (80 % by 31.12, 90 % by 31.03), the indicator
 * and the method of measuring. Per enhed and template family, by the krav's key.
 */
export const maalTrin = sqliteTable(
  'maal_trin',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enhedId: integer('enhed_id')
      .notNull()
      .references(() => enhed.id, { onDelete: 'cascade' }),
    familieId: integer('familie_id')
      .notNull()
      .references(() => skabelon.id, { onDelete: 'cascade' }),
    noegle: text('noegle').notNull(),
    /** JSON: [{ dato: 'åååå-mm-dd', maaltal: 0-100 }], sorted by date. */
    trin: text('trin').notNull().default('[]'),
    indikator: text('indikator').notNull().default(''),
    metode: text('metode').notNull().default(''),
    aendret: text('aendret').notNull(),
  },
  (t) => [uniqueIndex('maal_trin_uq').on(t.enhedId, t.familieId, t.noegle)],
);

export const tilsyn = sqliteTable(
  'tilsyn',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    titel: text('titel').notNull(),
    periodeFra: text('periode_fra').notNull(),
    periodeTil: text('periode_til').notNull(),
    /** The enhed's name as it was given; the enhed itself is `enhedId` (null only before enheder came in). */
    enhed: text('enhed').notNull(),
    enhedId: integer('enhed_id').references(() => enhed.id, { onDelete: 'restrict' }),
    form: text('form', { enum: REVIEW_FORMS }).notNull(),
    formaal: text('formaal').notNull(),
    fokus: text('fokus').notNull().default(''),
    status: text('status', { enum: TILSYN_STATUSES }).notNull().default('planlaegning'),
    /** The published template version the tilsyn uses; kept even when the template is edited later. */
    skabelonVersionId: integer('skabelon_version_id').references(() => skabelonVersion.id, { onDelete: 'restrict' }),
    /** JSON array of afsnit keys for a tematiseret tilsyn; null means every afsnit. */
    afsnitValg: text('afsnit_valg'),
    /** Who locked the tilsyn, and the date they gave. */
    afsluttetAf: text('afsluttet_af'),
    afsluttetDato: text('afsluttet_dato'),
    /** The round later rounds are compared with (a baseline measurement). */
    baseline: integer('baseline', { mode: 'boolean' }).notNull().default(false),
    /** The leader's short summary for the committee report. */
    sammenfatning: text('sammenfatning').notNull().default(''),
    /**
     * The enhed's goals (JSON MeasureGoal[]) as they were when the tilsyn was locked: a locked round is measured by
     * them, not by goals changed later (issue #14). Null while the tilsyn is open.
     */
    maalVedAfslutning: text('maal_ved_afslutning'),
    /**
     * A round that came in a resultatpakke (issue #15): »<the other file's id>:<its tilsyn id>«, and the SHA-256 of the
     * round as it came, so the same pakke twice changes nothing and a newer one updates the round.
     */
    kildeUid: text('kilde_uid'),
    kildeHash: text('kilde_hash'),
    /**
     * The file the pakke that brought it came from, and when that pakke was made: only that file updates the round,
     * and a pakke older than the one it came in does not take it back.
     */
    kildeFil: text('kilde_fil'),
    kildeTid: text('kilde_tid'),
    oprettet: text('oprettet').notNull(),
    aendret: text('aendret').notNull(),
  },
  (t) => [
    check('tilsyn_periode_order', sql`${t.periodeFra} <= ${t.periodeTil}`),
    index('tilsyn_oprettet_idx').on(t.oprettet),
    index('tilsyn_enhed_idx').on(t.enhedId),
    uniqueIndex('tilsyn_kilde_uid_uq').on(t.kildeUid),
  ],
);

/** A round in an enhed's årshjul (issue #14): planned with its template, form, sample rule and dates; started once. */
export const planlagtRunde = sqliteTable(
  'planlagt_runde',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enhedId: integer('enhed_id')
      .notNull()
      .references(() => enhed.id, { onDelete: 'cascade' }),
    art: text('art', { enum: ROUND_KINDS }).notNull(),
    titel: text('titel').notNull(),
    skabelonVersionId: integer('skabelon_version_id')
      .notNull()
      .references(() => skabelonVersion.id, { onDelete: 'restrict' }),
    afsnitValg: text('afsnit_valg'),
    form: text('form', { enum: REVIEW_FORMS }).notNull(),
    /** JSON: { regel: 'antal' | 'pr_sagsbehandler', antal }. */
    stikproeve: text('stikproeve').notNull(),
    ansvarlig: text('ansvarlig').notNull(),
    fra: text('fra').notNull(),
    til: text('til').notNull(),
    tilsynId: integer('tilsyn_id').references(() => tilsyn.id, { onDelete: 'set null' }),
    oprettet: text('oprettet').notNull(),
    aendret: text('aendret').notNull(),
  },
  (t) => [
    check('planlagt_runde_periode_order', sql`${t.fra} <= ${t.til}`),
    index('planlagt_runde_fra_idx').on(t.fra),
    uniqueIndex('planlagt_runde_tilsyn_uq').on(t.tilsynId),
  ],
);

/** The case population imported for a tilsyn: a snapshot, so a later import never changes this tilsyn. */
export const population = sqliteTable('population', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tilsynId: integer('tilsyn_id')
    .notNull()
    .unique()
    .references(() => tilsyn.id, { onDelete: 'cascade' }),
  kildeFil: text('kilde_fil').notNull(),
  format: text('format').notNull(),
  importeret: text('importeret').notNull(),
  antalRaekker: integer('antal_raekker').notNull(),
  /** SHA-256 of the file's bytes. */
  filHash: text('fil_hash').notNull(),
  /** SHA-256 of the stored rows in canonical order: what the sample record refers to. */
  indholdHash: text('indhold_hash').notNull(),
  mapping: text('mapping').notNull(),
  /** Headers of columns that looked like CPR numbers and were not stored. */
  fjernedeKolonner: text('fjernede_kolonner').notNull().default('[]'),
  maskerede: integer('maskerede').notNull().default(0),
  /** File rows left out on purpose (with their Danish reasons). */
  sprungneRaekker: text('sprungne_raekker').notNull().default('[]'),
});

export const populationSag = sqliteTable(
  'population_sag',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    populationId: integer('population_id')
      .notNull()
      .references(() => population.id, { onDelete: 'cascade' }),
    filRaekke: integer('fil_raekke').notNull(),
    sagsnummer: text('sagsnummer').notNull(),
    sagstype: text('sagstype').notNull().default(''),
    sagsbehandler: text('sagsbehandler').notNull().default(''),
    team: text('team').notNull().default(''),
    datoer: text('datoer').notNull().default('{}'),
    ekstra: text('ekstra').notNull().default('{}'),
    /** Entered by hand rather than imported. */
    manuel: integer('manuel', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('population_sag_nummer_uq').on(t.populationId, t.sagsnummer)],
);

/**
 * A dated sagsliste of an enhed, kept for the sagsoverblik (issue #19): imported for a tilsyn or for the overview
 * alone. Its figures (caseload without names) are kept when its sager are deleted under the retention rules.
 */
export const oversigtListe = sqliteTable(
  'oversigt_liste',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enhedId: integer('enhed_id')
      .notNull()
      .references(() => enhed.id, { onDelete: 'cascade' }),
    /** The tilsyn whose import it is; null for a list imported for the overview alone. */
    tilsynId: integer('tilsyn_id').references(() => tilsyn.id, { onDelete: 'set null' }),
    /** The day the list was taken from the case system, as the leader confirmed it. */
    dato: text('dato').notNull(),
    kildeFil: text('kilde_fil').notNull(),
    filHash: text('fil_hash').notNull(),
    importeret: text('importeret').notNull(),
    /** JSON: { sager: LoadFigures, personer: LoadFigures | null } (shared/domain/sagsoverblik.ts). */
    tal: text('tal').notNull(),
    /** Whether the list had a person column (then personer can be counted). */
    harPerson: integer('har_person', { mode: 'boolean' }).notNull().default(false),
    /** When its sager were deleted (retention), and by whom; the figures stay. */
    sagerSlettet: text('sager_slettet'),
    sagerSlettetAf: text('sager_slettet_af'),
  },
  (t) => [
    index('oversigt_liste_enhed_idx').on(t.enhedId, t.dato),
    uniqueIndex('oversigt_liste_tilsyn_uq').on(t.tilsynId),
  ],
);

/** A sag of a kept list: only what the overview needs. */
export const oversigtSag = sqliteTable(
  'oversigt_sag',
  {
    listeId: integer('liste_id')
      .notNull()
      .references(() => oversigtListe.id, { onDelete: 'cascade' }),
    /** The sagsnummer as matched between lists (shared/domain/sagsoverblik.ts caseKey). */
    noegle: text('noegle').notNull(),
    sagsnummer: text('sagsnummer').notNull(),
    sagsbehandler: text('sagsbehandler').notNull().default(''),
    team: text('team').notNull().default(''),
    sagstype: text('sagstype').notNull().default(''),
    /** HMAC-SHA256 (the file's own key) of the person reference; '' without one. */
    person: text('person').notNull().default(''),
  },
  (t) => [index('oversigt_sag_liste_idx').on(t.listeId), index('oversigt_sag_noegle_idx').on(t.noegle)],
);

/** The flow's totals between two lists, kept: still there when the lists' sager are deleted. */
export const oversigtFlow = sqliteTable(
  'oversigt_flow',
  {
    fraId: integer('fra_id')
      .notNull()
      .references(() => oversigtListe.id, { onDelete: 'cascade' }),
    tilId: integer('til_id')
      .notNull()
      .references(() => oversigtListe.id, { onDelete: 'cascade' }),
    optaelling: text('optaelling', { enum: COUNTINGS }).notNull(),
    /** JSON: FlowTotals. */
    tal: text('tal').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fraId, t.tilId, t.optaelling] }), index('oversigt_flow_til_idx').on(t.tilId)],
);

/** An enhed's måltal for the caseload per caseworker, and what its figures count. */
export const oversigtMaal = sqliteTable('oversigt_maal', {
  enhedId: integer('enhed_id')
    .primaryKey()
    .references(() => enhed.id, { onDelete: 'cascade' }),
  maal: integer('maal'),
  optaelling: text('optaelling', { enum: COUNTINGS }).notNull().default('sager'),
  aendret: text('aendret').notNull(),
});

/** The column mapping last used for a file layout (its header names), offered again next time. */
export const importMapping = sqliteTable('import_mapping', {
  layoutKey: text('layout_key').primaryKey(),
  mapping: text('mapping').notNull(),
  brugt: text('brugt').notNull(),
});

/** The sample record: everything needed to redo and check the draw. */
export const stikproeve = sqliteTable('stikproeve', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tilsynId: integer('tilsyn_id')
    .notNull()
    .unique()
    .references(() => tilsyn.id, { onDelete: 'cascade' }),
  metode: text('metode').notNull(),
  spec: text('spec').notNull(),
  seed: integer('seed').notNull(),
  populationHash: text('population_hash').notNull(),
  populationAntal: integer('population_antal').notNull(),
  udvalgtEfterFiltre: integer('udvalgt_efter_filtre').notNull(),
  strata: text('strata').notNull(),
  advarsler: text('advarsler').notNull().default('[]'),
  trukketAf: text('trukket_af').notNull(),
  trukket: text('trukket').notNull(),
});

/** A sampled sag of a tilsyn (or a spare), with its review status. */
export const sag = sqliteTable(
  'sag',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tilsynId: integer('tilsyn_id')
      .notNull()
      .references(() => tilsyn.id, { onDelete: 'cascade' }),
    sagsnummer: text('sagsnummer').notNull(),
    status: text('status', { enum: SAG_STATUSES }).notNull().default('ikke_startet'),
    populationSagId: integer('population_sag_id').references(() => populationSag.id, { onDelete: 'restrict' }),
    stratum: text('stratum').notNull().default(''),
    rolle: text('rolle', { enum: ['udvalgt', 'reserve'] })
      .notNull()
      .default('udvalgt'),
    orden: integer('orden').notNull().default(0),
    udgaaetAarsag: text('udgaaet_aarsag'),
    udgaaetNote: text('udgaaet_note'),
    udgaaetTid: text('udgaaet_tid'),
    /** For a spare brought in: the excluded sag it replaces. */
    erstatterSagId: integer('erstatter_sag_id'),
    /** Dates entered or corrected during the review (key → åååå-mm-dd); they win over imported ones. */
    datoer: text('datoer').notNull().default('{}'),
    /** Dialogbaseret: when the conversation took place, who took part, the caseworker's reflections (JSON). */
    dialog: text('dialog').notNull().default('{}'),
  },
  (t) => [uniqueIndex('sag_tilsyn_sagsnummer_uq').on(t.tilsynId, t.sagsnummer)],
);

/** One answer to one question for one sag, by the leader or (selvevaluering først) the caseworker. */
export const svar = sqliteTable(
  'svar',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sagId: integer('sag_id')
      .notNull()
      .references(() => sag.id, { onDelete: 'cascade' }),
    spoergsmaal: text('spoergsmaal').notNull(),
    rolle: text('rolle', { enum: ANSWER_ROLES }).notNull().default('leder'),
    vaerdi: text('vaerdi'),
    note: text('note').notNull().default(''),
    begrundelse: text('begrundelse').notNull().default(''),
    /** The reviewer's own judgement of a frist, instead of the computed one. */
    tilsidesat: text('tilsidesat'),
    aendret: text('aendret').notNull(),
  },
  (t) => [uniqueIndex('svar_sag_spoergsmaal_rolle_uq').on(t.sagId, t.spoergsmaal, t.rolle)],
);

/** Styrker, læringspunkter, opmærksomhedspunkter and (in a dialogue) aftaler noted on a sag. */
export const fund = sqliteTable(
  'fund',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sagId: integer('sag_id')
      .notNull()
      .references(() => sag.id, { onDelete: 'cascade' }),
    art: text('art', { enum: FINDING_KINDS }).notNull(),
    tekst: text('tekst').notNull(),
    /** The question the finding is about, if any. */
    spoergsmaal: text('spoergsmaal'),
    oprettet: text('oprettet').notNull(),
  },
  (t) => [index('fund_sag_idx').on(t.sagId)],
);

/** What must be corrected in a sag: followed up across tilsyn until done. */
export const handling = sqliteTable(
  'handling',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sagId: integer('sag_id')
      .notNull()
      .references(() => sag.id, { onDelete: 'cascade' }),
    tekst: text('tekst').notNull(),
    ansvarlig: text('ansvarlig').notNull().default(''),
    frist: text('frist'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('aaben'),
    spoergsmaal: text('spoergsmaal'),
    oprettet: text('oprettet').notNull(),
    aendret: text('aendret').notNull(),
  },
  (t) => [index('handling_sag_idx').on(t.sagId), index('handling_status_idx').on(t.status)],
);

/** Locking, reopening, and every change made after a reopening: who, when, old and new value, and why. */
export const tilsynLog = sqliteTable(
  'tilsyn_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tilsynId: integer('tilsyn_id')
      .notNull()
      .references(() => tilsyn.id, { onDelete: 'cascade' }),
    art: text('art', { enum: LOG_KINDS }).notNull(),
    tidspunkt: text('tidspunkt').notNull(),
    hvem: text('hvem').notNull(),
    sagsnummer: text('sagsnummer'),
    hvad: text('hvad').notNull().default(''),
    gammel: text('gammel'),
    ny: text('ny'),
    hvorfor: text('hvorfor').notNull().default(''),
  },
  (t) => [index('tilsyn_log_tilsyn_idx').on(t.tilsynId)],
);

/** Ledelsens vurdering and plan for one measure (question) of a tilsyn: they go into the committee report. */
export const maalVurdering = sqliteTable(
  'maal_vurdering',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tilsynId: integer('tilsyn_id')
      .notNull()
      .references(() => tilsyn.id, { onDelete: 'cascade' }),
    spoergsmaal: text('spoergsmaal').notNull(),
    vurdering: text('vurdering').notNull().default(''),
    plan: text('plan').notNull().default(''),
    ansvarlig: text('ansvarlig').notNull().default(''),
    frist: text('frist'),
    /** The plan followed up like a handling (the follow-up list; the next round's report shows it). */
    planStatus: text('plan_status', { enum: ACTION_STATUSES }).notNull().default('aaben'),
    aendret: text('aendret').notNull(),
  },
  (t) => [uniqueIndex('maal_vurdering_uq').on(t.tilsynId, t.spoergsmaal)],
);

/** Refleksionsspørgsmål for a caseworker's feedback note, or (sagsbehandler null) for the team note. */
export const refleksion = sqliteTable(
  'refleksion',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tilsynId: integer('tilsyn_id')
      .notNull()
      .references(() => tilsyn.id, { onDelete: 'cascade' }),
    sagsbehandler: text('sagsbehandler'),
    spoergsmaal: text('spoergsmaal'),
    tekst: text('tekst').notNull(),
    oprettet: text('oprettet').notNull(),
  },
  (t) => [index('refleksion_tilsyn_idx').on(t.tilsynId)],
);

/** The app's settings (kommune, forvaltning, logo for reports), one row per key. */
export const indstilling = sqliteTable('indstilling', {
  noegle: text('noegle').primaryKey(),
  vaerdi: text('vaerdi').notNull(),
});

/**
 * The results of a tilsyn whose case-level data was deleted (issue #7, retention): the aggregates, without the
 * break-downs per sagsbehandler, team and sagstype. Results, trends and the committee report read this instead.
 */
export const resultatSnapshot = sqliteTable('resultat_snapshot', {
  tilsynId: integer('tilsyn_id')
    .primaryKey()
    .references(() => tilsyn.id, { onDelete: 'cascade' }),
  /** TilsynResults as JSON, breakdowns empty. */
  resultater: text('resultater').notNull(),
  /** When the case-level data was deleted (ISO timestamp), and by whom. */
  gemt: text('gemt').notNull(),
  slettetAf: text('slettet_af').notNull(),
  /** First and last day a leader's answer was given (ISO dates), kept for the report's method section. */
  gennemgaaetFra: text('gennemgaaet_fra'),
  gennemgaaetTil: text('gennemgaaet_til'),
});

/**
 * The computed results of a locked (afsluttet) round, so the development over many rounds reads aggregates instead
 * of recomputing every answer at each start. `stempel` is the tilsyn's status and change time: any change (a
 * reopening) makes the row stale. Aggregates only: no break-downs per person.
 */
export const resultatCache = sqliteTable('resultat_cache', {
  tilsynId: integer('tilsyn_id')
    .primaryKey()
    .references(() => tilsyn.id, { onDelete: 'cascade' }),
  stempel: text('stempel').notNull(),
  resultater: text('resultater').notNull(),
});

/**
 * The publication check (issue #12): a passage of a public text the leader marked as not identifying. Kept by the
 * hash of the whole text as it is printed and the passage's place in it, never the passage itself: when the text
 * changes, the mark no longer applies and the passage is shown again.
 */
export const publiceringGodkendt = sqliteTable(
  'publicering_godkendt',
  {
    tilsynId: integer('tilsyn_id')
      .notNull()
      .references(() => tilsyn.id, { onDelete: 'cascade' }),
    /** The document whose check it was marked in (udvalg, team): the two have different readers. */
    dokument: text('dokument').notNull(),
    /** sha256 of the text, hex. */
    tekstHash: text('tekst_hash').notNull(),
    start: integer('start').notNull(),
    slut: integer('slut').notNull(),
    /** When it was marked (ISO timestamp). */
    markeret: text('markeret').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tilsynId, t.dokument, t.tekstHash, t.start, t.slut] })],
);

/**
 * A passage of an enhed's period report marked »identificerer ingen« (issue #14): its texts are the enhed's and the
 * municipality's names and the templates', so a mark belongs to the enhed, whatever the period.
 */
export const periodeGodkendt = sqliteTable(
  'periode_godkendt',
  {
    enhedId: integer('enhed_id')
      .notNull()
      .references(() => enhed.id, { onDelete: 'cascade' }),
    tekstHash: text('tekst_hash').notNull(),
    start: integer('start').notNull(),
    slut: integer('slut').notNull(),
    markeret: text('markeret').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enhedId, t.tekstHash, t.start, t.slut] })],
);

/**
 * The committee report as it was sent to the udvalg: the PDF's bytes with their sha256, so what the committee
 * received can always be shown again. The current one (gaeldende) locks the report's texts; reopening the tilsyn
 * ends it, but every sent report is kept.
 */
export const udvalgAfsendelse = sqliteTable(
  'udvalg_afsendelse',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tilsynId: integer('tilsyn_id')
      .notNull()
      .references(() => tilsyn.id, { onDelete: 'cascade' }),
    /** The date the report was sent (åååå-mm-dd, the date printed in it). */
    dato: text('dato').notNull(),
    /** Who marked it as sent. */
    hvem: text('hvem').notNull(),
    /** When it was marked (ISO timestamp). */
    registreret: text('registreret').notNull(),
    filnavn: text('filnavn').notNull(),
    /** sha256 of the PDF's bytes, hex. */
    sha256: text('sha256').notNull(),
    pdf: blob('pdf', { mode: 'buffer' }).notNull(),
    gaeldende: integer('gaeldende', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    index('udvalg_afsendelse_tilsyn_idx').on(t.tilsynId),
    uniqueIndex('udvalg_afsendelse_gaeldende_uq').on(t.tilsynId).where(sql`gaeldende = 1`),
  ],
);

/**
 * What the publication check must still recognise after a tilsyn's case-level data is deleted (issue #12): the
 * folded name parts, initials and sagsnumre of its caseworkers and sager, kept only as keyed hashes (HMAC-SHA256 with
 * the file's own key), so leftover spellings in the kept texts are still found, while the names themselves are gone.
 */
export const slettetIdentifikator = sqliteTable(
  'slettet_identifikator',
  {
    /** 'navn' (a name part), 'initialer', their skeletons (æ, ø, å as a, o, a), or 'sagsnummer'. */
    art: text('art', { enum: ['navn', 'initialer', 'skelet', 'skelet_initialer', 'sagsnummer'] }).notNull(),
    hash: text('hash').notNull(),
    /** The sagsnummer's length as compared (letters and digits only); 0 for names. */
    laengde: integer('laengde').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.art, t.hash] })],
);

/** The file's own key for slettet_identifikator's hashes: one row, made when first needed. */
export const identifikatorNoegle = sqliteTable(
  'identifikator_noegle',
  {
    id: integer('id').primaryKey(),
    noegle: blob('noegle', { mode: 'buffer' }).notNull(),
  },
  (t) => [check('identifikator_noegle_en', sql`${t.id} = 1`)],
);

/**
 * A selvevaluering in the caseworker's own file (issue #15): what the leader's selvevalueringspakke brought (her own
 * sampled sager of one tilsyn, with the template), answered here and sent back as a svarpakke.
 */
export const selvevaluering = sqliteTable('selvevaluering', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** »<the leader's file id>:<the tilsyn's id>:<the caseworker's key>«: the same pakke opened again is this one. */
  uid: text('uid').notNull().unique(),
  titel: text('titel').notNull(),
  sagsbehandler: text('sagsbehandler').notNull(),
  /** Whose answers these are: the caseworker's own (selvevaluering) or a second reviewer's (anden gennemgang). */
  rolle: text('rolle', { enum: PAKKE_ROLES }).notNull().default('sagsbehandler'),
  periodeFra: text('periode_fra').notNull(),
  periodeTil: text('periode_til').notNull(),
  /** The template version's content (JSON) and the tematiseret tilsyn's afsnit (JSON, or null for all). */
  indhold: text('indhold').notNull(),
  afsnit: text('afsnit'),
  /** Who sent it (kommune, forvaltning) and when the pakke was made. */
  fra: text('fra').notNull(),
  pakkeOprettet: text('pakke_oprettet').notNull(),
  aabnet: text('aabnet').notNull(),
});

/** One of the caseworker's sager in a selvevaluering, with her reflections on it. */
export const selvevalueringSag = sqliteTable(
  'selvevaluering_sag',
  {
    selvevalueringId: integer('selvevaluering_id')
      .notNull()
      .references(() => selvevaluering.id, { onDelete: 'cascade' }),
    /** The sag's id in the leader's file: what the answers are matched by when they come back. */
    noegle: integer('noegle').notNull(),
    orden: integer('orden').notNull(),
    sagsnummer: text('sagsnummer').notNull(),
    sagstype: text('sagstype').notNull(),
    /** The sag's dates (JSON key → åååå-mm-dd) as the leader's file had them: they decide which questions apply. */
    datoer: text('datoer').notNull(),
    refleksioner: text('refleksioner').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.selvevalueringId, t.noegle] })],
);

/** The caseworker's answer to one question of one sag, saved the moment it is given. */
export const selvevalueringSvar = sqliteTable(
  'selvevaluering_svar',
  {
    selvevalueringId: integer('selvevaluering_id')
      .notNull()
      .references(() => selvevaluering.id, { onDelete: 'cascade' }),
    noegle: integer('noegle').notNull(),
    spoergsmaal: text('spoergsmaal').notNull(),
    vaerdi: text('vaerdi'),
    note: text('note').notNull().default(''),
    begrundelse: text('begrundelse').notNull().default(''),
    tilsidesat: text('tilsidesat'),
    aendret: text('aendret').notNull(),
  },
  (t) => [primaryKey({ columns: [t.selvevalueringId, t.noegle, t.spoergsmaal] })],
);

/**
 * In the leader's file: each selvevalueringspakke sent, by tilsyn and caseworker (her name as it reads), with the
 * random token its uid carries (so a svarpakke answers only the pakke it came from, never a colleague's) and when the
 * newest svarpakke read from it was made (an older one read later does not take her answers back).
 */
export const selvevalueringUdsendelse = sqliteTable(
  'selvevaluering_udsendelse',
  {
    tilsynId: integer('tilsyn_id')
      .notNull()
      .references(() => tilsyn.id, { onDelete: 'cascade' }),
    person: text('person').notNull(),
    token: text('token').notNull().unique(),
    svarOprettet: text('svar_oprettet'),
  },
  (t) => [primaryKey({ columns: [t.tilsynId, t.person] })],
);

/**
 * A tilsyn sent or received as a fuld pakke (issue #15): its uid everywhere it goes (»<the file it was made in>:<its
 * id there>«), its fingerprint here right after it was last sent or received (`lokal`: changed here since, when it
 * differs), the fingerprint of the version it then shared (`basis`), and every version it has had in common with
 * another file (`historik`, JSON): what decides whether a pakke of it updates it, changes nothing, or is a conflict.
 */
export const tilsynSynk = sqliteTable('tilsyn_synk', {
  tilsynId: integer('tilsyn_id')
    .primaryKey()
    .references(() => tilsyn.id, { onDelete: 'cascade' }),
  uid: text('uid').notNull().unique(),
  lokal: text('lokal').notNull(),
  basis: text('basis').notNull(),
  historik: text('historik').notNull(),
});

/** The second review of a round (issue #16): who reviews the sager again, and how they were chosen. */
export const andenGennemgang = sqliteTable('anden_gennemgang', {
  tilsynId: integer('tilsyn_id')
    .primaryKey()
    .references(() => tilsyn.id, { onDelete: 'cascade' }),
  bedoemmer: text('bedoemmer').notNull(),
  udvaelgelse: text('udvaelgelse', { enum: SECOND_REVIEW_PICKS }).notNull(),
  /** The draw's seed (null when the sager were chosen by hand). */
  seed: integer('seed'),
  oprettet: text('oprettet').notNull(),
  oprettetAf: text('oprettet_af').notNull(),
  /** The random token of the pakke sent to the second reviewer's own file (null until one is sent). */
  token: text('token').unique(),
  /** When the newest svarpakke read back from her was made: an older one does not take newer answers back. */
  svarOprettet: text('svar_oprettet'),
});

/** A sag of the second review; the second reviewer's answers are the sag's svar with rolle 'anden'. */
export const andenGennemgangSag = sqliteTable(
  'anden_gennemgang_sag',
  {
    sagId: integer('sag_id')
      .primaryKey()
      .references(() => sag.id, { onDelete: 'cascade' }),
    tilsynId: integer('tilsyn_id')
      .notNull()
      .references(() => tilsyn.id, { onDelete: 'cascade' }),
  },
  (t) => [index('anden_gennemgang_sag_tilsyn_idx').on(t.tilsynId)],
);

/**
 * A moderated disagreement: what each reviewer judged (the first's judgement kept as it was, so the agreement is of
 * the judgements, not of the outcome), the final answer written into the round's answer, why, by whom and when.
 */
export const moderering = sqliteTable(
  'moderering',
  {
    sagId: integer('sag_id')
      .notNull()
      .references(() => sag.id, { onDelete: 'cascade' }),
    spoergsmaal: text('spoergsmaal').notNull(),
    foerste: text('foerste').notNull(),
    anden: text('anden').notNull(),
    endelig: text('endelig').notNull(),
    begrundelse: text('begrundelse').notNull(),
    hvem: text('hvem').notNull(),
    tid: text('tid').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sagId, t.spoergsmaal] })],
);

/**
 * A round whose report must be approved before it is marked as sent (issue #16): by whom, and the approval, bound to
 * the locking it approved (a genåbning and a new locking need a new approval).
 */
export const godkendelse = sqliteTable('godkendelse', {
  tilsynId: integer('tilsyn_id')
    .primaryKey()
    .references(() => tilsyn.id, { onDelete: 'cascade' }),
  godkender: text('godkender').notNull(),
  godkendtAf: text('godkendt_af'),
  godkendtTid: text('godkendt_tid'),
  /** The log entry of the locking that was approved. */
  afslutningId: integer('afslutning_id'),
});

/**
 * A comment pinned to a question of a sag (issue #16): a note from the second reviewer or the leader of the
 * department to the reviewer, open until it is worked through.
 */
export const kommentar = sqliteTable(
  'kommentar',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sagId: integer('sag_id')
      .notNull()
      .references(() => sag.id, { onDelete: 'cascade' }),
    spoergsmaal: text('spoergsmaal').notNull(),
    tekst: text('tekst').notNull(),
    af: text('af').notNull(),
    oprettet: text('oprettet').notNull(),
    loestAf: text('loest_af'),
    loestTid: text('loest_tid'),
  },
  (t) => [index('kommentar_sag_idx').on(t.sagId)],
);

/**
 * A practice sag for calibration (issue #16): a made-up, anonymous case kept with a template version, which several
 * leaders review to see how alike they read the questions.
 */
export const oevelsessag = sqliteTable('oevelsessag', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  skabelonVersionId: integer('skabelon_version_id')
    .notNull()
    .references(() => skabelonVersion.id, { onDelete: 'restrict' }),
  titel: text('titel').notNull(),
  /** The made-up case: what a reviewer would find in the file. */
  beskrivelse: text('beskrivelse').notNull(),
  sagstype: text('sagstype').notNull().default(''),
  /** key → åååå-mm-dd, the case's dates (JSON). */
  datoer: text('datoer').notNull().default('{}'),
  /** The practice sag it repeats for a newer version of the template, if any. */
  gentagerId: integer('gentager_id'),
  oprettet: text('oprettet').notNull(),
  oprettetAf: text('oprettet_af').notNull(),
});

/** A leader's answer to a question of a practice sag; `noegle` is her name folded (one person, one set of answers). */
export const kalibreringSvar = sqliteTable(
  'kalibrering_svar',
  {
    oevelsessagId: integer('oevelsessag_id')
      .notNull()
      .references(() => oevelsessag.id, { onDelete: 'cascade' }),
    noegle: text('noegle').notNull(),
    bedoemmer: text('bedoemmer').notNull(),
    spoergsmaal: text('spoergsmaal').notNull(),
    vaerdi: text('vaerdi'),
    note: text('note').notNull().default(''),
    begrundelse: text('begrundelse').notNull().default(''),
    tilsidesat: text('tilsidesat'),
    aendret: text('aendret').notNull(),
  },
  (t) => [primaryKey({ columns: [t.oevelsessagId, t.noegle, t.spoergsmaal] })],
);

/**
 * Coverage counted in another file (issue #15): an enhed's caseworkers and sagstyper reached in a period, as it came
 * in a resultatpakke. One figure per enhed, period and file that counted it (two leaders' files of one enhed are two
 * counts, added up); a newer count from the same file replaces an older one.
 */
export const daekningTal = sqliteTable(
  'daekning_tal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enhedId: integer('enhed_id')
      .notNull()
      .references(() => enhed.id, { onDelete: 'cascade' }),
    fra: text('fra').notNull(),
    til: text('til').notNull(),
    /** The file that counted it, and when. */
    kildeFil: text('kilde_fil').notNull(),
    beregnet: text('beregnet').notNull(),
    sagsbehandlere: integer('sagsbehandlere').notNull(),
    sagsbehandlereDaekket: integer('sagsbehandlere_daekket').notNull(),
    sagstyper: integer('sagstyper').notNull(),
    sagstyperDaekket: integer('sagstyper_daekket').notNull(),
    runder: integer('runder').notNull(),
    runderUdenSager: integer('runder_uden_sager').notNull(),
  },
  (t) => [uniqueIndex('daekning_tal_uq').on(t.enhedId, t.fra, t.til, t.kildeFil)],
);
