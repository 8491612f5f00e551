import { ApiError } from '../../../shared/api/errors';
import { type MeasureGoal, withGoals } from '../../../shared/domain/goals';
import type { KeyLinkView, ResultsView } from '../../../shared/domain/reports';
import {
  byPeriod,
  computeResults,
  type RoundResults,
  type TilsynResults,
  type TrendPoint,
  trends,
  withLinkedKeys,
} from '../../../shared/domain/results';
import { aggregateResults } from '../../../shared/domain/retention';
import { createOutcomeMemo } from '../../../shared/domain/sag-outcomes';
import { isLocked, type TilsynStatus } from '../../../shared/domain/tilsyn';
import type { Stores } from './stores';

/** The results of a tilsyn and its development across rounds of the same template; shared with the reports. */
export function createResultsService(stores: Stores) {
  // A tilsyn whose case-level data was deleted (issue #7) keeps its results as a snapshot without break-downs.
  const { results: store, retention, templates, requireTilsyn } = stores;

  /** The enhed's goals for the krav of the tilsyn's template family now (none for a tilsyn without an enhed). */
  function currentGoals(tilsynId: number): MeasureGoal[] {
    const t = requireTilsyn(tilsynId);
    return t.enhedId === null ? [] : store.goals(t.enhedId, store.familyOf(tilsynId));
  }

  /** The goals a round is measured by: those it was locked with, else the enhed's current ones. */
  function goalsOf(tilsynId: number): MeasureGoal[] {
    return store.frozenGoals(tilsynId) ?? currentGoals(tilsynId);
  }

  /** At locking the round keeps the goals it is measured by; at a genåbning it follows the current ones again. */
  function freezeGoals(tilsynId: number, locked: boolean): void {
    store.freezeGoals(tilsynId, locked ? currentGoals(tilsynId) : null);
  }

  // Each sag's outcomes as last scored: after a save only the sag that changed is scored again (issue #18).
  const outcomes = createOutcomeMemo();

  /** A round's results against its skabelon's måltal: what a retention snapshot keeps. */
  /** A round's results from its kept snapshot, else computed: over every sag, or (`finishedOnly`) the færdige. */
  function computedResultsOf(tilsynId: number, finishedOnly = false): TilsynResults {
    const kept = retention.snapshot(tilsynId);
    if (kept) return kept;
    const t = requireTilsyn(tilsynId);
    const content = templates.publishedContent(t.skabelonVersionId);
    const sager = store.resultSager(tilsynId);
    const counted = finishedOnly ? sager.filter((s) => s.status === 'faerdig') : sager;
    return computeResults(content, t.afsnit, counted, outcomes);
  }

  // Each round's results as computed at a count of the file's writes: Resultater, the reports and their checks ask
  // for the same round many times between two saves, and each asking read and scored every answer again.
  // Inside a transaction the count has not moved for what it wrote so far: nothing is kept or given from there.
  let computed = { writes: -1, byTilsyn: new Map<number, TilsynResults>() };
  function ownResultsOf(tilsynId: number): TilsynResults {
    if (stores.db.sqlite.inTransaction) return computedResultsOf(tilsynId);
    const writes = stores.db.writes();
    if (computed.writes !== writes) computed = { writes, byTilsyn: new Map() };
    const known = computed.byTilsyn.get(tilsynId) ?? computedResultsOf(tilsynId);
    computed.byTilsyn.set(tilsynId, known);
    return known;
  }

  /** A round's results against its enhed's måltal as they stand on the day its period ends. */
  function resultsOf(tilsynId: number): TilsynResults {
    return withGoals(ownResultsOf(tilsynId), goalsOf(tilsynId), requireTilsyn(tilsynId).periodeTil);
  }

  /**
   * A round's results over its færdige sager only, against the same goals: what the feedback notes, which are about
   * the færdige sager, show (a half-done sag's answers counted in a note that said one sag was reviewed).
   */
  function finishedResultsOf(tilsynId: number): TilsynResults {
    return withGoals(computedResultsOf(tilsynId, true), goalsOf(tilsynId), requireTilsyn(tilsynId).periodeTil);
  }

  /** Saves the enhed's goal for one of the tilsyn's krav; the enhed's other rounds are measured by it too. */
  function saveGoal(tilsynId: number, goal: MeasureGoal): MeasureGoal[] {
    const t = requireTilsyn(tilsynId);
    if (t.enhedId === null) throw new ApiError('CONFLICT', 'Tilsynet hører ikke til en enhed. Vælg enheden først.');
    if (!resultsOf(tilsynId).measures.some((m) => m.key === goal.key))
      throw new ApiError('NOT_FOUND', 'Kravet findes ikke i tilsynets skabelon.');
    store.saveGoal(t.enhedId, store.familyOf(tilsynId), goal);
    return currentGoals(tilsynId);
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
    // The store reads the status column as text; it holds a TilsynStatus.
    if (!isLocked({ status: r.status as TilsynStatus })) return ownResultsOf(r.id);
    // Kept in the file too, so the next start reads it instead of recomputing every answer of every round.
    let results = store.cachedRound(r.id, stamp);
    if (!results) {
      results = aggregateResults(
        computeResults(templates.publishedContent(r.versionId), r.afsnit, store.resultSager(r.id)),
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

  /** The earlier rounds of the same template (not later ones), each with its own version's questions. */
  function earlierRounds(tilsynId: number) {
    const t = requireTilsyn(tilsynId);
    const links = store.keyLinks(store.familyOf(tilsynId));
    const all = store.lineage(tilsynId);
    const own = all.find((r) => r.id === tilsynId);
    const lineage = all.filter((r) => r.id !== tilsynId && r.periodeTil <= t.periodeTil);
    const toRound = (r: (typeof lineage)[number]): RoundResults => ({
      tilsynId: r.id,
      titel: r.titel,
      periodeFra: r.periodeFra,
      periodeTil: r.periodeTil,
      baseline: r.baseline,
      results: withLinkedKeys(roundResults(r), links),
    });
    // What the development of these rounds depends on: each round as it stands, and how krav are linked.
    const stamp = JSON.stringify([lineage.map((r) => [r.id, r.status, r.aendret, r.titel, r.baseline]), [...links]]);
    const allLocked = lineage.every((r) => isLocked({ status: r.status as TilsynStatus }));
    return { own, stamp: allLocked ? stamp : null, rounds: () => lineage.map(toRound) };
  }

  // The development over the earlier rounds, kept while none of them changes (all locked: every write to one is
  // refused until it is reopened, which changes its status): Resultater then computes only the round it shows.
  let keptDevelopment: { stamp: string; value: Record<string, TrendPoint[]> } | undefined;
  function development(tilsynId: number, current: TilsynResults): Record<string, TrendPoint[]> {
    const keys = current.measures.map((m) => m.key);
    const earlier = earlierRounds(tilsynId);
    const { own } = earlier;
    if (!own) return trends(earlier.rounds(), keys);
    const { titel, periodeFra, periodeTil, baseline } = own;
    const now: RoundResults = { tilsynId, titel, periodeFra, periodeTil, baseline, results: current };
    const stamp = earlier.stamp === null ? null : `${tilsynId}:${JSON.stringify(keys)}:${earlier.stamp}`;
    if (stamp === null) return trends([...earlier.rounds(), now], keys);
    if (keptDevelopment?.stamp !== stamp) keptDevelopment = { stamp, value: trends(earlier.rounds(), keys) };
    const before = keptDevelopment.value;
    const last = trends([now], keys);
    // The earlier rounds end on or before this one; a round ending the same day sorts by its start and id.
    const lastOf = (key: string) => before[key]?.at(-1);
    const comesLast = [...keys, '*'].every((key) => {
      const prior = lastOf(key);
      return !prior || byPeriod(prior, now) < 0;
    });
    if (!comesLast) return trends([...earlier.rounds(), now], keys);
    return Object.fromEntries([...keys, '*'].map((key) => [key, [...(before[key] ?? []), ...(last[key] ?? [])]]));
  }

  /**
   * The krav of earlier rounds (same family and enhed) that this round's template does not have by their key: the
   * candidates to link, with how they are linked now.
   */
  function unmatched(tilsynId: number): KeyLinkView {
    const current = resultsOf(tilsynId).measures;
    const family = store.familyOf(tilsynId);
    const links = store.keyLinks(family);
    const own = new Set(current.map((m) => m.key));
    const old = new Map<string, { key: string; text: string; number: string; rounds: number }>();
    for (const r of store.lineage(tilsynId).filter((x) => x.id !== tilsynId))
      for (const m of roundResults(r).measures)
        if (!own.has(m.key)) {
          const seen = old.get(m.key);
          old.set(m.key, { key: m.key, text: m.text, number: m.number, rounds: (seen?.rounds ?? 0) + 1 });
        }
    return {
      earlier: [...old.values()].map((o) => ({ ...o, linkedTo: links.get(o.key) ?? null })),
      current: current.map((m) => ({ key: m.key, number: m.number, text: m.text })),
    };
  }

  function link(tilsynId: number, gammel: string, ny: string | null): KeyLinkView {
    const view = unmatched(tilsynId);
    if (!view.earlier.some((e) => e.key === gammel))
      throw new ApiError('NOT_FOUND', 'Kravet findes ikke i de tidligere runder (listen kan være ændret).');
    if (ny !== null && !view.current.some((c) => c.key === ny))
      throw new ApiError('VALIDATION', 'Vælg et krav fra denne runde.', { ny: 'Vælg et krav fra denne runde.' });
    store.setKeyLink(store.familyOf(tilsynId), gammel, ny);
    return unmatched(tilsynId);
  }

  function view(tilsynId: number): ResultsView {
    const results = resultsOf(tilsynId);
    const { sammenfatning, baseline } = store.summary(tilsynId);
    return {
      results,
      trends: development(tilsynId, results),
      assessments: store.assessments(tilsynId),
      goals: currentGoals(tilsynId),
      sammenfatning,
      baseline,
      settings: store.settings(),
    };
  }

  return {
    resultsOf,
    finishedResultsOf,
    ownResultsOf,
    view,
    rememberLockedRound,
    unmatched,
    link,
    saveGoal,
    freezeGoals,
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
