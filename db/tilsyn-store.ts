import { desc, eq, sql } from 'drizzle-orm';
import type { Tilsyn, TilsynData, TilsynSummary } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';
import { tilsyn } from './schema';

/**
 * Progress columns computed from the sampled sager; udgåede sager don't count. Written as plain SQL
 * because drizzle leaves out table names in a one-table select, which would make `id` mean sag.id here.
 */
const progress = {
  antalSager: sql<number>`(SELECT count(*) FROM sag WHERE sag.tilsyn_id = tilsyn.id AND sag.status <> 'udgaaet')`,
  antalFaerdige: sql<number>`(SELECT count(*) FROM sag WHERE sag.tilsyn_id = tilsyn.id AND sag.status = 'faerdig')`,
};

export function createTilsynStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { orm } = db;

  const listQuery = orm
    .select({ ...tableColumns(), ...progress })
    .from(tilsyn)
    .orderBy(desc(tilsyn.periodeFra), desc(tilsyn.id))
    .prepare();

  const getQuery = orm
    .select({ ...tableColumns(), ...progress })
    .from(tilsyn)
    .where(eq(tilsyn.id, sql.placeholder('id')))
    .prepare();

  return {
    list(): TilsynSummary[] {
      return listQuery.all();
    },

    get(id: number): TilsynSummary | undefined {
      return getQuery.get({ id });
    },

    create(data: TilsynData): Tilsyn {
      const stamp = now().toISOString();
      return orm
        .insert(tilsyn)
        .values({ ...data, status: 'planlaegning', oprettet: stamp, aendret: stamp })
        .returning()
        .get();
    },

    /** Returns undefined when no tilsyn has that id. */
    update(id: number, data: TilsynData): Tilsyn | undefined {
      return orm
        .update(tilsyn)
        .set({ ...data, aendret: now().toISOString() })
        .where(eq(tilsyn.id, id))
        .returning()
        .get();
    },
  };
}

export type TilsynStore = ReturnType<typeof createTilsynStore>;

function tableColumns() {
  return {
    id: tilsyn.id,
    titel: tilsyn.titel,
    periodeFra: tilsyn.periodeFra,
    periodeTil: tilsyn.periodeTil,
    enhed: tilsyn.enhed,
    form: tilsyn.form,
    formaal: tilsyn.formaal,
    fokus: tilsyn.fokus,
    status: tilsyn.status,
    oprettet: tilsyn.oprettet,
    aendret: tilsyn.aendret,
  };
}
