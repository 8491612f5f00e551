import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../shared/api/contract';
import {
  type ManualSag,
  PAGE_SIZE,
  type PopulationPage,
  type PopulationSag,
  type PopulationSummary,
} from '../../../shared/domain/sample';
import type { DateField } from '../../../shared/domain/template';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { messageOf } from '../errors';
import { fileToBase64 } from '../files';
import { useLoad } from '../hooks/useLoad';
import { tracked } from '../tasks';

export type SagFacts = MethodInput<'population.updateSag'>['facts'];
export type PopulationFileArgs = Omit<MethodInput<'population.check'>, 'tilsynId'>;

/**
 * One page of the sagsliste, searched in the backend (a list of 50,000 sager is not sent whole): the newest answer
 * wins, so a slow search never replaces the one typed after it; typing waits a moment before it searches.
 */
function usePopulationPage(tilsynId: number, search: string, from: number) {
  const [page, setPage] = useState<PopulationPage>();
  const [error, setError] = useState<string>();
  const latest = useRef(0);
  const load = useCallback(async () => {
    const asked = ++latest.current;
    try {
      const next = await api.call('population.side', { tilsynId, soeg: search, fra: from, antal: PAGE_SIZE });
      if (asked === latest.current) {
        setPage(next);
        setError(undefined);
      }
    } catch (err) {
      if (asked === latest.current) setError(messageOf(err));
    }
  }, [tilsynId, search, from]);
  useEffect(() => {
    const timer = setTimeout(() => void load(), search ? 200 : 0);
    return () => clearTimeout(timer);
  }, [load, search]);
  return { page, setPage, error, reload: load };
}

/**
 * The sagsliste of a tilsyn: the imported population and a page of its sager (`search`, from `from`), the template's
 * date fields (for the columns and the dates), whether the sample is drawn (then the list is fixed), and adding,
 * correcting and importing sager.
 */
export function useSagslisteData(
  tilsyn: Pick<TilsynSummary, 'id' | 'skabelonVersionId' | 'enhedId'>,
  search = '',
  from = 0,
  /** Told when the tilsyn's sagsliste came or grew, so the step bar above says so. */
  onChanged: () => void = () => undefined,
) {
  const pages = usePopulationPage(tilsyn.id, search, from);
  const loaded = useLoad(async () => {
    const [summary, version, sample, overview] = await Promise.all([
      api.call('population.get', { tilsynId: tilsyn.id }),
      api.call('skabelon.version', { versionId: tilsyn.skabelonVersionId }),
      api.call('stikproeve.get', { tilsynId: tilsyn.id }),
      tilsyn.enhedId === null ? null : api.call('sagsoverblik.lister', { enhedId: tilsyn.enhedId }),
    ]);
    return {
      summary: summary as PopulationSummary | null,
      dateFields: (version.content.dateFields ?? []) as DateField[],
      sampleDrawn: sample !== null,
      /** The list's place in the enhed's sagsoverblik, when it was imported with its date. */
      overviewList: overview?.lists.find((l) => l.tilsyn?.id === tilsyn.id) ?? null,
    };
  }, [tilsyn.id, tilsyn.skabelonVersionId, tilsyn.enhedId]);
  const { data } = loaded;
  const reload = async () => {
    await Promise.all([loaded.reload(), pages.reload()]);
  };
  /** After an import: the page shown is of the list before, so »Henter sagerne …« until the new one is here. */
  const reloadImported = async () => {
    pages.setPage(undefined);
    await reload();
    onChanged();
  };

  const updateSag = async (id: number, facts: SagFacts): Promise<PopulationSag> => {
    const saved = await api.call('population.updateSag', { id, facts });
    pages.setPage((p) => p && { ...p, sager: p.sager.map((x) => (x.id === saved.id ? saved : x)) });
    return saved;
  };

  return {
    /** Undefined while loading; null when no sagsliste is imported yet. */
    summary: data?.summary,
    /** The page of sager shown; undefined while the first page loads. */
    page: pages.page,
    dateFields: data?.dateFields ?? [],
    sampleDrawn: data?.sampleDrawn ?? false,
    overviewList: data?.overviewList ?? null,
    error: loaded.error ?? pages.error,
    reload,
    reloadImported,
    addSag: async (sag: ManualSag) => {
      await api.call('population.addSag', { tilsynId: tilsyn.id, sag });
      void reload();
      onChanged();
    },
    updateSag,
    /** Reads a chosen file and what the backend makes of it: format, headers, a suggested column mapping. */
    previewFile: async (chosen: File) => {
      const file = { name: chosen.name, data: await fileToBase64(chosen) };
      const input = { tilsynId: tilsyn.id, fileName: file.name, dataBase64: file.data };
      const preview = await tracked('Læser sagslisten', (id) => api.track('population.preview', input, id));
      return { file, preview };
    },
    checkFile: (args: PopulationFileArgs) =>
      tracked('Kontrollerer rækkerne', (id) => api.track('population.check', { tilsynId: tilsyn.id, ...args }, id)),
    /** With the list's date, the list also counts in the enhed's sagsoverblik. */
    importFile: (args: PopulationFileArgs, skipInvalid: boolean, listeDato?: string) =>
      tracked('Importerer sagslisten', (id) =>
        api.track(
          'population.import',
          { tilsynId: tilsyn.id, ...args, skipInvalid, ...(listeDato ? { listeDato } : {}) },
          id,
        ),
      ),
  };
}
