import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATABASE_FILE_NAME = 'tilsyn.db';
/** The recently opened database files, in the user's settings folder. */
export const RECENT_FILE_NAME = 'seneste-databaser.json';

/**
 * The folder Electron uses as userData for an app named "Tilsyn", computed without Electron,
 * so browser mode and the desktop app open the same file by default.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Tilsyn');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Tilsyn');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Tilsyn');
}

export function defaultDatabasePath(): string {
  return join(defaultUserDataDir(), DATABASE_FILE_NAME);
}
