import { dirname, join } from 'node:path';
import type { DatabaseOpenError } from '../../db/open-error';
import type { AppInfo } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/** The app and its database file: what is open, the files opened before, and opening another one. */
export function appApi({ ctx }: Services): NamespaceHandlers<'app'> {
  return {
    'app.info': () => ({
      appName: 'Tilsyn',
      version: ctx.version,
      databasePath: ctx.db.path,
      schemaVersion: ctx.db.schemaVersion,
      mode: ctx.mode,
      beskadiget: damageOf(ctx.db.integrity.damage()),
    }),
    'app.databaser': () => ctx.databases?.list() ?? { current: ctx.db.path, recent: [] },
    'app.aabnDatabase': ({ path }) => {
      if (!ctx.databases) throw new ApiError('CONFLICT', 'Her kan der ikke skiftes database.');
      return ctx.databases.open(path);
    },
    'app.eksempel': () => {
      if (!ctx.databases) throw new ApiError('CONFLICT', 'Her kan der ikke skiftes database.');
      return ctx.databases.example();
    },
    'app.vaelgSti': async ({ hvad }) => {
      if (!ctx.dialogs)
        throw new ApiError('CONFLICT', 'Filvinduet findes kun i Tilsyn på computeren. Skriv stien i feltet i stedet.');
      // A new file is suggested beside the open one.
      const near = hvad === 'ny_database' ? join(dirname(ctx.db.path), 'tilsyn-ny.db') : undefined;
      return { sti: await ctx.dialogs.choose(hvad, near) };
    },
  };
}

/** The open file's failed check as the screens say it. */
function damageOf(err: DatabaseOpenError | null): AppInfo['beskadiget'] {
  return err ? { besked: err.message, sikkerhedskopi: err.newestGoodBackup !== undefined } : null;
}
