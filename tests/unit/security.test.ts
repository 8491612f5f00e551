import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  isAllowedExternalUrl,
  isAppUrl,
  isTrustedSender,
  mimeTypeFor,
  rendererFileForUrl,
} from '../../electron/security';

describe('navigation policy', () => {
  it.each([
    ['app://tilsyn/index.html', true],
    ['app://tilsyn/', true],
    ['app://tilsyn/index.html#/tilsyn/3', true],
    ['app://other/index.html', false],
    ['https://tilsyn/index.html', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['http://127.0.0.1:4870/', false],
    ['javascript:alert(1)', false],
    ['app://user:pw@tilsyn/', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAppUrl(url)).toBe(allowed);
  });
});

describe('IPC sender check', () => {
  it('answers the app’s own top frame', () => {
    expect(isTrustedSender('app://tilsyn/index.html', true)).toBe(true);
  });
  it('refuses a sub-frame, even of the app', () => {
    expect(isTrustedSender('app://tilsyn/index.html', false)).toBe(false);
  });
  it('refuses any other origin and a missing frame', () => {
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('renderer files', () => {
  it('maps app URLs to files in the renderer folder', () => {
    expect(rendererFileForUrl('app://tilsyn/')).toBe('index.html');
    expect(rendererFileForUrl('app://tilsyn/assets/index-abc.js')).toBe('assets/index-abc.js');
  });
  it('refuses paths that try to leave the renderer folder', () => {
    expect(rendererFileForUrl('app://tilsyn/..%2F..%2Fmain.cjs')).toBeUndefined();
    // The URL parser resolves dot segments itself, so they can never climb above the root.
    expect(rendererFileForUrl('app://tilsyn/assets/%2e%2e/%2e%2e/%2e%2e/secret')).toBe('secret');
    expect(rendererFileForUrl('app://tilsyn/a%00b')).toBeUndefined();
    expect(rendererFileForUrl('app://tilsyn/..%5C..%5CUsers%5Clene%5Ctilsyn.db')).toBeUndefined();
    expect(rendererFileForUrl('app://tilsyn/assets%5Cx.js')).toBeUndefined();
    expect(rendererFileForUrl('https://tilsyn/index.html')).toBeUndefined();
  });
  it('serves scripts, styles and fonts with their types', () => {
    expect(mimeTypeFor('a.js')).toMatch(/javascript/);
    expect(mimeTypeFor('a.CSS')).toMatch(/text\/css/);
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.exe')).toBe('application/octet-stream');
  });
});

describe('content security policy', () => {
  it('allows no inline or eval’d script and no remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
  });
  it('the meta tag carries the same policy, less what only a header can say', () => {
    expect(CONTENT_SECURITY_POLICY_META).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});

describe('external links', () => {
  it('opens only https links to known public authorities', () => {
    expect(isAllowedExternalUrl('https://www.retsinformation.dk/eli/lta/2024/1')).toBe(true);
    expect(isAllowedExternalUrl('http://www.retsinformation.dk/')).toBe(false);
    expect(isAllowedExternalUrl('https://retsinformation.dk.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
  });
});
