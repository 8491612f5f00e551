import { eq } from 'drizzle-orm';
import type { SentMark, TilsynData, TilsynListItem, TilsynSummary } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';
import { tilsyn } from './schema';

/**
 * The list and get queries are plain SQL: drizzle's row mapping cost 10 ms per 1,000 tilsyn, more than
 * the query itself. Progress counts the sampled sager; udgåede sager don't count. A round whose sager are gone (deleted
 * after retention, or imported from a pakke) counts them from the results it kept.
 */
const selectTilsyn = (longText: string) => `
  SELECT t.id, t.titel, t.periode_fra AS periodeFra, t.periode_til AS periodeTil, t.enhed, t.enhed_id AS enhedId, t.form, ${longText}
         t.status, t.skabelon_version_id AS skabelonVersionId, t.afsnit_valg AS afsnitValg,
         s.navn AS skabelonNavn, v.nummer AS skabelonVersionNummer, t.oprettet, t.aendret,
         t.afsluttet_af AS afsluttetAf, t.afsluttet_dato AS afsluttetDato, t.kilde_uid IS NOT NULL AS indlaest,
         EXISTS (SELECT 1 FROM population p WHERE p.tilsyn_id = t.id) AS harSagsliste,
         (SELECT json_object('dato', u.dato, 'hvem', u.hvem) FROM udvalg_afsendelse u
          WHERE u.tilsyn_id = t.id AND u.gaeldende = 1) AS sendt,
         coalesce(json_extract(r.resultater, '$.sager'),
           (SELECT count(*) FROM sag WHERE sag.tilsyn_id = t.id AND sag.rolle = 'udvalgt' AND sag.status <> 'udgaaet')) AS antalSager,
         coalesce(json_extract(r.resultater, '$.faerdige'),
           (SELECT count(*) FROM sag WHERE sag.tilsyn_id = t.id AND sag.rolle = 'udvalgt' AND sag.status = 'faerdig')) AS antalFaerdige,
         (SELECT count(*) FROM sag WHERE sag.tilsyn_id = t.id AND sag.rolle = 'udvalgt' AND sag.status = 'i_gang')
           AS antalIGang
  FROM tilsyn t
  LEFT JOIN resultat_snapshot r ON r.tilsyn_id = t.id
  LEFT JOIN skabelon_version v ON v.id = t.skabelon_version_id
  LEFT JOIN skabelon s ON s.id = v.skabelon_id`;

type Row = Omit<
  TilsynListItem,
  'afsnit' | 'skabelonNavn' | 'skabelonVersionNummer' | 'skabelonVersionId' | 'sendt' | 'indlaest' | 'harSagsliste'
> & {
  sendt: string | null;
  indlaest: number;
  harSagsliste: number;
  afsnitValg: string | null;
  skabelonVersionId: number | null;
  skabelonNavn: string | null;
  skabelonVersionNummer: number | null;
};

export function createTilsynStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { orm, sqlite } = db;
  // The list leaves out the long texts (formål, fokus) that only the tilsyn's own page shows.
  const listQuery = sqlite.prepare<[], Row>(`${selectTilsyn('')} ORDER BY t.periode_fra DESC, t.id DESC`);
  const getQuery = sqlite.prepare<[number], Row & Pick<TilsynSummary, 'formaal' | 'fokus'>>(
    `${selectTilsyn('t.formaal, t.fokus,')} WHERE t.id = ?`,
  );

  const store = {
    list(): TilsynListItem[] {
      return listQuery.all().map(toListItem);
    },

    get(id: number): TilsynSummary | undefined {
      const row = getQuery.get(id);
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

/**
 * A row as the API gives it, field by field: spreading better-sqlite3's rows (`...row`) cost 8 ms per 1,000 tilsyn,
 * more than the query (issue #18). The types name every field, so one added to a tilsyn is a compile error here.
 */
function toListItem(row: Row): TilsynListItem {
  return {
    id: row.id,
    titel: row.titel,
    periodeFra: row.periodeFra,
    periodeTil: row.periodeTil,
    enhed: row.enhed,
    enhedId: row.enhedId,
    form: row.form,
    status: row.status,
    skabelonVersionId: row.skabelonVersionId ?? 0,
    afsnit: row.afsnitValg ? (JSON.parse(row.afsnitValg) as string[]) : null,
    skabelonNavn: row.skabelonNavn ?? '',
    skabelonVersionNummer: row.skabelonVersionNummer ?? 0,
    afsluttetAf: row.afsluttetAf,
    afsluttetDato: row.afsluttetDato,
    sendt: row.sendt ? (JSON.parse(row.sendt) as SentMark) : null,
    indlaest: row.indlaest === 1,
    oprettet: row.oprettet,
    aendret: row.aendret,
    antalSager: row.antalSager,
    antalFaerdige: row.antalFaerdige,
    antalIGang: row.antalIGang,
    harSagsliste: row.harSagsliste === 1,
  };
}

function toSummary(row: Row & Pick<TilsynSummary, 'formaal' | 'fokus'>): TilsynSummary {
  return { ...toListItem(row), formaal: row.formaal, fokus: row.fokus };
}
