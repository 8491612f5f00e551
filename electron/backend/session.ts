import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { restrictToOwner } from '../../db/file-format';
import { forgetMark } from '../../db/integrity';
import { DatabaseOpenError, openDatabase, type TilsynDatabase } from '../../db/open';
import { resolveDatabasePath } from '../../db/open-checks';
import { createApiClient } from '../../shared/api/client';
import { type AppInfo, type DatabaseList, METHOD_NAMES } from '../../shared/api/contract';
import { ApiError, type ApiErrorCode } from '../../shared/api/errors';
import { type BackendContext, createHandlers } from '.';
import { dispatch, type Handlers } from './dispatch';
import { EXAMPLE_FILE_NAME, fillExample } from './example';
import { createTasks } from './tasks';

const MAX_RECENT = 8;

/** Why an example file is made anew rather than refused: not because it is open elsewhere, or read-only. */
const UNUSABLE = new Set<DatabaseOpenError['code']>([
  'NOT_A_DATABASE',
  'NOT_TILSYN',
  'DAMAGED',
  'EMPTY',
  'SCHEMA_TOO_NEW',
]);

export interface SessionOptions {
  dbPath: string;
  mode: AppInfo['mode'];
  version: string;
  /** Where the list of recently opened files is kept (a small JSON file in the user's settings folder). */
  recentFile?: string;
  backups?: BackendContext['backups'];
  /** Create the folder of a new database file: only for the app's default file, never for a chosen one. */
  createFolder?: boolean;
  dialogs?: BackendContext['dialogs'];
}

export interface BackendSession {
  /** The database open now. */
  readonly db: TilsynDatabase;
  /** Stable for the transports: each call goes to the handlers of the database open at that moment. */
  readonly handlers: Handlers;
  close(): void;
}

type Recent = DatabaseList['recent'];

/** A file that cannot be opened, in the API's codes: read-only and not-a-file are said as such. */
function apiCodeOf(err: DatabaseOpenError): ApiErrorCode {
  if (err.code === 'READ_ONLY') return 'READ_ONLY';
  if (err.code === 'NOT_A_FILE') return 'VALIDATION';
  return 'CONFLICT';
}

function readRecent(file: string | undefined): Omit<Recent[number], 'exists'>[] {
  if (!file || !existsSync(file)) return [];
  try {
    const list = JSON.parse(readFileSync(file, 'utf8')) as { path: string; lastOpened: string }[];
    return Array.isArray(list)
      ? list.filter((r) => typeof r.path === 'string' && typeof r.lastOpened === 'string')
      : [];
  } catch {
    return [];
  }
}

/**
 * The backend for one window (Electron) or one browser-mode host: a database file and its handlers, and the
 * switch to another file. Opening the next file happens first; only when it succeeds is the current one closed,
 * so a refused file (locked, damaged, another program's) leaves the leader where she was.
 */
