import { randomBytes } from 'node:crypto';
import type { SecondReviewPick } from '../shared/domain/second-review';
import type { TilsynDatabase } from './open';

export interface SecondReviewRow {
  bedoemmer: string;
  udvaelgelse: SecondReviewPick;
  seed: number | null;
  oprettet: string;
  oprettetAf: string;
}

export interface ModerationRow {
  sagId: number;
  spoergsmaal: string;
  foerste: string;
  anden: string;
  endelig: string;
  begrundelse: string;
  hvem: string;
  tid: string;
}

/** The second review of rounds (issue #16): who, which sager, and the moderated disagreements. */
export function createSecondReviewStore(db: TilsynDatabase) {
  const { sqlite } = db;
  return {
    get(tilsynId: number): SecondReviewRow | undefined {
      return sqlite
        .prepare<[number], SecondReviewRow>(
          `SELECT bedoemmer, udvaelgelse, seed, oprettet, oprettet_af AS oprettetAf FROM anden_gennemgang
           WHERE tilsyn_id = ?`,
        )
        .get(tilsynId);
    },

    /**
     * Sets up (or sets up again) the second review with its sager; the second reviewer's answers of sager kept. A pakke
     * sent before is one of the earlier setup: its token goes, so its answers are not read as this setup's.
     */
    save(tilsynId: number, row: SecondReviewRow, sagIds: readonly number[]): void {
      sqlite
        .prepare(
          `INSERT INTO anden_gennemgang (tilsyn_id, bedoemmer, udvaelgelse, seed, oprettet, oprettet_af)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(tilsyn_id) DO UPDATE SET bedoemmer = excluded.bedoemmer, udvaelgelse = excluded.udvaelgelse,
             seed = excluded.seed, oprettet = excluded.oprettet, oprettet_af = excluded.oprettet_af,
             token = NULL, svar_oprettet = NULL`,
        )
        .run(tilsynId, row.bedoemmer, row.udvaelgelse, row.seed, row.oprettet, row.oprettetAf);
      sqlite.prepare('DELETE FROM anden_gennemgang_sag WHERE tilsyn_id = ?').run(tilsynId);
      const add = sqlite.prepare('INSERT INTO anden_gennemgang_sag (sag_id, tilsyn_id) VALUES (?, ?)');
      for (const sagId of sagIds) add.run(sagId, tilsynId);
    },

    /** The token of the pakke to the second reviewer's own file, made the first time one is sent. */
    token(tilsynId: number): string {
      sqlite
        .prepare('UPDATE anden_gennemgang SET token = coalesce(token, ?) WHERE tilsyn_id = ?')
        .run(randomBytes(8).toString('hex'), tilsynId);
      return (
        sqlite
          .prepare<[number], { token: string }>('SELECT token FROM anden_gennemgang WHERE tilsyn_id = ?')
          .get(tilsynId) as { token: string }
      ).token;
    },

    /** The second review a svarpakke answers, by its token; with when the newest one read from her was made. */
    sending(token: string): { tilsynId: number; svarOprettet: string | null } | undefined {
      return sqlite
        .prepare<[string], { tilsynId: number; svarOprettet: string | null }>(
          'SELECT tilsyn_id AS tilsynId, svar_oprettet AS svarOprettet FROM anden_gennemgang WHERE token = ?',
        )
        .get(token);
    },

    markAnswersRead(tilsynId: number, oprettet: string): void {
      sqlite.prepare('UPDATE anden_gennemgang SET svar_oprettet = ? WHERE tilsyn_id = ?').run(oprettet, tilsynId);
    },

    /** The sager of the second review, in the sample's order. */
    sager(tilsynId: number): number[] {
      return sqlite
        .prepare<[number], { id: number }>(
          `SELECT s.id FROM anden_gennemgang_sag a JOIN sag s ON s.id = a.sag_id WHERE a.tilsyn_id = ?
           ORDER BY s.stratum, s.orden, s.sagsnummer`,
        )
        .all(tilsynId)
        .map((r) => r.id);
    },

    /** The tilsyn a sag of a second review belongs to, or undefined when the sag is not one of them. */
    tilsynOf(sagId: number): number | undefined {
      return sqlite
        .prepare<[number], { t: number }>('SELECT tilsyn_id AS t FROM anden_gennemgang_sag WHERE sag_id = ?')
        .get(sagId)?.t;
    },

    moderations(tilsynId: number): ModerationRow[] {
      return sqlite
        .prepare<[number], ModerationRow>(
          `SELECT m.sag_id AS sagId, spoergsmaal, foerste, anden, endelig, begrundelse, hvem, tid FROM moderering m
           JOIN sag s ON s.id = m.sag_id WHERE s.tilsyn_id = ?`,
        )
        .all(tilsynId);
    },

    /** Keeps a moderation; the first judgement of one moderated before stays the one it was. */
    moderate(row: ModerationRow): void {
      sqlite
        .prepare(
          `INSERT INTO moderering (sag_id, spoergsmaal, foerste, anden, endelig, begrundelse, hvem, tid)
           VALUES (@sagId, @spoergsmaal, @foerste, @anden, @endelig, @begrundelse, @hvem, @tid)
           ON CONFLICT(sag_id, spoergsmaal) DO UPDATE SET anden = excluded.anden, endelig = excluded.endelig,
             begrundelse = excluded.begrundelse, hvem = excluded.hvem, tid = excluded.tid`,
        )
        .run(row);
    },
  };
}

