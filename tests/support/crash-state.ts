import { expect } from 'vitest';
import type { ApiClient } from '../../shared/api/client';

// What the crash tests compare: every answer of a sample, before a kill and after the restart.

export interface Save {
  sagId: number;
  key: string;
  value: string | null;
  note: string;
}

/** sag id and question key → the saved value and note. */
export type AnswerState = Map<string, { value: string | null; note: string }>;

const stateKey = (sagId: number, key: string) => `${sagId}|${key}`;

/** The state after `save`: the last save of an answer wins. */
export function withSave(state: AnswerState, save: Save): AnswerState {
  return new Map(state).set(stateKey(save.sagId, save.key), { value: save.value, note: save.note });
}

const sorted = (state: AnswerState) => JSON.stringify([...state.entries()].sort(([a], [b]) => a.localeCompare(b)));

/** Every answer of the given sager, read through the API as the review screen reads it. */
export async function readAnswers(api: ApiClient, sagIds: number[]): Promise<AnswerState> {
  const state: AnswerState = new Map();
  for (const sagId of sagIds) {
    const review = await api.call('gennemgang.sag', { sagId });
    for (const [key, a] of Object.entries(review.answers)) {
      state.set(stateKey(sagId, key), { value: a.value ?? null, note: a.note });
    }
  }
  return state;
}

/**
 * Checks the state after a crash: every acknowledged save is there (`expected`), and the one in flight when the
 * process died may or may not be; nothing else may differ. Returns whether the in-flight save was committed.
 */
export function expectAcknowledged(
  actual: AnswerState,
  expected: AnswerState,
  inFlight: Save | undefined,
  label: string,
): boolean {
  if (sorted(actual) === sorted(expected)) return false;
  if (inFlight && sorted(actual) === sorted(withSave(expected, inFlight))) return true;
  expect(sorted(actual), label).toBe(sorted(expected));
  return false;
}
