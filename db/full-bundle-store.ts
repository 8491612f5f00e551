import type { FullTilsyn } from '../shared/domain/bundle-full';
import type { FullSyncState } from '../shared/domain/bundle-full-sync';
import type { TilsynDatabase } from './open';

/** What a fuld pakke carries beside its rows: the committee reports' PDFs, by their sha256. */
export type SentPdfs = Map<string, Uint8Array>;

const bool = (v: number) => v === 1;

/**
 * A tilsyn as a fuld pakke carries it (issue #15), read from and written to this file. Every column of its rows
 * travels as stored, except ids: a sag is found by its sagsnummer. Written, the rows are those of the pakke and
 * nothing else, so the tilsyn read back is the one that came; the sent committee reports, which are never deleted, are
 * added to (the one the pakke holds as current becomes it).
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
        `SELECT tekst_hash AS tekstHash, start, slut, markeret FROM publicering_godkendt WHERE tilsyn_id = ?
         ORDER BY tekst_hash, start, slut`,
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
  function writeApproval(tilsynId: number, f: FullTilsyn) {
    sqlite.prepare('DELETE FROM godkendelse WHERE tilsyn_id = ?').run(tilsynId);
    const g = f.godkendelse;
    if (!g) return;
    const latest = g.gyldig
      ? one<{ id: number | null }>(
          "SELECT max(id) AS id FROM tilsyn_log WHERE tilsyn_id = ? AND art = 'afsluttet'",
          tilsynId,
        )?.id
      : null;
    sqlite
      .prepare(
        'INSERT INTO godkendelse (tilsyn_id, godkender, godkendt_af, godkendt_tid, afslutning_id) VALUES (?, ?, ?, ?, ?)',
      )
      .run(tilsynId, g.godkender, g.godkendtAf, g.godkendtTid, latest ?? null);
  }

  /** The pakke's second review written to the tilsyn's sager (found by sagsnummer). */
  function writeSecondReview(tilsynId: number, f: FullTilsyn, ids: Map<string, number>) {
    sqlite.prepare('DELETE FROM anden_gennemgang WHERE tilsyn_id = ?').run(tilsynId);
    sqlite.prepare('DELETE FROM anden_gennemgang_sag WHERE tilsyn_id = ?').run(tilsynId);
    const second = f.andenGennemgang;
    if (!second) return;
    sqlite
      .prepare(
        `INSERT INTO anden_gennemgang (tilsyn_id, bedoemmer, udvaelgelse, seed, oprettet, oprettet_af)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(tilsynId, second.bedoemmer, second.udvaelgelse, second.seed, second.oprettet, second.oprettetAf);
    const sag = sqlite.prepare('INSERT INTO anden_gennemgang_sag (sag_id, tilsyn_id) VALUES (?, ?)');
    for (const n of second.sager) sag.run(ids.get(n), tilsynId);
    const moderation = sqlite.prepare(
      `INSERT INTO moderering (sag_id, spoergsmaal, foerste, anden, endelig, begrundelse, hvem, tid)
       VALUES (@sagId, @spoergsmaal, @foerste, @anden, @endelig, @begrundelse, @hvem, @tid)`,
    );
    for (const { sagsnummer, ...m } of second.moderering) moderation.run({ ...m, sagId: ids.get(sagsnummer) });
  }

  /** Writes the pakke's tilsyn: as a new one (`into` null) or over the one here; returns its id. In a transaction. */
  function write(
    f: FullTilsyn,
    pdfs: SentPdfs,
    place: { enhedId: number; skabelonVersionId: number },
    into: number | null,
  ): number {
    const t = f.tilsyn;
    const values = {
      ...t,
      baseline: t.baseline ? 1 : 0,
      enhedId: place.enhedId,
      skabelonVersionId: place.skabelonVersionId,
    };
    let id = into;
    if (id === null)
      id = Number(
        sqlite
          .prepare(
            `INSERT INTO tilsyn (titel, periode_fra, periode_til, enhed, enhed_id, form, formaal, fokus, status,
               skabelon_version_id, afsnit_valg, afsluttet_af, afsluttet_dato, baseline, sammenfatning,
               maal_ved_afslutning, oprettet, aendret)
             VALUES (@titel, @periodeFra, @periodeTil, @enhed, @enhedId, @form, @formaal, @fokus, @status,
               @skabelonVersionId, @afsnitValg, @afsluttetAf, @afsluttetDato, @baseline, @sammenfatning,
               @maalVedAfslutning, @oprettet, @aendret)`,
          )
          .run(values).lastInsertRowid,
      );
    else {
      sqlite
        .prepare(
          `UPDATE tilsyn SET titel = @titel, periode_fra = @periodeFra, periode_til = @periodeTil, enhed = @enhed,
             enhed_id = @enhedId, form = @form, formaal = @formaal, fokus = @fokus, status = @status,
             skabelon_version_id = @skabelonVersionId, afsnit_valg = @afsnitValg, afsluttet_af = @afsluttetAf,
             afsluttet_dato = @afsluttetDato, baseline = @baseline, sammenfatning = @sammenfatning,
             maal_ved_afslutning = @maalVedAfslutning, oprettet = @oprettet, aendret = @aendret
           WHERE id = @id`,
        )
        .run({ ...values, id });
      // The sager keep their ids (a sag open on the screen stays that sag): let go of the rows they hang on, and
      // take out those the pakke does not have.
      sqlite.prepare('UPDATE sag SET population_sag_id = NULL, erstatter_sag_id = NULL WHERE tilsyn_id = ?').run(id);
      const keep = new Set(f.sager.map((s) => s.sagsnummer));
      const drop = sqlite.prepare('DELETE FROM sag WHERE id = ?');
      for (const s of all<{ id: number; sagsnummer: string }>('SELECT id, sagsnummer FROM sag WHERE tilsyn_id = ?', id))
        if (!keep.has(s.sagsnummer)) drop.run(s.id);
      for (const table of ['population', 'stikproeve', 'tilsyn_log', 'maal_vurdering', 'refleksion'])
        sqlite.prepare(`DELETE FROM ${table} WHERE tilsyn_id = ?`).run(id);
      for (const table of ['publicering_godkendt', 'resultat_cache'])
        sqlite.prepare(`DELETE FROM ${table} WHERE tilsyn_id = ?`).run(id);
    }
    const tilsynId = id;
    const populationIds = new Map<string, number>();
    if (f.population) {
      const { sager, ...p } = f.population;
      const populationId = Number(
        sqlite
          .prepare(
            `INSERT INTO population (tilsyn_id, kilde_fil, format, importeret, antal_raekker, fil_hash, indhold_hash,
               mapping, fjernede_kolonner, maskerede, sprungne_raekker)
             VALUES (@tilsynId, @kildeFil, @format, @importeret, @antalRaekker, @filHash, @indholdHash, @mapping,
               @fjernedeKolonner, @maskerede, @sprungneRaekker)`,
          )
          .run({ ...p, tilsynId }).lastInsertRowid,
      );
      const insert = sqlite.prepare(
        `INSERT INTO population_sag (population_id, fil_raekke, sagsnummer, sagstype, sagsbehandler, team, datoer,
           ekstra, manuel)
         VALUES (@populationId, @filRaekke, @sagsnummer, @sagstype, @sagsbehandler, @team, @datoer, @ekstra, @manuel)`,
      );
      for (const s of sager)
        populationIds.set(
          s.sagsnummer,
          Number(insert.run({ ...s, manuel: s.manuel ? 1 : 0, populationId }).lastInsertRowid),
        );
    }
    if (f.stikproeve)
      sqlite
        .prepare(
          `INSERT INTO stikproeve (tilsyn_id, metode, spec, seed, population_hash, population_antal,
             udvalgt_efter_filtre, strata, advarsler, trukket_af, trukket)
           VALUES (@tilsynId, @metode, @spec, @seed, @populationHash, @populationAntal, @udvalgtEfterFiltre, @strata,
             @advarsler, @trukketAf, @trukket)`,
        )
        .run({ ...f.stikproeve, tilsynId });
    writeSecondReview(tilsynId, f, writeSager(tilsynId, f, populationIds));
    const log = sqlite.prepare(
      `INSERT INTO tilsyn_log (tilsyn_id, art, tidspunkt, hvem, sagsnummer, hvad, gammel, ny, hvorfor)
       VALUES (@tilsynId, @art, @tidspunkt, @hvem, @sagsnummer, @hvad, @gammel, @ny, @hvorfor)`,
    );
    for (const l of f.log) log.run({ ...l, tilsynId });
    writeApproval(tilsynId, f);
    const vurdering = sqlite.prepare(
      `INSERT INTO maal_vurdering (tilsyn_id, spoergsmaal, vurdering, plan, ansvarlig, frist, plan_status, aendret)
       VALUES (@tilsynId, @spoergsmaal, @vurdering, @plan, @ansvarlig, @frist, @planStatus, @aendret)`,
    );
    for (const v of f.vurderinger) vurdering.run({ ...v, tilsynId });
    const refleksion = sqlite.prepare(
      `INSERT INTO refleksion (tilsyn_id, sagsbehandler, spoergsmaal, tekst, oprettet)
       VALUES (@tilsynId, @sagsbehandler, @spoergsmaal, @tekst, @oprettet)`,
    );
    for (const r of f.refleksioner) refleksion.run({ ...r, tilsynId });
    const godkendt = sqlite.prepare(
      `INSERT OR IGNORE INTO publicering_godkendt (tilsyn_id, tekst_hash, start, slut, markeret)
       VALUES (@tilsynId, @tekstHash, @start, @slut, @markeret)`,
    );
    for (const g of f.godkendte) godkendt.run({ ...g, tilsynId });
    writeSent(tilsynId, f, pdfs);
    return tilsynId;
  }

  function writeSager(tilsynId: number, f: FullTilsyn, populationIds: Map<string, number>) {
    const insert = sqlite.prepare(
      `INSERT INTO sag (tilsyn_id, sagsnummer, status, population_sag_id, stratum, rolle, orden, udgaaet_aarsag,
         udgaaet_note, udgaaet_tid, datoer, dialog)
       VALUES (@tilsynId, @sagsnummer, @status, @populationSagId, @stratum, @rolle, @orden, @udgaaetAarsag,
         @udgaaetNote, @udgaaetTid, @datoer, @dialog)`,
    );
    const svar = sqlite.prepare(
      `INSERT INTO svar (sag_id, spoergsmaal, rolle, vaerdi, note, begrundelse, tilsidesat, aendret)
       VALUES (@sagId, @spoergsmaal, @rolle, @vaerdi, @note, @begrundelse, @tilsidesat, @aendret)`,
    );
    const fund = sqlite.prepare(
      `INSERT INTO fund (sag_id, art, tekst, spoergsmaal, oprettet)
       VALUES (@sagId, @art, @tekst, @spoergsmaal, @oprettet)`,
    );
    const handling = sqlite.prepare(
      `INSERT INTO handling (sag_id, tekst, ansvarlig, frist, status, spoergsmaal, oprettet, aendret)
       VALUES (@sagId, @tekst, @ansvarlig, @frist, @status, @spoergsmaal, @oprettet, @aendret)`,
    );
    const update = sqlite.prepare(
      `UPDATE sag SET status = @status, population_sag_id = @populationSagId, stratum = @stratum, rolle = @rolle,
         orden = @orden, udgaaet_aarsag = @udgaaetAarsag, udgaaet_note = @udgaaetNote, udgaaet_tid = @udgaaetTid,
         datoer = @datoer, dialog = @dialog
       WHERE id = @id`,
    );
    const clear = ['svar', 'fund', 'handling', 'moderering', 'kommentar'].map((t) =>
      sqlite.prepare(`DELETE FROM ${t} WHERE sag_id = ?`),
    );
    const ids = new Map(
      all<{ id: number; sagsnummer: string }>('SELECT id, sagsnummer FROM sag WHERE tilsyn_id = ?', tilsynId).map(
        (s) => [s.sagsnummer, s.id],
      ),
    );
    const comment = sqlite.prepare(
      `INSERT INTO kommentar (sag_id, spoergsmaal, tekst, af, oprettet, loest_af, loest_tid)
       VALUES (@sagId, @spoergsmaal, @tekst, @af, @oprettet, @loestAf, @loestTid)`,
    );
    for (const { svar: answers, fund: findings, handlinger, kommentarer, population, erstatter: _e, ...s } of f.sager) {
      const row = {
        ...s,
        tilsynId,
        populationSagId: population === null ? null : (populationIds.get(population) ?? null),
      };
      let sagId = ids.get(s.sagsnummer);
      if (sagId === undefined) {
        sagId = Number(insert.run(row).lastInsertRowid);
        ids.set(s.sagsnummer, sagId);
      } else {
        update.run({ ...row, id: sagId });
        for (const c of clear) c.run(sagId);
      }
      for (const a of answers) svar.run({ ...a, sagId });
      for (const x of findings) fund.run({ ...x, sagId });
      for (const h of handlinger) handling.run({ ...h, sagId });
      for (const k of kommentarer) comment.run({ ...k, sagId });
    }
    const replaces = sqlite.prepare('UPDATE sag SET erstatter_sag_id = ? WHERE id = ?');
    for (const s of f.sager)
      if (s.erstatter !== null) replaces.run(ids.get(s.erstatter) ?? null, ids.get(s.sagsnummer));
    return ids;
  }

  /** The sent reports are kept for good: the pakke's are added, and its current one becomes the current one here. */
  function writeSent(tilsynId: number, f: FullTilsyn, pdfs: SentPdfs) {
    const here = new Map(
      all<{ sha256: string; gaeldende: number }>(
        'SELECT sha256, gaeldende FROM udvalg_afsendelse WHERE tilsyn_id = ?',
        tilsynId,
      ).map((r) => [r.sha256, bool(r.gaeldende)]),
    );
    const current = f.afsendelser.find((a) => a.gaeldende)?.sha256;
    const end = sqlite.prepare('UPDATE udvalg_afsendelse SET gaeldende = 0 WHERE tilsyn_id = ? AND sha256 = ?');
    for (const [sha, gaeldende] of here) if (gaeldende && sha !== current) end.run(tilsynId, sha);
    const insert = sqlite.prepare(
      `INSERT INTO udvalg_afsendelse (tilsyn_id, dato, hvem, registreret, filnavn, sha256, pdf, gaeldende)
       VALUES (@tilsynId, @dato, @hvem, @registreret, @filnavn, @sha256, @pdf, @gaeldende)`,
    );
    for (const a of f.afsendelser)
      if (!here.has(a.sha256))
        insert.run({ ...a, tilsynId, pdf: Buffer.from(pdfs.get(a.sha256) ?? []), gaeldende: a.gaeldende ? 1 : 0 });
  }

  return {
    read,
    write,

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
