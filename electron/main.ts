// The Electron shell: window, protocol, permissions and IPC wiring. Everything else lives in
// Node modules without an 'electron' import, so it is tested (and served in browser mode) without Electron.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { stageRestore } from '../db/backup';
import { DatabaseOpenError } from '../db/open';
import { type BackendSession, createBackendSession } from './backend/session';
import { parseStartArgs } from './cli-args';
import { createNativeDialogs } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { danishMenuTemplate } from './menu';
import { DATABASE_FILE_NAME, RECENT_FILE_NAME } from './paths';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAppRequestUrl,
  isAppUrl,
  mimeTypeFor,
  rendererFileForUrl,
} from './security';

const rendererDir = join(__dirname, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
// Danish date pickers and number formats whatever the language of the operating system.
app.commandLine.appendSwitch('lang', 'da-DK');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.whenReady().then(start);
}
app.on('window-all-closed', () => app.quit());

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The renderer asks to stay open while an edit is still being saved; Electron shows no dialog itself.
  contents.on('will-prevent-unload', (event) => {
    const window = BrowserWindow.fromWebContents(contents);
    const options = {
      type: 'question' as const,
      buttons: ['Bliv i Tilsyn', 'Luk alligevel'],
      defaultId: 0,
      cancelId: 0,
      title: 'Den seneste ændring gemmes stadig',
      message: 'Den seneste ændring er ikke gemt endnu.',
      detail: 'Bliv et øjeblik, så den bliver gemt. Lukker du alligevel, mister du den seneste ændring.',
    };
    const choice = window ? dialog.showMessageBoxSync(window, options) : dialog.showMessageBoxSync(options);
    if (choice === 1) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

/** The dialog's title when opening fails and a good copy is offered. */
const OPEN_ERROR_TITLES: Partial<Record<DatabaseOpenError['code'], string>> = {
  WAL_MISSING: 'Gemt arbejde kan mangle',
  WAL_NOT_THIS_FILE: 'Gemt arbejde kan mangle',
  MISSING: 'Databasefilen findes ikke',
};

async function start(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(1));
  const dbPath = args.dbPath ?? join(app.getPath('userData'), DATABASE_FILE_NAME);
  let backend: BackendSession;
  try {
    if (args.gendan) stageRestore(dbPath, args.gendan);
    backend = createBackendSession({
      dbPath,
      mode: 'electron',
      version: app.getVersion(),
      recentFile: join(app.getPath('userData'), RECENT_FILE_NAME),
      // A file chosen with --db must be in a folder that exists; only the default file's folder is made.
      createFolder: !args.dbPath,
      dialogs: createNativeDialogs(dialog, () => BrowserWindow.getFocusedWindow()),
    });
  } catch (err) {
    // A damaged, empty or unreadable file, or work possibly missing after a crash: offer the newest good copy;
    // nothing is replaced unless the leader says so.
    if (err instanceof DatabaseOpenError && err.newestGoodBackup) {
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        title: OPEN_ERROR_TITLES[err.code] ?? 'Databasen kan ikke bruges',
        message: err.message,
        buttons: ['Gendan sikkerhedskopien', 'Luk Tilsyn'],
        defaultId: 1,
        cancelId: 1,
      });
      if (choice === 0) {
        stageRestore(dbPath, err.newestGoodBackup.fileName);
        app.relaunch({ args: relaunchArgs() });
      }
    } else {
      dialog.showErrorBox('Tilsyn kan ikke åbne databasen', err instanceof Error ? err.message : String(err));
    }
    app.exit(1);
    return;
  }
  app.on('will-quit', () => backend.close());

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // No remote content: every request that is not the app's own is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppRequestUrl(details.url) });
  });

  protocol.handle(APP_SCHEME, async (request) => {
    const relative = rendererFileForUrl(request.url);
    if (!relative) return new Response('Ikke fundet', { status: 404 });
    try {
      const file = await net.fetch(pathToFileURL(join(rendererDir, relative)).toString());
      return new Response(file.body, {
        status: 200,
        headers: { 'Content-Type': mimeTypeFor(relative), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Ikke fundet', { status: 404 });
    }
  });

  registerIpcHandlers(ipcMain, withRelaunchAfterRestore(backend), {
    onUnexpectedError: (method, err) => console.error(`Fejl i ${method}:`, err),
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(danishMenuTemplate(process.platform) as Electron.MenuItemConstructorOptions[]),
  );

  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: `Tilsyn – ${backend.db.path}`,
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

/** The arguments to start again with: the same, without a --gendan that would stage the old choice again. */
function relaunchArgs(dbPath?: string): string[] {
  const argv = process.argv.slice(1);
  const skip = (a: string, prev: string | undefined, flag: string) =>
    a === flag || prev === flag || a.startsWith(`${flag}=`);
  const kept = argv.filter((a, i) => !skip(a, argv[i - 1], '--gendan') && !(dbPath && skip(a, argv[i - 1], '--db')));
  return dbPath ? [...kept, '--db', dbPath] : kept;
}

/**
 * A restore chosen in the app is applied when the file is opened next: start again at once, on the same file, so
 * nothing is typed in between that the restore would set aside.
 */
function withRelaunchAfterRestore(backend: BackendSession): BackendSession['handlers'] {
  return {
    ...backend.handlers,
    'sikkerhedskopi.gendan': async (input) => {
      const result = await backend.handlers['sikkerhedskopi.gendan'](input);
      const dbPath = backend.db.path;
      setTimeout(() => {
        app.relaunch({ args: relaunchArgs(dbPath) });
        app.quit();
      }, 1500);
      return { ...result, message: `${result.message} Tilsyn starter igen om et øjeblik.` };
    },
  };
}