export interface ApprovalRow {
  godkender: string;
  godkendtAf: string | null;
  godkendtTid: string | null;
  afslutningId: number | null;
}

/** The approval a round's report needs before it is sent (issue #16). */
export function createApprovalStore(db: TilsynDatabase) {
  const { sqlite } = db;
  return {
    get(tilsynId: number): ApprovalRow | undefined {
      return sqlite
        .prepare<[number], ApprovalRow>(
          `SELECT godkender, godkendt_af AS godkendtAf, godkendt_tid AS godkendtTid, afslutning_id AS afslutningId
           FROM godkendelse WHERE tilsyn_id = ?`,
        )
        .get(tilsynId);
    },

    /** Who must approve (null: no approval needed); a new name lets go of an approval given. */
    setApprover(tilsynId: number, godkender: string | null): void {
      if (godkender === null) {
        sqlite.prepare('DELETE FROM godkendelse WHERE tilsyn_id = ?').run(tilsynId);
        return;
      }
      sqlite
        .prepare(
          `INSERT INTO godkendelse (tilsyn_id, godkender) VALUES (?, ?)
           ON CONFLICT(tilsyn_id) DO UPDATE SET godkender = excluded.godkender, godkendt_af = NULL,
             godkendt_tid = NULL, afslutning_id = NULL
           WHERE godkendelse.godkender <> excluded.godkender`,
        )
        .run(tilsynId, godkender);
    },

    approve(tilsynId: number, navn: string, tid: string, afslutningId: number): void {
      sqlite
        .prepare('UPDATE godkendelse SET godkendt_af = ?, godkendt_tid = ?, afslutning_id = ? WHERE tilsyn_id = ?')
        .run(navn, tid, afslutningId, tilsynId);
    },

    /** The log entry of the round's latest locking, or undefined while it was never locked. */
    latestLocking(tilsynId: number): number | undefined {
      return (
        sqlite
          .prepare<[number], { id: number }>(
            "SELECT max(id) AS id FROM tilsyn_log WHERE tilsyn_id = ? AND art = 'afsluttet'",
          )
          .get(tilsynId)?.id ?? undefined
      );
    },
  };
}

export type ApprovalStore = ReturnType<typeof createApprovalStore>;

export type SecondReviewStore = ReturnType<typeof createSecondReviewStore>;
