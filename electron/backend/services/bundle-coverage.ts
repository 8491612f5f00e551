import type { CoverageFigureStore } from '../../../db/coverage-figure-store';
import { ApiError } from '../../../shared/api/errors';
import type { BundleRound } from '../../../shared/domain/bundle-results';
import {
  type AreaCoverage,
  addFigures,
  type BundleCoverage,
  type CoverageFigure,
  coverageColumns,
  figureCounts,
  figureOf,
  figurePeriods,
} from '../../../shared/domain/coverage-figures';
import { unitKey } from '../../../shared/domain/enhed';
import type { TilsynListItem as TilsynSummary } from '../../../shared/domain/tilsyn';
import type { Stores } from './stores';

type Period = { fra: string; til: string };
/** A figure and where it was counted: `kilde` null for this file's own. */
type Counted = { figure: CoverageFigure; kilde: string | null; beregnet: string; fraPakke: boolean };

/**
 * Coverage across files (issue #15): an enhed's coverage counted where its sager are, sent in the resultatpakke per
 * enhed and period, kept where it arrives, and counted there as the enhed's own when that file has no sager of it.
 */
export function createBundleCoverage(
  stores: Stores,
  figures: CoverageFigureStore,
  fileId: () => string,
  now: () => Date = () => new Date(),
) {
  /**
   * This file's count of an enhed's own rounds ending in the period, as the årshjul counts it; `lacking` the rounds
   * whose sager are not here.
   */
  function ownFigure(
    enhedId: number,
    period: Period,
    rounds: readonly TilsynSummary[],
    lacking: ReadonlySet<number>,
  ): CoverageFigure {
    const inPeriod = rounds.filter((t) => t.periodeTil >= period.fra && t.periodeTil <= period.til);
    const counted = inPeriod.filter((t) => t.antalFaerdige > 0 || lacking.has(t.id));
    const runderUdenSager = counted.filter((t) => lacking.has(t.id)).length;
    // Where no round has its sager here there is nothing to read.
    const { seen, reviewed } =
      counted.length > runderUdenSager
        ? stores.units.coverageData([enhedId], period.fra, period.til)
        : { seen: { caseworkers: [], sagstyper: [] }, reviewed: [] };
    return figureOf(period, seen, reviewed, { runder: counted.length, runderUdenSager });
  }

  /** The enheder's figures for the periods: this file's own where it has sager, else the one a pakke brought. */
  function countsOf(
    enhedIds: readonly number[],
    periods: readonly Period[],
    all: readonly TilsynSummary[] = stores.tilsyn.list(),
  ): Map<string, Counted> {
    const byEnhed = new Map<number, TilsynSummary[]>();
    for (const t of all) if (t.enhedId !== null) byEnhed.set(t.enhedId, [...(byEnhed.get(t.enhedId) ?? []), t]);
    const lacking = stores.retention.withoutSager();
    const span = periods.reduce(
      (s, p) => ({ fra: p.fra < s.fra ? p.fra : s.fra, til: p.til > s.til ? p.til : s.til }),
      {
        fra: '9999-12-31',
        til: '0000-01-01',
      },
    );
    const brought = new Map(
      figures.within(enhedIds, span.fra, span.til).map((f) => [`${f.enhedId}|${f.fra}|${f.til}`, f]),
    );
    const stamp = now().toISOString();
    const out = new Map<string, Counted>();
    for (const enhedId of enhedIds)
      for (const p of periods) {
        const key = `${enhedId}|${p.fra}|${p.til}`;
        const own = ownFigure(enhedId, p, byEnhed.get(enhedId) ?? [], lacking);
        const came = brought.get(key);
        if (figureCounts(own)) out.set(key, { figure: own, kilde: null, beregnet: stamp, fraPakke: false });
        else if (came) {
          const { enhedId: _e, kildeFil, beregnet, ...figure } = came;
          out.set(key, { figure, kilde: kildeFil, beregnet, fraPakke: true });
        }
      }
    return out;
  }

  return {
    /** The pakke's coverage member: per enhed in `enhedIds`, each quarter and year the rounds end in. */
    member(
      rounds: readonly TilsynSummary[],
      enhedIds: readonly number[],
      pathOf: (enhedId: number) => BundleRound['enhed'],
    ): BundleCoverage[] {
      const counts = countsOf(enhedIds, figurePeriods(rounds.map((t) => t.periodeTil)));
      return [...counts].map(([key, c]) => ({
        enhed: pathOf(Number(key.split('|')[0])),
        kilde: c.kilde ?? fileId(),
        beregnet: c.beregnet,
        ...c.figure,
      }));
    },

    /** Keeps a pakke's figures (in the import's transaction); those this file counted itself are left out. */
    read(
      fileName: string,
      member: readonly BundleCoverage[],
      unitFor: (path: BundleRound['enhed']) => number,
      roundPaths: readonly BundleRound['enhed'][],
    ): { enheder: number; perioder: number } {
      const here = stores.pakker.knownFileId();
      const pathKey = (path: BundleRound['enhed']) => path.map((e) => unitKey(e.navn)).join('\u0000');
      const withRounds = new Set(roundPaths.map(pathKey));
      const seen = new Set<string>();
      const changed = new Set<number>();
      let perioder = 0;
      for (const f of member) {
        const { enhed, kilde, beregnet, ...figure } = f;
        if (!withRounds.has(pathKey(enhed)))
          throw new ApiError(
            'VALIDATION',
            `»${fileName}« kan ikke indlæses: den har dækning for en enhed, den ikke har runder fra. Pakken er ændret eller beskadiget.`,
          );
        const key = `${pathKey(enhed)}|${f.fra}|${f.til}`;
        if (seen.has(key))
          throw new ApiError(
            'VALIDATION',
            `»${fileName}« kan ikke indlæses: dækningen for en enhed og periode står der to gange. Pakken er ændret eller beskadiget.`,
          );
        seen.add(key);
        if (kilde === here) continue;
        const enhedId = unitFor(enhed);
        const saved = figures.save({ ...figure, enhedId, kildeFil: kilde, beregnet });
        if (saved === 'ny' || saved === 'opdateret') {
          changed.add(enhedId);
          perioder++;
        }
      }
      return { enheder: changed.size, perioder };
    },

    /** The department's coverage table for a year: per enhed with a figure, the quarters and the year, and the sum. */
    area(
      enheder: readonly { id: number; navn: string }[],
      aar: number,
      all: readonly TilsynSummary[] = stores.tilsyn.list(),
    ): AreaCoverage {
      const columns = coverageColumns(aar);
      const counts = countsOf(
        enheder.map((e) => e.id),
        columns,
        all,
      );
      const rows = enheder
        .map((e) => {
          const cells = columns.map((p) => counts.get(`${e.id}|${p.fra}|${p.til}`) ?? null);
          return {
            enhedId: e.id,
            enhed: e.navn,
            cells: cells.map((c) => c?.figure ?? null),
            fraPakke: cells.some((c) => c?.fraPakke),
          };
        })
        .filter((r) => r.cells.some((c) => c !== null && figureCounts(c)))
        .sort((a, b) => a.enhed.localeCompare(b.enhed, 'da'));
      return {
        rows,
        area: columns.map((p, i) =>
          addFigures(
            rows.map((r) => r.cells[i] ?? null),
            p,
          ),
        ),
      };
    },

    /** The figures for exactly this period that pakker brought, for enheder whose sager this file does not have. */
    brought(enhedIds: readonly number[], period: Period): (CoverageFigure & { enhedId: number })[] {
      return [...countsOf(enhedIds, [period])]
        .filter(([, c]) => c.fraPakke)
        .map(([key, c]) => ({ ...c.figure, enhedId: Number(key.split('|')[0]) }));
    },
  };
}

export type BundleCoverageService = ReturnType<typeof createBundleCoverage>;
