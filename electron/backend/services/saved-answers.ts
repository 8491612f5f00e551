import type { TilsynDatabase } from '../../../db/open';
import type { AnswerRecord, AnswerRole } from '../../../shared/domain/review';

/**
 * The answers of the sager saved here lately, as each save left them (issue #18: every save read the sag's 60
 * answers back from SQLite to work out its progress). They hold while the only writes to the file since were these
 * saves: `writes()` counts every write of the connection, and any other lets them all go.
 */
export function createSavedAnswers(db: Pick<TilsynDatabase, 'writes' | 'sqlite'>, limit = 500) {
  const known = new Map<string, Record<string, AnswerRecord>>();
  /** The write count at which the known answers held; -1 before any. */
  let heldAt = -1;
  let startedAt = -1;
  const keyOf = (sagId: number, role: AnswerRole) => `${sagId}:${role}`;
  return {
    /** Before a save: a copy of the sag's answers as saved last here, unless anything was written since. */
    before(sagId: number, role: AnswerRole): Record<string, AnswerRecord> | undefined {
      startedAt = db.writes();
      if (startedAt !== heldAt) known.clear();
      const answers = known.get(keyOf(sagId, role));
      return answers && { ...answers };
    },

    /**
     * After the save: its answers are kept when it was the one write since `before` and has been committed. The
     * object is kept as it is, not copied: the caller hands it over (before() gives out copies).
     */
    after(sagId: number, role: AnswerRole, answers: Record<string, AnswerRecord>): void {
      if (db.sqlite.inTransaction || db.writes() !== startedAt + 1) {
        known.clear();
        heldAt = -1;
        return;
      }
      if (known.size >= limit) known.clear();
      known.set(keyOf(sagId, role), answers);
      heldAt = db.writes();
    },
  };
}
