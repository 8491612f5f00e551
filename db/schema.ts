import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { REVIEW_FORMS, SAG_STATUSES, TILSYN_STATUSES } from '../shared/domain/tilsyn';

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
