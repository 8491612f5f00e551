import type { FullTilsyn } from '../shared/domain/bundle-full';
import type { FullSyncState } from '../shared/domain/bundle-full-sync';
import { createFullBundleWriter, type SentPdfs } from './full-bundle-writer';
import type { TilsynDatabase } from './open';

export type { SentPdfs };

const bool = (v: number) => v === 1;

/**
 * A tilsyn as a fuld pakke carries it (issue #15), read from this file (and written by ./full-bundle-writer.ts), with
 * what the file knows of the versions it has shared. Every column of its rows travels as stored, except ids: a sag is
 * found by its sagsnummer.
 */
export function createFullBundleStore(db: TilsynDatabase) {
  const { sqlite } = db;
  const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];
  const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T | undefined;

  function read(tilsynId: number, uid: string): { tilsyn: FullTilsyn; pdfs: SentPdfs; templateVersionId: number } {
    const t = one<Record<string, unknown> & { baseline: number; skabelonVersionId: number }>(
      `SELECT titel, periode_fra AS periodeFra, periode_til AS periodeTil, enhed, form, formaal, fokus, status,
         afsnit_valg AS afsnitValg, afsluttet_af AS afsluttetAf, afsluttet_dato AS afsluttetDato, baseline,
         sammenfatning, maal_ved_afslutning AS maalVedAfslutning, oprettet, aendret,
         skabelon_version_id AS skabelonVersionId
       FROM tilsyn WHERE id = ?`,
      tilsynId,
    );
    if (!t) throw new Error(`tilsyn ${tilsynId} not found`);
    const { skabelonVersionId, ...row } = t;
    const p = one<Record<string, unknown> & { id: number }>(
      `SELECT id, kilde_fil AS kildeFil, format, importeret, antal_raekker AS antalRaekker, fil_hash AS filHash,
         indhold_hash AS indholdHash, mapping, fjernede_kolonner AS fjernedeKolonner, maskerede,
         sprungne_raekker AS sprungneRaekker
       FROM population WHERE tilsyn_id = ?`,
      tilsynId,
    );
    const population = p
      ? (() => {
          const { id, ...rest } = p;
          const sager = all<Record<string, unknown> & { manuel: number }>(
            `SELECT fil_raekke AS filRaekke, sagsnummer, sagstype, sagsbehandler, team, datoer, ekstra, manuel
             FROM population_sag WHERE population_id = ? ORDER BY id`,
            id,
          ).map((s) => ({ ...s, manuel: bool(s.manuel) }));
          return { ...rest, sager };
        })()
      : null;
    const stikproeve =
      one<Record<string, unknown>>(
        `SELECT metode, spec, seed, population_hash AS populationHash, population_antal AS populationAntal,
           udvalgt_efter_filtre AS udvalgtEfterFiltre, strata, advarsler, trukket_af AS trukketAf, trukket
         FROM stikproeve WHERE tilsyn_id = ?`,
        tilsynId,
      ) ?? null;
    const bySag = <T extends { sagId: number }>(sql: string) => {
      const map = new Map<number, Omit<T, 'sagId'>[]>();
      for (const { sagId, ...r } of all<T>(sql, tilsynId)) {
        const rows = map.get(sagId);
        if (rows) rows.push(r);
        else map.set(sagId, [r]);
      }
      return map;
    };
    const svar = bySag<{ sagId: number }>(
      `SELECT v.sag_id AS sagId, spoergsmaal, v.rolle, vaerdi, note, begrundelse, tilsidesat, aendret
       FROM svar v JOIN sag s ON s.id = v.sag_id WHERE s.tilsyn_id = ? ORDER BY v.sag_id, spoergsmaal, v.rolle`,
    );
    const fund = bySag<{ sagId: number }>(
      `SELECT f.sag_id AS sagId, art, tekst, spoergsmaal, oprettet
       FROM fund f JOIN sag s ON s.id = f.sag_id WHERE s.tilsyn_id = ? ORDER BY f.id`,
    );
    const handlinger = bySag<{ sagId: number }>(
      `SELECT h.sag_id AS sagId, tekst, ansvarlig, frist, h.status, spoergsmaal, oprettet, aendret
       FROM handling h JOIN sag s ON s.id = h.sag_id WHERE s.tilsyn_id = ? ORDER BY h.id`,
    );
    const kommentarer = bySag<{ sagId: number }>(
      `SELECT k.sag_id AS sagId, spoergsmaal, tekst, af, oprettet, loest_af AS loestAf, loest_tid AS loestTid
       FROM kommentar k JOIN sag s ON s.id = k.sag_id WHERE s.tilsyn_id = ? ORDER BY k.id`,
    );
    const sager = all<Record<string, unknown> & { id: number }>(
      `SELECT s.id, s.sagsnummer, s.status, p.sagsnummer AS population, s.stratum, s.rolle, s.orden,
         s.udgaaet_aarsag AS udgaaetAarsag, s.udgaaet_note AS udgaaetNote, s.udgaaet_tid AS udgaaetTid,
         e.sagsnummer AS erstatter, s.datoer, s.dialog
       FROM sag s LEFT JOIN population_sag p ON p.id = s.population_sag_id LEFT JOIN sag e ON e.id = s.erstatter_sag_id
       WHERE s.tilsyn_id = ? ORDER BY s.rolle DESC, s.orden, s.sagsnummer`,
      tilsynId,
    ).map(({ id, ...s }) => ({
      ...s,
      svar: svar.get(id) ?? [],
      fund: fund.get(id) ?? [],
      handlinger: handlinger.get(id) ?? [],
      kommentarer: kommentarer.get(id) ?? [],
    }));
    const sent = all<{ sha256: string; pdf: Buffer; gaeldende: number } & Record<string, unknown>>(
      'SELECT dato, hvem, registreret, filnavn, sha256, pdf, gaeldende FROM udvalg_afsendelse WHERE tilsyn_id = ? ORDER BY id',
      tilsynId,
    );
    const tilsyn = {
      uid,
      tilsyn: { ...row, baseline: bool(t.baseline) },
      skabelon: '',
      population,
      stikproeve,
      sager,
      log: all(
        `SELECT art, tidspunkt, hvem, sagsnummer, hvad, gammel, ny, hvorfor FROM tilsyn_log WHERE tilsyn_id = ?
         ORDER BY id`,
        tilsynId,
      ),
      vurderinger: all(
        `SELECT spoergsmaal, vurdering, plan, ansvarlig, frist, plan_status AS planStatus, aendret
         FROM maal_vurdering WHERE tilsyn_id = ? ORDER BY spoergsmaal`,
        tilsynId,
      ),
      refleksioner: all(
        'SELECT sagsbehandler, spoergsmaal, tekst, oprettet FROM refleksion WHERE tilsyn_id = ? ORDER BY id',
        tilsynId,
      ),
      godkendte: all(
        `SELECT dokument, tekst_hash AS tekstHash, start, slut, markeret FROM publicering_godkendt WHERE tilsyn_id = ?
         ORDER BY dokument, tekst_hash, start, slut`,
        tilsynId,
      ),
      andenGennemgang: secondReviewOf(tilsynId),
      godkendelse: approvalOf(tilsynId),
      afsendelser: sent.map(({ pdf: _p, gaeldende, ...a }) => ({ ...a, gaeldende: bool(gaeldende) })),
    } as unknown as FullTilsyn;
    return { tilsyn, pdfs: new Map(sent.map((s) => [s.sha256, s.pdf])), templateVersionId: skabelonVersionId };
  }

  /** The second review as a pakke carries it: its sager and moderations by sagsnummer (issue #16). */
  function secondReviewOf(tilsynId: number): FullTilsyn['andenGennemgang'] {
    const row = one<Record<string, unknown>>(
      `SELECT bedoemmer, udvaelgelse, seed, oprettet, oprettet_af AS oprettetAf FROM anden_gennemgang
       WHERE tilsyn_id = ?`,
      tilsynId,
    );
    if (!row) return null;
    const sager = all<{ s: string }>(
      `SELECT s.sagsnummer AS s FROM anden_gennemgang_sag a JOIN sag s ON s.id = a.sag_id WHERE a.tilsyn_id = ?
       ORDER BY s.sagsnummer`,
      tilsynId,
    ).map((r) => r.s);
    const moderering = all(
      `SELECT s.sagsnummer, m.spoergsmaal, m.foerste, m.anden, m.endelig, m.begrundelse, m.hvem, m.tid
       FROM moderering m JOIN sag s ON s.id = m.sag_id WHERE s.tilsyn_id = ? ORDER BY s.sagsnummer, m.spoergsmaal`,
      tilsynId,
    );
    return { ...row, sager, moderering } as FullTilsyn['andenGennemgang'];
  }

  /** The approval as a pakke carries it: whether it holds is said, not the log row it is bound to. */
  function approvalOf(tilsynId: number): FullTilsyn['godkendelse'] {
    const row = one<{ godkender: string; godkendtAf: string | null; godkendtTid: string | null; a: number | null }>(
      `SELECT godkender, godkendt_af AS godkendtAf, godkendt_tid AS godkendtTid, afslutning_id AS a FROM godkendelse
       WHERE tilsyn_id = ?`,
      tilsynId,
    );
    if (!row) return null;
    const latest = one<{ id: number | null }>(
      "SELECT max(id) AS id FROM tilsyn_log WHERE tilsyn_id = ? AND art = 'afsluttet'",
      tilsynId,
    )?.id;
    const { a, ...rest } = row;
    return { ...rest, gyldig: a !== null && a === latest };
  }

  /** The pakke's approval, bound to the tilsyn's latest locking here when it held for the latest locking there. */
  return {
    read,
    write: createFullBundleWriter(db),

    /** The highest tilsyn id this file has given (also to one deleted since). */
    lastTilsynId(): number {
      return (
        one<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'tilsyn'")?.seq ??
        one<{ m: number | null }>('SELECT max(id) AS m FROM tilsyn')?.m ??
        0
      );
    },

    /** Whether the tilsyn's sager were deleted under the retention rules (its results are kept as a snapshot). */
    caseDataDeleted(tilsynId: number): boolean {
      return Boolean(one('SELECT 1 FROM resultat_snapshot WHERE tilsyn_id = ?', tilsynId));
    },

    /** The tilsyn here a uid names: one sent or received before, or one made here (»<this file>:<id>«). */
    byUid(uid: string, fileId: string | undefined): number | undefined {
      const synced = one<{ id: number }>('SELECT tilsyn_id AS id FROM tilsyn_synk WHERE uid = ?', uid)?.id;
      if (synced !== undefined) return synced;
      if (!fileId || !uid.startsWith(`${fileId}:`)) return undefined;
      const id = Number(uid.slice(fileId.length + 1));
      // A tilsyn that came in a pakke has its own uid; this file's number on it would name it twice.
      return one<{ id: number }>(
        `SELECT id FROM tilsyn WHERE id = ? AND kilde_uid IS NULL
           AND NOT EXISTS (SELECT 1 FROM tilsyn_synk WHERE tilsyn_id = tilsyn.id)`,
        id,
      )?.id;
    },

    /** The uid a tilsyn goes by in pakker, if it has been sent or received as one. */
    uidOf(tilsynId: number): string | undefined {
      return one<{ uid: string }>('SELECT uid FROM tilsyn_synk WHERE tilsyn_id = ?', tilsynId)?.uid;
    },

    syncState(tilsynId: number): FullSyncState | null {
      const row = one<{ lokal: string; basis: string; historik: string }>(
        'SELECT lokal, basis, historik FROM tilsyn_synk WHERE tilsyn_id = ?',
        tilsynId,
      );
      return row ? { lokal: row.lokal, basis: row.basis, historik: JSON.parse(row.historik) as string[] } : null;
    },

    saveSyncState(tilsynId: number, uid: string, s: FullSyncState): void {
      sqlite
        .prepare(
          `INSERT INTO tilsyn_synk (tilsyn_id, uid, lokal, basis, historik) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(tilsyn_id) DO UPDATE SET lokal = excluded.lokal, basis = excluded.basis,
             historik = excluded.historik`,
        )
        .run(tilsynId, uid, s.lokal, s.basis, JSON.stringify(s.historik));
    },
  };
}

export type FullBundleStore = ReturnType<typeof createFullBundleStore>;
