import type { AnswerRecord } from '../shared/domain/review';
import type { PakkeRole, SelfBundle } from '../shared/domain/selvevaluering';
import type { Outcome, TemplateContent } from '../shared/domain/template';
import type { TilsynDatabase } from './open';

/** A selvevaluering as kept in the caseworker's file. */
export interface SelfRow {
  id: number;
  uid: string;
  titel: string;
  rolle: PakkeRole;
  sagsbehandler: string;
  periodeFra: string;
  periodeTil: string;
  content: TemplateContent;
  sectionKeys: string[] | null;
  fra: string;
  pakkeOprettet: string;
}

export interface SelfSagRow {
  noegle: number;
  sagsnummer: string;
  sagstype: string;
  dates: Record<string, string>;
  refleksioner: string;
}

interface RawAnswer {
  noegle: number;
  spoergsmaal: string;
  vaerdi: string | null;
  note: string;
  begrundelse: string;
  tilsidesat: string | null;
}

const toAnswer = (r: RawAnswer): AnswerRecord => ({
  value: r.vaerdi ?? undefined,
  note: r.note,
  reason: r.begrundelse,
  override: r.tilsidesat ? (JSON.parse(r.tilsidesat) as { outcome: Outcome; reason: string }) : undefined,
});

/**
 * The caseworker's side of selvevaluering først (issue #15): what a selvevalueringspakke brought, and her answers
 * and reflections, each written the moment it is given.
 */
