import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './electron/security.ts';

const dkfdsCss = fileURLToPath(new URL('./node_modules/dkfds/dist/css/dkfds.min.css', import.meta.url));

export default defineConfig({
  root: 'renderer',
  base: './',
  // dkfds exports only its script; its stylesheet is reached by path.
  resolve: { alias: { 'dkfds.css': dkfdsCss } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Fonts and images as files, never inline data: for scripts.
    assetsInlineLimit: 0,
    target: 'chrome120',
    // One bundle read from the local disk (app:// or 127.0.0.1): size is not a download cost here.
    chunkSizeWarningLimit: 800,
  },
  plugins: [
    {
      name: 'tilsyn-csp',
      // One CSP source: the meta tag is written from the same constant the hosts send as a header.
      transformIndexHtml: (html) => html.replace('%TILSYN_CSP%', CONTENT_SECURITY_POLICY_META),
    },
  ],
});
