import { ApiError } from '../../shared/api/errors';
import { ACTION_STATUS_LABELS } from '../../shared/domain/findings';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/** The follow-up list of handlinger across tilsyn, and a handling's status. */
export function handlingerApi({ stores, review, today }: Services): NamespaceHandlers<'handlinger'> {
  const { findings, answers, closing } = stores;
  return {
    'handlinger.list': () => findings.allActions(today()),
    /**
     * Following up an action is allowed after the tilsyn is locked: the follow-up is the point of the action.
     * The change is written to the tilsyn's log.
     */
    'handlinger.status': ({ id, status }) => {
      review.transaction(() => {
        const { sagId, action } = findings.action(id);
        const sag = answers.sag(sagId);
        closing.recordFollowUp(sag.tilsynId, {
          sagsnummer: sag.sagsnummer,
          what: `Opfølgning på handling: ${action.text}`,
          oldValue: ACTION_STATUS_LABELS[action.status],
          newValue: ACTION_STATUS_LABELS[status],
        });
        findings.updateAction(id, { ...action, status });
      });
      const item = findings.allActions(today()).find((a) => a.id === id);
      if (!item) throw new ApiError('NOT_FOUND', 'Handlingen findes ikke (den kan være slettet).');
      return item;
    },
  };
}
