import type { MethodInput } from '../../../shared/api/contract';
import type { ManualSag, PopulationSag, PopulationSummary } from '../../../shared/domain/sample';
import type { DateField } from '../../../shared/domain/template';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { fileToBase64 } from '../files';
import { useLoad } from '../hooks/useLoad';

export type SagFacts = MethodInput<'population.updateSag'>['facts'];
export type PopulationFileArgs = Omit<MethodInput<'population.check'>, 'tilsynId'>;

/**
 * The sagsliste of a tilsyn: the imported population and its sager, the template's date fields (for the columns
 * and the dates), whether the sample is drawn (then the list is fixed), and adding, correcting and importing sager.
 */
export function useSagslisteData(tilsyn: Pick<TilsynSummary, 'id' | 'skabelonVersionId' | 'enhedId'>) {
  const { data, setData, error, reload } = useLoad(async () => {
    const [summary, sager, version, sample, overview] = await Promise.all([
      api.call('population.get', { tilsynId: tilsyn.id }),
      api.call('population.sager', { tilsynId: tilsyn.id }),
      api.call('skabelon.version', { versionId: tilsyn.skabelonVersionId }),
      api.call('stikproeve.get', { tilsynId: tilsyn.id }),
      tilsyn.enhedId === null ? null : api.call('sagsoverblik.lister', { enhedId: tilsyn.enhedId }),
    ]);
    return {
      summary: summary as PopulationSummary | null,
      sager,
      dateFields: (version.content.dateFields ?? []) as DateField[],
      sampleDrawn: sample !== null,
      /** The list's place in the enhed's sagsoverblik, when it was imported with its date. */
      overviewList: overview?.lists.find((l) => l.tilsyn?.id === tilsyn.id) ?? null,
    };
  }, [tilsyn.id, tilsyn.skabelonVersionId, tilsyn.enhedId]);

  const updateSag = async (id: number, facts: SagFacts): Promise<PopulationSag> => {
    const saved = await api.call('population.updateSag', { id, facts });
    setData((d) => d && { ...d, sager: d.sager.map((x) => (x.id === saved.id ? saved : x)) });
    return saved;
  };

  return {
    /** Undefined while loading; null when no sagsliste is imported yet. */
    summary: data?.summary,
    sager: data?.sager ?? [],
    dateFields: data?.dateFields ?? [],
    sampleDrawn: data?.sampleDrawn ?? false,
    overviewList: data?.overviewList ?? null,
    error,
    reload,
    addSag: async (sag: ManualSag) => {
      await api.call('population.addSag', { tilsynId: tilsyn.id, sag });
      void reload();
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
    /** With the list's date, the list also counts in the enhed's sagsoverblik. */
    importFile: (args: PopulationFileArgs, skipInvalid: boolean, listeDato?: string) =>
      api.call('population.import', { tilsynId: tilsyn.id, ...args, skipInvalid, ...(listeDato ? { listeDato } : {}) }),
  };
}
