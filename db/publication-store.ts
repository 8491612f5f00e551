import type { KnownIdentifiers } from '../shared/domain/scrub';
import type { TilsynDatabase } from './open';

/**
 * The publication check's memory (issue #12): the passages a leader marked as not identifying, by the hash of the
 * text they stand in and their place in it, and every sagsnummer and caseworker name the database knows, which the
 * check looks for in any spelling.
 */
export function createPublicationStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const marksOf = sqlite.prepare<[number], { h: string; s: number; e: number }>(
    'SELECT tekst_hash AS h, start AS s, slut AS e FROM publicering_godkendt WHERE tilsyn_id = ?',
  );
  const insert = sqlite.prepare(
    `INSERT INTO publicering_godkendt (tilsyn_id, tekst_hash, start, slut, markeret) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const remove = sqlite.prepare(
    'DELETE FROM publicering_godkendt WHERE tilsyn_id = ? AND tekst_hash = ? AND start = ? AND slut = ?',
  );
  // Names and numbers of every population, sample and change log, also of other tilsyn and earlier rounds.
  const sagsnumre = sqlite.prepare<[], { v: string }>(
    `SELECT sagsnummer AS v FROM population_sag UNION SELECT sagsnummer FROM sag
     UNION SELECT sagsnummer FROM tilsyn_log WHERE sagsnummer IS NOT NULL`,
  );
  const names = sqlite.prepare<[], { v: string }>(
    `SELECT sagsbehandler AS v FROM population_sag WHERE sagsbehandler <> ''
     UNION SELECT sagsbehandler FROM refleksion WHERE sagsbehandler IS NOT NULL AND sagsbehandler <> ''`,
  );
  const key = (hash: string, start: number, end: number) => `${hash}:${start}:${end}`;

  return {
    /** Whether a passage is marked, for one tilsyn (read once per check). */
    marks(tilsynId: number): (hash: string, start: number, end: number) => boolean {
      const set = new Set(marksOf.all(tilsynId).map((m) => key(m.h, m.s, m.e)));
      return (hash, start, end) => set.has(key(hash, start, end));
    },
    mark(tilsynId: number, hash: string, start: number, end: number, ok: boolean): void {
      if (ok) insert.run(tilsynId, hash, start, end, now().toISOString());
      else remove.run(tilsynId, hash, start, end);
    },
    known(): KnownIdentifiers {
      return { sagsnumre: sagsnumre.all().map((r) => r.v), sagsbehandlere: names.all().map((r) => r.v) };
    },
  };
}
