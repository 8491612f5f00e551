import { ApiError } from '../../shared/api/errors';
import { ACTION_STATUS_LABELS, type ActionListItem } from '../../shared/domain/findings';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/** The follow-up list of handlinger across tilsyn, and a handling's status. */
export function handlingerApi({ stores, review, plans, today }: Services): NamespaceHandlers<'handlinger'> {
  const { findings, answers, closing } = stores;
  return {
    // Soonest frist first, those without a frist last; a stable sort keeps each list's own order within.
    'handlinger.list': () =>
      [...findings.allActions(today()), ...plans.all(today())].sort(
        (a, b) => Number(a.frist === null) - Number(b.frist === null) || (a.frist ?? '').localeCompare(b.frist ?? ''),
      ),
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
    /** A plan for a krav is followed up like a handling: also after the report was sent, and logged. */
    'handlinger.planStatus': ({ tilsynId, key, status }) => {
      stores.requireTilsyn(tilsynId);
      const item = () => plans.of(tilsynId, today()).find((p) => p.questionKey === key);
      review.transaction(() => {
        const before = item();
        if (!before) throw new ApiError('NOT_FOUND', 'Der er ingen plan for det krav i tilsynet.');
        stores.results.setPlanStatus(tilsynId, key, status);
        closing.recordFollowUp(tilsynId, {
          sagsnummer: null,
          what: `Opfølgning på planen for krav ${before.krav?.number ?? key}: ${before.text}`,
          oldValue: ACTION_STATUS_LABELS[before.status],
          newValue: ACTION_STATUS_LABELS[status],
        });
      });
      return item() as ActionListItem;
    },
  };
}
