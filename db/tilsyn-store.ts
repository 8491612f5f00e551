import { desc, eq, sql } from 'drizzle-orm';
import type { TilsynData, TilsynSummary } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';
import { skabelon, skabelonVersion, tilsyn } from './schema';

/**
 * Progress columns computed from the sampled sager; udgåede sager don't count. Written as plain SQL
 * because drizzle leaves out table names in a one-table select, which would make `id` mean sag.id here.
 */
const progress = {
  antalSager: sql<number>`(SELECT count(*) FROM sag WHERE sag.tilsyn_id = tilsyn.id AND sag.status <> 'udgaaet')`,
  antalFaerdige: sql<number>`(SELECT count(*) FROM sag WHERE sag.tilsyn_id = tilsyn.id AND sag.status = 'faerdig')`,
};

const columns = {
  id: tilsyn.id,
  titel: tilsyn.titel,
  periodeFra: tilsyn.periodeFra,
  periodeTil: tilsyn.periodeTil,
  enhed: tilsyn.enhed,
  form: tilsyn.form,
  formaal: tilsyn.formaal,
  fokus: tilsyn.fokus,
  status: tilsyn.status,
  skabelonVersionId: tilsyn.skabelonVersionId,
  afsnitValg: tilsyn.afsnitValg,
  skabelonNavn: skabelon.navn,
  skabelonVersionNummer: skabelonVersion.nummer,
  oprettet: tilsyn.oprettet,
  aendret: tilsyn.aendret,
  ...progress,
};

function selectTilsyn(orm: TilsynDatabase['orm']) {
  return orm
    .select(columns)
    .from(tilsyn)
    .leftJoin(skabelonVersion, eq(skabelonVersion.id, tilsyn.skabelonVersionId))
    .leftJoin(skabelon, eq(skabelon.id, skabelonVersion.skabelonId));
}
type Row = ReturnType<ReturnType<typeof selectTilsyn>['all']>[number];

export function createTilsynStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { orm } = db;
  const base = () => selectTilsyn(orm);
  const listQuery = base().orderBy(desc(tilsyn.periodeFra), desc(tilsyn.id)).prepare();
  const getQuery = base()
    .where(eq(tilsyn.id, sql.placeholder('id')))
    .prepare();

  const store = {
    list(): TilsynSummary[] {
      return listQuery.all().map(toSummary);
    },

    get(id: number): TilsynSummary | undefined {
      const row = getQuery.get({ id });
      return row ? toSummary(row) : undefined;
    },

    create(data: TilsynData): TilsynSummary {
      const stamp = now().toISOString();
      const { afsnit, ...rest } = data;
      const { id } = orm
        .insert(tilsyn)
        .values({
          ...rest,
          afsnitValg: afsnit ? JSON.stringify(afsnit) : null,
          status: 'planlaegning',
          oprettet: stamp,
          aendret: stamp,
        })
        .returning({ id: tilsyn.id })
        .get();
      return store.get(id) as TilsynSummary;
    },

    /** Returns undefined when no tilsyn has that id. */
    update(id: number, data: TilsynData): TilsynSummary | undefined {
      const { afsnit, ...rest } = data;
      const changed = orm
        .update(tilsyn)
        .set({ ...rest, afsnitValg: afsnit ? JSON.stringify(afsnit) : null, aendret: now().toISOString() })
        .where(eq(tilsyn.id, id))
        .run().changes;
      return changed ? store.get(id) : undefined;
    },
  };
  return store;
}

export type TilsynStore = ReturnType<typeof createTilsynStore>;

function toSummary({ afsnitValg, skabelonVersionId, skabelonNavn, skabelonVersionNummer, ...row }: Row): TilsynSummary {
  return {
    ...row,
    skabelonVersionId: skabelonVersionId ?? 0,
    afsnit: afsnitValg ? (JSON.parse(afsnitValg) as string[]) : null,
    skabelonNavn: skabelonNavn ?? '',
    skabelonVersionNummer: skabelonVersionNummer ?? 0,
  };
}
