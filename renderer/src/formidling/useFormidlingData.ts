import { useCallback, useEffect, useState } from 'react';
import type { CheckedPassage, PublicationCheck, PublicDocument } from '../../../shared/domain/publication';
import type { CommitteeFormat, ReflectionQuestion, ReflectionSuggestion } from '../../../shared/domain/reports';
import { api } from '../api';
import { messageOf } from '../errors';
import { downloadGeneratedFile } from '../files';
import { tracked } from '../tasks';

/** The formidling feature's calls: the reports and the Excel export, and the reflection questions in the notes. */

/** The caseworkers of the sample (not of sager that udgik), for the notes' recipients. */
export function useCaseworkers(tilsynId: number) {
  const [caseworkers, setCaseworkers] = useState<string[]>([]);
  useEffect(() => {
    api.call('gennemgang.sager', { tilsynId }).then(
      (sager) =>
        setCaseworkers(
          [
            ...new Set(
              sager
                .filter((s) => s.status !== 'udgaaet')
                .map((s) => s.sagsbehandler)
                .filter(Boolean),
            ),
          ].sort((a, b) => a.localeCompare(b, 'da')),
        ),
      () => undefined,
    );
  }, [tilsynId]);
  return caseworkers;
}

/** Each report made by the backend and offered to save; each gives the Danish line saying what was done. */
export function reportCalls(tilsynId: number) {
  return {
    committeeReport: async (format: CommitteeFormat) => {
      const file = await tracked('Laver rapporten til udvalget', (id) =>
        api.track('rapport.udvalg', { tilsynId, format }, id),
      );
      downloadGeneratedFile(file);
      return `✓ ${file.fileName} er hentet`;
    },
    feedbackNotes: async () => {
      // One download, not one per note: the notes come as one zip.
      const { file, antal } = await tracked('Laver feedbacknotaterne', (id) =>
        api.track('rapport.feedbackZip', { tilsynId }, id),
      );
      downloadGeneratedFile(file);
      return `✓ ${file.fileName} med ${antal} notater er hentet`;
    },
    feedbackNotesToFolder: async (folder: string) => {
      const saved = await tracked('Gemmer feedbacknotaterne', (id) =>
        api.track('rapport.feedbackMappe', { tilsynId, folder }, id),
      );
      return `✓ ${saved.files.length} notater er gemt i ${saved.folder}`;
    },
    /** Desktop: the folder chosen in the native dialog; null when the leader cancels. */
    chooseFolder: async () => (await api.call('app.vaelgSti', { hvad: 'mappe' })).sti,
    excel: async () => {
      const file = await tracked('Laver Excel-filen', (id) =>
        api.track('eksport.excel', { tilsynIds: [tilsynId] }, id),
      );
      downloadGeneratedFile(file);
      return `✓ ${file.fileName} er hentet`;
    },
    resultsBundle: async () => {
      const file = await api.call('pakke.resultater', { tilsynId });
      downloadGeneratedFile(file);
      return `✓ ${file.fileName} er hentet. Send den til afdelingen, der indlæser den under Enheder.`;
    },
  };
}

/** The committee report sent to the udvalg: send the final one, list the sent ones, save one again. */
export function sendingCalls(tilsynId: number) {
  return {
    list: () => api.call('rapport.afsendelser', { tilsynId }),
    send: async (navn: string, format: CommitteeFormat) => {
      const { file } = await tracked(
        'Sender rapporten til udvalget',
        (id) => api.track('rapport.send', { tilsynId, navn, format }, id),
        { kanAfbrydes: false },
      );
      downloadGeneratedFile(file);
    },
    download: async (id: number) => downloadGeneratedFile(await api.call('rapport.afsendt', { tilsynId, id })),
  };
}

/** The reflection questions chosen for one recipient (a caseworker, or the team when null), and suggestions. */
export function useReflectionData(tilsynId: number, sagsbehandler: string | null) {
  const [saved, setSaved] = useState<ReflectionQuestion[]>([]);
  const [suggestions, setSuggestions] = useState<ReflectionSuggestion[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    api.call('refleksion.list', { tilsynId }).then(setSaved, (err) => setError(messageOf(err)));
  }, [tilsynId]);
  useEffect(() => {
    api.call('refleksion.forslag', { tilsynId, sagsbehandler }).then(setSuggestions, () => setSuggestions([]));
  }, [tilsynId, sagsbehandler]);

  return {
    saved,
    suggestions,
    error,
    /** Adds a question; true when it is saved. */
    add: async (text: string, questionKey: string | null) => {
      setError(undefined);
      try {
        setSaved(await api.call('refleksion.tilfoej', { tilsynId, sagsbehandler, questionKey, text }));
        return true;
      } catch (err) {
        setError(messageOf(err));
        return false;
      }
    },
    remove: async (id: number) => {
      try {
        setSaved(await api.call('refleksion.slet', { id }));
      } catch (err) {
        setError(messageOf(err));
      }
    },
  };
}

/**
 * A publication check as a screen holds it: `fetch` gets it, `send` stores a mark and answers with it checked again.
 * Loaded at once unless `onDemand` (then by `reload`); after a refused mark it is fetched again. `error` is why
 * there is nothing to check yet (no reviewed sager, say).
 */
export function useCheckState(
  fetch: () => Promise<PublicationCheck>,
  send: (ref: { textHash: string; start: number; end: number; ok: boolean }) => Promise<PublicationCheck>,
  deps: readonly unknown[],
  onDemand = false,
) {
  const [check, setCheck] = useState<PublicationCheck>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(!onDemand);

  const run = async () => {
    setShown(true);
    setBusy(true);
    try {
      setCheck(await fetch());
      setError(undefined);
    } catch (err) {
      setCheck(undefined);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the check depends on
  const load = useCallback(run, deps);
  useEffect(() => {
    if (!onDemand) void load();
  }, [load, onDemand]);

  return {
    check,
    error,
    busy,
    shown,
    reload: load,
    mark: async (p: CheckedPassage, ok: boolean) => {
      try {
        setCheck(await send({ textHash: p.textHash, start: p.start, end: p.end, ok }));
        setError(undefined);
      } catch (err) {
        setError(messageOf(err));
        await load();
      }
    },
  };
}

/** The publication check of one public document of a tilsyn: loaded when the screen opens and after each mark. */
export function usePublicationCheck(tilsynId: number, dokument: PublicDocument) {
  return useCheckState(
    () => api.call('rapport.tjek', { tilsynId, dokument }),
    (ref) => api.call('rapport.marker', { tilsynId, dokument, ...ref }),
    [tilsynId, dokument],
  );
}
