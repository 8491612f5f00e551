import { notFound } from '../shared/api/errors';
import type { ReflectionQuestion } from '../shared/domain/reports';
import type { TilsynDatabase } from './open';

interface RawReflection {
  id: number;
  tilsyn_id: number;
  sagsbehandler: string | null;
  spoergsmaal: string | null;
  tekst: string;
}

const toQuestion = (r: RawReflection): ReflectionQuestion => ({
  id: r.id,
  sagsbehandler: r.sagsbehandler,
  questionKey: r.spoergsmaal,
  text: r.tekst,
});

/** The refleksionsspørgsmål a leader saves for a caseworker's feedback note, or (sagsbehandler null) the team note. */
export function createReflectionStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const listOf = sqlite.prepare<[number], RawReflection>(
    'SELECT id, tilsyn_id, sagsbehandler, spoergsmaal, tekst FROM refleksion WHERE tilsyn_id = ? ORDER BY id',
  );
  const one = sqlite.prepare<[number], RawReflection>(
    'SELECT id, tilsyn_id, sagsbehandler, spoergsmaal, tekst FROM refleksion WHERE id = ?',
  );
  const insert = sqlite.prepare(
    'INSERT INTO refleksion (tilsyn_id, sagsbehandler, spoergsmaal, tekst, oprettet) VALUES (?, ?, ?, ?, ?)',
  );
  const remove = sqlite.prepare('DELETE FROM refleksion WHERE id = ?');

  return {
    /** The tilsyn's questions in the order they were added. */
    list(tilsynId: number): ReflectionQuestion[] {
      return listOf.all(tilsynId).map(toQuestion);
    },

    add(tilsynId: number, q: Omit<ReflectionQuestion, 'id'>): void {
      insert.run(tilsynId, q.sagsbehandler, q.questionKey, q.text, now().toISOString());
    },

    /** The tilsyn a question belongs to. */
    tilsynOf(id: number): number {
      const row = one.get(id);
      if (!row) throw notFound('Refleksionsspørgsmålet', 'det');
      return row.tilsyn_id;
    },

    remove(id: number): void {
      remove.run(id);
    },
  };
}

export type ReflectionStore = ReturnType<typeof createReflectionStore>;
