import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTasks } from '../../electron/backend/tasks';
import { findCprNumbers } from '../../shared/domain/cpr';
import { newTaskId, progressText, TASK_ID_PATTERN } from '../../shared/domain/progress';

describe('long work as tasks', () => {
  it('says where the work is while it runs, and nothing once it has ended', async () => {
    const tasks = createTasks();
    let seen: unknown;
    const done = tasks.run('abcdefghijklmnop', async (task) => {
      task.report('Tjekker rækkerne', { done: 5000, total: 20000, enhed: 'rækker' });
      seen = tasks.status('abcdefghijklmnop');
      return 'færdig';
    });
    expect(await done).toBe('færdig');
    expect(seen).toMatchObject({ fase: 'Tjekker rækkerne', done: 5000, total: 20000, kanAnnulleres: true });
    expect(tasks.status('abcdefghijklmnop')).toBeNull();
  });

  it('stops at the next checkpoint once cancelled, and frees the id for the next call', async () => {
    const tasks = createTasks();
    const id = 'abcdefghijklmnop';
    let after = false;
    const work = tasks.run(id, async (task) => {
      task.report('Sætter siderne op');
      expect(tasks.cancel(id)).toBe(true);
      await task.checkpoint();
      after = true;
    });
    await expect(work).rejects.toMatchObject({ code: 'CANCELLED', message: expect.stringContaining('Intet er gemt') });
    expect(after).toBe(false);
    await expect(tasks.run(id, () => 1)).resolves.toBe(1);
  });

  it('does not stop work while it says it cannot be stopped (the sager being stored in one transaction)', async () => {
    const tasks = createTasks();
    const id = 'qrstuvwxyzabcdef';
    const steps: string[] = [];
    await tasks.run(id, async (task) => {
      task.report('Gemmer 50.000 sager', undefined, false);
      tasks.cancel(id);
      await task.checkpoint();
      task.throwIfCancelled();
      steps.push('gemt');
    });
    expect(steps).toEqual(['gemt']);
  });

  it('honours a cancel that arrived before its call', async () => {
    const tasks = createTasks();
    expect(tasks.cancel('earlyearlyearlyy')).toBe(false);
    let ran = false;
    await expect(
      tasks.run('earlyearlyearlyy', () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(ran).toBe(false);
  });

  it('refuses a second call under an id that is running', async () => {
    const tasks = createTasks();
    let release: () => void = () => undefined;
    const first = tasks.run('abcdefghijklmnop', () => new Promise<void>((r) => (release = r)));
    await expect(tasks.run('abcdefghijklmnop', () => 2)).rejects.toMatchObject({ code: 'CONFLICT' });
    release();
    await first;
  });

  it('lets other calls in at a checkpoint once the work has held the thread for a while', async () => {
    let clock = 0;
    const tasks = createTasks(() => clock);
    let answered = false;
    setImmediate(() => {
      answered = true;
    });
    await tasks.run('abcdefghijklmnop', async (task) => {
      await task.checkpoint();
      expect(answered).toBe(false); // within the hold: no yield
      clock = 100;
      await task.checkpoint();
      expect(answered).toBe(true);
    });
  });

  it('makes ids of letters only, which never look like part of a CPR number', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const id = newTaskId(() => bytes);
        expect(id).toMatch(TASK_ID_PATTERN);
        expect(findCprNumbers(`0101${id}901234 ${id}`)).toEqual([]);
      }),
    );
    expect(newTaskId()).not.toBe(newTaskId());
  });

  it('reads the progress in Danish: counted, as a share, or the phase alone', () => {
    expect(
      progressText({ fase: 'Tjekker rækkerne', done: 12000, total: 50000, enhed: 'rækker', kanAnnulleres: true }),
    ).toBe('Tjekker rækkerne: 12.000 af 50.000 rækker');
    expect(progressText({ fase: 'Kopierer databasen', done: 999, total: 1000, kanAnnulleres: true })).toBe(
      'Kopierer databasen: 99 %',
    );
    expect(progressText({ fase: 'Sætter siderne op', done: 0, total: null, kanAnnulleres: true })).toBe(
      'Sætter siderne op',
    );
  });
});
