import { useCallback, useState } from 'react';
import type { ExclusionReason, PopulationSummary, SampledSag, SampleRecord } from '../../../shared/domain/sample';
import type { SampleSpecInput } from '../../../shared/domain/sampling';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';

/**
 * The stikprøve of a tilsyn: the population it is drawn from, the drawn sample with its record, the template's date
 * labels, and drawing, previewing and letting a sag udgå. `onChanged` is told when the tilsyn's progress changed.
 */
export function useStikproeveData(tilsyn: Pick<TilsynSummary, 'id' | 'skabelonVersionId'>, onChanged: () => void) {
  const { data, setData, error } = useLoad(async () => {
    const [population, record, version] = await Promise.all([
      api.call('population.get', { tilsynId: tilsyn.id }),
      api.call('stikproeve.get', { tilsynId: tilsyn.id }),
      api.call('skabelon.version', { versionId: tilsyn.skabelonVersionId }),
    ]);
    return {
      population: population as PopulationSummary | null,
      record: record as SampleRecord | null,
      dateLabels: Object.fromEntries((version.content.dateFields ?? []).map((f) => [f.key, f.label])),
    };
  }, [tilsyn.id, tilsyn.skabelonVersionId]);
  const action = useAction();
  const [notice, setNotice] = useState<string>();
  const setRecord = (record: SampleRecord) => setData((d) => d && { ...d, record });

  /** Draws the sample; true when it is drawn and saved. */
  const draw = (spec: SampleSpecInput, drawnBy: string) =>
    action.run(async () => {
      setRecord(await api.call('stikproeve.draw', { tilsynId: tilsyn.id, spec, drawnBy }));
      setNotice('Stikprøven er trukket og gemt med sin dokumentation.');
      onChanged();
    });

  const exclude = (sag: SampledSag, reason: ExclusionReason, note: string) =>
    action.run(async () => {
      const result = await api.call('stikproeve.exclude', { sagId: sag.id, reason, note });
      setRecord(result.record);
      setNotice(
        result.replacement
          ? `Sag ${sag.sagsnummer} udgår. Reserven ${result.replacement} fra samme gruppe er kommet ind i stedet.`
          : `Sag ${sag.sagsnummer} udgår. Der er ingen reserver tilbage i gruppen »${sag.stratum}«.`,
      );
      onChanged();
    });

  /** What a draw with `spec` would give, per group; shown while the leader chooses. */
  const preview = useCallback(
    (spec: SampleSpecInput) => api.call('stikproeve.preview', { tilsynId: tilsyn.id, spec }),
    [tilsyn.id],
  );

  return {
    population: data?.population,
    record: data?.record,
    dateLabels: data?.dateLabels ?? {},
    busy: action.busy,
    error: action.error ?? error,
    clearError: () => action.setError(undefined),
    notice,
    clearNotice: () => setNotice(undefined),
    draw,
    exclude,
    preview,
  };
}
