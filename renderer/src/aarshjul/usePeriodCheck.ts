import { useCallback, useState } from 'react';
import type { CheckedPassage, PublicationCheck } from '../../../shared/domain/publication';
import { api } from '../api';
import { messageOf } from '../errors';
import type { CheckState } from '../formidling/PublicationCheckPanel';

/**
 * The period report's publication check, loaded when asked for (it builds the report's data): the passages that may
 * identify someone, and the leader's marks, kept for the enhed.
 */
export function usePeriodCheck(period: { enhedId: number; fra: string; til: string }): CheckState & {
  shown: boolean;
} {
  const [check, setCheck] = useState<PublicationCheck>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(false);
  const { enhedId, fra, til } = period;
  const reload = useCallback(async () => {
    setShown(true);
    setBusy(true);
    try {
      setCheck(await api.call('rapport.periodeTjek', { enhedId, fra, til }));
      setError(undefined);
    } catch (err) {
      setCheck(undefined);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }, [enhedId, fra, til]);
  const mark = async (p: CheckedPassage, ok: boolean) => {
    try {
      const { textHash, start, end } = p;
      setCheck(await api.call('rapport.periodeMarker', { enhedId, fra, til, textHash, start, end, ok }));
      setError(undefined);
    } catch (err) {
      setError(messageOf(err));
      await reload();
    }
  };
  return { check, error, busy, reload, mark, shown };
}
