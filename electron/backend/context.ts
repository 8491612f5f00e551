import type { BackupSchedulerOptions } from '../../db/backup';
import type { TilsynDatabase } from '../../db/open';
import type { AppInfo, DatabaseList, PathChoice } from '../../shared/api/contract';
import type { Tasks } from './tasks';

/** What the backend is given by the shell (Electron or the browser-mode host) for one open database. */
export interface BackendContext {
  db: TilsynDatabase;
  mode: AppInfo['mode'];
  version: string;
  /** Automatic backup copies (db/backup/); on unless false. They stop when db.close() is called. */
  backups?: false | BackupSchedulerOptions;
  /** Switching to another database file (electron/backend/session.ts); absent where it is not offered. */
  databases?: {
    list(): DatabaseList;
    open(path: string): AppInfo;
    /** Opens the example file of the first start, made with made-up data the first time (electron/backend/example.ts). */
    example(): Promise<AppInfo>;
  };
  /** The native file dialogs (electron/dialogs.ts); absent in browser mode, where the browser's own are used. */
  dialogs?: { choose(what: PathChoice, near?: string): Promise<string | null> };
  /** The long work running (electron/backend/tasks.ts): one for the session, so it outlives a switch of file. */
  tasks?: Tasks;
}
