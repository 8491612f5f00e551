import { eq } from 'drizzle-orm';
import type { SentMark, TilsynData, TilsynListItem, TilsynSummary } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';
import { tilsyn } from './schema';

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

/**
 * What the list and get queries select for each field, in this order: plain SQL, read as raw rows (issue #18:
 * drizzle's row mapping cost 10 ms per 1,000 tilsyn, better-sqlite3's row objects 2.5 ms, more than the query).
 * Progress counts the sampled sager; udgåede sager don't count. A round whose sager are gone (deleted after retention,
 * or imported from a pakke) counts them from the results it kept.
 */
const FIELDS: Record<keyof Row, string> = {
  id: 't.id',
  titel: 't.titel',
  periodeFra: 't.periode_fra',
  periodeTil: 't.periode_til',
  enhed: 't.enhed',
  enhedId: 't.enhed_id',
  form: 't.form',
  status: 't.status',
  skabelonVersionId: 't.skabelon_version_id',
  afsnitValg: 't.afsnit_valg',
  skabelonNavn: 's.navn',
  skabelonVersionNummer: 'v.nummer',
  oprettet: 't.oprettet',
  aendret: 't.aendret',
  afsluttetAf: 't.afsluttet_af',
  afsluttetDato: 't.afsluttet_dato',
  indlaest: 't.kilde_uid IS NOT NULL',
  harSagsliste: 'EXISTS (SELECT 1 FROM population p WHERE p.tilsyn_id = t.id)',
  sendt: `(SELECT json_object('dato', u.dato, 'hvem', u.hvem) FROM udvalg_afsendelse u
          WHERE u.tilsyn_id = t.id AND u.gaeldende = 1)`,
  antalSager: `coalesce(json_extract(r.resultater, '$.sager'),
           (SELECT count(*) FROM sag WHERE sag.tilsyn_id = t.id AND sag.rolle = 'udvalgt' AND sag.status <> 'udgaaet'))`,
  antalFaerdige: `coalesce(json_extract(r.resultater, '$.faerdige'),
           (SELECT count(*) FROM sag WHERE sag.tilsyn_id = t.id AND sag.rolle = 'udvalgt' AND sag.status = 'faerdig'))`,
  antalIGang: `(SELECT count(*) FROM sag WHERE sag.tilsyn_id = t.id AND sag.rolle = 'udvalgt' AND sag.status = 'i_gang')`,
};
const NAMES = Object.keys(FIELDS) as (keyof Row)[];
const AT = Object.fromEntries(NAMES.map((name, i) => [name, i])) as Record<keyof Row, number>;
/** A raw row's field, as its name says. */
const field = <K extends keyof Row>(row: readonly unknown[], name: K) => row[AT[name]] as Row[K];

/** The fields, then `extra` columns after them (the get query's long texts). */
const selectTilsyn = (extra: string) => `
  SELECT ${NAMES.map((name) => FIELDS[name]).join(', ')}${extra}
  FROM tilsyn t
  LEFT JOIN resultat_snapshot r ON r.tilsyn_id = t.id
  LEFT JOIN skabelon_version v ON v.id = t.skabelon_version_id
  LEFT JOIN skabelon s ON s.id = v.skabelon_id`;

export function createTilsynStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { orm, sqlite } = db;
  // The list leaves out the long texts (formål, fokus) that only the tilsyn's own page shows.
  // Raw at each read: the statement cache hands a statement back with raw off to whoever prepares it again.
  const listQuery = sqlite.prepare<[], unknown[]>(`${selectTilsyn('')} ORDER BY t.periode_fra DESC, t.id DESC`);
  const getQuery = sqlite.prepare<[number], unknown[]>(`${selectTilsyn(', t.formaal, t.fokus')} WHERE t.id = ?`);

  const store = {
    list(): TilsynListItem[] {
      return listQuery.raw(true).all().map(toListItem);
    },

    get(id: number): TilsynSummary | undefined {
      const row = getQuery.raw(true).get(id);
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
 * A raw row as the API gives it, field by field: spreading better-sqlite3's rows (`...row`) cost 8 ms per 1,000
 * tilsyn, more than the query (issue #18). The types name every field, so one added to a tilsyn is a compile error.
 */
function toListItem(row: readonly unknown[]): TilsynListItem {
  const afsnit = field(row, 'afsnitValg');
  const sendt = field(row, 'sendt');
  return {
    id: field(row, 'id'),
    titel: field(row, 'titel'),
    periodeFra: field(row, 'periodeFra'),
    periodeTil: field(row, 'periodeTil'),
    enhed: field(row, 'enhed'),
    enhedId: field(row, 'enhedId'),
    form: field(row, 'form'),
    status: field(row, 'status'),
    skabelonVersionId: field(row, 'skabelonVersionId') ?? 0,
    afsnit: afsnit ? (JSON.parse(afsnit) as string[]) : null,
    skabelonNavn: field(row, 'skabelonNavn') ?? '',
    skabelonVersionNummer: field(row, 'skabelonVersionNummer') ?? 0,
    afsluttetAf: field(row, 'afsluttetAf'),
    afsluttetDato: field(row, 'afsluttetDato'),
    sendt: sendt ? (JSON.parse(sendt) as SentMark) : null,
    indlaest: field(row, 'indlaest') === 1,
    oprettet: field(row, 'oprettet'),
    aendret: field(row, 'aendret'),
    antalSager: field(row, 'antalSager'),
    antalFaerdige: field(row, 'antalFaerdige'),
    antalIGang: field(row, 'antalIGang'),
    harSagsliste: field(row, 'harSagsliste') === 1,
  };
}

/** A raw row of the get query: the list's fields, then formål and fokus. */
function toSummary(row: readonly unknown[]): TilsynSummary {
  return { ...toListItem(row), formaal: row[NAMES.length] as string, fokus: row[NAMES.length + 1] as string };
}
