import { api } from '../api';
import { useCheckState } from '../formidling/useFormidlingData';

/**
 * The period report's publication check, loaded when asked for (it builds the report's data): the passages that may
 * identify someone, and the leader's marks, kept for the enhed.
 */
export function usePeriodCheck(period: { enhedId: number; fra: string; til: string }) {
  const { enhedId, fra, til } = period;
  return useCheckState(
    () => api.call('rapport.periodeTjek', { enhedId, fra, til }),
    (ref) => api.call('rapport.periodeMarker', { enhedId, fra, til, ...ref }),
    [enhedId, fra, til],
    true,
  );
}
