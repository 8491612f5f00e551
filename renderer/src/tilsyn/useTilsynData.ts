import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { Tilsyn, TilsynInput, TilsynListItem } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { fieldErrorsOf, messageOf } from '../errors';
import { downloadGeneratedFile } from '../files';
import { useLoad } from '../hooks/useLoad';
import { isCancelled, tracked } from '../tasks';

/** The tilsyn feature's calls: the list, creating and editing one, and one tilsyn with its template. */

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface TilsynListState {
  tilsyn: TilsynListItem[];
  listState: LoadState;
  listError?: string;
  loadTilsyn(): Promise<void>;
}

// The list outlives its screen: coming back to it shows the last list while it is fetched again.
const useTilsynList = create<TilsynListState>((set, get) => ({
  tilsyn: [],
  listState: 'idle',
  async loadTilsyn() {
    set({ listState: get().listState === 'ready' ? 'ready' : 'loading', listError: undefined });
    try {
      set({ tilsyn: await api.call('tilsyn.list'), listState: 'ready' });
    } catch (err) {
      set({ listState: 'error', listError: messageOf(err) });
    }
  },
}));

/** All tilsyn, and the chosen rounds' answers exported to one Excel workbook. */
export function useTilsynListData() {
  const tilsyn = useTilsynList((s) => s.tilsyn);
  const listState = useTilsynList((s) => s.listState);
  const listError = useTilsynList((s) => s.listError);
  const loadTilsyn = useTilsynList((s) => s.loadTilsyn);
  const [exportState, setExportState] = useState<string>();

  useEffect(() => {
    void loadTilsyn();
  }, [loadTilsyn]);

  const exportExcel = async (tilsynIds: number[]) => {
    setExportState('Laver regnearket …');
    try {
      const file = await tracked('Laver Excel-filen', (id) => api.track('eksport.excel', { tilsynIds }, id));
      downloadGeneratedFile(file);
      setExportState(`✓ ${file.fileName} er hentet`);
    } catch (err) {
      setExportState(isCancelled(err) ? undefined : `Ikke eksporteret: ${messageOf(err)}`);
    }
  };
  return { tilsyn, listState, listError, loadTilsyn, exportState, exportExcel };
}

/**
 * The first start's example: opens the file of made-up data (made the first time, which takes a few seconds) and
 * starts over in it, as a switch of database file does. Answers the Danish message when it cannot.
 */
export async function openExample(): Promise<string | undefined> {
  try {
    await api.call('app.eksempel', {});
    window.location.hash = '#/';
    window.location.reload();
    return undefined;
  } catch (err) {
    return messageOf(err);
  }
}

/** The outcome of a save: the saved tilsyn, or Danish errors to show next to the fields. */
export type SaveResult =
  | { ok: true; tilsyn: Tilsyn }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

/** The tilsyn being edited (none for a new one), and saving the form. */
export function useTilsynFormData(editId: number | undefined) {
  const existing = useLoad(
    () => (editId === undefined ? Promise.resolve(undefined) : api.call('tilsyn.get', { id: editId })),
    [editId],
  );
  const save = async (input: TilsynInput): Promise<SaveResult> => {
    try {
      const tilsyn =
        editId === undefined
          ? await api.call('tilsyn.create', input)
          : await api.call('tilsyn.update', { id: editId, data: input });
      await useTilsynList.getState().loadTilsyn();
      return { ok: true, tilsyn };
    } catch (err) {
      return { ok: false, message: messageOf(err), fieldErrors: fieldErrorsOf(err) };
    }
  };
  return { existing: existing.data, loadError: existing.error, save };
}

/** The published template versions a tilsyn can use. */
export function useTemplateList() {
  const { data, error } = useLoad(() => api.call('skabelon.list'), []);
  return { templates: data, error };
}

/** A template version in full (its afsnit and questions); nothing while none is chosen. */
export function useTemplateVersion(versionId: number | undefined) {
  const { data, error } = useLoad(
    () => (versionId ? api.call('skabelon.version', { versionId }) : Promise.resolve(undefined)),
    [versionId],
  );
  return { version: data, error };
}

/** One tilsyn for the frame around its steps; `reload` after a step changed it (status, progress). */
export function useTilsynSummary(id: number) {
  const { data, error, reload } = useLoad(() => api.call('tilsyn.get', { id }), [id]);
  return { tilsyn: data, error, reload };
}
