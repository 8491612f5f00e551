import type { CoverageFigureStore, StoredFigure } from '../../../db/coverage-figure-store';
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
  figureProblem,
} from '../../../shared/domain/coverage-figures';
import { formatDanishPeriod } from '../../../shared/domain/dates';
import { unitKey } from '../../../shared/domain/enhed';
import type { TilsynListItem } from '../../../shared/domain/tilsyn';
import type { Stores } from './stores';

type Period = { fra: string; til: string };
type Path = BundleRound['enhed'];
const pathKey = (path: Path) => path.map((e) => unitKey(e.navn)).join('\u0000');
const inPeriod = (t: TilsynListItem, p: Period) => t.periodeTil >= p.fra && t.periodeTil <= p.til;

/**
 * Coverage across files (issue #15): an enhed's coverage is counted where its sager are, sent in the resultatpakke
 * per enhed and period, and kept where it arrives per file that counted it. There an enhed's coverage is this file's
 * own count of the rounds whose sager it has, and the counts other files sent, added up.
 */
export function createBundleCoverage(
  stores: Stores,
  figures: CoverageFigureStore,
  fileId: () => string,
  now: () => Date = () => new Date(),
) {
  /**
   * This file's count over the rounds of `enhedIds` ending in the period whose sager it holds or held (a round read
   * in from a pakke is counted by the file it came from); `locked`: only afsluttede rounds, as a pakke carries.
   */
  function ownFigure(
    enhedIds: ReadonlySet<number>,
    period: Period,
    all: readonly TilsynListItem[],
    locked: boolean,
    deleted: ReadonlySet<number>,
  ): CoverageFigure {
    const rounds = all.filter(
      (t) =>
        t.enhedId !== null &&
        enhedIds.has(t.enhedId) &&
        !t.indlaest &&
        inPeriod(t, period) &&
        (!locked || t.status === 'afsluttet') &&
        (t.antalFaerdige > 0 || deleted.has(t.id)),
    );
    const withSager = rounds.filter((t) => !deleted.has(t.id));
    const { seen, reviewed } =
      withSager.length > 0
        ? stores.units.coverageOfRounds(withSager.map((t) => t.id))
        : { seen: { caseworkers: [], sagstyper: [] }, reviewed: [] };
    return figureOf(period, seen, reviewed, {
      runder: rounds.length,
      runderUdenSager: rounds.length - withSager.length,
    });
  }

  /** Other files' counts of the enheder for periods within `span`, by enhed and period. */
  function brought(enhedIds: readonly number[], span: Period): Map<string, StoredFigure[]> {
    const here = stores.pakker.knownFileId();
    const out = new Map<string, StoredFigure[]>();
    for (const f of figures.within(enhedIds, span.fra, span.til)) {
      if (f.kildeFil === here) continue;
      const key = `${f.enhedId}|${f.fra}|${f.til}`;
      out.set(key, [...(out.get(key) ?? []), f]);
    }
    return out;
  }

  const strip = ({ enhedId: _e, kildeFil: _k, beregnet: _b, ...figure }: StoredFigure): CoverageFigure => figure;

  return {
    /**
     * The pakke's coverage member: per enhed of its rounds, each quarter and year its rounds end in, this file's own
     * count of its afsluttede rounds, and every count other files sent for it (sent on as they came).
     */
    member(rounds: readonly TilsynListItem[], pathOf: (enhedId: number) => Path): BundleCoverage[] {
      const all = stores.tilsyn.list();
      const deleted = stores.retention.withoutSager();
      const stamp = now().toISOString();
      const out: BundleCoverage[] = [];
      for (const enhedId of new Set(rounds.map((t) => t.enhedId ?? 0))) {
        const periods = figurePeriods(rounds.filter((t) => t.enhedId === enhedId).map((t) => t.periodeTil));
        const came = brought([enhedId], { fra: periods[0]?.fra ?? '', til: periods[periods.length - 1]?.til ?? '' });
        const enhed = pathOf(enhedId);
        for (const p of periods) {
          const own = ownFigure(new Set([enhedId]), p, all, true, deleted);
          if (figureCounts(own)) out.push({ enhed, kilde: fileId(), beregnet: stamp, ...own });
          for (const f of came.get(`${enhedId}|${p.fra}|${p.til}`) ?? [])
            out.push({ enhed, kilde: f.kildeFil, beregnet: f.beregnet, ...strip(f) });
        }
      }
      return out;
    },

    /** Keeps a pakke's figures (in the import's transaction); those this file counted itself are left out. */
    read(
      fileName: string,
      made: string,
      member: readonly BundleCoverage[],
      unitFor: (path: Path) => number,
      rounds: readonly { enhed: Path; periodeTil: string; uid: string }[],
    ): { enheder: number; perioder: number } {
      const here = stores.pakker.knownFileId();
      const ends = new Map<string, string[]>();
      for (const r of rounds) ends.set(pathKey(r.enhed), [...(ends.get(pathKey(r.enhed)) ?? []), r.periodeTil]);
      const refuse = (why: string) =>
        new ApiError('VALIDATION', `»${fileName}« kan ikke indlæses: ${why}. Pakken er ændret eller beskadiget.`);
      const seen = new Set<string>();
      const changed = new Set<number>();
      let perioder = 0;
      for (const f of member) {
        const { enhed, kilde, beregnet, ...figure } = f;
        const where = `${enhed[enhed.length - 1]?.navn ?? ''} ${formatDanishPeriod(f.fra, f.til)}`;
        const roundEnds = ends.get(pathKey(enhed));
        if (!roundEnds) throw refuse(`den har dækning for en enhed, den ikke har runder fra (${where})`);
        const problem = figureProblem(figure, roundEnds);
        if (problem) throw refuse(`dækningen for ${where} passer ikke: ${problem}`);
        // A count is made before the pakke that carries it: one »made« later would outrank every real count.
        if (beregnet > made) throw refuse(`dækningen for ${where} er talt efter, at pakken blev lavet`);
        const key = `${pathKey(enhed)}|${f.fra}|${f.til}|${kilde}`;
        if (seen.has(key)) throw refuse(`dækningen for ${where} står der to gange`);
        seen.add(key);
        if (kilde === here) continue;
        const enhedId = unitFor(enhed);
        const saved = figures.save({ ...figure, enhedId, kildeFil: kilde, beregnet });
        if (saved === 'ny' || saved === 'opdateret') {
          changed.add(enhedId);
          perioder++;
        }
      }
      // A leader who renamed or moved her team: her counts follow her rounds.
      for (const kilde of new Set([...rounds.map((r) => r.uid.split(':')[0] ?? ''), ...member.map((f) => f.kilde)]))
        figures.dropWithoutRounds(kilde);
      return { enheder: changed.size, perioder };
    },

    /** The department's coverage table for a year: per enhed with a figure, the quarters and the year, and the sum. */
    area(
      enheder: readonly { id: number; navn: string }[],
      aar: number,
      all: readonly TilsynListItem[] = stores.tilsyn.list(),
    ): AreaCoverage {
      const columns = coverageColumns(aar);
      const ids = enheder.map((e) => e.id);
      const came = brought(ids, { fra: `${aar}-01-01`, til: `${aar}-12-31` });
      const deleted = stores.retention.withoutSager();
      // This file's own rounds of the year: a department's file of pakker has few or none.
      const mine = all.filter((t) => !t.indlaest && t.periodeTil.startsWith(String(aar)));
      const cellOf = (enhedId: number, p: Period) => {
        const own = ownFigure(new Set([enhedId]), p, mine, false, deleted);
        const theirs = (came.get(`${enhedId}|${p.fra}|${p.til}`) ?? []).map(strip);
        return { figure: addFigures([own, ...theirs], p), fraPakke: theirs.length > 0 };
      };
      const rows = enheder
        .map((e) => {
          const cells = columns.map((p) => cellOf(e.id, p));
          return {
            enhedId: e.id,
            enhed: e.navn,
            cells: cells.map((c) => c.figure),
            fraPakke: cells.some((c) => c.fraPakke),
          };
        })
        .filter((r) => r.cells.some((c) => c !== null))
        .sort((a, b) => a.enhed.localeCompare(b.enhed, 'da'));
      // The area's own sager counted once over all its enheder (one caseworker on two lists is one), other files'
      // counts added to it.
      const area = columns.map((p) => {
        const own = ownFigure(new Set(ids), p, mine, false, deleted);
        const theirs = ids.flatMap((id) => (came.get(`${id}|${p.fra}|${p.til}`) ?? []).map(strip));
        return addFigures([own, ...theirs], p);
      });
      return { rows, area };
    },

    /** Other files' counts of exactly this period, for enheder whose rounds this file has without their sager. */
    brought(enhedIds: readonly number[], period: Period): (CoverageFigure & { enhedId: number })[] {
      return [...brought(enhedIds, period).values()]
        .flat()
        .filter((f) => f.fra === period.fra && f.til === period.til)
        .map((f) => ({ ...strip(f), enhedId: f.enhedId }));
    },
  };
}

export type BundleCoverageService = ReturnType<typeof createBundleCoverage>;