export function createSelfEvaluationStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const stamp = () => now().toISOString();
  const upsertAnswer = sqlite.prepare(
    `INSERT INTO selvevaluering_svar (selvevaluering_id, noegle, spoergsmaal, vaerdi, note, begrundelse, tilsidesat,
       aendret) VALUES (@id, @noegle, @key, @value, @note, @reason, @override, @at)
     ON CONFLICT(selvevaluering_id, noegle, spoergsmaal) DO UPDATE SET vaerdi = excluded.vaerdi, note = excluded.note,
       begrundelse = excluded.begrundelse, tilsidesat = excluded.tilsidesat, aendret = excluded.aendret`,
  );
  const toRow = (r: Record<string, unknown>): SelfRow => ({
    id: r.id as number,
    uid: r.uid as string,
    titel: r.titel as string,
    rolle: r.rolle as PakkeRole,
    sagsbehandler: r.sagsbehandler as string,
    periodeFra: r.periode_fra as string,
    periodeTil: r.periode_til as string,
    content: JSON.parse(r.indhold as string) as TemplateContent,
    sectionKeys: r.afsnit ? (JSON.parse(r.afsnit as string) as string[]) : null,
    fra: r.fra as string,
    pakkeOprettet: r.pakke_oprettet as string,
  });

  const store = {
    list(): SelfRow[] {
      return (sqlite.prepare('SELECT * FROM selvevaluering ORDER BY aabnet DESC, id DESC').all() as never[]).map(toRow);
    },

    get(id: number): SelfRow | undefined {
      const row = sqlite.prepare('SELECT * FROM selvevaluering WHERE id = ?').get(id) as Record<string, unknown>;
      return row ? toRow(row) : undefined;
    },

    byUid(uid: string): SelfRow | undefined {
      const row = sqlite.prepare('SELECT * FROM selvevaluering WHERE uid = ?').get(uid) as Record<string, unknown>;
      return row ? toRow(row) : undefined;
    },

    sager(id: number): SelfSagRow[] {
      return sqlite
        .prepare<
          [number],
          { noegle: number; sagsnummer: string; sagstype: string; datoer: string; refleksioner: string }
        >(
          `SELECT noegle, sagsnummer, sagstype, datoer, refleksioner FROM selvevaluering_sag
           WHERE selvevaluering_id = ? ORDER BY orden`,
        )
        .all(id)
        .map(({ datoer, ...s }) => ({ ...s, dates: JSON.parse(datoer) as Record<string, string> }));
    },

    /** Every answer of the selvevaluering, per sag's key. */
    answers(id: number): Map<number, Record<string, AnswerRecord>> {
      const out = new Map<number, Record<string, AnswerRecord>>();
      for (const r of sqlite
        .prepare<[number], RawAnswer>(
          `SELECT noegle, spoergsmaal, vaerdi, note, begrundelse, tilsidesat FROM selvevaluering_svar
           WHERE selvevaluering_id = ?`,
        )
        .all(id)) {
        const sag = out.get(r.noegle) ?? {};
        sag[r.spoergsmaal] = toAnswer(r);
        out.set(r.noegle, sag);
      }
      return out;
    },

    /**
     * Keeps what a pakke brought: a new selvevaluering, or the one of the same uid with its sager as the newer pakke
     * has them (a sag added or taken out by the leader). Her answers and reflections on the sager she keeps stay; the
     * pakke's own answers fill in only where she has none here.
     */
    open(
      bundle: SelfBundle,
      content: TemplateContent,
      fra: string,
      pakkeOprettet: string,
      rolle: PakkeRole,
    ): { id: number; ny: boolean } {
      return sqlite.transaction(() => {
        const at = stamp();
        const existing = store.byUid(bundle.uid);
        const values = {
          uid: bundle.uid,
          rolle,
          titel: bundle.titel,
          sagsbehandler: bundle.sagsbehandler,
          fra: bundle.periodeFra,
          til: bundle.periodeTil,
          indhold: JSON.stringify(content),
          afsnit: bundle.afsnit ? JSON.stringify(bundle.afsnit) : null,
          kilde: fra,
          oprettet: pakkeOprettet,
          at,
        };
        let id = existing?.id;
        if (id === undefined)
          id = Number(
            sqlite
              .prepare(
                `INSERT INTO selvevaluering (uid, rolle, titel, sagsbehandler, periode_fra, periode_til, indhold, afsnit,
                   fra, pakke_oprettet, aabnet) VALUES (@uid, @rolle, @titel, @sagsbehandler, @fra, @til, @indhold,
                   @afsnit, @kilde, @oprettet, @at)`,
              )
              .run(values).lastInsertRowid,
          );
        else
          sqlite
            .prepare(
              `UPDATE selvevaluering SET titel = @titel, periode_fra = @fra, periode_til = @til, indhold = @indhold,
                 afsnit = @afsnit, fra = @kilde, pakke_oprettet = @oprettet WHERE id = @id`,
            )
            .run({ ...values, id });
        const kept = new Map(store.sager(id).map((s) => [s.noegle, s]));
        const keys = bundle.sager.map((s) => s.noegle);
        sqlite
          .prepare(
            `DELETE FROM selvevaluering_sag WHERE selvevaluering_id = ? AND noegle NOT IN (SELECT value FROM json_each(?))`,
          )
          .run(id, JSON.stringify(keys));
        sqlite
          .prepare(
            `DELETE FROM selvevaluering_svar WHERE selvevaluering_id = ? AND noegle NOT IN (SELECT value FROM json_each(?))`,
          )
          .run(id, JSON.stringify(keys));
        const had = store.answers(id);
        bundle.sager.forEach((s, orden) => {
          sqlite
            .prepare(
              `INSERT INTO selvevaluering_sag (selvevaluering_id, noegle, orden, sagsnummer, sagstype, datoer, refleksioner)
               VALUES (@id, @noegle, @orden, @sagsnummer, @sagstype, @datoer, @refleksioner)
               ON CONFLICT(selvevaluering_id, noegle) DO UPDATE SET orden = excluded.orden, sagsnummer = excluded.sagsnummer,
                 sagstype = excluded.sagstype, datoer = excluded.datoer`,
            )
            .run({
              id,
              noegle: s.noegle,
              orden,
              sagsnummer: s.sagsnummer,
              sagstype: s.sagstype,
              datoer: JSON.stringify(s.datoer),
              refleksioner: kept.get(s.noegle)?.refleksioner || s.refleksioner,
            });
          for (const [key, a] of Object.entries(s.svar))
            if (!had.get(s.noegle)?.[key]) store.saveAnswer(id as number, s.noegle, key, a);
        });
        return { id, ny: existing === undefined };
      })();
    },

    saveAnswer(
      id: number,
      noegle: number,
      key: string,
      a: { value: string | null; note: string; reason: string; override: { outcome: Outcome; reason: string } | null },
    ): void {
      upsertAnswer.run({
        id,
        noegle,
        key,
        value: a.value,
        note: a.note,
        reason: a.reason,
        override: a.override ? JSON.stringify(a.override) : null,
        at: stamp(),
      });
    },

    saveReflection(id: number, noegle: number, tekst: string): void {
      sqlite
        .prepare('UPDATE selvevaluering_sag SET refleksioner = ? WHERE selvevaluering_id = ? AND noegle = ?')
        .run(tekst, id, noegle);
    },
  };
  return store;
}

export type SelfEvaluationStore = ReturnType<typeof createSelfEvaluationStore>;
