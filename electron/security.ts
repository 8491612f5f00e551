// Pure security policy for the Electron shell and the browser host; no 'electron' import, tested in Node.

/** The renderer is served from this privileged custom scheme in Electron, never from file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://tilsyn`;

/** Strict CSP: only the app's own files; no remote content, no inline or eval'd script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy as a <meta> tag can carry it (frame-ancestors is only honoured as a header). */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True only for pages of the app itself: navigation anywhere else is refused. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== undefined && u.protocol === `${APP_SCHEME}:` && u.host === 'tilsyn' && !u.username && !u.password;
}

/**
 * Requests the renderer may make: its own files, and blob: URLs it created itself (a file the leader
 * saves, e.g. an exported template). Everything else, remote or local, is cancelled.
 */
export function isAppRequestUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith(`blob:${APP_ORIGIN}/`) || url.startsWith('devtools:');
}

/** IPC calls are answered only when they come from the app's own top frame. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}

/**
 * The one place that decides whether a link may be opened outside the app (in the user's browser).
 * Only https links to public authorities' sites, e.g. the law on retsinformation.dk, are allowed.
 */
const EXTERNAL_HOSTS = [
  'retsinformation.dk',
  'www.retsinformation.dk',
  'ast.dk',
  'www.ast.dk',
  'star.dk',
  'www.star.dk',
];
export function isAllowedExternalUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== undefined && u.protocol === 'https:' && !u.username && !u.password && EXTERNAL_HOSTS.includes(u.hostname)
  );
}

/**
 * Maps an app:// URL to a file path relative to the renderer folder, or undefined when the URL
 * tries to escape it. Unknown paths fall back to index.html (the renderer routes by hash).
 */
export function rendererFileForUrl(url: string): string | undefined {
  const u = parse(url);
  if (!u || !isAppUrl(url)) return undefined;
  const path = decodeURIComponent(u.pathname);
  // A backslash is a separator on Windows, so "..\\" must not slip past the ".." check.
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((part) => part === '..')) return undefined;
  const relative = path.replace(/^\/+/, '');
  return relative === '' ? 'index.html' : relative;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export function mimeTypeFor(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot >= 0 && MIME_TYPES[fileName.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
