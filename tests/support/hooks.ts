import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { clientOf, openTestApi, type TestApi, type TestApiOptions } from './api';

// vitest's side of the test API (kept apart so the benches, run without vitest, can use ./api).

/**
 * openTestApi() for each test ('each') or for the whole file ('all'), opened and closed by vitest's hooks.
 * The returned handle reads the current instance, so it can be taken at the top of the file.
 */
export function hookTestApi(scope: 'each' | 'all', options: TestApiOptions = {}): TestApi {
  let current: TestApi | undefined;
  const now = () => {
    if (!current) throw new Error('The test API is opened in beforeEach/beforeAll; use it inside a test or hook.');
    return current;
  };
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(() => {
    current = openTestApi(options);
  });
  after(() => {
    current?.close();
    current = undefined;
  });
  return {
    api: clientOf(() => now().handlers, options.onUnexpectedError),
    get db() {
      return now().db;
    },
    get handlers() {
      return now().handlers;
    },
    get path() {
      return now().path;
    },
    get dir() {
      return now().dir;
    },
    reopen: () => now().reopen(),
    close: () => now().close(),
  };
}

/** Runs `fn` with the clock (Date only; timers stay real) at `at`, e.g. to date a report. */
export async function atTime<T>(at: string | Date, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(at) });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}
