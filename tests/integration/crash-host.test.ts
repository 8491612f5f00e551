import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { openTestApi } from '../support/api';
import { type AnswerState, expectAcknowledged, readAnswers, type Save, withSave } from '../support/crash-state';
import { dial, type HostProcess, hostApi, nonLoopbackAddresses, startHostProcess } from '../support/host-process';
import { sampledTilsyn } from '../support/scenario';
import { makeTempDir } from '../support/temp';

// Issue #11, point 5: the crash test through the browser-mode host. The real host runs as a child process on one
// file; the test saves answers over HTTP with the typed client, as the renderer does, and kills the host with
// SIGKILL at moments drawn from a seeded generator, eight times, restarting it on the same file. After each
// restart the file passes PRAGMA integrity_check and every acknowledged save is there; the save in flight when
// the host died may or may not be.

const KILLS = 8;
const SEED = 20261101;
const temp = makeTempDir('tilsyn-crash-host-');
const dbPath = join(temp.dir, 'vaert.db');
let host: HostProcess | undefined;
afterAll(async () => {
  await host?.stop('SIGKILL');
  temp.cleanup();
});

/** mulberry32: a small seeded generator, so a failing run can be repeated kill for kill. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let sagIds: number[] = [];
let targets: { sagId: number; key: string; values: string[] }[] = [];
/** Save number i of the whole run: the targets in turn, each time another value and a note naming the save. */
const planned = (i: number): Save => {
  const t = targets[i % targets.length]!;
  const value = i % 9 === 4 ? null : (t.values[Math.floor(i / targets.length) % t.values.length] ?? null);
  return { sagId: t.sagId, key: t.key, value, note: `Vært-svar nr. ${i}` };
};

beforeAll(async () => {
  const setup = openTestApi({ dir: temp.dir, file: dbPath });
  try {
    const { sager } = await sampledTilsyn(setup.api, { sager: 6, sample: { size: 3, seed: 7 }, drawnBy: 'Lene' });
    sagIds = sager.map((s) => s.id);
    const review = await setup.api.call('gennemgang.sag', { sagId: sagIds[0]! });
    const questions = review.content.sections.flatMap((s) => s.questions).filter((q) => q.options.length >= 2);
    targets = sagIds.flatMap((sagId) =>
      questions.slice(0, 5).map((q) => ({ sagId, key: q.key, values: q.options.map((o) => o.value) })),
    );
  } finally {
    setup.close();
  }
  expect(targets.length).toBe(15);
});

/** Saves one after another until the host is killed `delayMs` after the first acknowledgement. */
async function saveUntilKilled(api: ApiClient, running: HostProcess, start: number, delayMs: number) {
  const acks: Save[] = [];
  let killed = false;
  let timer: NodeJS.Timeout | undefined;
  for (let i = start; ; i++) {
    const save = planned(i);
    try {
      await api.call('gennemgang.svar', save);
    } catch (err) {
      if (killed) return { acks, inFlight: save, next: i + 1 };
      throw new Error(`Værten afviste svar nr. ${i}: ${String(err)}\n${running.output()}`);
    }
    acks.push(save);
    if (acks.length === 1) {
      timer = setTimeout(() => {
        killed = true;
        running.child.kill('SIGKILL');
      }, delayMs);
    }
    if (acks.length > 5000) {
      clearTimeout(timer);
      throw new Error('Værten blev ikke stoppet');
    }
  }
}

/**
 * PRAGMA integrity_check on the file as the kill left it, recovered from its -wal as SQLite recovers it. Read from
 * a copy: the restarted host holds the file itself exclusively, as the app always does.
 */
function integrity(kill: number): unknown {
  const copy = join(temp.dir, `efter-drab-${kill}.db`);
  copyFileSync(dbPath, copy);
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
  const reader = new Database(copy, { fileMustExist: true });
  try {
    return reader.pragma('integrity_check', { simple: true });
  } finally {
    reader.close();
  }
}

describe('a crash of the browser-mode host in the middle of a review', () => {
  it(`loses no acknowledged save over ${KILLS} kills at random moments`, async () => {
    const random = seeded(SEED);
    const api = hostApi(() => {
      if (!host) throw new Error('Ingen vært kører');
      return host;
    });
    host = await startHostProcess(dbPath, [], { fromSource: true });
    // The child host, too, is out of reach from any other address of this machine.
    for (const address of nonLoopbackAddresses()) {
      expect(await dial(address, Number(new URL(host.url).port)), address).toBe('ECONNREFUSED');
    }
    let expected: AnswerState = await readAnswers(api, sagIds);
    expect(expected.size).toBe(0);
    let next = 0;
    let checked = 0;
    let inFlightStored = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const delayMs = 20 + Math.floor(random() * 400);
      const round = await saveUntilKilled(api, host, next, delayMs);
      await host.stop('SIGKILL');
      expect(host.child.signalCode).toBe('SIGKILL');
      for (const save of round.acks) expected = withSave(expected, save);
      expect(integrity(kill), `efter drab nr. ${kill}`).toBe('ok');

      host = await startHostProcess(dbPath, [], { fromSource: true });
      const actual = await readAnswers(api, sagIds);
      if (expectAcknowledged(actual, expected, round.inFlight, `efter drab nr. ${kill} (${delayMs} ms)`)) {
        inFlightStored++;
      }
      checked += round.acks.length;
      expected = actual;
      next = round.next;
    }
    await host.stop();
    expect(checked).toBeGreaterThanOrEqual(KILLS); // at least one acknowledged save before every kill
    console.log(
      `Crash safety through the HTTP host: ${KILLS} kills (SIGKILL) survived, ${checked} acknowledged saves checked ` +
        `after restarts, ${inFlightStored} in-flight saves found committed.`,
    );
  }, 60_000);
});
