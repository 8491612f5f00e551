import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../../shared/api/channels';
import { METHOD_NAMES } from '../../shared/api/contract';
import { makeTempDir } from '../support/temp';

// Electron's binary is missing on these machines, so electron/main.ts runs here against a recording
// stand-in for the 'electron' module: the test proves the shell wires up the security settings.
const temp = makeTempDir('tilsyn-main-');
const rec = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  protocolHandler: undefined as undefined | ((req: Request) => Promise<Response>),
  privilegedSchemes: [] as unknown[],
  ipcChannels: [] as string[],
  ipcHandlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  openDialog: (_options: unknown): { canceled: boolean; filePaths: unknown } => ({ canceled: true, filePaths: [] }),
  saveDialog: (_options: unknown): { canceled: boolean; filePath?: unknown } => ({ canceled: true }),
  dialogCalls: [] as { kind: string; options: unknown }[],
  permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
  beforeRequest: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  switches: [] as string[][],
  sandboxEnabled: false,
  menuLabels: [] as string[],
  userData: '',
  dialogAnswer: (_args: unknown[]): number => 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
    static fromWebContents = () => null;
    constructor(public options: Record<string, unknown>) {
      rec.windows.push({ options });
    }
    once() {}
    async loadURL(url: string) {
      const last = rec.windows[rec.windows.length - 1];
      if (last) last.url = url;
    }
  }
  return {
    BrowserWindow,
    Menu: {
      buildFromTemplate: (t: { label?: string }[]) => {
        rec.menuLabels = t.map((m) => m.label ?? '');
        return t;
      },
      setApplicationMenu: () => {},
    },
    app: {
      enableSandbox: () => {
        rec.sandboxEnabled = true;
      },
      commandLine: { appendSwitch: (...args: string[]) => rec.switches.push(args) },
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (event: string, fn: (...args: unknown[]) => void) => rec.appHandlers.set(event, fn),
      getPath: () => rec.userData,
      getVersion: () => '0.0.0-test',
      quit: () => {},
      exit: () => {},
    },
    dialog: {
      showErrorBox: () => {},
      showMessageBoxSync: (...args: unknown[]) => rec.dialogAnswer(args),
      showOpenDialog: async (_window: unknown, options: unknown) => {
        rec.dialogCalls.push({ kind: 'open', options });
        return rec.openDialog(options);
      },
      showSaveDialog: async (_window: unknown, options: unknown) => {
        rec.dialogCalls.push({ kind: 'save', options });
        return rec.saveDialog(options);
      },
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => {
        rec.ipcChannels.push(channel);
        rec.ipcHandlers.set(channel, fn);
      },
    },
    net: { fetch: async (url: string) => new Response(readFileSync(fileURLToPath(url))) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => rec.privilegedSchemes.push(...s),
      handle: (_scheme: string, fn: (req: Request) => Promise<Response>) => {
        rec.protocolHandler = fn;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => {
          rec.permissionRequest = fn;
        },
        setPermissionCheckHandler: (fn: (...args: unknown[]) => boolean) => {
          rec.permissionCheck = fn;
        },
        webRequest: {
          onBeforeRequest: (fn: typeof rec.beforeRequest) => {
            rec.beforeRequest = fn;
          },
        },
      },
    },
    shell: { openExternal: vi.fn() },
  };
});

beforeAll(async () => {
  rec.userData = join(temp.dir, 'userData');
  await import('../../electron/main');
  await vi.waitFor(() => expect(rec.windows[0]?.url).toBeDefined());
});
afterAll(() => {
  rec.appHandlers.get('will-quit')?.();
  temp.cleanup();
});

