import { useEffect, useState } from 'react';
import type { MethodInput } from '../../../shared/api/contract';
import type { CaseDataStatus, DeleteCaseDataResult, RetentionCandidate } from '../../../shared/domain/retention';
import {
  mergedReview,
  type ReviewRole,
  type ReviewSagSummary,
  type ReviewUpdate,
  type SagReview,
} from '../../../shared/domain/review';
import { isLocked, type TilsynSummary } from '../../../shared/domain/tilsyn';
import { api } from '../api';
import { messageOf } from '../errors';
import { useLoad } from '../hooks/useLoad';
import {
  type AnswerChange,
  actionAdd,
  actionDelete,
  actionUpdate,
  answerChange,
  dateChange,
  dialogChange,
  findingAdd,
  findingDelete,
  findingUpdate,
  finishChange,
} from './changes';
import type { ReviewTransport } from './reviewSession';
import { useReviewSession } from './useReviewSession';

/** The gennemgang feature's calls: the sager of a tilsyn, locking it, its log, retention, and the review of a sag. */

/** The sampled sager with their review status, and whether a locked tilsyn's case-level data is deleted. */
export function useSagListData(tilsyn: TilsynSummary) {
  const [sager, setSager] = useState<ReviewSagSummary[]>();
  const [error, setError] = useState<string>();
  /** True once the tilsyn's case-level data was deleted (retention): only the skeleton of the sample is left. */
  const [deleted, setDeleted] = useState<boolean>();
  const locked = isLocked(tilsyn);
  useEffect(() => {
    void tilsyn.aendret;
    api.call('gennemgang.sager', { tilsynId: tilsyn.id }).then(setSager, (err) => setError(messageOf(err)));
    if (!locked) setDeleted(false);
    else
      api.call('tilsyn.sagsdata', { tilsynId: tilsyn.id }).then(
        (s) => setDeleted(s.deleted !== null),
        () => setDeleted(false),
      );
  }, [tilsyn.id, tilsyn.aendret, locked]);
  return { sager, error, deleted };
}

type CloseInput = Omit<MethodInput<'tilsyn.afslut'>, 'tilsynId'>;
type ReopenInput = Omit<MethodInput<'tilsyn.genaabn'>, 'tilsynId'>;

/** Afslut (lock) a tilsyn, or genåbn a locked one. */
export function closeTilsyn(tilsynId: number) {
  return {
    afslut: (input: CloseInput) => api.call('tilsyn.afslut', { tilsynId, ...input }),
    genaabn: (input: ReopenInput) => api.call('tilsyn.genaabn', { tilsynId, ...input }),
  };
}

/** The tilsyn's log, fetched again whenever `version` (status and last change) moves. */
export function useChangeLogData(tilsynId: number, version: string) {
  const { data } = useLoad(() => api.call('tilsyn.log', { tilsynId }), [tilsynId, version]);
  return data ?? [];
}

/** Retention: what case-level data an afsluttet tilsyn holds, and deleting it on the leader's command. */
export function useRetentionData(tilsynId: number) {
  const [status, setStatus] = useState<CaseDataStatus>();
  const [result, setResult] = useState<DeleteCaseDataResult>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.call('tilsyn.sagsdata', { tilsynId }).then(setStatus, (err) => setError(messageOf(err)));
  }, [tilsynId]);
  const deleteCaseData = async (navn: string, bekraeft: string) => {
    const done = await api.call('tilsyn.sletSagsdata', { tilsynId, navn, bekraeft });
    setResult(done);
    setStatus(done);
  };
  return { status, result, error, deleteCaseData };
}

/** The afsluttede tilsyn still holding case-level data whose period ended more than `months` ago. */
export function useDueForDeletionData(months: number) {
  const [due, setDue] = useState<RetentionCandidate[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setError(undefined);
    api.call('tilsyn.sletbare', { olderThanMonths: months }).then(setDue, (err) => setError(messageOf(err)));
  }, [months]);
  return { due, error };
}

/**
 * A saved answer or date answers with what changed (issue #18), merged into the sag shown; when the sag was changed
 * in another window meanwhile, the merge would be a mix, so the sag is fetched again. The other changes answer with
 * the whole review.
 */
const transport: ReviewTransport = async (request, current) => {
  const merged = async (update: ReviewUpdate) =>
    mergedReview(current, update) ?? (await api.call('gennemgang.sag', { sagId: current.sag.id }));
  if (request.method === 'gennemgang.svar') return merged(await api.call(request.method, request.input));
  if (request.method === 'gennemgang.dato') return merged(await api.call(request.method, request.input));
  return (await api.call(request.method, request.input as never)) as SagReview;
};

/**
 * The review of one sag: the session (every change saved at once, undo), the other sager of the tilsyn for the
 * way on, and the handlers the screen's parts call.
 */
export function useSagReviewData(tilsynId: number, sagId: number) {
  const session = useReviewSession(() => api.call('gennemgang.sag', { sagId }), transport);
  const { send } = session;
  const siblings = useLoad(() => api.call('gennemgang.sager', { tilsynId }), [tilsynId]).data ?? [];
  return {
    ...session,
    siblings,
    answer: (key: string, role: ReviewRole, change: AnswerChange, label: string) =>
      send(answerChange(sagId, key, role, change, label)),
    date: (key: string, date: string | null, label: string) => send(dateChange(sagId, key, date, label)),
    finish: () => send(finishChange(sagId)),
    dialog: (patch: Parameters<typeof dialogChange>[1]) => send(dialogChange(sagId, patch)),
    findings: {
      onAdd: (f: Parameters<typeof findingAdd>[1]) => send(findingAdd(sagId, f)),
      onUpdate: (f: Parameters<typeof findingUpdate>[0], text: string) => send(findingUpdate(f, text)),
      onDelete: (f: Parameters<typeof findingDelete>[1]) => send(findingDelete(sagId, f)),
    },
    actions: {
      onAdd: (a: Parameters<typeof actionAdd>[1]) => send(actionAdd(sagId, a)),
      onUpdate: (a: { id: number }, patch: Parameters<typeof actionUpdate>[1]) => send(actionUpdate(a.id, patch)),
      onDelete: (a: Parameters<typeof actionDelete>[1]) => send(actionDelete(sagId, a)),
    },
  };
}
