import type { TilsynDatabase } from '../../db/open';
import { createRetentionStore } from '../../db/retention-store';
import { createTilsynStore } from '../../db/tilsyn-store';
import { ApiError } from '../../shared/api/errors';
import { formatDanishDateTime, todayIso } from '../../shared/domain/dates';
import { aggregateResults, confirmsTitle, dueForDeletion } from '../../shared/domain/retention';
import type { Handlers } from './dispatch';
import type { ResultsService } from './results-api';

type RetentionHandlers = Pick<Handlers, 'tilsyn.sagsdata' | 'tilsyn.sletSagsdata' | 'tilsyn.sletbare'>;

/**
 * Retention (issue #7): the leader deletes an afsluttet tilsyn's case-level data on her command; its results stay
 * as a snapshot without break-downs, so the results screen, the development across rounds and the committee report
 * still work. The deletion is logged with her name.
 */
export function createRetentionHandlers(
  db: TilsynDatabase,
  results: ResultsService,
  now: () => Date = () => new Date(),
): RetentionHandlers {
  const { sqlite } = db;
  const tilsyn = createTilsynStore(db);
  const store = createRetentionStore(db, now);

  function requireTilsyn(tilsynId: number) {
    const t = tilsyn.get(tilsynId);
    if (!t) throw new ApiError('NOT_FOUND', 'Tilsynet findes ikke (det kan være slettet).');
    return t;
  }

  return {
    'tilsyn.sagsdata': ({ tilsynId }) => {
      requireTilsyn(tilsynId);
      return store.status(tilsynId);
    },

    'tilsyn.sletbare': ({ olderThanMonths }) => dueForDeletion(store.rows(), olderThanMonths, todayIso(now())),

    'tilsyn.sletSagsdata': ({ tilsynId, navn, bekraeft }) => {
      const secureDelete = sqlite.pragma('secure_delete', { simple: true }) as number;
      // Deleted rows are overwritten with zeros, not just marked free.
      sqlite.pragma('secure_delete = ON');
      let outcome: ReturnType<typeof store.deleteCaseData>;
      try {
        outcome = sqlite.transaction(() => {
          const t = requireTilsyn(tilsynId);
          const status = store.status(tilsynId);
          if (status.deleted)
            throw new ApiError(
              'CONFLICT',
              `Tilsynets sagsniveau-data er allerede slettet (${formatDanishDateTime(status.deleted.at)}, ${status.deleted.by}).`,
            );
          if (t.status !== 'afsluttet')
            throw new ApiError(
              'CONFLICT',
              'Sagsniveau-data kan kun slettes, når tilsynet er afsluttet og låst. Afslut tilsynet først.',
            );
          if (!confirmsTitle(bekraeft, t.titel)) {
            const message = `Skriv tilsynets titel præcis, som den står: »${t.titel}«`;
            throw new ApiError('VALIDATION', message, { bekraeft: message });
          }
          return store.deleteCaseData(tilsynId, aggregateResults(results.resultsOf(tilsynId)), navn);
        })();
      } finally {
        sqlite.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
      }
      // Rewrite the file so that no free page keeps old text (also from edits made long ago), and empty the WAL.
      // Backup copies still hold the data until they rotate out; the panel says so.
      try {
        sqlite.exec('VACUUM');
      } catch {
        // Another program holds the file: the rows are gone and zeroed; the file is compacted next time.
      }
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      return outcome;
    },
  };
}