describe('the Electron shell', () => {
  it('opens one window with isolation, sandbox and no Node in the page', () => {
    const prefs = rec.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(rec.sandboxEnabled).toBe(true);
  });

  it('loads the renderer from its own app:// scheme and shows the database file in the title', () => {
    expect(rec.windows[0]?.url).toBe('app://tilsyn/index.html');
    expect(rec.windows[0]?.options.title).toBe(`Tilsyn – ${join(rec.userData, 'tilsyn.db')}`);
    expect(rec.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('registers an IPC handler for every contract method and nothing else', () => {
    expect(rec.ipcChannels.sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
  });

  it('shows the native dialogs through the seam, and checks what they answer like any input', async () => {
    const call = (input: unknown) =>
      rec.ipcHandlers.get(ipcChannel('app.vaelgSti'))?.(
        { senderFrame: { url: 'app://tilsyn/index.html', parent: null } },
        input,
      ) as Promise<{ ok: boolean; value?: { sti: string | null }; error?: { code: string } }>;
    const folder = join(temp.dir, 'Notater');
    mkdirSync(folder);
    rec.openDialog = () => ({ canceled: false, filePaths: [folder] });
    expect(await call({ hvad: 'mappe' })).toEqual({ ok: true, value: { sti: folder } });
    expect(rec.dialogCalls.at(-1)).toMatchObject({
      kind: 'open',
      options: { title: 'Vælg mappen til notaterne', properties: ['openDirectory', 'createDirectory'] },
    });
    // A folder answered for a file, a relative path, a control character or a strange answer: no choice.
    rec.openDialog = () => ({ canceled: false, filePaths: [folder] });
    expect((await call({ hvad: 'database' })).value).toEqual({ sti: null });
    for (const odd of [['Notater'], [`${folder}\u0000x`], [42], 'ikke en liste', []]) {
      rec.openDialog = () => ({ canceled: false, filePaths: odd });
      expect((await call({ hvad: 'mappe' })).value).toEqual({ sti: null });
    }
    rec.openDialog = () => ({ canceled: true, filePaths: [folder] });
    expect((await call({ hvad: 'mappe' })).value).toEqual({ sti: null });
    // A new file is suggested beside the open one, and must lie in a folder that exists.
    rec.saveDialog = () => ({ canceled: false, filePath: join(folder, 'team-nord.db') });
    expect((await call({ hvad: 'ny_database' })).value).toEqual({ sti: join(folder, 'team-nord.db') });
    expect(rec.dialogCalls.at(-1)).toMatchObject({
      kind: 'save',
      options: { defaultPath: join(rec.userData, 'tilsyn-ny.db') },
    });
    rec.saveDialog = () => ({ canceled: false, filePath: join(folder, 'findes-ikke', 'x.db') });
    expect((await call({ hvad: 'ny_database' })).value).toEqual({ sti: null });
    // The input is validated on the main side before any dialog is shown.
    const shown = rec.dialogCalls.length;
    expect(await call({ hvad: 'alt' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(rec.dialogCalls).toHaveLength(shown);
  });

  it('denies every permission request', () => {
    const callback = vi.fn();
    rec.permissionRequest?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(rec.permissionCheck?.({}, 'notifications')).toBe(false);
  });

  it('cancels every request that is not for the app’s own files', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      rec.beforeRequest?.({ url }, (r) => {
        cancel = r.cancel;
      });
      return cancel;
    };
    expect(decide('app://tilsyn/assets/index.js')).toBe(false);
    expect(decide('https://fonts.example.com/font.woff2')).toBe(true);
    expect(decide('http://127.0.0.1:4870/api/tilsyn.list')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('blob:app://tilsyn/1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBe(false); // a file being saved
    expect(decide('blob:https://evil.example/1b4e28ba')).toBe(true);
    expect(decide('app://other/x.js')).toBe(true);
  });

  it('serves renderer files with the strict CSP header, and nothing outside the folder', async () => {
    // From source, main.ts serves ../renderer relative to electron/ (in the bundle: dist/renderer).
    const rendererDir = join(import.meta.dirname, '..', '..', 'renderer');
    const ok = await rec.protocolHandler?.(new Request('app://tilsyn/index.html'));
    expect(ok?.status).toBe(200);
    expect(ok?.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await ok?.text()).toBe(readFileSync(join(rendererDir, 'index.html'), 'utf8'));
    const escaped = await rec.protocolHandler?.(new Request('app://tilsyn/..%2F..%2Fpackage.json'));
    expect(escaped?.status).toBe(404);
    const missing = await rec.protocolHandler?.(new Request('app://tilsyn/findes-ikke.js'));
    expect(missing?.status).toBe(404);
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = Object.assign(new EventEmitter(), {
      windowOpenHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
      setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
        this.windowOpenHandler = fn;
      },
    });
    rec.appHandlers.get('web-contents-created')?.({}, contents);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('app://tilsyn/index.html#/tilsyn/1')).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://www.retsinformation.dk/' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('asks in Danish before closing while an edit is still being saved', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler() {} });
    rec.appHandlers.get('web-contents-created')?.({}, contents);
    const asked: unknown[][] = [];
    const close = (answer: number) => {
      rec.dialogAnswer = (args) => {
        asked.push(args);
        return answer;
      };
      const event = { preventDefault: vi.fn() };
      contents.emit('will-prevent-unload', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(close(0)).toBe(false); // "Bliv i Tilsyn": the window stays, the save finishes
    expect(close(1)).toBe(true); // "Luk alligevel"
    expect(JSON.stringify(asked[0])).toContain('Den seneste ændring er ikke gemt endnu.');
  });

  it('forces Danish locale and a Danish menu', () => {
    expect(rec.switches).toContainEqual(['lang', 'da-DK']);
    expect(rec.menuLabels).toEqual(expect.arrayContaining(['Filer', 'Rediger', 'Vis']));
  });
});
