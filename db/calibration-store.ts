import type { AnswerRecord } from '../shared/domain/review';
import type { Outcome } from '../shared/domain/template';
import type { TilsynDatabase } from './open';

export interface PracticeSagRow {
  id: number;
  skabelonVersionId: number;
  titel: string;
  beskrivelse: string;
  sagstype: string;
  datoer: string;
  gentagerId: number | null;
  oprettet: string;
  oprettetAf: string;
  bedoemmere: number;
}

/** Practice sager and the leaders' answers to them (issue #16, calibration). */
export function createCalibrationStore(db: TilsynDatabase) {
  const { sqlite } = db;
  const select = `SELECT o.id, o.skabelon_version_id AS skabelonVersionId, o.titel, o.beskrivelse, o.sagstype, o.datoer,
      o.gentager_id AS gentagerId, o.oprettet, o.oprettet_af AS oprettetAf,
      (SELECT count(DISTINCT noegle) FROM kalibrering_svar k WHERE k.oevelsessag_id = o.id) AS bedoemmere
    FROM oevelsessag o`;
  return {
    list(): PracticeSagRow[] {
      return sqlite.prepare<[], PracticeSagRow>(`${select} ORDER BY o.oprettet DESC, o.id DESC`).all();
    },

    get(id: number): PracticeSagRow | undefined {
      return sqlite.prepare<[number], PracticeSagRow>(`${select} WHERE o.id = ?`).get(id);
    },

    create(row: Omit<PracticeSagRow, 'id' | 'bedoemmere'>): number {
      return Number(
        sqlite
          .prepare(
            `INSERT INTO oevelsessag (skabelon_version_id, titel, beskrivelse, sagstype, datoer, gentager_id, oprettet,
               oprettet_af)
             VALUES (@skabelonVersionId, @titel, @beskrivelse, @sagstype, @datoer, @gentagerId, @oprettet, @oprettetAf)`,
          )
          .run(row).lastInsertRowid,
      );
    },

    /** Each leader's answers, by her name as she first wrote it. */
    answers(id: number): { noegle: string; bedoemmer: string; answers: Record<string, AnswerRecord> }[] {
      const rows = sqlite
        .prepare<
          [number],
          {
            noegle: string;
            bedoemmer: string;
            spoergsmaal: string;
            vaerdi: string | null;
            note: string;
            begrundelse: string;
            tilsidesat: string | null;
          }
        >(
          `SELECT noegle, bedoemmer, spoergsmaal, vaerdi, note, begrundelse, tilsidesat FROM kalibrering_svar
           WHERE oevelsessag_id = ? ORDER BY rowid`,
        )
        .all(id);
      const out = new Map<string, { noegle: string; bedoemmer: string; answers: Record<string, AnswerRecord> }>();
      for (const r of rows) {
        const who = out.get(r.noegle) ?? { noegle: r.noegle, bedoemmer: r.bedoemmer, answers: {} };
        who.answers[r.spoergsmaal] = {
          value: r.vaerdi ?? undefined,
          note: r.note,
          reason: r.begrundelse,
          override: r.tilsidesat ? (JSON.parse(r.tilsidesat) as { outcome: Outcome; reason: string }) : undefined,
        };
        out.set(r.noegle, who);
      }
      return [...out.values()];
    },

    save(id: number, noegle: string, bedoemmer: string, key: string, a: AnswerRecord, at: string): void {
      sqlite
        .prepare(
          `INSERT INTO kalibrering_svar (oevelsessag_id, noegle, bedoemmer, spoergsmaal, vaerdi, note, begrundelse,
             tilsidesat, aendret)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(oevelsessag_id, noegle, spoergsmaal) DO UPDATE SET vaerdi = excluded.vaerdi,
             note = excluded.note, begrundelse = excluded.begrundelse, tilsidesat = excluded.tilsidesat,
             aendret = excluded.aendret`,
        )
        .run(
          id,
          noegle,
          bedoemmer,
          key,
          a.value ?? null,
          a.note,
          a.reason,
          a.override ? JSON.stringify(a.override) : null,
          at,
        );
    },
  };
}

export type CalibrationStore = ReturnType<typeof createCalibrationStore>;
