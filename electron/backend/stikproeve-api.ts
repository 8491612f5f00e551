import { EXCLUSION_REASON_LABELS } from '../../shared/domain/sample';
import { drawSample } from '../../shared/domain/sampling';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/** Drawing the stikprøve from the sagsliste (with a preview of the strata first), and a sag leaving it. */
export function stikproeveApi({ stores, samplingUnits }: Services): NamespaceHandlers<'stikproeve'> {
  const { samples, closing } = stores;
  return {
    'stikproeve.get': ({ tilsynId }) => samples.get(tilsynId),
    'stikproeve.preview': ({ tilsynId, spec }) => {
      const units = samplingUnits.of(tilsynId);
      const history =
        spec.avoidRecentlyReviewed || spec.preferUnreviewed
          ? samples.history(tilsynId, new Date().toISOString().slice(0, 10))
          : undefined;
      const result = drawSample(units, spec, history);
      return {
        populationCount: units.length,
        afterFilters: result.populationAfterFilters,
        strata: result.strata,
        warnings: result.warnings,
      };
    },
    'stikproeve.draw': ({ tilsynId, spec, drawnBy }) =>
      samples.draw(tilsynId, spec, drawnBy, samplingUnits.of(tilsynId)),
    // After a reopening, a sag leaving the sample is a change to the review like any other: logged.
    'stikproeve.exclude': ({ sagId, reason, note }) =>
      stores.db.sqlite.transaction(() => {
        const result = samples.exclude(sagId, reason, note);
        const sag = result.record.sager.find((s) => s.id === sagId);
        closing.recordChange(result.record.tilsynId, {
          sagsnummer: sag?.sagsnummer ?? '',
          what: 'Sagen udgår af stikprøven',
          oldValue: null,
          newValue: [EXCLUSION_REASON_LABELS[reason], note].filter(Boolean).join(': '),
        });
        return result;
      })(),
  };
}
