import { useCallback, useEffect, useState } from 'react';
import type { SampleSpecInput } from '../../../shared/domain/sampling';
import type { ExclusionReason, PopulationSummary, SampledSag, SampleRecord } from '../../../shared/domain/stikproeve';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { messageOf } from '../errors';

/**
 * The stikprøve of a tilsyn: the population it is drawn from, the drawn sample with its record, the template's date
 * labels, and drawing, previewing and letting a sag udgå. `onChanged` is told when the tilsyn's progress changed.
 */
export function useStikproeveData(tilsyn: Pick<TilsynSummary, 'id' | 'skabelonVersionId'>, onChanged: () => void) {
  const [population, setPopulation] = useState<PopulationSummary | null>();
  const [record, setRecord] = useState<SampleRecord | null>();
  const [dateLabels, setDateLabels] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [p, r, v] = await Promise.all([
        api.call('population.get', { tilsynId: tilsyn.id }),
        api.call('stikproeve.get', { tilsynId: tilsyn.id }),
        api.call('skabelon.version', { versionId: tilsyn.skabelonVersionId }),
      ]);
      setPopulation(p);
      setRecord(r);
      setDateLabels(Object.fromEntries((v.content.dateFields ?? []).map((f) => [f.key, f.label])));
    } catch (err) {
      setError(messageOf(err));
    }
  }, [tilsyn.id, tilsyn.skabelonVersionId]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Draws the sample; true when it is drawn and saved. */
  async function draw(spec: SampleSpecInput, drawnBy: string): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      setRecord(await api.call('stikproeve.draw', { tilsynId: tilsyn.id, spec, drawnBy }));
      setNotice('Stikprøven er trukket og gemt med sin dokumentation.');
      onChanged();
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function exclude(sag: SampledSag, reason: ExclusionReason, note: string) {
    setError(undefined);
    try {
      const result = await api.call('stikproeve.exclude', { sagId: sag.id, reason, note });
      setRecord(result.record);
      setNotice(
        result.replacement
          ? `Sag ${sag.sagsnummer} udgår. Reserven ${result.replacement} fra samme gruppe er kommet ind i stedet.`
          : `Sag ${sag.sagsnummer} udgår. Der er ingen reserver tilbage i gruppen »${sag.stratum}«.`,
      );
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  /** What a draw with `spec` would give, per group; shown while the leader chooses. */
  const preview = useCallback(
    (spec: SampleSpecInput) => api.call('stikproeve.preview', { tilsynId: tilsyn.id, spec }),
    [tilsyn.id],
  );

  return {
    population,
    record,
    dateLabels,
    busy,
    error,
    clearError: () => setError(undefined),
    notice,
    clearNotice: () => setNotice(undefined),
    draw,
    exclude,
    preview,
  };
}
