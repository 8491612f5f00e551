import type { TilsynDatabase } from '../../db/open';
import { createTilsynStore } from '../../db/tilsyn-store';
import type { AppInfo } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { Handlers } from './dispatch';

export interface BackendContext {
  db: TilsynDatabase;
  mode: AppInfo['mode'];
  version: string;
}

const notFound = () => new ApiError('NOT_FOUND', 'Tilsynet findes ikke (det kan være slettet).');

/** Composes the stores and pure logic into the API methods. No Electron here: it runs in plain Node. */
export function createHandlers(ctx: BackendContext): Handlers {
  const tilsyn = createTilsynStore(ctx.db);
  return {
    'app.info': () => ({
      appName: 'Tilsyn',
      version: ctx.version,
      databasePath: ctx.db.path,
      schemaVersion: ctx.db.schemaVersion,
      mode: ctx.mode,
    }),
    'tilsyn.list': () => tilsyn.list(),
    'tilsyn.get': ({ id }) => tilsyn.get(id) ?? throwError(notFound()),
    'tilsyn.create': (data) => tilsyn.create(data),
    'tilsyn.update': ({ id, data }) => tilsyn.update(id, data) ?? throwError(notFound()),
  };
}

function throwError(err: Error): never {
  throw err;
}
