import type { RatedPair } from '../../../shared/domain/agreement';
import {
  agreementByQuestion,
  areaTotals,
  type Comparison,
  compareRounds,
  developmentByQuarter,
} from '../../../shared/domain/comparison';
import type { AreaCoverage } from '../../../shared/domain/coverage-figures';
import { flattenTree, unitAndBelow, unitTree } from '../../../shared/domain/enhed';
import type { TilsynListItem } from '../../../shared/domain/tilsyn';
import type { Caseload } from './caseload';
import type { createResultsService } from './results-service';
import type { Stores } from './stores';
import type { Units } from './units';

/**
 * The enheder under one side by side for a year: per template family (and theme, for tematiserede rounds), each
 * enhed's latest round whose period ends in the year, its results against its own måltal, the whole area added up, and the development quarter by quarter.
 */
export function createComparison(
  stores: Stores,
  units: Units,
  results: ReturnType<typeof createResultsService>,
  caseload: Caseload,
  /** The second review's pairs of a round (issue #16), none when it had no second review. */
  pairsOf: (tilsynId: number) => readonly (RatedPair & { key: string; question: string })[],
  /** Coverage per enhed and quarter, counted here or in the leader's file (issue #15). */
  coverageOf: (
    enheder: readonly { id: number; navn: string }[],
    aar: number,
    all: readonly TilsynListItem[],
  ) => AreaCoverage,
) {
  /** A tematiseret round's afsnit; null for a round of every afsnit, also when each one was ticked. */
  function themeKeys(tilsynId: number): string[] | null {
    const t = stores.requireTilsyn(tilsynId);
    if (!t.afsnit) return null;
    const sections = stores.templates.publishedContent(t.skabelonVersionId).sections;
    return sections.every((x) => t.afsnit?.includes(x.key)) ? null : t.afsnit;
  }

  return {
    compare(enhedId: number, aar: number): Comparison {
      units.require(enhedId);
      const all = stores.units.rows();
      const below = unitAndBelow(all, enhedId);
      // Two enheder of one name (»Team Nord« in two afdelinger) are told apart by their paths.
      const nodes = flattenTree(unitTree(all));
      const shared = (navn: string) => nodes.filter((n) => n.navn === navn).length > 1;
      const names = new Map(nodes.map((n) => [n.id, shared(n.navn) ? n.path : n.navn]));
      const latest = new Map<string, { tilsynId: number; periodeTil: string }>();
      // A round counts once it has færdige sager: one just started would hide the enhed's latest results.
      const everyRound = stores.tilsyn.list();
      const rounds = everyRound.filter(
        (t) =>
          t.enhedId !== null &&
          below.has(t.enhedId) &&
          t.periodeTil.startsWith(String(aar)) &&
          // A round whose sager are gone (retention) or that came in a pakke counts by its kept results.
          (t.antalFaerdige > 0 || (t.status === 'afsluttet' && results.ownResultsOf(t.id).faerdige > 0)),
      );
      // Rounds are compared like with like: per template family and, for a tematiseret round, per theme (its afsnit),
      // so one team's latest theme never hides its other themes of the year.
      const groupOf = (t: TilsynListItem) => {
        const afsnit = themeKeys(t.id);
        return `${stores.results.familyOf(t.id)}|${afsnit ? [...afsnit].sort().join('|') : ''}`;
      };
      const groups = new Map(rounds.map((t) => [t.id, groupOf(t)]));
      for (const t of rounds) {
        const key = `${groups.get(t.id)}#${t.enhedId}`;
        const seen = latest.get(key);
        // The latest by the end of its period; of two that end the same day, the one made last.
        if (!seen || t.periodeTil > seen.periodeTil || (t.periodeTil === seen.periodeTil && t.id > seen.tilsynId))
          latest.set(key, { tilsynId: t.id, periodeTil: t.periodeTil });
      }
      const allByGroup = new Map<string, typeof rounds>();
      for (const t of rounds) {
        const group = groups.get(t.id) ?? '';
        allByGroup.set(group, [...(allByGroup.get(group) ?? []), t]);
      }
      const byGroup = new Map<string, number[]>();
      for (const [key, { tilsynId }] of latest) {
        const group = key.slice(0, key.lastIndexOf('#'));
        byGroup.set(group, [...(byGroup.get(group) ?? []), tilsynId]);
      }
      /** A themed group's afsnit by their titles, in its newest round's template's order (null: every afsnit). */
      const themeOf = (ids: readonly number[]): string | null => {
        const newest = stores.requireTilsyn(Math.max(...ids));
        const chosen = themeKeys(newest.id);
        if (!chosen) return null;
        return stores.templates
          .publishedContent(newest.skabelonVersionId)
          .sections.filter((x) => chosen.includes(x.key))
          .map((x) => x.title)
          .join(', ');
      };
      const minCell = stores.results.settings().minCell;
      return {
        aar,
        coverage: coverageOf(
          nodes.filter((n) => below.has(n.id)).map((n) => ({ id: n.id, navn: names.get(n.id) ?? n.navn })),
          aar,
          everyRound,
        ),
        caseload: caseload.aggregates(
          nodes
            .filter((n) => below.has(n.id))
            .map((n) => ({ id: n.id, navn: names.get(n.id) ?? n.navn, foraelderId: n.foraelderId })),
          `${aar}-01-01`,
          `${aar}-12-31`,
          minCell,
        ),
        families: [...byGroup].map(([group, ids]) => {
          const familyId = Number(group.split('|')[0]);
          const groupRounds = allByGroup.get(group) ?? [];
          const columns = ids.map((id) => {
            const t = stores.requireTilsyn(id);
            const r = results.resultsOf(id);
            return {
              enhedId: t.enhedId ?? 0,
              enhed: names.get(t.enhedId ?? 0) ?? t.enhed,
              tilsynId: id,
              titel: t.titel,
              periodeTil: t.periodeTil,
              afsluttet: t.status === 'afsluttet',
              overall: r.overall,
              measures: r.measures,
            };
          });
          const compared = compareRounds(columns);
          const development = developmentByQuarter(
            groupRounds.map((t) => {
              const r = results.resultsOf(t.id);
              return {
                enhedId: t.enhedId ?? 0,
                enhed: names.get(t.enhedId ?? 0) ?? t.enhed,
                periodeTil: t.periodeTil,
                overall: r.overall,
                measures: r.measures,
              };
            }),
            compared.rows,
          );
          return {
            familyId,
            skabelon: stores.templates.get(familyId).name,
            tema: themeOf(ids),
            ...compared,
            area: areaTotals(compared),
            development,
            agreement: agreementByQuestion(
              groupRounds.map((t) => ({ periodeTil: t.periodeTil, pairs: pairsOf(t.id) })),
            ),
          };
        }),
      };
    },
  };
}
