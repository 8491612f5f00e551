import { describe, expect, it } from 'vitest';
import { answerChange, dateChange, findingAdd, findingDelete } from '../../renderer/src/gennemgang/changes';
import { createReviewSession, MAX_UNDO, type ReviewRequest } from '../../renderer/src/gennemgang/reviewSession';
import type { Finding } from '../../shared/domain/findings';
import { FINDING_LABELS } from '../../shared/domain/findings';
import type { AnswerRecord, SagReview } from '../../shared/domain/review';

/** The review's save queue and undo, driven by a fake backend whose answers the test gives by hand. */

const SAG = 1;

/** A review with only the parts the changes read; the rest never reaches the session's logic. */
function review(patch: Partial<SagReview> = {}): SagReview {
  return {
    answers: {},
    caseworkerAnswers: {},
    enteredDates: {},
    findings: [],
    actions: [],
    dialog: { dato: null, deltagere: '', refleksioner: '' },
    ...patch,
  } as unknown as SagReview;
}

interface PendingCall {
  request: ReviewRequest;
  resolve(review: SagReview): void;
  reject(err: unknown): void;
}

function setup() {
  const calls: PendingCall[] = [];
  const transport = (request: ReviewRequest) =>
    new Promise<SagReview>((resolve, reject) => calls.push({ request, resolve, reject }));
  const session = createReviewSession(transport, {
    onChange: () => undefined,
    messageOf: (err) => (err instanceof Error ? err.message : 'Ukendt fejl'),
    now: () => new Date(0),
  });
  session.start(review());
  return { calls, session, state: () => session.state() };
}

