import type {
  Counting,
  FlowTotals,
  ListInfo,
  ListSag,
  LoadFigures,
  OverviewSettings,
} from '../shared/domain/sagsoverblik';
import { caseKey, loadFigures } from '../shared/domain/sagsoverblik';
import { fileKey, keyedHasher } from './file-key';
import type { TilsynDatabase } from './open';

/** A sag of a list as read from the file: the person reference is hashed before it is stored. */
export interface NewListSag {
  sagsnummer: string;
  sagsbehandler: string;
  team: string;
  sagstype: string;
  person: string;
}

export interface NewList {
  enhedId: number;
  tilsynId: number | null;
  dato: string;
  fileName: string;
  fileHash: string;
  rows: readonly NewListSag[];
}

interface ListRecord {
  id: number;
  enhedId: number;
  tilsynId: number | null;
  tilsynTitel: string | null;
  dato: string;
  kildeFil: string;
  importeret: string;
  tal: string;
  harPerson: number;
  sagerSlettet: string | null;
}

/** Both countings' figures of a list, kept as its `tal`. */
export interface ListFigures {
  sager: LoadFigures;
  personer: LoadFigures | null;
}

const SELECT = `
  SELECT l.id, l.enhed_id AS enhedId, l.tilsyn_id AS tilsynId, t.titel AS tilsynTitel, l.dato, l.kilde_fil AS kildeFil,
         l.importeret, l.tal, l.har_person AS harPerson, l.sager_slettet AS sagerSlettet
  FROM oversigt_liste l LEFT JOIN tilsyn t ON t.id = l.tilsyn_id`;

/** A kept list with its figures (which never leave the backend as they are). */
export type KeptList = ListInfo & { figures: ListFigures };

const toInfo = (r: ListRecord): KeptList => {
  const figures = JSON.parse(r.tal) as ListFigures;
  return {
    id: r.id,
    enhedId: r.enhedId,
    dato: r.dato,
    kildeFil: r.kildeFil,
    importeret: r.importeret,
    tilsyn: r.tilsynId !== null && r.tilsynTitel !== null ? { id: r.tilsynId, titel: r.tilsynTitel } : null,
    sager: figures.sager.antal,
    personer: figures.personer?.antal ?? null,
    sagsbehandlere: figures.sager.sagsbehandlere,
    sagerSlettet: r.sagerSlettet,
    figures,
  };
};

