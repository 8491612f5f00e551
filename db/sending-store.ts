import { createHash } from 'node:crypto';
import type { ReportSending } from '../shared/domain/report-sending';
import type { TilsynDatabase } from './open';

interface RawSending {
  id: number;
  dato: string;
  hvem: string;
  registreret: string;
  filnavn: string;
  sha256: string;
  bytes: number;
  gaeldende: number;
}

const columns = 'id, dato, hvem, registreret, filnavn, sha256, length(pdf) AS bytes, gaeldende';
/** The sending as the API gives it: never the bytes (they come as the file, once). */
const toSending = (r: RawSending): ReportSending => ({
  id: r.id,
  dato: r.dato,
  hvem: r.hvem,
  registreret: r.registreret,
  filnavn: r.filnavn,
  sha256: r.sha256,
  bytes: r.bytes,
  gaeldende: r.gaeldende === 1,
});
export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The committee reports sent to the udvalg, kept byte for byte (issue #12). A sent report is never changed (a trigger
 * refuses it); a genåbning of the tilsyn only ends it as the current one.
 */
export function createSendingStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const listOf = sqlite.prepare<[number], RawSending>(
    `SELECT ${columns} FROM udvalg_afsendelse WHERE tilsyn_id = ? ORDER BY id DESC`,
  );
  const one = sqlite.prepare<[number, number], RawSending & { pdf: Buffer }>(
    `SELECT ${columns}, pdf FROM udvalg_afsendelse WHERE tilsyn_id = ? AND id = ?`,
  );
  const insert = sqlite.prepare<[number, string, string, string, string, string, Buffer]>(
    `INSERT INTO udvalg_afsendelse (tilsyn_id, dato, hvem, registreret, filnavn, sha256, pdf)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    list: (tilsynId: number): ReportSending[] => listOf.all(tilsynId).map(toSending),

    /** Keeps the report as sent; it becomes the current sending. */
    add(tilsynId: number, s: { dato: string; hvem: string; filnavn: string; pdf: Buffer }): ReportSending {
      const { lastInsertRowid } = insert.run(
        tilsynId,
        s.dato,
        s.hvem,
        now().toISOString(),
        s.filnavn,
        sha256Of(s.pdf),
        s.pdf,
      );
      return toSending(one.get(tilsynId, Number(lastInsertRowid)) as RawSending);
    },

    /** The sent report with its bytes, or undefined. */
    get(tilsynId: number, id: number): (ReportSending & { pdf: Buffer }) | undefined {
      const row = one.get(tilsynId, id);
      return row ? { ...toSending(row), pdf: row.pdf } : undefined;
    },
  };
}
