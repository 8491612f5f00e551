import { isAbsolute, join } from 'node:path';
import { DatabaseOpenError, openDatabase, type TilsynDatabase } from '../../db/open';
import { type BackendContext, createHandlers } from '../../electron/backend';
import { dispatch, type Handlers } from '../../electron/backend/dispatch';
import { type ApiClient, createApiClient } from '../../shared/api/client';
import { makeTempDir } from './temp';

export interface TestApiOptions {
  /** The database file: a name inside the temp folder, or an absolute path (default 'tilsyn.db'). */
  file?: string;
  /** Prefix of the temp folder's name. */
  prefix?: string;
  /** A folder of the caller's to use instead of a temp folder; close() leaves it. */
  dir?: string;
  /** Automatic backup copies; off unless asked for (`{}`: the app's schedule), so tests leave no timers behind. */
  backups?: BackendContext['backups'];
  version?: string;
  mode?: BackendContext['mode'];
  /** Called with errors that are not ApiErrors (dispatch logs these in the app). */
  onUnexpectedError?: (method: string, err: unknown) => void;
}

/**
 * The public backend on a real SQLite file, called through the typed client as the renderer calls it.
 * `api` stays valid across reopen(); `db` and `handlers` are the current ones.
 */
export interface TestApi {
  readonly api: ApiClient;
  readonly db: TilsynDatabase;
  readonly handlers: Handlers;
  /** The database file. */
  readonly path: string;
  /** The folder of the file: the temp folder, removed by close(), or the caller's `dir`. */
  readonly dir: string;
  /** Closes the file and opens it again, as a restart of the app does. */
  reopen(): void;
  /** Closes the file (if open) and removes the temp folder (not a `dir` of the caller's). */
  close(): void;
}

/** The typed client on a set of handlers (read at each call, so a getter follows a reopened or switched file). */
export function clientOf(
  handlers: Handlers | (() => Handlers),
  onUnexpectedError?: TestApiOptions['onUnexpectedError'],
): ApiClient {
  const current = typeof handlers === 'function' ? handlers : () => handlers;
  return createApiClient((method, input) => dispatch(current(), method, input, { onUnexpectedError }));
}

/** Opens a database in a fresh temp folder and the backend on it; close() cleans up. */
export function openTestApi(options: TestApiOptions = {}): TestApi {
  const temp = options.dir ? { dir: options.dir, cleanup: () => undefined } : makeTempDir(options.prefix);
  const file = options.file ?? 'tilsyn.db';
  const path = isAbsolute(file) ? file : join(temp.dir, file);
  let db: TilsynDatabase;
  let handlers: Handlers;
  const open = () => {
    db = openDatabase(path);
    handlers = createHandlers({
      db,
      mode: options.mode ?? 'browser',
      version: options.version ?? 'test',
      backups: options.backups ?? false,
    });
  };
  open();
  const closeDb = () => {
    if (db.sqlite.open) db.close();
  };
  return {
    api: clientOf(() => handlers, options.onUnexpectedError),
    get db() {
      return db;
    },
    get handlers() {
      return handlers;
    },
    path,
    dir: temp.dir,
    reopen() {
      closeDb();
      open();
    },
    close() {
      closeDb();
      temp.cleanup();
    },
  };
}

/** The refusal of opening `path` (a file that opens is closed again, and fails the test). */
export function openRefusal(path: string): DatabaseOpenError {
  try {
    openDatabase(path).close();
  } catch (err) {
    if (err instanceof DatabaseOpenError) return err;
    throw err;
  }
  throw new Error(`${path} blev åbnet`);
}
