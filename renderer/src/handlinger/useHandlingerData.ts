import type { ActionStatus } from '../../../shared/domain/findings';
import { api } from '../api';
import { messageOf } from '../errors';
import { useLoad } from '../hooks/useLoad';

/** Every handling across tilsyn, and changing one's status in place. */
export function useHandlingerData() {
  const { data: actions, setData, error, setError } = useLoad(() => api.call('handlinger.list', {}), []);
  const setStatus = async (id: number, status: ActionStatus) => {
    setError(undefined);
    try {
      const updated = await api.call('handlinger.status', { id, status });
      setData((list) => list?.map((a) => (a.id === id ? updated : a)));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return { actions, error, setStatus };
}
