import type { PlanRow } from '../../../db/results-store';
import { type ActionListItem, isOverdue } from '../../../shared/domain/findings';
import { templateNumbers } from '../../../shared/domain/numbering';
import type { Stores } from './stores';
import { findQuestion } from './template-questions';

/**
 * Ledelsens plans for krav (written under Resultater) as items of the follow-up list beside the sager's handlinger
 * (issue #12), each named by its krav's number and text in its own tilsyn's template.
 */
export function createPlanFollowUp(stores: Stores) {
  const { templates, results } = stores;

  function itemOf(row: PlanRow, todayIso: string): ActionListItem {
    const content = templates.publishedContent(row.versionId);
    const afsnit = row.afsnit ? (JSON.parse(row.afsnit) as string[]) : null;
    const number = templateNumbers(content, afsnit).question(row.questionKey);
    const text = findQuestion(content, row.questionKey)?.text ?? row.questionKey;
    const action = {
      id: row.id,
      text: row.text,
      ansvarlig: row.ansvarlig,
      frist: row.frist,
      status: row.status,
      questionKey: row.questionKey,
    };
    return {
      ...action,
      origin: 'krav',
      tilsynId: row.tilsynId,
      tilsynTitel: row.tilsynTitel,
      sagId: null,
      sagsnummer: '',
      sagsbehandler: '',
      krav: { number, text },
      overdue: isOverdue(action, todayIso),
    };
  }

  return {
    /** Every plan of every tilsyn, oldest tilsyn first. */
    all: (todayIso: string): ActionListItem[] => results.plans().map((r) => itemOf(r, todayIso)),
    /** The plans of one tilsyn. */
    of: (tilsynId: number, todayIso: string): ActionListItem[] =>
      results
        .plans()
        .filter((r) => r.tilsynId === tilsynId)
        .map((r) => itemOf(r, todayIso)),
  };
}

export type PlanFollowUp = ReturnType<typeof createPlanFollowUp>;
