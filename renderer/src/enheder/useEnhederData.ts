import type { Unit, UnitInput } from '../../../shared/domain/enhed';
import { api } from '../api';
import { fieldErrorsOf, messageOf } from '../errors';
import { useLoad } from '../hooks/useLoad';

export type UnitResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

/** The enheder, and every change to them; each change reloads the list (a merge or rename moves tilsyn). */
export function useEnhederData() {
  const { data: units, error, reload } = useLoad(() => api.call('enheder.list', {}), []);
  const run = async (change: () => Promise<unknown>): Promise<UnitResult> => {
    try {
      await change();
      await reload();
      return { ok: true };
    } catch (err) {
      return { ok: false, message: messageOf(err), fieldErrors: fieldErrorsOf(err) };
    }
  };
  return {
    units: units as Unit[] | undefined,
    error,
    reload,
    create: (input: UnitInput) => run(() => api.call('enheder.opret', input)),
    update: (id: number, input: UnitInput) => run(() => api.call('enheder.ret', { id, ...input })),
    merge: (fraId: number, tilId: number) => run(() => api.call('enheder.flet', { fraId, tilId })),
    remove: (id: number) => run(() => api.call('enheder.slet', { id })),
  };
}