export function createBackendSession(options: SessionOptions): BackendSession {
  let db = openDatabase(options.dbPath, { createFolder: options.createFolder ?? true });
  const tasks = createTasks();
  let current = createFor(db);
  remember(db.path);

  function createFor(database: TilsynDatabase): Handlers {
    return createHandlers({
      db: database,
      mode: options.mode,
      version: options.version,
      backups: options.backups,
      databases: { list, open, example },
      dialogs: options.dialogs,
      tasks,
    });
  }

  function remember(path: string): void {
    if (!options.recentFile) return;
    const next = [
      { path, lastOpened: new Date().toISOString() },
      ...readRecent(options.recentFile).filter((r) => r.path !== path),
    ].slice(0, MAX_RECENT);
    try {
      mkdirSync(dirname(options.recentFile), { recursive: true, mode: 0o700 });
      // Owner-only: the list names the leader's files. The mode applies to a new file; chmod covers an old one.
      writeFileSync(options.recentFile, JSON.stringify(next, null, 2), { mode: 0o600 });
      restrictToOwner(options.recentFile, 0o600);
    } catch {
      // The list is a convenience: a settings folder that cannot be written loses nothing else.
    }
  }

  function list(): DatabaseList {
    const recent = readRecent(options.recentFile)
      .filter((r) => r.path !== db.path)
      .map((r) => ({ ...r, exists: existsSync(r.path) }));
    return { current: db.path, recent };
  }

  function open(requested: string): AppInfo {
    // Long work writes into the file open now: the switch waits for it (its panel has »Afbryd«).
    if (tasks.active() > 0)
      throw new ApiError(
        'CONFLICT',
        'Tilsyn arbejder stadig i den åbne fil (se nederst til højre). Vent, til det er færdigt, eller afbryd det, og skift så fil.',
      );
    if (!isAbsolute(requested)) {
      throw new ApiError('VALIDATION', 'Skriv hele stien til databasefilen, fx /Users/lene/Tilsyn/team.db.', {
        path: 'Skriv hele stien til databasefilen',
      });
    }
    if (requested.includes('\0'))
      throw new ApiError('VALIDATION', 'Stien indeholder et tegn, der ikke kan stå i et filnavn. Vælg filen igen.');
    const sidecar = /-(wal|shm|journal)$/i.exec(requested);
    if (sidecar)
      throw new ApiError(
        'VALIDATION',
        `»${basename(requested)}« er en hjælpefil, som SQLite lægger ved siden af databasen. Vælg selve databasefilen, uden »-${sidecar[1]}«.`,
      );
    const path = resolve(requested);
    if (path === db.path) return current['app.info']({}) as AppInfo;
    if (!existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory()) {
      throw new ApiError('NOT_FOUND', `Mappen ${dirname(path)} findes ikke. Vælg en mappe, der findes.`);
    }
    let next: TilsynDatabase;
    try {
      // The same file by another name (a symlink): it is open already.
      if (resolveDatabasePath(path, false) === db.path) return current['app.info']({}) as AppInfo;
      next = openDatabase(path, { createFolder: false });
    } catch (err) {
      if (err instanceof DatabaseOpenError) throw new ApiError(apiCodeOf(err), err.message);
      throw err;
    }
    let nextHandlers: Handlers;
    try {
      nextHandlers = createFor(next);
    } catch (err) {
      next.close();
      throw err;
    }
    const previous = db;
    db = next;
    current = nextHandlers;
    previous.close();
    remember(next.path);
    return current['app.info']({}) as AppInfo;
  }

  /**
   * The example file lives in the settings folder (never beside a file on a shared drive); made the first time,
   * in full before it is opened, so a half-made example is never left to open.
   */
  async function example(): Promise<AppInfo> {
    const folder = options.recentFile ? dirname(options.recentFile) : dirname(db.path);
    const path = join(folder, EXAMPLE_FILE_NAME);
    if (existsSync(path) && cannotBeOpened(path)) {
      // Made-up data: a damaged or foreign file in its place is set aside (kept, never deleted) and made anew.
      renameSync(path, `${path}.ubrugelig-${Date.now()}`);
    }
    if (!existsSync(path)) {
      const making = `${path}.under-oprettelse`;
      rmSync(making, { force: true });
      const draft = openDatabase(making, { createFolder: true });
      try {
        // One backend for the whole filling: made once, not once per call.
        const draftHandlers = createHandlers({
          db: draft,
          mode: options.mode,
          version: options.version,
          backups: false,
        });
        const api = createApiClient((method, input) => dispatch(draftHandlers, method, input));
        await fillExample(api);
      } finally {
        draft.close();
      }
      renameSync(making, path);
      // The draft's mark names the draft; the file under its own name is checked at its first open.
      forgetMark(making);
    }
    return open(path);
  }

  /** The file is no Tilsyn database this version can open (junk, damaged, empty, made by a newer version). */
  function cannotBeOpened(path: string): boolean {
    try {
      openDatabase(path, { createFolder: false }).close();
      return false;
    } catch (err) {
      return err instanceof DatabaseOpenError && UNUSABLE.has(err.code);
    }
  }

  const handlers = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      (input: unknown, taskId?: string) => (current[method] as (i: unknown, t?: string) => unknown)(input, taskId),
    ]),
  ) as Handlers;

  return {
    get db() {
      return db;
    },
    handlers,
    close: () => db.close(),
  };
}
