import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Server as NetServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type IpcEventLike, registerIpcHandlers } from '../../electron/ipc';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../electron/web-host';
import { BRIDGE_KEY, type TilsynBridge } from '../../shared/api/bridge';
import { ipcChannel } from '../../shared/api/channels';
import { METHOD_NAMES } from '../../shared/api/contract';
import { openTestApi } from '../support/api';
import { dial, nonLoopbackAddresses } from '../support/host-process';
import { makeTempDir, validTilsynInput } from '../support/temp';

// The preload runs against a stand-in for Electron that records what it exposes and invokes.
const exposed: Record<string, unknown> = {};
const invoked: { channel: string; input: unknown }[] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return { ok: true, value: null };
    },
  },
}));

const temp = makeTempDir();
const staticDir = join(temp.dir, 'renderer');
let host: WebHost;
/** The socket server the host listens with, caught as it calls listen(): its address() is what the OS bound. */
let hostServer: NetServer;

beforeAll(async () => {
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<html><head><meta name="tilsyn-token" content="" /></head></html>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
  const listen = vi.spyOn(NetServer.prototype, 'listen');
  try {
    host = await startWebHost({ dbPath: join(temp.dir, 'web.db'), port: 0, staticDir });
    expect(listen.mock.contexts).toHaveLength(1);
    hostServer = listen.mock.contexts[0] as NetServer;
  } finally {
    listen.mockRestore();
  }
});
afterAll(async () => {
  await host.close();
  temp.cleanup();
});

function post(method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(body),
  });
}

function fakeIpc() {
  const registered = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  return { registered, ipc: { handle: (channel: string, fn: never) => registered.set(channel, fn) } };
}

/** The backend as the desktop app starts it, on a file beside the host's. */
const electronBackend = (file: string) => openTestApi({ dir: temp.dir, file, mode: 'electron' });

const appFrame: IpcEventLike = { senderFrame: { url: 'app://tilsyn/index.html', parent: null } };

