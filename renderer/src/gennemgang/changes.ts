import type { MethodInput } from '../../../shared/api/contract';
import type { Action, DialogRecord, Finding } from '../../../shared/domain/findings';
import { FINDING_LABELS } from '../../../shared/domain/findings';
import type { ReviewRole, SagReview } from '../../../shared/domain/review';
import type { ReviewChange, ReviewRequest } from './reviewSession';

/**
 * Each change the review screen makes, as data: the request that saves it and the request that undoes it. Undo
 * restores the state before the change, read from the review as it was when the change was sent.
 */
export type AnswerChange = Omit<MethodInput<'gennemgang.svar'>, 'sagId' | 'key' | 'rolle'>;

const request = <M extends ReviewRequest['method']>(method: M, input: MethodInput<M>) =>
  ({ method, input }) as ReviewRequest;

export function answerChange(
  sagId: number,
  key: string,
  rolle: ReviewRole,
  change: AnswerChange,
  label: string,
): ReviewChange {
  return {
    request: request('gennemgang.svar', { sagId, key, rolle, ...change }),
    undo: (before, after) => {
      const old = (rolle === 'leder' ? before.answers : before.caseworkerAnswers)[key];
      return {
        label,
        afterwards: refinish(sagId, before, after),
        revert: () =>
          request('gennemgang.svar', {
            sagId,
            key,
            rolle,
            value: old?.value ?? null,
            note: old?.note ?? '',
            reason: old?.reason ?? '',
            override: old?.override ?? null,
          }),
      };
    },
  };
}

export function dateChange(sagId: number, key: string, date: string | null, label: string): ReviewChange {
  return {
    request: request('gennemgang.dato', { sagId, key, date }),
    undo: (before, after) => ({
      label,
      afterwards: refinish(sagId, before, after),
      revert: () => request('gennemgang.dato', { sagId, key, date: before.enteredDates[key] ?? null }),
    }),
  };
}

/**
 * A change to a færdig sag sends it back to »i gang«; undoing that change makes it færdig again (once the revert
 * has restored what was there, and only if nothing is missing then).
 */
function refinish(sagId: number, before: SagReview, after: SagReview) {
  if (before.sag?.status !== 'faerdig' || after.sag?.status === 'faerdig') return undefined;
  return (reverted: SagReview) =>
    reverted.sag?.status !== 'faerdig' && reverted.progress?.missing.length === 0
      ? request('gennemgang.faerdig', { sagId })
      : undefined;
}

/**
 * The id a finding has now: undoing a deletion creates it again under a new id, so older undo steps find it by
 * what it says instead.
 */
function findingIdNow(current: SagReview, f: Finding): number {
  if (current.findings.some((x) => x.id === f.id)) return f.id;
  return (
    current.findings.find((x) => x.kind === f.kind && x.text === f.text && x.questionKey === f.questionKey)?.id ?? f.id
  );
}

function actionIdNow(current: SagReview, a: Action): number {
  if (current.actions.some((x) => x.id === a.id)) return a.id;
  return current.actions.find((x) => x.text === a.text && x.questionKey === a.questionKey)?.id ?? a.id;
}

export function findingAdd(sagId: number, finding: Omit<Finding, 'id'>): ReviewChange {
  return {
    request: request('gennemgang.fund', { sagId, ...finding }),
    undo: (before, after) => {
      const added = after.findings.find((f) => !before.findings.some((b) => b.id === f.id));
      return added
        ? {
            label: `${FINDING_LABELS[finding.kind].one} tilføjet`,
            revert: (current) => request('gennemgang.fundSlet', { id: findingIdNow(current, added) }),
          }
        : undefined;
    },
  };
}

export function findingUpdate(finding: Finding, text: string): ReviewChange {
  return {
    request: request('gennemgang.fundRet', { id: finding.id, text, questionKey: finding.questionKey }),
    undo: () => ({
      label: `${FINDING_LABELS[finding.kind].one} rettet`,
      revert: (current) =>
        request('gennemgang.fundRet', {
          id: findingIdNow(current, { ...finding, text }),
          text: finding.text,
          questionKey: finding.questionKey,
        }),
    }),
  };
}

export function findingDelete(sagId: number, finding: Finding): ReviewChange {
  const { id, ...rest } = finding;
  return {
    request: request('gennemgang.fundSlet', { id }),
    undo: () => ({
      label: `${FINDING_LABELS[finding.kind].one} slettet`,
      revert: () => request('gennemgang.fund', { sagId, ...rest }),
    }),
  };
}

export function actionAdd(sagId: number, action: Omit<Action, 'id'>): ReviewChange {
  return {
    request: request('gennemgang.handling', { sagId, ...action }),
    undo: (before, after) => {
      const added = after.actions.find((a) => !before.actions.some((b) => b.id === a.id));
      return added
        ? {
            label: 'Handling tilføjet',
            revert: (current) => request('gennemgang.handlingSlet', { id: actionIdNow(current, added) }),
          }
        : undefined;
    },
  };
}

export function actionUpdate(id: number, patch: Partial<Omit<Action, 'id'>>): ReviewChange {
  return {
    request: request('gennemgang.handlingRet', { id, ...patch }),
    undo: (before, after) => {
      const old = before.actions.find((a) => a.id === id);
      const changed = after.actions.find((a) => a.id === id);
      return old && changed
        ? {
            label: 'Handling rettet',
            revert: (current) => request('gennemgang.handlingRet', { ...old, id: actionIdNow(current, changed) }),
          }
        : undefined;
    },
  };
}

export function actionDelete(sagId: number, action: Action): ReviewChange {
  const { id, ...rest } = action;
  return {
    request: request('gennemgang.handlingSlet', { id }),
    undo: () => ({ label: 'Handling slettet', revert: () => request('gennemgang.handling', { sagId, ...rest }) }),
  };
}

export function dialogChange(sagId: number, dialog: Partial<DialogRecord>): ReviewChange {
  return {
    request: request('gennemgang.dialog', { sagId, ...dialog }),
    undo: (before: SagReview) => ({
      label: 'Samtalen ændret',
      revert: () => request('gennemgang.dialog', { sagId, ...before.dialog }),
    }),
  };
}

/** Marking the sag as færdig; not undone (the leader reopens it by changing an answer). */
export function finishChange(sagId: number): ReviewChange {
  return { request: request('gennemgang.faerdig', { sagId }) };
}
