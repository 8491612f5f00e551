import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
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
   * Bundle electron/web-cli.ts from the sources into the test's folder first, so the test needs no `npm run build`
   * and runs the code as it is now. The host serves a stand-in page that carries only the token.
   */
  fromSource?: boolean;
  /** Run the host as this user (needs root), e.g. to meet file permissions that root would ignore. */
  user?: { uid: number; gid: number };
}

/**
 * Loads the host's external packages as root, then becomes `user`. The checkout (and its node_modules) may sit in a
 * folder only root can enter, as a fresh clone in a private temp folder does; the packages must be loaded before
 * the switch. Placed beside the bundle, so the bundle's own `require`s resolve from the same paths and are served
 * from Node's module cache.
 */
function privilegeDropper(bundle: string): string {
  const path = join(dirname(bundle), 'drop-privileges.cjs');
  const packages = Object.keys(PACKAGE.dependencies).map((name) => `require(${JSON.stringify(name)});`);
  writeFileSync(
    path,
    [
      ...packages,
      // better-sqlite3 loads its native addon with the first connection.
      "new (require('better-sqlite3'))(':memory:').close();",
      'const uid = Number(process.env.TILSYN_TEST_UID), gid = Number(process.env.TILSYN_TEST_GID);',
      'process.setgroups([gid]); process.setgid(gid); process.setuid(uid);',
      '',
    ].join('\n'),
  );
  return path;
}

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/**
 * web-cli.ts bundled as `npm run build` bundles it, into `${stage}/electron/web.cjs` beside a stand-in page.
 * Bundled, the host starts in a second; run through tsx it loads every module of node_modules and takes four.
 */
async function bundleFromSource(stage: string): Promise<string> {
  const bundle = join(stage, 'electron', 'web.cjs');
  if (existsSync(bundle)) return bundle;
  mkdirSync(join(stage, 'renderer'), { recursive: true });
  writeFileSync(
    join(stage, 'renderer', 'index.html'),
    '<html><head><meta name="tilsyn-token" content="" /></head></html>',
  );
  await build({
    entryPoints: [join(ROOT, 'electron', 'web-cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // The production dependencies are the packages the app's bundles keep external (the packaging test holds
    // package.json to that); they are found through NODE_PATH. ES module builds first, as the app's build says.
    external: Object.keys(PACKAGE.dependencies),
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return bundle;
}

/** Starts the browser-mode host (as `npm start` does) on a free port against `dbPath`. */
export async function startHostProcess(
  dbPath: string,
  extraArgs: string[] = [],
  options: HostProcessOptions = {},
): Promise<HostProcess> {
  if (!options.fromSource && !existsSync(WEB_HOST_BUNDLE)) throw new Error('Byg først appen med: npm run build');
  const bundle = options.fromSource ? await bundleFromSource(join(dirname(dbPath), 'vaert')) : WEB_HOST_BUNDLE;
  const user = options.user;
  const preload = user ? ['-r', privilegeDropper(bundle)] : [];
  const child = spawn(process.execPath, [...preload, bundle, '--db', dbPath, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...(user ? { TILSYN_TEST_UID: String(user.uid), TILSYN_TEST_GID: String(user.gid) } : {}),
      NODE_PATH: join(ROOT, 'node_modules'),
      // The list of recent files goes to a settings folder beside the test's database, not the user's own.
      XDG_CONFIG_HOME: join(dirname(dbPath), 'indstillinger'),
    },
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
