import type { MethodInput } from '../../../shared/api/contract';
import type { OverviewSettings } from '../../../shared/domain/sagsoverblik';
import { api } from '../api';
import { fileToBase64 } from '../files';
import { useLoad } from '../hooks/useLoad';

export type OverviewFileArgs = Omit<MethodInput<'sagsoverblik.check'>, 'enhedId'>;

/**
 * The sagsoverblik of one enhed: its lists and måltal, the months of a year, and importing, removing and deleting
 * the sager of lists. Every change loads the lists and the months again.
 */
export function useSagsoverblikData(enhedId: number, year: number) {
  const { data, error, reload } = useLoad(async () => {
    const [overview, months] = await Promise.all([
      api.call('sagsoverblik.lister', { enhedId }),
      api.call('sagsoverblik.maaneder', { enhedId, fra: `${year}-01`, til: `${year}-12` }),
    ]);
    return { ...overview, months };
  }, [enhedId, year]);

  const after = async <T>(call: Promise<T>) => {
    const result = await call;
    await reload();
    return result;
  };

  return {
    lists: data?.lists,
    settings: data?.settings,
    months: data?.months,
    error,
    reload,
    saveSettings: (s: Omit<OverviewSettings, 'enhedId'>) => after(api.call('sagsoverblik.maal', { enhedId, ...s })),
    remove: (id: number) => after(api.call('sagsoverblik.slet', { id })),
    deleteSager: (foer: string, navn: string) => after(api.call('sagsoverblik.sletSager', { enhedId, foer, navn })),
    /** The import's three steps, in the shape the sagsliste import uses. */
    importer: {
      dateFields: [],
      previewFile: async (chosen: File) => {
        const file = { name: chosen.name, data: await fileToBase64(chosen) };
        const preview = await api.call('sagsoverblik.preview', { enhedId, fileName: file.name, dataBase64: file.data });
        return { file, preview };
      },
      checkFile: (args: OverviewFileArgs) => api.call('sagsoverblik.check', { enhedId, ...args }),
      importFile: (args: OverviewFileArgs, skipInvalid: boolean, dato?: string) =>
        after(api.call('sagsoverblik.importer', { enhedId, ...args, skipInvalid, dato: dato ?? '' })),
    },
  };
}
