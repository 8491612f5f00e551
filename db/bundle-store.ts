import { randomBytes, randomUUID } from 'node:crypto';
import type { TilsynResults } from '../shared/domain/results';
import type { ReviewForm } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';

/** A round as it is kept where it was imported: a locked tilsyn whose results are a snapshot (as after retention). */
export interface ImportedRound {
  uid: string;
  hash: string;
  /** The file the pakke came from, and when the pakke was made. */
  kildeFil: string;
  kildeTid: string;
  titel: string;
  enhed: string;
  enhedId: number;
  periodeFra: string;
  periodeTil: string;
  form: ReviewForm;
  skabelonVersionId: number;
  afsnit: string[] | null;
  afsluttetAf: string;
  afsluttetDato: string | null;
  baseline: boolean;
  maal: string;
  resultater: TilsynResults;
}

/** The pakker's memory (issue #15): the file's own id, the rounds and templates that came in pakker. */
export function createBundleStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const stamp = () => now().toISOString();

  /** The file's id if it has one: a file that never made a pakke has none (reading one does not make it). */
  function knownFileId(): string | undefined {
    const row = sqlite.prepare("SELECT vaerdi FROM indstilling WHERE noegle = 'fil_id'").get() as
      | { vaerdi: string }
      | undefined;
    // Settings are kept as JSON, like the others in the table.
    return row ? (JSON.parse(row.vaerdi) as string) : undefined;
  }

  return {
    /** The file's stable id, made the first time it is needed: what a round's uid begins with. */
    fileId(): string {
      const known = knownFileId();
      if (known) return known;
      const made = randomUUID();
      sqlite.prepare("INSERT INTO indstilling (noegle, vaerdi) VALUES ('fil_id', ?)").run(JSON.stringify(made));
      return made;
    },

    knownFileId,

    /** A template version's content as stored: the text its fingerprint is taken of. */
    versionText(versionId: number): { indhold: string; nummer: number; skabelonId: number } | undefined {
      return sqlite
        .prepare<[number], { indhold: string; nummer: number; skabelonId: number }>(
          'SELECT indhold, nummer, skabelon_id AS skabelonId FROM skabelon_version WHERE id = ?',
        )
        .get(versionId);
    },

    /** The shipped template a family descends from (following the copies), if any. */
    familyStandardId(skabelonId: number): string | null {
      const row = sqlite
        .prepare<[number], { s: string | null }>(
          `WITH RECURSIVE up(id, kopi, std) AS (
             SELECT id, kopi_af, standard_id FROM skabelon WHERE id = ?
             UNION ALL SELECT s.id, s.kopi_af, s.standard_id FROM skabelon s JOIN up ON s.id = up.kopi)
           SELECT std AS s FROM up WHERE kopi IS NULL`,
        )
        .get(skabelonId);
      return row?.s ?? null;
    },

    /** The published versions, to find one by its content. */
    publishedVersions(): { id: number; indhold: string }[] {
      return sqlite
        .prepare<[], { id: number; indhold: string }>(
          "SELECT id, indhold FROM skabelon_version WHERE status = 'publiceret'",
        )
        .all();
    },

    templateByUid(uid: string): { id: number; numbers: Map<number, string> } | undefined {
      const row = sqlite.prepare<[string], { id: number }>('SELECT id FROM skabelon WHERE kilde_uid = ?').get(uid);
      if (!row) return undefined;
      const versions = sqlite
        .prepare<[number], { nummer: number; indhold: string }>(
          'SELECT nummer, indhold FROM skabelon_version WHERE skabelon_id = ?',
        )
        .all(row.id);
      return { id: row.id, numbers: new Map(versions.map((v) => [v.nummer, v.indhold])) };
    },

    standardTemplateId(standardId: string): number | undefined {
      return sqlite.prepare<[string], { id: number }>('SELECT id FROM skabelon WHERE standard_id = ?').get(standardId)
        ?.id;
    },

    /** A template that came in a pakke, in the family of the shipped one it descends from. */
    createTemplate(t: {
      uid: string;
      navn: string;
      omraade: string;
      beskrivelse: string;
      kopiAf: number | null;
    }): number {
      const at = stamp();
      return Number(
        sqlite
          .prepare(
            `INSERT INTO skabelon (navn, omraade, beskrivelse, kilde, kopi_af, kilde_uid, oprettet, aendret)
             VALUES (?, ?, ?, 'importeret', ?, ?, ?, ?)`,
          )
          .run(t.navn, t.omraade, t.beskrivelse, t.kopiAf, t.uid, at, at).lastInsertRowid,
      );
    },

    /** A published version as it came (its number kept, so versions of one template keep their order). */
    addVersion(skabelonId: number, nummer: number, indhold: string): number {
      const at = stamp();
      return Number(
        sqlite
          .prepare(
            `INSERT INTO skabelon_version (skabelon_id, nummer, status, indhold, oprettet, publiceret)
             VALUES (?, ?, 'publiceret', ?, ?, ?)`,
          )
          .run(skabelonId, nummer, indhold, at, at).lastInsertRowid,
      );
    },

    roundByUid(uid: string): { id: number; hash: string | null; fil: string | null; tid: string | null } | undefined {
      return sqlite
        .prepare<[string], { id: number; hash: string | null; fil: string | null; tid: string | null }>(
          'SELECT id, kilde_hash AS hash, kilde_fil AS fil, kilde_tid AS tid FROM tilsyn WHERE kilde_uid = ?',
        )
        .get(uid);
    },

    /** The uid a round or template came with, if it came in a pakke: sent on, it keeps it. */
    uidOf(table: 'tilsyn' | 'skabelon', id: number): string | null {
      const row = sqlite
        .prepare<[number], { uid: string | null }>(`SELECT kilde_uid AS uid FROM ${table} WHERE id = ?`)
        .get(id);
      return row?.uid ?? null;
    },

    /** Whether a template of this name is here already (then one that comes in a pakke says where it came from). */
    templateNameTaken(navn: string): boolean {
      return Boolean(sqlite.prepare('SELECT 1 FROM skabelon WHERE lower(navn) = lower(?)').get(navn));
    },

    /** The token of the selvevalueringspakke to one caseworker of a tilsyn: made when first sent, then kept. */
    selfToken(tilsynId: number, person: string): string {
      sqlite
        .prepare('INSERT OR IGNORE INTO selvevaluering_udsendelse (tilsyn_id, person, token) VALUES (?, ?, ?)')
        .run(tilsynId, person, randomBytes(8).toString('hex'));
      return (
        sqlite
          .prepare<[number, string], { token: string }>(
            'SELECT token FROM selvevaluering_udsendelse WHERE tilsyn_id = ? AND person = ?',
          )
          .get(tilsynId, person) as { token: string }
      ).token;
    },

    /** The pakke a svarpakke answers, by its token; with when the newest svarpakke read from it was made. */
    selfSending(token: string): { tilsynId: number; person: string; svarOprettet: string | null } | undefined {
      return sqlite
        .prepare<[string], { tilsynId: number; person: string; svarOprettet: string | null }>(
          `SELECT tilsyn_id AS tilsynId, person, svar_oprettet AS svarOprettet FROM selvevaluering_udsendelse
           WHERE token = ?`,
        )
        .get(token);
    },

    markAnswersRead(token: string, oprettet: string): void {
      sqlite.prepare('UPDATE selvevaluering_udsendelse SET svar_oprettet = ? WHERE token = ?').run(oprettet, token);
    },

    /** Keeps a round that came in a pakke, or brings the one that came before up to date. */
    saveRound(r: ImportedRound, existingId: number | null, from: string): number {
      const at = stamp();
      const values = {
        titel: r.titel,
        enhed: r.enhed,
        enhedId: r.enhedId,
        fra: r.periodeFra,
        til: r.periodeTil,
        form: r.form,
        version: r.skabelonVersionId,
        afsnit: r.afsnit ? JSON.stringify(r.afsnit) : null,
        af: r.afsluttetAf,
        dato: r.afsluttetDato,
        baseline: r.baseline ? 1 : 0,
        maal: r.maal,
        uid: r.uid,
        hash: r.hash,
        fil: r.kildeFil,
        tid: r.kildeTid,
        at,
      };
      let id = existingId;
      if (id === null) {
        id = Number(
          sqlite
            .prepare(
              `INSERT INTO tilsyn (titel, periode_fra, periode_til, enhed, enhed_id, form, formaal, status,
                 skabelon_version_id, afsnit_valg, afsluttet_af, afsluttet_dato, baseline, maal_ved_afslutning,
                 kilde_uid, kilde_hash, kilde_fil, kilde_tid, oprettet, aendret)
               VALUES (@titel, @fra, @til, @enhed, @enhedId, @form, '', 'afsluttet', @version, @afsnit, @af, @dato,
                 @baseline, @maal, @uid, @hash, @fil, @tid, @at, @at)`,
            )
            .run(values).lastInsertRowid,
        );
      } else
        sqlite
          .prepare(
            `UPDATE tilsyn SET titel = @titel, periode_fra = @fra, periode_til = @til, enhed = @enhed,
               enhed_id = @enhedId, form = @form, skabelon_version_id = @version, afsnit_valg = @afsnit,
               afsluttet_af = @af, afsluttet_dato = @dato, baseline = @baseline, maal_ved_afslutning = @maal,
               kilde_hash = @hash, kilde_fil = @fil, kilde_tid = @tid, aendret = @at WHERE id = @id`,
          )
          .run({ ...values, id });
      sqlite
        .prepare(
          `INSERT INTO resultat_snapshot (tilsyn_id, resultater, gemt, slettet_af) VALUES (?, ?, ?, ?)
           ON CONFLICT(tilsyn_id) DO UPDATE SET resultater = excluded.resultater, gemt = excluded.gemt,
             slettet_af = excluded.slettet_af`,
        )
        .run(id, JSON.stringify(r.resultater), at, from);
      // The cached results of the round as it was are stale.
      sqlite.prepare('DELETE FROM resultat_cache WHERE tilsyn_id = ?').run(id);
      return id;
    },
  };
}

export type BundleStore = ReturnType<typeof createBundleStore>;
