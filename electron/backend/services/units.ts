import { ApiError } from '../../../shared/api/errors';
import { formatDanishDate } from '../../../shared/domain/dates';
import {
  flattenTree,
  matchUnitName,
  PATH_SEPARATOR,
  placementProblem,
  UNIT_LEVELS,
  type Unit,
  type UnitInput,
  unitAndBelow,
  unitTree,
  withArticle,
} from '../../../shared/domain/enhed';
import type { TilsynData } from '../../../shared/domain/tilsyn';
import type { Stores } from './stores';

const notFound = () => new ApiError('NOT_FOUND', 'Enheden findes ikke (den kan være slettet eller flettet).');

/**
 * The rules of the enheder (issue #14), for the enheder namespace and for a tilsyn's choice of enhed: a name once
 * under one parent, a parent above in level, no enhed under itself, and a tilsyn always in exactly one enhed.
 */
export function createUnits(stores: Stores) {
  const { units } = stores;

  /** The enhed as a row of the tree (what the rules need). */
  function require(id: number): Unit {
    const unit = units.row(id);
    if (!unit) throw notFound();
    return unit;
  }

  /** The enhed with what its sagslister have seen, as the API answers with it. */
  function full(id: number): Unit {
    const unit = units.get(id);
    if (!unit) throw notFound();
    return unit;
  }

  function checkPlacement(input: UnitInput, id: number | null): void {
    const problem = placementProblem(units.rows(), id, input.niveau, input.foraelderId);
    if (problem) throw new ApiError('VALIDATION', problem, { foraelderId: problem });
    if (units.nameTaken(input, id ?? undefined)) {
      const message = `Der findes allerede en enhed, der hedder »${input.navn}«, på det sted. Er det den samme, så flet de to`;
      throw new ApiError('CONFLICT', message, { navn: message });
    }
    const level = UNIT_LEVELS.indexOf(input.niveau);
    const tooHigh = units.rows().find((u) => u.foraelderId === id && UNIT_LEVELS.indexOf(u.niveau) <= level);
    if (id !== null && tooHigh) {
      const message = `»${tooHigh.navn}« ligger under enheden og kan ikke ligge under ${withArticle(input.niveau)}. Flyt den først.`;
      throw new ApiError('CONFLICT', message, { niveau: message });
    }
  }

  return {
    require,

    create(input: UnitInput): Unit {
      checkPlacement(input, null);
      return full(units.create(input));
    },

    update(id: number, input: UnitInput): Unit {
      require(id);
      checkPlacement(input, id);
      units.update(id, input);
      return full(id);
    },

    /** `fromId` becomes `intoId`; what is under it must fit under `intoId`. */
    merge(fromId: number, intoId: number): Unit {
      const all = units.rows();
      const [from, into] = [require(fromId), require(intoId)];
      if (unitAndBelow(all, fromId).has(intoId))
        throw new ApiError('CONFLICT', `»${into.navn}« ligger under »${from.navn}«: flyt den op, før de flettes.`);
      for (const child of all.filter((u) => u.foraelderId === fromId)) {
        const problem = placementProblem(all, child.id, child.niveau, intoId);
        if (problem) throw new ApiError('CONFLICT', `»${child.navn}« kan ikke flyttes med: ${problem}`);
        if (units.nameTaken({ navn: child.navn, foraelderId: intoId }, child.id))
          throw new ApiError(
            'CONFLICT',
            `Begge enheder har en underenhed, der hedder »${child.navn}«. Flet dem først, så flettes resten bagefter.`,
          );
      }
      const shared = units.sharedGoals(fromId, intoId);
      if (shared.length > 0)
        throw new ApiError(
          'CONFLICT',
          `Begge enheder har et mål for ${shared.length === 1 ? 'det samme krav' : `${shared.length} af de samme krav`}. Fjern det ene af målene under Resultater, før enhederne flettes, så intet mål går tabt.`,
        );
      // One list a day in the sagsoverblik: two of one day would disagree on the merged enhed's caseload.
      const days = new Set(stores.lists.lists(intoId).map((l) => l.dato));
      const same = stores.lists.lists(fromId).find((l) => days.has(l.dato));
      if (same)
        throw new ApiError(
          'CONFLICT',
          `Begge enheder har en sagsliste fra ${formatDanishDate(same.dato)} i sagsoverblikket. Slet den ene under Sagsoverblik, før enhederne flettes.`,
        );
      units.merge(fromId, intoId);
      return full(intoId);
    },

    remove(id: number): void {
      const unit = require(id);
      if (!units.remove(id))
        throw new ApiError(
          'CONFLICT',
          `»${unit.navn}« har tilsyn, underenheder, runder i årshjulet, mål eller sagslister i sagsoverblikket. Flyt dem eller flet enheden med en anden i stedet.`,
        );
    },

    /**
     * A tilsyn's enhed: the one chosen, else the one its typed name (or path) names, else a new team at the top
     * with that name. The tilsyn carries the enhed's own name.
     */
    forTilsyn(data: TilsynData): TilsynData {
      if (data.enhedId !== null) {
        const unit = units.row(data.enhedId);
        if (!unit) {
          const message = 'Den valgte enhed findes ikke længere. Vælg en anden.';
          throw new ApiError('VALIDATION', message, { enhed: message });
        }
        return { ...data, enhedId: unit.id, enhed: unit.navn };
      }
      const match = matchUnitName(units.rows(), data.enhed);
      if (match.kind === 'one') return { ...data, enhedId: match.unit.id, enhed: match.unit.navn };
      if (match.kind === 'several') {
        const paths = flattenTree(unitTree(units.rows()))
          .filter((n) => match.units.some((u) => u.id === n.id))
          .map((n) => `»${n.path}«`);
        const message = `Flere enheder hedder »${data.enhed}«: vælg en af dem (${paths.join(', ')}).`;
        throw new ApiError('VALIDATION', message, { enhed: message });
      }
      if (data.enhed.includes(PATH_SEPARATOR.trim())) {
        const message = `Ingen enhed har stien »${data.enhed}«. Vælg enheden på listen, eller skriv et nyt navn.`;
        throw new ApiError('VALIDATION', message, { enhed: message });
      }
      const id = units.create({ navn: data.enhed, niveau: 'team', foraelderId: null });
      return { ...data, enhedId: id };
    },
  };
}

export type Units = ReturnType<typeof createUnits>;
