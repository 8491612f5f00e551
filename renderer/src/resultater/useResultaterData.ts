import type { MethodInput } from '../../../shared/api/contract';
import type { MeasureGoal } from '../../../shared/domain/goals';
import { api } from '../api';
import { messageOf } from '../errors';
import { useLoad } from '../hooks/useLoad';

export type AssessmentRecord = Omit<MethodInput<'resultater.vurdering'>, 'tilsynId'>;

/** The results of a tilsyn (computed by the backend), marking it as a baseline, and ledelsens texts. */
export function useResultaterData(tilsynId: number) {
  const {
    data: view,
    setData,
    error,
    setError,
    reload,
  } = useLoad(() => api.call('resultater.get', { tilsynId }), [tilsynId]);
  return {
    view,
    error,
    reload,
    setBaseline: (baseline: boolean) => {
      if (!view) return;
      api.call('tilsyn.baseline', { tilsynId, baseline }).then(
        () => setData({ ...view, baseline }),
        (err) => setError(messageOf(err)),
      );
    },
    saveAssessment: (record: AssessmentRecord) => api.call('resultater.vurdering', { tilsynId, ...record }),
    saveSummary: (tekst: string) => api.call('resultater.sammenfatning', { tilsynId, tekst }),
    /** The enhed's goal for a krav; the results are fetched again, measured by it. */
    saveGoal: async (goal: MeasureGoal) => {
      await api.call('resultater.maal', { tilsynId, ...goal });
      await reload();
    },
  };
}
