import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, normalize } from 'node:path';
import type { PathChoice } from '../shared/api/contract';

/** The part of Electron's `dialog` used here: an interface, so the seam is tested in plain Node. */
export interface DialogLike {
  showOpenDialog(
    window: unknown,
    options: { title: string; properties: string[]; filters?: { name: string; extensions: string[] }[] },
  ): Promise<{ canceled: boolean; filePaths: unknown }>;
  showSaveDialog(
    window: unknown,
    options: { title: string; defaultPath?: string; filters?: { name: string; extensions: string[] }[] },
  ): Promise<{ canceled: boolean; filePath?: unknown }>;
}

/** The native file dialogs the backend may ask for (desktop only): a path, or null when the leader cancels. */
export interface NativeDialogs {
  choose(what: PathChoice, near?: string): Promise<string | null>;
}

const DATABASE_FILES = [{ name: 'Tilsyn-database', extensions: ['db', 'sqlite', 'sqlite3'] }];
const MAX_PATH = 4096;

/**
 * What a dialog answers is checked like any input from outside: one absolute path without control characters, of
 * what was asked for (an existing file, a new file in an existing folder, an existing folder). Anything else is
 * treated as no choice, so a strange answer never reaches the database switch or the file writer.
 */
export function chosenPath(what: PathChoice, answer: unknown): string | null {
  if (typeof answer !== 'string' || answer.length === 0 || answer.length > MAX_PATH) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a path with control characters is refused
  if (/[\u0000-\u001f]/.test(answer) || !isAbsolute(answer)) return null;
  const path = normalize(answer);
  const stat = existsSync(path) ? statSync(path) : undefined;
  if (what === 'mappe') return stat?.isDirectory() ? path : null;
  if (what === 'database') return stat?.isFile() ? path : null;
  // A new file: its folder exists, and it is not a folder itself (an existing file is the save dialog's own
  // »replace?« question, and the database switch then opens it as it is).
  return !stat?.isDirectory() && existsSync(dirname(path)) && statSync(dirname(path)).isDirectory() ? path : null;
}

/** The dialogs as Electron shows them, over the window asking (`windowOf`). */
export function createNativeDialogs(dialog: DialogLike, windowOf: () => unknown): NativeDialogs {
  return {
    async choose(what, near) {
      const window = windowOf();
      if (what === 'ny_database') {
        const answer = await dialog.showSaveDialog(window, {
          title: 'Opret en ny Tilsyn-fil',
          defaultPath: near ?? 'tilsyn.db',
          filters: DATABASE_FILES,
        });
        return answer.canceled ? null : chosenPath(what, answer.filePath);
      }
      const answer = await dialog.showOpenDialog(
        window,
        what === 'mappe'
          ? { title: 'Vælg mappen til notaterne', properties: ['openDirectory', 'createDirectory'] }
          : { title: 'Åbn en Tilsyn-fil', properties: ['openFile'], filters: DATABASE_FILES },
      );
      const [first] = Array.isArray(answer.filePaths) ? answer.filePaths : [];
      return answer.canceled ? null : chosenPath(what, first);
    },
  };
}
