import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/** Starts the built browser-mode host (as `npm start` does) on a free port against `dbPath`. */
export async function startHostProcess(dbPath: string, extraArgs: string[] = []): Promise<HostProcess> {
  if (!existsSync(WEB_HOST_BUNDLE)) throw new Error('Byg først appen med: npm run build');
  const child = spawn(process.execPath, [WEB_HOST_BUNDLE, '--db', dbPath, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The list of recent files goes to a settings folder beside the test's database, not the user's own.
    env: { ...process.env, XDG_CONFIG_HOME: join(dirname(dbPath), 'indstillinger') },
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
