import type { MethodInput } from '../../../shared/api/contract';
import { api } from '../api';
import { fieldErrorsOf, messageOf } from '../errors';
import { useLoad } from '../hooks/useLoad';

export type Outcome = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

/** One year of the årshjul (of one enhed or all), the enheder, and every change to the plan. */
export function useAarshjulData(aar: number, enhedId: number | null) {
  const rounds = useLoad(() => api.call('aarshjul.aar', { aar, enhedId }), [aar, enhedId]);
  const units = useLoad(() => api.call('enheder.list', { medSagslister: false }), []);
  const run = async (change: () => Promise<unknown>): Promise<Outcome> => {
    try {
      await change();
      await rounds.reload();
      return { ok: true };
    } catch (err) {
      return { ok: false, message: messageOf(err), fieldErrors: fieldErrorsOf(err) };
    }
  };
  return {
    rounds: rounds.data,
    units: units.data,
    error: rounds.error ?? units.error,
    create: (input: MethodInput<'aarshjul.opret'>) => run(() => api.call('aarshjul.opret', input)),
    createSeries: (input: MethodInput<'aarshjul.opretSerie'>) => run(() => api.call('aarshjul.opretSerie', input)),
    remove: (id: number) => run(() => api.call('aarshjul.slet', { id })),
    /** Starts the round; answers the new tilsyn's id. */
    start: async (id: number): Promise<{ ok: true; tilsynId: number } | { ok: false; message: string }> => {
      try {
        const tilsyn = await api.call('aarshjul.start', { id });
        return { ok: true, tilsynId: tilsyn.id };
      } catch (err) {
        return { ok: false, message: messageOf(err) };
      }
    },
  };
}
