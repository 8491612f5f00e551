import type { TilsynDatabase } from '../../db/open';
import { createResultsStore } from '../../db/results-store';
import { createRetentionStore } from '../../db/retention-store';
import type { SkabelonStore } from '../../db/skabelon-store';
import type { TilsynStore } from '../../db/tilsyn-store';
import { ApiError } from '../../shared/api/errors';
import type { ResultsView } from '../../shared/domain/reports';
import { computeResults, type RoundResults, type TilsynResults, trends } from '../../shared/domain/results';
import { aggregateResults } from '../../shared/domain/retention';
import type { Handlers } from './dispatch';

type ResultsHandlers = Pick<
  Handlers,
  | 'tilsyn.baseline'
  | 'resultater.get'
  | 'resultater.vurdering'
  | 'resultater.sammenfatning'
  | 'indstillinger.get'
  | 'indstillinger.gem'
>;

/** The results of a tilsyn and its development across rounds of the same template; shared with the reports. */
export function createResultsService(db: TilsynDatabase, tilsyn: TilsynStore, skabeloner: SkabelonStore) {
  const store = createResultsStore(db);
  // A tilsyn whose case-level data was deleted (issue #7) keeps its results as a snapshot without break-downs.
  const retention = createRetentionStore(db);

  function requireTilsyn(tilsynId: number) {
    const t = tilsyn.get(tilsynId);
    if (!t) throw new ApiError('NOT_FOUND', 'Tilsynet findes ikke (det kan være slettet).');
    return t;
  }

  /** The texts for the committee report are part of the tilsyn: locked with it. */
  function requireOpen(tilsynId: number) {
    const t = requireTilsyn(tilsynId);
    if (t.status === 'afsluttet')
      throw new ApiError(
        'CONFLICT',
        'Tilsynet er afsluttet og låst. Genåbn det for at ændre vurderinger og sammenfatning.',
      );
    return t;
  }

  function resultsOf(tilsynId: number): TilsynResults {
    const t = requireTilsyn(tilsynId);
    const kept = retention.snapshot(tilsynId);
    if (kept) return kept;
    return computeResults(skabeloner.publishedContent(t.skabelonVersionId), t.afsnit, store.resultSager(tilsynId));
  }

  // A locked round cannot change (every write is refused until it is reopened, which changes its status), so its
  // results are kept: the development over many rounds then costs one computation per round, once.
  const lockedRounds = new Map<number, { stamp: string; results: TilsynResults }>();
  type Round = Pick<ReturnType<typeof store.lineage>[number], 'id' | 'status' | 'aendret' | 'versionId' | 'afsnit'>;
  function roundResults(r: Round): TilsynResults {
    const stamp = `${r.status}:${r.aendret}`;
    const cached = lockedRounds.get(r.id);
    if (cached?.stamp === stamp) return cached.results;
    const kept = retention.snapshot(r.id);
    if (kept) {
      lockedRounds.set(r.id, { stamp, results: kept });
      return kept;
    }
    if (r.status !== 'afsluttet')
      return computeResults(skabeloner.publishedContent(r.versionId), r.afsnit, store.resultSager(r.id));
    // Kept in the file too, so the next start reads it instead of recomputing every answer of every round.
    let results = store.cachedRound(r.id, stamp);
    if (!results) {
      results = aggregateResults(
        computeResults(skabeloner.publishedContent(r.versionId), r.afsnit, store.resultSager(r.id)),
      );
      store.saveRound(r.id, stamp, results);
    }
    lockedRounds.set(r.id, { stamp, results });
    return results;
  }

  /**
   * Computes and keeps a round's results the moment it is locked, so the development over many rounds never has to
   * recompute an old round's answers.
   */
  function rememberLockedRound(tilsynId: number): void {
    const t = requireTilsyn(tilsynId);
    roundResults({ id: t.id, status: t.status, aendret: t.aendret, versionId: t.skabelonVersionId, afsnit: t.afsnit });
  }

  /** This round and the earlier ones of the same template (not later ones), each with its own version's questions. */
  function rounds(tilsynId: number, current: TilsynResults): RoundResults[] {
    const t = requireTilsyn(tilsynId);
    return store
      .lineage(tilsynId)
      .filter((r) => r.id === tilsynId || r.periodeTil <= t.periodeTil)
      .map((r) => ({
        tilsynId: r.id,
        titel: r.titel,
        periodeFra: r.periodeFra,
        periodeTil: r.periodeTil,
        baseline: r.baseline,
        results: r.id === tilsynId ? current : roundResults(r),
      }));
  }

  function view(tilsynId: number): ResultsView {
    const results = resultsOf(tilsynId);
    const { sammenfatning, baseline } = store.summary(tilsynId);
    return {
      results,
      trends: trends(
        rounds(tilsynId, results),
        results.measures.map((m) => m.key),
      ),
      assessments: store.assessments(tilsynId),
      sammenfatning,
      baseline,
      settings: store.settings(),
    };
  }

  const handlers: ResultsHandlers = {
    'tilsyn.baseline': ({ tilsynId, baseline }) => {
      requireTilsyn(tilsynId);
      store.setBaseline(tilsynId, baseline);
      return requireTilsyn(tilsynId);
    },
    'resultater.get': ({ tilsynId }) => view(tilsynId),
    'resultater.vurdering': ({ tilsynId, ...assessment }) => {
      const t = requireOpen(tilsynId);
      const content = skabeloner.publishedContent(t.skabelonVersionId);
      if (!content.sections.some((s) => s.questions.some((q) => q.key === assessment.key)))
        throw new ApiError('VALIDATION', 'Spørgsmålet findes ikke i tilsynets skabelon.');
      store.saveAssessment(tilsynId, assessment);
      return assessment;
    },
    'resultater.sammenfatning': ({ tilsynId, tekst }) => {
      requireOpen(tilsynId);
      store.saveSummary(tilsynId, tekst);
      return null;
    },
    'indstillinger.get': () => store.settings(),
    'indstillinger.gem': (settings) => {
      store.saveSettings(settings);
      return store.settings();
    },
  };

  return { resultsOf, view, store, handlers, rememberLockedRound };
}

export type ResultsService = ReturnType<typeof createResultsService>;
