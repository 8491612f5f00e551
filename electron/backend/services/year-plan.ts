import { ApiError } from '../../../shared/api/errors';
import {
  type PlannedRound,
  type PlannedRoundInput,
  ROUND_KIND_LABELS,
  type RoundSeriesInput,
  roundState,
  sampleRuleInWords,
  seriesPeriods,
  type YearRound,
} from '../../../shared/domain/aarshjul';
import { type Coverage, computeCoverage, type QuotaPeriod, yearParts } from '../../../shared/domain/coverage';
import { unitAndBelow } from '../../../shared/domain/enhed';
import { type TilsynData, type TilsynSummary, tilsynInputSchema } from '../../../shared/domain/tilsyn';
import type { Stores } from './stores';
import { checkTemplateChoice } from './template-choice';
import type { Units } from './units';

const notFound = () => new ApiError('NOT_FOUND', 'Runden findes ikke i årshjulet (den kan være slettet).');
const started = () =>
  new ApiError('CONFLICT', 'Runden er startet, og dens tilsyn findes. Ret tilsynet i stedet for planen.');

/**
 * The årshjul (issue #14): rounds planned per enhed and year, where each stands today, and starting one, which
 * makes its tilsyn from the plan (title, period, enhed, template and afsnit, form; the sample rule in the purpose).
 */
export function createYearPlan(
  stores: Stores,
  units: Units,
  createTilsyn: (data: TilsynData) => TilsynSummary,
  today: () => string,
) {
  const { plans, templates } = stores;
  const withState = (r: PlannedRound & { enhed: string }): YearRound => ({ ...r, state: roundState(r, today()) });

  function require(id: number) {
    const round = plans.get(id);
    if (!round) throw notFound();
    return round;
  }

  function check(input: Omit<PlannedRoundInput, 'titel' | 'fra' | 'til'>): void {
    units.require(input.enhedId);
    checkTemplateChoice(templates, input);
  }

  return {
    /** The year's planned rounds, and the enheder's tilsyn made outside the plan, by start. */
    year: (aar: number, enhedId: number | null): YearRound[] =>
      [
        ...plans.year(aar, enhedId).map(withState),
        ...plans.unplanned(aar, enhedId).map((r) => ({ ...withState(r), uplanlagt: true })),
      ].sort((a, b) => a.fra.localeCompare(b.fra) || a.enhed.localeCompare(b.enhed, 'da') || a.id - b.id),

    create(input: PlannedRoundInput): YearRound {
      check(input);
      const [id] = plans.create([input]);
      return withState(require(id ?? 0));
    },

    /** A round each month or quarter of the year, titled »<titel> – marts 2027«. */
    createSeries({ aar, hyppighed, titel, ...rest }: RoundSeriesInput): YearRound[] {
      check(rest);
      const ids = plans.create(
        seriesPeriods(aar, hyppighed).map((p) => ({ ...rest, titel: `${titel} – ${p.navn}`, fra: p.fra, til: p.til })),
      );
      return ids.map((id) => withState(require(id)));
    },

    update(id: number, input: PlannedRoundInput): YearRound {
      if (require(id).tilsynId !== null) throw started();
      check(input);
      plans.update(id, input);
      return withState(require(id));
    },

    remove(id: number): void {
      if (require(id).tilsynId !== null) throw started();
      plans.remove(id);
    },

    /** Coverage of the enhed (and the enheder under it) over the year, per part of the quota's period. */
    coverage(enhedId: number, aar: number, kvote: { antal: number; per: QuotaPeriod }): Coverage {
      units.require(enhedId);
      const ids = [...unitAndBelow(stores.units.rows(), enhedId)];
      const parts = yearParts(aar, kvote.per);
      const { seen, reviewed, roundsWithoutSager } = stores.units.coverageData(ids, `${aar}-01-01`, `${aar}-12-31`);
      return computeCoverage(seen, reviewed, parts, kvote.antal, roundsWithoutSager);
    },

    /** Makes the round's tilsyn, pre-filled from the plan; the leader goes on from there. */
    start(id: number): TilsynSummary {
      const round = require(id);
      if (round.tilsynId !== null) throw started();
      const sections = templates.publishedContent(round.skabelonVersionId).sections;
      const themes = (round.afsnit ?? [])
        .map((key) => sections.find((s) => s.key === key)?.title)
        .filter((t): t is string => Boolean(t));
      return stores.db.sqlite.transaction(() => {
        // Through the tilsyn's own schema: the texts made from the plan are masked like typed ones.
        const tilsyn = createTilsyn(
          tilsynInputSchema.parse({
            titel: round.titel,
            periodeFra: round.fra,
            periodeTil: round.til,
            enhed: round.enhed,
            enhedId: round.enhedId,
            form: round.form,
            formaal:
              `${ROUND_KIND_LABELS[round.art]} runde i årshjulet for ${round.enhed}: ` +
              `${sampleRuleInWords(round.stikproeve)}, ansvarlig ${round.ansvarlig}.`,
            fokus: themes.length > 0 ? `Tema: ${themes.join(', ')}` : '',
            skabelonVersionId: round.skabelonVersionId,
            afsnit: round.afsnit,
          }),
        );
        plans.started(id, tilsyn.id);
        return tilsyn;
      })();
    },
  };
}

export type YearPlan = ReturnType<typeof createYearPlan>;
