import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { type ApiClient, createApiClient } from '../../shared/api/client';

const ROOT = join(import.meta.dirname, '..', '..');
export const WEB_HOST_BUNDLE = join(ROOT, 'dist', 'electron', 'web.cjs');

export interface HostProcess {
  url: string;
  child: ChildProcess;
  /** Everything the host printed so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface HostProcessOptions {
  /**
   * Run electron/web-cli.ts from the sources (through tsx) instead of the built bundle, so the test needs no
   * build and sees the code as it is now. It serves a stand-in page that carries only the token.
   */
  fromSource?: boolean;
}

const WEB_CLI_SOURCE = join(ROOT, 'electron', 'web-cli.ts');
// web-cli finds the page in `${__dirname}/../renderer`, a CommonJS name the bundle has and an ES module lacks.
const SET_DIRNAME = 'data:text/javascript,globalThis.__dirname=process.env.TILSYN_TEST_DIRNAME';

/** The node arguments that start the browser-mode host, and the environment it needs. */
function hostCommand(dbPath: string, options: HostProcessOptions): { args: string[]; env: NodeJS.ProcessEnv } {
  if (!options.fromSource) {
    if (!existsSync(WEB_HOST_BUNDLE)) throw new Error('Byg først appen med: npm run build');
    return { args: [WEB_HOST_BUNDLE], env: {} };
  }
  const stage = join(dirname(dbPath), 'vaert');
  mkdirSync(join(stage, 'renderer'), { recursive: true });
  writeFileSync(
    join(stage, 'renderer', 'index.html'),
    '<html><head><meta name="tilsyn-token" content="" /></head></html>',
  );
  return {
    args: ['--import', 'tsx', '--import', SET_DIRNAME, WEB_CLI_SOURCE],
    env: { TILSYN_TEST_DIRNAME: join(stage, 'electron') },
  };
}

/** Starts the browser-mode host (as `npm start` does) on a free port against `dbPath`. */
export async function startHostProcess(
  dbPath: string,
  extraArgs: string[] = [],
  options: HostProcessOptions = {},
): Promise<HostProcess> {
  const command = hostCommand(dbPath, options);
  const child = spawn(process.execPath, [...command.args, '--db', dbPath, '--port', '0', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The list of recent files goes to a settings folder beside the test's database, not the user's own.
    env: { ...process.env, ...command.env, XDG_CONFIG_HOME: join(dirname(dbPath), 'indstillinger') },
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Værten startede ikke:\n${out}`)), 15_000);
    const check = () => {
      const m = /browsertilstand på (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`Værten stoppede:\n${out}`));
    });
  });

  return {
    url,
    child,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** The page's per-start token, read from the page as the renderer reads it. */
export async function pageToken(host: HostProcess): Promise<string> {
  return /name="tilsyn-token" content="([a-f0-9]+)"/.exec(await (await fetch(host.url)).text())?.[1] ?? '';
}

/**
 * The typed API of the running host, over HTTP with the page's token, as the renderer calls it. Pass a getter
 * where the test restarts the host: each call goes to the host running then.
 */
export function hostApi(host: HostProcess | (() => HostProcess)): ApiClient {
  const current = typeof host === 'function' ? host : () => host;
  const tokens = new Map<string, Promise<string>>();
  return createApiClient(async (method, input) => {
    const { url } = current();
    const token = tokens.get(url) ?? pageToken(current());
    tokens.set(url, token);
    const res = await fetch(`${url}api/${method}`, {
      method: 'POST',
      headers: { 'x-tilsyn-token': await token },
      body: JSON.stringify(input),
    });
    return res.json();
  });
}

/**
 * This machine's addresses on other interfaces than loopback, as a client dials them (an IPv6 link-local address
 * with its interface as zone).
 */
export function nonLoopbackAddresses(): string[] {
  return Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
    (addresses ?? [])
      .filter((a) => !a.internal)
      .map((a) => (a.family === 'IPv6' && a.address.startsWith('fe80:') ? `${a.address}%${name}` : a.address)),
  );
}

/** Dials address:port over TCP: 'accepted', or the error code the operating system answered with. */
export function dial(address: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}
