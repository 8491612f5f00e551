import type { FullTilsyn } from '../shared/domain/bundle-full';
import { PUBLIC_DOCUMENTS } from '../shared/domain/publication';
import type { TilsynDatabase } from './open';

/** What a fuld pakke carries beside its rows: the committee reports' PDFs, by their sha256. */
export type SentPdfs = Map<string, Uint8Array>;

const bool = (v: number) => v === 1;

/**
 * A fuld pakke's tilsyn written to this file (issue #15): as a new tilsyn, or over the one here, its sager keeping
 * their ids. The rows are those of the pakke and nothing else, so the tilsyn read back is the one that came; the
 * sent committee reports, which are never deleted, are added to (the one the pakke holds as current becomes it).
 */
export function createFullBundleWriter(db: TilsynDatabase) {
  const { sqlite } = db;
  const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];
  const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T | undefined;

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
      `INSERT OR IGNORE INTO publicering_godkendt (tilsyn_id, dokument, tekst_hash, start, slut, markeret)
       VALUES (@tilsynId, @dokument, @tekstHash, @start, @slut, @markeret)`,
    );
    for (const { dokument, ...g } of f.godkendte)
      for (const d of dokument ? [dokument] : PUBLIC_DOCUMENTS) godkendt.run({ ...g, dokument: d, tilsynId });
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

  return write;
}
