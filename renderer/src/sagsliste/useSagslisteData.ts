import { useCallback, useEffect, useState } from 'react';
import type { MethodInput } from '../../../shared/api/contract';
import type { DateField } from '../../../shared/domain/skabelon';
import type { ManualSag, PopulationSag, PopulationSummary } from '../../../shared/domain/stikproeve';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { messageOf } from '../errors';
import { fileToBase64 } from '../files';

export type SagFacts = MethodInput<'population.updateSag'>['facts'];
export type PopulationFileArgs = Omit<MethodInput<'population.check'>, 'tilsynId'>;

/**
 * The sagsliste of a tilsyn: the imported population and its sager, the template's date fields (for the columns
 * and the dates), whether the sample is drawn (then the list is fixed), and adding, correcting and importing sager.
 */
export function useSagslisteData(tilsyn: Pick<TilsynSummary, 'id' | 'skabelonVersionId'>) {
  const [summary, setSummary] = useState<PopulationSummary | null>();
  const [sager, setSager] = useState<PopulationSag[]>([]);
  const [dateFields, setDateFields] = useState<DateField[]>([]);
  const [sampleDrawn, setSampleDrawn] = useState(false);
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [s, list, version, sample] = await Promise.all([
        api.call('population.get', { tilsynId: tilsyn.id }),
        api.call('population.sager', { tilsynId: tilsyn.id }),
        api.call('skabelon.version', { versionId: tilsyn.skabelonVersionId }),
        api.call('stikproeve.get', { tilsynId: tilsyn.id }),
      ]);
      setSummary(s);
      setSager(list);
      setDateFields((version.content.dateFields ?? []) as DateField[]);
      setSampleDrawn(sample !== null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [tilsyn.id, tilsyn.skabelonVersionId]);
  useEffect(() => {
    void load();
  }, [load]);

  const updateSag = async (id: number, facts: SagFacts) => {
    const saved = await api.call('population.updateSag', { id, facts });
    setSager((all) => all.map((x) => (x.id === saved.id ? saved : x)));
    return saved;
  };

  return {
    summary,
    sager,
    dateFields,
    sampleDrawn,
    error,
    reload: load,
    addSag: async (sag: ManualSag) => {
      await api.call('population.addSag', { tilsynId: tilsyn.id, sag });
      void load();
    },
    updateSag,
    /** Reads a chosen file and what the backend makes of it: format, headers, a suggested column mapping. */
    previewFile: async (chosen: File) => {
      const file = { name: chosen.name, data: await fileToBase64(chosen) };
      const preview = await api.call('population.preview', {
        tilsynId: tilsyn.id,
        fileName: file.name,
        dataBase64: file.data,
      });
      return { file, preview };
    },
    checkFile: (args: PopulationFileArgs) => api.call('population.check', { tilsynId: tilsyn.id, ...args }),
    importFile: (args: PopulationFileArgs, skipInvalid: boolean) =>
      api.call('population.import', { tilsynId: tilsyn.id, ...args, skipInvalid }),
  };
}
