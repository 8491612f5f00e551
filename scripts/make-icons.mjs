// Renders the installer/app icons in build/ from renderer/public/icon.svg:
//   build/icon.png  1024x1024, transparent corners (macOS .icns and Linux icons are made from it by electron-builder)
//   build/icon.ico  16, 24, 32, 48, 64, 128 and 256 px, each rasterised from the SVG itself (Windows, NSIS, MSI)
// Usage: node scripts/make-icons.mjs  (needs Chromium; set CHROMIUM_PATH if it is not /usr/bin/chromium)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import pngToIco from 'png-to-ico';

const root = join(import.meta.dirname, '..');
const svgPath = join(root, 'renderer', 'public', 'icon.svg');
const outDir = join(root, 'build');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PNG_SIZE = 1024;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(
    `Chromium not found at ${CHROMIUM_PATH}; install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
  );
}

const svgDataUrl = `data:image/svg+xml;base64,${readFileSync(svgPath).toString('base64')}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

/** One PNG of the SVG at size x size device pixels, with a transparent background. */
async function render(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  try {
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img id="icon" src="${svgDataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => {
      const img = document.getElementById('icon');
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
    });
    return await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  } finally {
    await page.close();
  }
}

try {
  mkdirSync(outDir, { recursive: true });
  const png = await render(PNG_SIZE);
  writeFileSync(join(outDir, 'icon.png'), png);

  const icoImages = [];
  for (const size of ICO_SIZES) icoImages.push(await render(size));
  // An array input is written as-is (no resampling): one 32-bit BMP entry per size.
  writeFileSync(join(outDir, 'icon.ico'), await pngToIco(icoImages));

  console.log(`Wrote build/icon.png (${PNG_SIZE}px) and build/icon.ico (${ICO_SIZES.join(', ')}px)`);
} finally {
  await browser.close();
}
