import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { AREAS, TEMPLATE_SOURCES, VERSION_STATUSES } from '../shared/domain/skabelon';
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
    oprettet: text('oprettet').notNull(),
    aendret: text('aendret').notNull(),
  },
  (t) => [uniqueIndex('skabelon_standard_id_uq').on(t.standardId)],
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

export const tilsyn = sqliteTable(
  'tilsyn',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    titel: text('titel').notNull(),
    periodeFra: text('periode_fra').notNull(),
    periodeTil: text('periode_til').notNull(),
    enhed: text('enhed').notNull(),
    form: text('form', { enum: REVIEW_FORMS }).notNull(),
    formaal: text('formaal').notNull(),
    fokus: text('fokus').notNull().default(''),
    status: text('status', { enum: TILSYN_STATUSES }).notNull().default('planlaegning'),
    /** The published template version the tilsyn uses; kept even when the template is edited later. */
    skabelonVersionId: integer('skabelon_version_id').references(() => skabelonVersion.id, { onDelete: 'restrict' }),
    /** JSON array of afsnit keys for a tematiseret tilsyn; null means every afsnit. */
    afsnitValg: text('afsnit_valg'),
    oprettet: text('oprettet').notNull(),
    aendret: text('aendret').notNull(),
  },
  (t) => [
    check('tilsyn_periode_order', sql`${t.periodeFra} <= ${t.periodeTil}`),
    index('tilsyn_oprettet_idx').on(t.oprettet),
  ],
);

/** A sampled sag of a tilsyn. Later migrations extend it with the sample record and review data. */
export const sag = sqliteTable(
  'sag',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tilsynId: integer('tilsyn_id')
      .notNull()
      .references(() => tilsyn.id, { onDelete: 'cascade' }),
    sagsnummer: text('sagsnummer').notNull(),
    status: text('status', { enum: SAG_STATUSES }).notNull().default('ikke_startet'),
  },
  (t) => [uniqueIndex('sag_tilsyn_sagsnummer_uq').on(t.tilsynId, t.sagsnummer)],
);
