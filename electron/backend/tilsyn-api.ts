import { ApiError, tilsynLocked, tilsynNotFound } from '../../shared/api/errors';
import { importedRoundRefusal } from '../../shared/domain/bundle-results';
import { closeBlockers } from '../../shared/domain/closing';
import { formatDanishDate, formatDanishDateTime } from '../../shared/domain/dates';
import { aggregateResults, confirmsTitle, dueForDeletion } from '../../shared/domain/retention';
import { isLocked } from '../../shared/domain/tilsyn';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';
import { checkTemplateChoice } from './services/template-choice';

/**
 * A tilsyn itself: creating and changing it, locking it when every sag is done and reopening it with a reason, its
 * log of changes after that, the baseline mark, and retention (issue #7): the leader deletes an afsluttet tilsyn's
 * case-level data on her command, its results kept as a snapshot without break-downs, the deletion logged.
 */
export function tilsynApi({
  stores,
  caseload,
  review,
  results,
  units,
  createTilsyn,
  today,
}: Services): NamespaceHandlers<'tilsyn'> {
  const { tilsyn, templates, answers, closing, retention, requireTilsyn } = stores;
  const { sqlite } = stores.db;

  return {
    'tilsyn.list': () => tilsyn.list(),
    'tilsyn.get': ({ id }) => requireTilsyn(id),
    'tilsyn.create': (data) => createTilsyn(data),
    'tilsyn.update': ({ id, data }) => {
      const current = requireTilsyn(id);
      const templateChanged =
        current.skabelonVersionId !== data.skabelonVersionId ||
        JSON.stringify(current.afsnit) !== JSON.stringify(data.afsnit);
      if (isLocked(current)) throw tilsynLocked('ændre det');
      if (templateChanged && current.status !== 'planlaegning') {
        throw new ApiError(
          'CONFLICT',
          'Stikprøven er trukket, så tilsynets skabelon og afsnit ligger fast. Opret et nyt tilsyn for en anden skabelon.',
        );
      }
      checkTemplateChoice(templates, data);
      const updated = sqlite.transaction(() => {
        const saved = tilsyn.update(id, units.forTilsyn(data));
        // Its sagsliste in the sagsoverblik goes with it to the other enhed.
        if (saved && saved.enhedId !== current.enhedId && saved.enhedId !== null)
          caseload.moveOfTilsyn(id, saved.enhedId);
        return saved;
      })();
      if (!updated) throw tilsynNotFound();
      return updated;
    },

    'tilsyn.afslut': ({ tilsynId, navn, dato }) =>
      review.transaction(() => {
        const { tilsyn: t } = review.templateOf(tilsynId);
        if (isLocked(t))
          throw new ApiError(
            'CONFLICT',
            `Tilsynet er allerede afsluttet (${t.afsluttetAf}, ${formatDanishDate(t.afsluttetDato ?? '')}).`,
          );
        const sager = answers.sager(tilsynId);
        if (sager.length === 0)
          throw new ApiError('CONFLICT', 'Tilsynet har ingen stikprøve endnu, så der er intet at afslutte.');
        const blockers = closeBlockers(sager);
        if (blockers.length > 0)
          throw new ApiError(
            'VALIDATION',
            `Tilsynet kan afsluttes, når alle sager er færdige eller udgået. ${blockers.length === 1 ? 'Denne sag mangler' : `Disse ${blockers.length} sager mangler`}: ${blockers.join(', ')}.`,
          );
        closing.close(tilsynId, navn, dato);
        // Its results can be kept from now on: a locked round does not change, nor do the goals it is measured by.
        results.rememberLockedRound(tilsynId);
        results.freezeGoals(tilsynId, true);
        return review.templateOf(tilsynId).tilsyn;
      }),
    'tilsyn.genaabn': ({ tilsynId, navn, begrundelse }) =>
      review.transaction(() => {
        const { tilsyn: t } = review.templateOf(tilsynId);
        if (!isLocked(t)) throw new ApiError('CONFLICT', 'Tilsynet er ikke afsluttet.');
        if (t.indlaest) throw new ApiError('CONFLICT', importedRoundRefusal(t.titel, 'kan den ikke genåbnes her'));
        if (review.caseDataDeleted(tilsynId))
          throw new ApiError(
            'CONFLICT',
            'Sagernes data er slettet efter afslutningen, så tilsynet kan ikke genåbnes. Resultaterne er bevaret.',
          );
        closing.reopen(tilsynId, navn, begrundelse);
        results.freezeGoals(tilsynId, false);
        return review.templateOf(tilsynId).tilsyn;
      }),
    'tilsyn.log': ({ tilsynId }) => {
      review.templateOf(tilsynId);
      return closing.log(tilsynId);
    },
    'tilsyn.baseline': ({ tilsynId, baseline }) => {
      const t = requireTilsyn(tilsynId);
      if (t.indlaest)
        throw new ApiError('CONFLICT', importedRoundRefusal(t.titel, 'kan baseline-markeringen ikke ændres her'));
      stores.results.setBaseline(tilsynId, baseline);
      return requireTilsyn(tilsynId);
    },

    'tilsyn.sagsdata': ({ tilsynId }) => {
      requireTilsyn(tilsynId);
      return retention.status(tilsynId);
    },
    'tilsyn.sletbare': ({ olderThanMonths }) => dueForDeletion(retention.rows(), olderThanMonths, today()),
    'tilsyn.sletSagsdata': ({ tilsynId, navn, bekraeft }) => {
      const secureDelete = sqlite.pragma('secure_delete', { simple: true }) as number;
      // Deleted rows are overwritten with zeros, not just marked free.
      sqlite.pragma('secure_delete = ON');
      let outcome: ReturnType<typeof retention.deleteCaseData>;
      try {
        outcome = sqlite.transaction(() => {
          const t = requireTilsyn(tilsynId);
          const status = retention.status(tilsynId);
          if (status.deleted)
            throw new ApiError(
              'CONFLICT',
              `Tilsynets sagsniveau-data er allerede slettet (${formatDanishDateTime(status.deleted.at)}, ${status.deleted.by}).`,
            );
          if (!isLocked(t))
            throw new ApiError(
              'CONFLICT',
              'Sagsniveau-data kan kun slettes, når tilsynet er afsluttet og låst. Afslut tilsynet først.',
            );
          if (!confirmsTitle(bekraeft, t.titel)) {
            const message = `Skriv tilsynets titel præcis, som den står: »${t.titel}«`;
            throw new ApiError('VALIDATION', message, { bekraeft: message });
          }
          // What the check must still find in the texts that are kept, as hashes only.
          stores.publication.rememberIdentifiers(tilsynId);
          caseload.deleteOfTilsyn(tilsynId, navn);
          return retention.deleteCaseData(tilsynId, aggregateResults(results.ownResultsOf(tilsynId)), navn);
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