describe('every transport exposes exactly the contract', () => {
  it('IPC registers one channel per contract method and no other', () => {
    const backend = electronBackend('ipc.db');
    const { registered, ipc } = fakeIpc();
    registerIpcHandlers(ipc, backend.handlers);
    expect([...registered.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
    backend.close();
  });

  it('the preload exposes only invoke, and calls the channel the main process registered', async () => {
    await import('../../electron/preload');
    const bridge = exposed[BRIDGE_KEY] as TilsynBridge;
    expect(Object.keys(exposed)).toEqual([BRIDGE_KEY]);
    expect(Object.keys(bridge)).toEqual(['invoke']);
    for (const method of METHOD_NAMES) await bridge.invoke(method, {});
    expect(invoked.map((i) => i.channel)).toEqual(METHOD_NAMES.map(ipcChannel));
  });

  it('the browser host answers every contract method and only those', async () => {
    for (const method of METHOD_NAMES) {
      const res = await post(method, { ugyldig: true });
      expect(res.status, method).toBe(200);
      const body = await res.json();
      expect(body.error?.code, method).not.toBe('UNKNOWN_METHOD');
    }
    const unknown = await post('tilsyn.sletAlt', {});
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('UNKNOWN_METHOD');
  });
});

describe('IPC handlers', () => {
  it('refuse calls from any frame but the app’s own', async () => {
    const backend = electronBackend('ipc2.db');
    const { registered, ipc } = fakeIpc();
    registerIpcHandlers(ipc, backend.handlers);
    const create = registered.get(ipcChannel('tilsyn.create'));
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    const subFrame = { senderFrame: { url: 'app://tilsyn/index.html', parent: {} } };
    for (const event of [foreign, subFrame, { senderFrame: null }]) {
      expect(await create?.(event, validTilsynInput)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await create?.(appFrame, validTilsynInput)).toMatchObject({
      ok: true,
      value: { titel: validTilsynInput.titel },
    });
    backend.close();
  });

  it('validate input on the main side and answer in Danish', async () => {
    const backend = electronBackend('ipc3.db');
    const { registered, ipc } = fakeIpc();
    registerIpcHandlers(ipc, backend.handlers);
    const result = await registered.get(ipcChannel('tilsyn.create'))?.(appFrame, { ...validTilsynInput, titel: '' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Skriv en titel', fieldErrors: { titel: 'Skriv en titel' } },
    });
    expect(await registered.get(ipcChannel('tilsyn.get'))?.(appFrame, { id: 'DROP TABLE' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    backend.close();
  });
});

describe('browser host', () => {
  it('creates, lists and gets a tilsyn', async () => {
    const created = await (await post('tilsyn.create', validTilsynInput)).json();
    expect(created.ok).toBe(true);
    const list = await (await post('tilsyn.list', {})).json();
    expect(list.value.map((t: { id: number }) => t.id)).toContain(created.value.id);
    const missing = await (await post('tilsyn.get', { id: 424242 })).json();
    expect(missing.error).toEqual({ code: 'NOT_FOUND', message: 'Tilsynet findes ikke (det kan være slettet).' });
  });

  it('refuses API calls without the per-start token', async () => {
    const res = await post('tilsyn.list', {}, { [TOKEN_HEADER]: 'forkert' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/Adgang nægtet/);
  });

  it('refuses calls from another origin even with a token', async () => {
    const res = await post('tilsyn.list', {}, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.url}`, { headers: { Host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('answers a malformed body with a Danish error', async () => {
    const res = await fetch(`${host.url}api/tilsyn.create`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token },
      body: '{ikke json',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/kunne ikke læses/);
  });

  it('refuses a body with a »__proto__« key, which would otherwise be dropped without a word', async () => {
    // As a hand-made request sends it: JSON text, where »__proto__« is an ordinary key.
    const res = await fetch(`${host.url}api/kalibrering.opret`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{"skabelonVersionId":3,"titel":"Øvelse","beskrivelse":"Opdigtet","navn":"Lene","datoer":{"__proto__":"2026-01-01"}}',
    });
    const body = await res.json();
    expect(body.error).toMatchObject({
      code: 'VALIDATION',
      message: '»__proto__« kan ikke bruges som navn eller nøgle.',
      fieldErrors: { 'datoer.__proto__': '»__proto__« kan ikke bruges som navn eller nøgle.' },
    });
    const listed = await (await post('kalibrering.list', {})).json();
    expect(listed).toMatchObject({ ok: true, value: [] });
  });

  it('puts the token in the page and sends a strict CSP with every response', async () => {
    const res = await fetch(host.url);
    expect(await res.text()).toContain(`content="${host.token}"`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves the renderer’s files but nothing outside its folder', async () => {
    expect((await fetch(`${host.url}app.js`)).status).toBe(200);
    expect((await fetch(`${host.url}..%2Fweb.db`)).status).toBe(404);
    expect((await fetch(`${host.url}%2e%2e/web.db`)).status).toBe(404);
  });

  it('listens on loopback only: bound to 127.0.0.1, unreachable through every other address of this machine', async () => {
    const bound = hostServer.address() as AddressInfo;
    expect(bound).toEqual({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    expect(host.url).toBe(`http://127.0.0.1:${bound.port}/`);
    expect(await dial('127.0.0.1', host.port)).toBe('accepted');
    const others = nonLoopbackAddresses();
    for (const address of others) expect(await dial(address, host.port), address).toBe('ECONNREFUSED');
    console.log(`Loopback: the host refused connections on ${others.length} non-loopback addresses.`);
  });

  it('would be caught listening on every interface: a server on 0.0.0.0 is reachable from outside loopback', async () => {
    // The check above has teeth: the same dials reach a server bound the way the host must never be.
    const open = new NetServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => open.listen(0, '0.0.0.0', resolve));
    try {
      const { address, port } = open.address() as AddressInfo;
      expect(address).not.toBe('127.0.0.1');
      const ipv4 = nonLoopbackAddresses().filter((a) => !a.includes(':'));
      for (const other of ipv4) expect(await dial(other, port), other).toBe('accepted');
    } finally {
      await new Promise((resolve) => open.close(resolve));
    }
  });
});