/** Lets every promise that can settle do so. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const record = (value: string, note = ''): AnswerRecord => ({ value, note, reason: '' });

const answer = (key: string, value: string) => answerChange(SAG, key, 'leder', { value }, `Svar på ${key}`);

describe('review session: saving', () => {
  it('sends one change at a time, in the order they were made, and shows the newest answer', async () => {
    const { calls, session, state } = setup();
    void session.send(answer('q1', 'ja'));
    void session.send(answer('q2', 'nej'));
    void session.send(dateChange(SAG, 'modtaget', '2026-01-05', 'Dato: Modtaget'));
    await settled();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.request).toEqual({
      method: 'gennemgang.svar',
      input: { sagId: SAG, key: 'q1', rolle: 'leder', value: 'ja' },
    });
    expect(state().save.kind).toBe('saving');

    calls[0]!.resolve(review({ answers: { q1: record('ja') } }));
    await settled();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request.input).toMatchObject({ key: 'q2', value: 'nej' });

    calls[1]!.resolve(review({ answers: { q2: record('nej') } }));
    await settled();
    expect(calls).toHaveLength(3);
    expect(calls[2]!.request).toEqual({
      method: 'gennemgang.dato',
      input: { sagId: SAG, key: 'modtaget', date: '2026-01-05' },
    });
    const last = review({ enteredDates: { modtaget: '2026-01-05' } });
    calls[2]!.resolve(last);
    await settled();
    expect(state().review).toBe(last);
    expect(state().save).toEqual({ kind: 'saved', at: new Date(0) });
  });

  it('keeps a change that failed and sends it again on request', async () => {
    const { calls, session, state } = setup();
    void session.send(answer('q1', 'ja'));
    await settled();
    calls[0]!.reject(new Error('Disken er fuld'));
    await settled();
    expect(state().save).toEqual({ kind: 'error', message: 'Disken er fuld' });
    expect(state().undoSteps).toHaveLength(0);

    session.retry();
    await settled();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request).toEqual(calls[0]!.request);
    calls[1]!.resolve(review());
    await settled();
    expect(state().save.kind).toBe('saved');
    expect(state().undoSteps).toHaveLength(1);

    // Once saved it is no longer kept: nothing is sent again.
    session.retry();
    await settled();
    expect(calls).toHaveLength(2);
  });

  it('keeps showing an earlier failure when a later change is saved, until the failed one is saved too', async () => {
    const { calls, session, state } = setup();
    void session.send(answer('q1', 'ja'));
    await settled();
    calls[0]!.reject(new Error('Disken er fuld'));
    await settled();

    void session.send(answer('q2', 'nej'));
    await settled();
    calls[1]!.resolve(review());
    await settled();
    expect(state().save).toEqual({ kind: 'error', message: 'Disken er fuld' });

    session.retry();
    await settled();
    expect(calls).toHaveLength(3);
    expect(calls[2]!.request.input).toMatchObject({ key: 'q1', value: 'ja' });
    calls[2]!.resolve(review());
    await settled();
    expect(state().save.kind).toBe('saved');
  });

  it('sends every failed change again, oldest first', async () => {
    const { calls, session } = setup();
    void session.send(answer('q1', 'ja'));
    void session.send(answer('q2', 'nej'));
    await settled();
    calls[0]!.reject(new Error('Disken er fuld'));
    await settled();
    calls[1]!.reject(new Error('Disken er fuld'));
    await settled();

    session.retry();
    await settled();
    calls[2]!.resolve(review());
    await settled();
    expect(calls.slice(2).map((c) => c.request.input)).toMatchObject([{ key: 'q1' }, { key: 'q2' }]);
  });
});

describe('review session: undo', () => {
  it('waits until no save is pending, then undoes the newest change from the state before it', async () => {
    const { calls, session, state } = setup();
    void session.send(answer('q1', 'ja'));
    await settled();
    calls[0]!.resolve(review({ answers: { q1: record('ja', 'God') } }));
    await settled();

    void session.send(answer('q1', 'nej'));
    await settled();
    expect(session.undo()).toBeUndefined();
    await settled();
    expect(calls).toHaveLength(2);
    expect(state().undoSteps).toHaveLength(1);

    calls[1]!.resolve(review({ answers: { q1: record('nej', 'God') } }));
    await settled();
    expect(state().undoSteps.map((s) => s.label)).toEqual(['Svar på q1', 'Svar på q1']);
    void session.undo();
    await settled();
    expect(calls).toHaveLength(3);
    // Back to the answer before the newest change, not the one before the first.
    expect(calls[2]!.request).toEqual({
      method: 'gennemgang.svar',
      input: { sagId: SAG, key: 'q1', rolle: 'leder', value: 'ja', note: 'God', reason: '', override: null },
    });
    expect(state().undoSteps).toHaveLength(1);
  });

  it('follows a finding that was deleted and brought back under a new id', async () => {
    const { calls, session, state } = setup();
    const added: Finding = { id: 7, kind: 'styrke', text: 'Klar plan', questionKey: null };
    void session.send(findingAdd(SAG, { kind: 'styrke', text: 'Klar plan', questionKey: null }));
    await settled();
    calls[0]!.resolve(review({ findings: [added] }));
    await settled();
    void session.send(findingDelete(SAG, added));
    await settled();
    calls[1]!.resolve(review({ findings: [] }));
    await settled();
    expect(state().undoSteps.at(-1)?.label).toBe(`${FINDING_LABELS.styrke.one} slettet`);

    // Undoing the deletion creates the finding again; the backend gives it a new id.
    void session.undo();
    await settled();
    expect(calls[2]!.request).toEqual({
      method: 'gennemgang.fund',
      input: { sagId: SAG, kind: 'styrke', text: 'Klar plan', questionKey: null },
    });
    calls[2]!.resolve(review({ findings: [{ ...added, id: 12 }] }));
    await settled();

    // Undoing the addition removes the finding under the id it has now.
    void session.undo();
    await settled();
    expect(calls[3]!.request).toEqual({ method: 'gennemgang.fundSlet', input: { id: 12 } });
    calls[3]!.resolve(review({ findings: [] }));
    await settled();
    expect(state().undoSteps).toHaveLength(0);
    expect(session.undo()).toBeUndefined();
  });

  it(`keeps the newest ${MAX_UNDO} steps and undoes them newest first`, async () => {
    const { calls, session, state } = setup();
    const count = MAX_UNDO + 1;
    for (let i = 1; i <= count; i++) {
      void session.send(answer(`q${i}`, 'ja'));
      await settled();
      calls.at(-1)!.resolve(review());
      await settled();
    }
    expect(MAX_UNDO).toBe(50);
    expect(state().undoSteps).toHaveLength(MAX_UNDO);
    expect(state().undoSteps[0]?.label).toBe('Svar på q2');

    for (let i = 0; i < MAX_UNDO; i++) {
      void session.undo();
      await settled();
      calls.at(-1)!.resolve(review());
      await settled();
    }
    const reverted = calls.slice(count).map((c) => (c.request.input as { key: string }).key);
    expect(reverted).toEqual(Array.from({ length: MAX_UNDO }, (_, i) => `q${count - i}`));
    expect(session.undo()).toBeUndefined();
    expect(calls).toHaveLength(count + MAX_UNDO);
  });
});

describe('review session: undoing the change that reopened a færdig sag', () => {
  const sag = (status: 'faerdig' | 'i_gang') => ({ id: SAG, status }) as unknown as SagReview['sag'];
  const progress = { missing: [] } as unknown as SagReview['progress'];

  it('restores the answer and marks the sag færdig again', async () => {
    const { calls, session, state } = setup();
    session.start(review({ sag: sag('faerdig'), progress, answers: { q1: record('ja') } }));
    void session.send(answer('q1', 'nej'));
    await settled();
    calls[0]!.resolve(review({ sag: sag('i_gang'), progress, answers: { q1: record('nej') } }));
    await settled();

    void session.undo();
    await settled();
    expect(calls[1]!.request.input).toMatchObject({ key: 'q1', value: 'ja' });
    calls[1]!.resolve(review({ sag: sag('i_gang'), progress, answers: { q1: record('ja') } }));
    await settled();
    expect(calls[2]!.request).toEqual({ method: 'gennemgang.faerdig', input: { sagId: SAG } });
    const done = review({ sag: sag('faerdig'), progress, answers: { q1: record('ja') } });
    calls[2]!.resolve(done);
    await settled();
    expect(state().review).toBe(done);
  });

  it('does not mark færdig a sag that was not færdig, or where something is missing after the revert', async () => {
    const { calls, session } = setup();
    session.start(review({ sag: sag('i_gang'), progress, answers: {} }));
    void session.send(answer('q1', 'nej'));
    await settled();
    calls[0]!.resolve(review({ sag: sag('i_gang'), progress, answers: { q1: record('nej') } }));
    await settled();
    void session.undo();
    await settled();
    calls[1]!.resolve(review({ sag: sag('i_gang'), progress, answers: {} }));
    await settled();
    expect(calls).toHaveLength(2);

    const other = setup();
    other.session.start(review({ sag: sag('faerdig'), progress, answers: { q1: record('ja') } }));
    void other.session.send(answer('q1', 'nej'));
    await settled();
    other.calls[0]!.resolve(review({ sag: sag('i_gang'), progress, answers: { q1: record('nej') } }));
    await settled();
    void other.session.undo();
    await settled();
    const stillMissing = { missing: [{ key: 'q2' }] } as unknown as SagReview['progress'];
    other.calls[1]!.resolve(review({ sag: sag('i_gang'), progress: stillMissing, answers: { q1: record('ja') } }));
    await settled();
    expect(other.calls).toHaveLength(2);
  });
});
