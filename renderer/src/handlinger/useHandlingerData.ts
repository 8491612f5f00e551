import type { ActionListItem, ActionStatus } from '../../../shared/domain/findings';
import { api } from '../api';
import { messageOf } from '../errors';
import { useLoad } from '../hooks/useLoad';

/** Every handling and plan across tilsyn, and changing one's status in place. */
export function useHandlingerData() {
  const { data: actions, setData, error, setError } = useLoad(() => api.call('handlinger.list', {}), []);
  const setStatus = async (item: ActionListItem, status: ActionStatus) => {
    setError(undefined);
    try {
      const updated =
        item.origin === 'krav'
          ? await api.call('handlinger.planStatus', { tilsynId: item.tilsynId, key: item.questionKey ?? '', status })
          : await api.call('handlinger.status', { id: item.id, status });
      setData((list) => list?.map((a) => (a.origin === item.origin && a.id === item.id ? updated : a)));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return { actions, error, setStatus };
}