/** The sagsoverblik's kept lists (issue #19): dated sagslister of an enhed, their figures and the flows between them. */
export function createCaseloadStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const listsOf = sqlite.prepare<[number], ListRecord>(`${SELECT} WHERE l.enhed_id = ? ORDER BY l.dato, l.id`);
  const one = sqlite.prepare<[number], ListRecord>(`${SELECT} WHERE l.id = ?`);
  const insertList = sqlite.prepare(
    `INSERT INTO oversigt_liste (enhed_id, tilsyn_id, dato, kilde_fil, fil_hash, importeret, tal, har_person)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSag = sqlite.prepare(
    `INSERT INTO oversigt_sag (liste_id, noegle, sagsnummer, sagsbehandler, team, sagstype, person)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const sagerOf = sqlite.prepare<[number], ListSag>(
    'SELECT noegle, sagsnummer, sagsbehandler, team, sagstype, person FROM oversigt_sag WHERE liste_id = ?',
  );
  const cachedFlow = sqlite.prepare<[number, number, Counting], { tal: string }>(
    'SELECT tal FROM oversigt_flow WHERE fra_id = ? AND til_id = ? AND optaelling = ?',
  );
  const keepFlow = sqlite.prepare(
    'INSERT OR REPLACE INTO oversigt_flow (fra_id, til_id, optaelling, tal) VALUES (?, ?, ?, ?)',
  );
  // A flow's »kommet igen« depends on every earlier list: one made before a list dated earlier came in is stale.
  // Flows of lists whose sager are gone cannot be counted again, and are kept.
  const staleFlows = sqlite.prepare(
    `DELETE FROM oversigt_flow WHERE rowid IN (
       SELECT f.rowid FROM oversigt_flow f
       JOIN oversigt_liste a ON a.id = f.fra_id JOIN oversigt_liste b ON b.id = f.til_id
       WHERE b.enhed_id = ? AND b.dato > ? AND a.sager_slettet IS NULL AND b.sager_slettet IS NULL)`,
  );
  const earlierSager = sqlite.prepare<[number, string], { k: string }>(
    `SELECT DISTINCT s.noegle AS k FROM oversigt_sag s JOIN oversigt_liste l ON l.id = s.liste_id
     WHERE l.enhed_id = ? AND l.dato < ?`,
  );
  const earlierPersons = sqlite.prepare<[number, string], { k: string }>(
    `SELECT DISTINCT CASE WHEN s.person = '' THEN s.noegle ELSE s.person END AS k
     FROM oversigt_sag s JOIN oversigt_liste l ON l.id = s.liste_id WHERE l.enhed_id = ? AND l.dato < ?`,
  );

  function settings(enhedId: number): OverviewSettings {
    const r = sqlite
      .prepare<[number], { maal: number | null; optaelling: Counting }>(
        'SELECT maal, optaelling FROM oversigt_maal WHERE enhed_id = ?',
      )
      .get(enhedId);
    return { enhedId, maal: r?.maal ?? null, optaelling: r?.optaelling ?? 'sager' };
  }

  function figuresOf(rows: readonly ListSag[], hasPerson: boolean): ListFigures {
    const strip = ({ named: _, ...f }: ReturnType<typeof loadFigures>) => f;
    return {
      sager: strip(loadFigures(rows, 'sager')),
      personer: hasPerson ? strip(loadFigures(rows, 'personer')) : null,
    };
  }

  return {
    /** Keeps a list; a tilsyn's new import takes the place of its earlier one. */
    add(list: NewList): number {
      const hash = keyedHasher(fileKey(sqlite));
      const rows: ListSag[] = list.rows.map((r) => ({ ...r, person: r.person ? hash(r.person) : '' }));
      const hasPerson = rows.some((r) => r.person);
      return sqlite.transaction(() => {
        if (list.tilsynId !== null) sqlite.prepare('DELETE FROM oversigt_liste WHERE tilsyn_id = ?').run(list.tilsynId);
        const id = Number(
          insertList.run(
            list.enhedId,
            list.tilsynId,
            list.dato,
            list.fileName,
            list.fileHash,
            now().toISOString(),
            JSON.stringify(figuresOf(rows, hasPerson)),
            hasPerson ? 1 : 0,
          ).lastInsertRowid,
        );
        for (const r of rows)
          insertSag.run(id, caseKey(r.sagsnummer), r.sagsnummer, r.sagsbehandler, r.team, r.sagstype, r.person);
        staleFlows.run(list.enhedId, list.dato);
        return id;
      })();
    },

    lists(enhedId: number) {
      return listsOf.all(enhedId).map(toInfo);
    },

    list(id: number) {
      const r = one.get(id);
      return r ? toInfo(r) : undefined;
    },

    listOfTilsyn(tilsynId: number) {
      const r = sqlite.prepare<[number], ListRecord>(`${SELECT} WHERE l.tilsyn_id = ?`).get(tilsynId);
      return r ? toInfo(r) : undefined;
    },

    /** The list's sager (empty once deleted). */
    sager(id: number): ListSag[] {
      return sagerOf.all(id);
    },

    /** What earlier lists of the enhed held (before `dato`), by the keys the flow matches. */
    earlierKeys(enhedId: number, dato: string, counting: Counting): Set<string> {
      const rows = (counting === 'personer' ? earlierPersons : earlierSager).all(enhedId, dato);
      return new Set(rows.map((r) => r.k));
    },

    flow(fraId: number, tilId: number, counting: Counting): FlowTotals | undefined {
      const r = cachedFlow.get(fraId, tilId, counting);
      return r ? (JSON.parse(r.tal) as FlowTotals) : undefined;
    },

    keepFlow(fraId: number, tilId: number, counting: Counting, totals: FlowTotals): void {
      keepFlow.run(fraId, tilId, counting, JSON.stringify(totals));
    },

    /** Moves a list to another enhed; the flows of both are counted again (except those of deleted sager). */
    moveTo(id: number, enhedId: number): void {
      sqlite.transaction(() => {
        const { enhed_id: from, dato } = sqlite
          .prepare<[number], { enhed_id: number; dato: string }>(
            'SELECT enhed_id, dato FROM oversigt_liste WHERE id = ?',
          )
          .get(id) ?? { enhed_id: 0, dato: '' };
        sqlite.prepare('DELETE FROM oversigt_flow WHERE fra_id = ? OR til_id = ?').run(id, id);
        sqlite.prepare('UPDATE oversigt_liste SET enhed_id = ? WHERE id = ?').run(enhedId, id);
        staleFlows.run(from, dato);
        staleFlows.run(enhedId, dato);
      })();
    },

    /** Removes a list; later flows' »kommet igen« may have counted on it, so they are counted again. */
    remove(id: number): void {
      sqlite.transaction(() => {
        const r = sqlite
          .prepare<[number], { enhed_id: number; dato: string }>(
            'SELECT enhed_id, dato FROM oversigt_liste WHERE id = ?',
          )
          .get(id);
        sqlite.prepare('DELETE FROM oversigt_liste WHERE id = ?').run(id);
        if (r) staleFlows.run(r.enhed_id, r.dato);
      })();
    },

    /** Deletes the lists' sager (retention); their figures and kept flows stay. */
    deleteSager(ids: readonly number[], by: string): number {
      let removed = 0;
      const at = now().toISOString();
      sqlite.transaction(() => {
        for (const id of ids) {
          removed += sqlite.prepare('DELETE FROM oversigt_sag WHERE liste_id = ?').run(id).changes;
          sqlite
            .prepare(
              'UPDATE oversigt_liste SET sager_slettet = ?, sager_slettet_af = ? WHERE id = ? AND sager_slettet IS NULL',
            )
            .run(at, by, id);
        }
      })();
      return removed;
    },

    settings,

    saveSettings(s: OverviewSettings): OverviewSettings {
      sqlite
        .prepare(
          `INSERT INTO oversigt_maal (enhed_id, maal, optaelling, aendret) VALUES (?, ?, ?, ?)
           ON CONFLICT(enhed_id) DO UPDATE SET maal = excluded.maal, optaelling = excluded.optaelling, aendret = excluded.aendret`,
        )
        .run(s.enhedId, s.maal, s.optaelling, now().toISOString());
      return settings(s.enhedId);
    },
  };
}

export type CaseloadStore = ReturnType<typeof createCaseloadStore>;
