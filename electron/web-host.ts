import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import type { TilsynDatabase } from '../db/open';
import { SAGSLISTE_MAX_BASE64 } from '../shared/domain/population';
import { dispatch } from './backend/dispatch';
import { createBackendSession } from './backend/session';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from './security';
import { APP_VERSION } from './version';

export const TOKEN_HEADER = 'x-tilsyn-token';
const LOOPBACK = '127.0.0.1';
// A sagsliste of the largest size, base64-encoded, and the rest of the call.
const MAX_BODY_BYTES = SAGSLISTE_MAX_BASE64 + 1024 * 1024;

export interface WebHostOptions {
  dbPath: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  log?: (line: string) => void;
  /** The list of recently opened database files (see electron/backend/session.ts). */
  recentFile?: string;
  /** Create the folder of a new database file (the default file only; see electron/backend/session.ts). */
  createFolder?: boolean;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  db: TilsynDatabase;
  close(): Promise<void>;
}

/**
 * Browser mode: the same renderer and backend as the desktop app, served on loopback only.
 * Not a multi-user server: a per-start token in the page keeps other local pages out,
 * and the Host check stops DNS-rebinding pages.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const session = createBackendSession({
    dbPath: options.dbPath,
    mode: 'browser',
    version: APP_VERSION,
    recentFile: options.recentFile,
    createFolder: options.createFolder,
  });
  const { handlers } = session;
  const token = randomBytes(24).toString('hex');
  const indexHtml = readFileSync(join(options.staticDir, 'index.html'), 'utf8').replace(
    '<meta name="tilsyn-token" content="" />',
    `<meta name="tilsyn-token" content="${token}" />`,
  );
  const log = options.log ?? (() => {});
  let port = options.port;

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      log(`Uventet fejl: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Uventet fejl.' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const pathname = decodePath(url.pathname);
    if (pathname === undefined) {
      // Malformed percent-encoding (`/%E0%A4%A`, `/api/%ZZ`) is the request's fault, not the host's.
      sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Ugyldig adresse.' } });
      return;
    }
    if (pathname.startsWith('/api/')) {
      await handleApi(req, res, pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    await serveStatic(url.pathname, pathname, res);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    const origin = req.headers.origin;
    if (!hasToken(req.headers[TOKEN_HEADER]) || (origin !== undefined && !isAllowedOrigin(origin, port))) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Adgang nægtet. Genindlæs siden.' } });
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      sendJson(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'Forespørgslen kunne ikke læses (ugyldig eller for stor).' },
      });
      return;
    }
    const envelope = await dispatch(handlers, method, input, {
      onUnexpectedError: (m, err) =>
        log(`Fejl i ${m}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    });
    const status = !envelope.ok && envelope.error.code === 'UNKNOWN_METHOD' ? 404 : 200;
    sendJson(res, status, envelope);
  }

  async function serveStatic(raw: string, pathname: string, res: ServerResponse): Promise<void> {
    if (raw === '/' || raw === '/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(indexHtml);
      return;
    }
    const file = normalize(join(options.staticDir, pathname));
    if (!file.startsWith(normalize(options.staticDir) + sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const content = await readFile(file);
      res.writeHead(200, { 'Content-Type': mimeTypeFor(file), 'Cache-Control': 'no-cache' }).end(content);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Ikke fundet');
    }
  }

  function hasToken(value: string | string[] | undefined): boolean {
    if (typeof value !== 'string' || value.length !== token.length) return false;
    return timingSafeEqual(Buffer.from(value), Buffer.from(token));
  }

  try {
    await listen(server, options.port);
  } catch (err) {
    session.close();
    throw err;
  }
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    token,
    get db() {
      return session.db;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          session.close();
          resolve();
        });
      }),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(new Error(`Porten ${port} er allerede i brug. Vælg en anden med --port.`));
      } else reject(err);
    });
    server.listen(port, LOOPBACK, () => resolve());
  });
}

/** The path with its percent-encoding undone; undefined when the encoding is malformed. */
function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

function isAllowedOrigin(origin: string, port: number): boolean {
  return origin === `http://${LOOPBACK}:${port}` || origin === `http://localhost:${port}`;
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
