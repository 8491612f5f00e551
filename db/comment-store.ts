import type { TilsynDatabase } from './open';

export interface CommentRow {
  id: number;
  sagId: number;
  sagsnummer: string;
  spoergsmaal: string;
  tekst: string;
  af: string;
  oprettet: string;
  loestAf: string | null;
  loestTid: string | null;
}

/** Comments pinned to a question of a sag (issue #16). */
export function createCommentStore(db: TilsynDatabase) {
  const { sqlite } = db;
  const select = `SELECT k.id, k.sag_id AS sagId, s.sagsnummer, k.spoergsmaal, k.tekst, k.af, k.oprettet,
      k.loest_af AS loestAf, k.loest_tid AS loestTid
    FROM kommentar k JOIN sag s ON s.id = k.sag_id`;
  return {
    ofTilsyn(tilsynId: number): CommentRow[] {
      return sqlite
        .prepare<[number], CommentRow>(`${select} WHERE s.tilsyn_id = ? ORDER BY s.orden, s.sagsnummer, k.id`)
        .all(tilsynId);
    },

    get(id: number): (CommentRow & { tilsynId: number }) | undefined {
      return sqlite
        .prepare<[number], CommentRow & { tilsynId: number }>(
          `${select.replace('SELECT ', 'SELECT s.tilsyn_id AS tilsynId, ')} WHERE k.id = ?`,
        )
        .get(id);
    },

    add(sagId: number, spoergsmaal: string, tekst: string, af: string, oprettet: string): number {
      return Number(
        sqlite
          .prepare('INSERT INTO kommentar (sag_id, spoergsmaal, tekst, af, oprettet) VALUES (?, ?, ?, ?, ?)')
          .run(sagId, spoergsmaal, tekst, af, oprettet).lastInsertRowid,
      );
    },

    resolve(id: number, af: string, tid: string): void {
      sqlite
        .prepare('UPDATE kommentar SET loest_af = ?, loest_tid = ? WHERE id = ? AND loest_af IS NULL')
        .run(af, tid, id);
    },

    openCount(tilsynId: number): number {
      return (
        sqlite
          .prepare<[number], { n: number }>(
            'SELECT count(*) AS n FROM kommentar k JOIN sag s ON s.id = k.sag_id WHERE s.tilsyn_id = ? AND k.loest_af IS NULL',
          )
          .get(tilsynId)?.n ?? 0
      );
    },
  };
}

export type CommentStore = ReturnType<typeof createCommentStore>;
