import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi } from '../support/api';
import { type AnswerState, expectAcknowledged, readAnswers, withSave } from '../support/crash-state';
import { sampledTilsyn } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// Issue #7: a crash in the middle of a review loses nothing that was answered. A child process saves answers
// through the real handlers as fast as it can and prints one line per acknowledged save; the test kills it
// with SIGKILL mid-stream, reopens the file and checks that every acknowledged answer is there.

const ROOT = join(import.meta.dirname, '..', '..');
const temp = makeTempDir('tilsyn-crash-');
const dbPath = join(temp.dir, 'crash.db');
afterAll(() => temp.cleanup());

interface Write {
  sagId: number;
  key: string;
  value: string | null;
}

interface Plan {
  round: number;
  /** Index of the first write this child makes. */
  start: number;
  /** Write i is writes[i % writes.length] with the note noteOf(round, i). */
  writes: Write[];
}

const noteOf = (round: number, i: number) => `Runde ${round}, svar nr. ${i}`;
const planned = (plan: Plan, i: number) => ({ ...plan.writes[i % plan.writes.length]!, note: noteOf(plan.round, i) });

const url = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);

// The child: opens the file, then saves answers in a tight loop until it is killed (or 30 s have passed).
// A line is printed only after gennemgang.svar has returned; stdout to a pipe is synchronous on Linux.
const CHILD = `
import { openDatabase } from ${url('db/open.ts')};
import { createHandlers } from ${url('electron/backend/index.ts')};
import { dispatch } from ${url('electron/backend/dispatch.ts')};
import { readFileSync } from 'node:fs';

const [dbPath, planPath] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planPath, 'utf8'));
const db = openDatabase(dbPath);
const handlers = createHandlers({ db, mode: 'browser', version: 'crash-test' });
process.stdout.write('klar\\n');
const deadline = Date.now() + 30_000;
for (let i = plan.start; Date.now() < deadline; i++) {
  const w = plan.writes[i % plan.writes.length];
  // The same note as noteOf() in the test; the test checks each echoed line against its own plan.
  const input = { sagId: w.sagId, key: w.key, value: w.value, note: 'Runde ' + plan.round + ', svar nr. ' + i };
  const result = await dispatch(handlers, 'gennemgang.svar', input);
  if (!result.ok) {
    process.stderr.write('fejl ' + JSON.stringify(result.error) + '\\n');
    process.exit(1);
  }
  process.stdout.write('ok ' + JSON.stringify({ i, ...input }) + '\\n');
}
db.close();
`;

let sagIds: number[] = [];
const writes: Write[] = [];

/** The API on the file the children write to; close() leaves the folder for the next round. */
const openApi = () => openTestApi({ dir: temp.dir, file: dbPath });

beforeAll(async () => {
  const { api, close } = openApi();
  try {
    const { sager } = await sampledTilsyn(api, {
      sager: 8,
      sagsnummer: (i) => `2026-10${i}`,
      opmaerksomhed: (i) => `0${i}-01-2026`,
      fileName: 'liste.csv',
      sample: { size: 3, seed: 11, spares: 2 },
      drawnBy: 'Lene',
    });
    sagIds = sager.map((s) => s.id);
    const review = await api.call('gennemgang.sag', { sagId: sagIds[0]! });
    const questions = review.content.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.options.length >= 2)
      .slice(0, 6);
    // Every sag × question several times over, each time with another value; now and then the value is cleared.
    for (let cycle = 0; cycle < 5; cycle++) {
      questions.forEach((q, qi) => {
        for (const sagId of sagIds) {
          const n = writes.length;
          const value = n % 7 === 3 ? null : (q.options[(cycle + qi + sagId) % q.options.length]?.value ?? null);
          writes.push({ sagId, key: q.key, value });
        }
      });
    }
  } finally {
    close();
  }
  expect(sagIds.length).toBe(3);
  expect(writes.length).toBeGreaterThanOrEqual(60);
});

/** Runs one child until `killAfter` acknowledgements have been read, kills it, and returns every ack it printed. */
async function crashRound(plan: Plan, killAfter: number): Promise<{ acks: (Write & { i: number; note: string })[] }> {
  const planPath = join(temp.dir, `plan-${plan.round}.json`);
  const childPath = join(temp.dir, 'child.mts');
  writeFileSync(planPath, JSON.stringify(plan));
  writeFileSync(childPath, CHILD);
  const child = spawn(process.execPath, ['--import', 'tsx', childPath, dbPath, planPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: (Write & { i: number; note: string })[] = [];
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  child.stdout.on('data', (d: Buffer) => {
    pending += d.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? ''; // a line without its newline yet is not an acknowledgement
    for (const line of lines) {
      if (line.startsWith('ok ')) acks.push(JSON.parse(line.slice(3)));
    }
    if (acks.length >= killAfter && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    const { signal } = await closed;
    // Killed by us mid-stream, not stopped by an error of its own.
    expect(signal, `Barnet stoppede selv:\n${stderr}`).toBe('SIGKILL');
    expect(acks.length, `For få kvitteringer inden 20 s:\n${stderr}`).toBeGreaterThanOrEqual(killAfter);
    return { acks };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** Reopens the file (recovering the WAL left by the crash), checks it, and reads every answer through the API. */
async function reopenAndRead(): Promise<AnswerState> {
  const { api, close, db } = openApi();
  try {
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
    return await readAnswers(api, sagIds);
  } finally {
    close();
  }
}

describe('a crash in the middle of a review', () => {
  it('loses no acknowledged answer, and leaves a database that passes its integrity checks', async () => {
    let expected: AnswerState = await reopenAndRead();
    expect(expected.size).toBe(0);
    let start = 0;
    let totalAcks = 0;
    for (const [round, killAfter] of [
      [1, 200],
      [2, 250],
      [3, 300],
    ] as const) {
      const plan: Plan = { round, start, writes };
      const { acks } = await crashRound(plan, killAfter);
      // Every save from `start` on was acknowledged in order, with what the plan says it saved.
      acks.forEach((ack, n) => {
        expect(ack).toEqual({ i: start + n, ...planned(plan, start + n) });
      });
      for (const ack of acks) expected = withSave(expected, ack);
      const actual = await reopenAndRead();
      // The save after the last acknowledged one may or may not have been committed when the child died;
      // nothing else may differ. The last acknowledged value of each answer wins.
      const last = start + acks.length - 1;
      expectAcknowledged(actual, expected, planned(plan, last + 1), `runde ${round}`);
      expected = actual;
      start = last + 2;
      totalAcks += acks.length;
    }
    // For the session note: how many kills the file survived, and how many acknowledged saves were checked.
    console.log(`Crash safety: 3 kills (SIGKILL) survived, ${totalAcks} acknowledged saves checked after reopening.`);
  }, 30_000);
});
