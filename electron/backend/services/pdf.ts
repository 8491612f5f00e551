import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { loadPdfmake, packageDir } from './lazy-modules';

/**
 * Turns a pdfmake document definition into a PDF in plain Node (the backend; no browser, no Electron).
 *
 * The Roboto fonts ship with pdfmake. The access policies deny every URL and every local file except these four font
 * files (a logo arrives as a data URL, which needs neither). pdfmake stays external to the esbuild bundle, so its
 * folder is found through the module resolver, which works the same from the sources (vitest) and from
 * dist/electron/*.cjs (also inside an asar archive).
 */

type Pdfmake = typeof pdfmakeModule;
let configured: Pdfmake | undefined;

/** pdfmake, loaded (lazy-modules.ts) and configured the first time a PDF is made. */
function configuredPdfmake(): Pdfmake {
  if (!configured) {
    configured = loadPdfmake();
    configure(configured);
  }
  return configured;
}

const pdfmakeDir = () => packageDir('pdfmake');

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlText = (v: string) =>
  v
    // biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 does not allow are removed.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);

/**
 * PDFKit writes the title, author and subject into the XMP metadata without escaping them: »Børn & Unge« made the
 * XMP invalid (and the PDF/A claim false), and a title could add elements to it. The XMP is written from escaped
 * copies; the document information dictionary keeps the values as they are.
 */
function escapeXmpMetadata(): void {
  const PDFKit = createRequire(join(pdfmakeDir(), 'package.json'))('pdfkit') as {
    prototype: { _addInfo?: (this: { info: Record<string, unknown> }) => void };
  };
  const original = PDFKit.prototype._addInfo;
  if (typeof original !== 'function') return;
  PDFKit.prototype._addInfo = function (this: { info: Record<string, unknown> }) {
    const info = this.info;
    this.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === 'string' ? xmlText(v) : v]));
    try {
      original.call(this);
    } finally {
      this.info = info;
    }
  };
}

/** The root tag svgDocument (shared/charts/svg.ts) writes: size and viewBox as plain numbers, in this order. */
const CHART_ROOT =
  /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="([\d.]+)" height="([\d.]+)" viewBox="0 0 [\d.]+ [\d.]+"/;

interface SvgMeasure {
  measureSVG(svg: unknown): { width?: number; height?: number };
  writeDimensions(svg: unknown, dimensions: { width: number; height: number }): unknown;
}

/**
 * pdfmake parses every SVG twice with an XML parser, only to read and then rewrite the root's width and height, and
 * prints it back out before svg-to-pdfkit parses it a third time: about 120 ms of the committee report's 22 charts
 * (issue #18). The app's own charts have a root tag of one known form, so their size is read and written on that
 * tag alone; any other SVG (a logo the leader chose) goes through pdfmake's own code.
 */
function measureChartsOnTheirRoot(): void {
  const SVGMeasure = createRequire(join(pdfmakeDir(), 'package.json'))('./js/SVGMeasure').default as {
    prototype: SvgMeasure;
  };
  const { measureSVG, writeDimensions } = SVGMeasure.prototype;
  SVGMeasure.prototype.measureSVG = function (this: SvgMeasure, svg: unknown) {
    const root = typeof svg === 'string' ? CHART_ROOT.exec(svg) : null;
    if (!root) return measureSVG.call(this, svg);
    return { width: Number(root[1]), height: Number(root[2]) };
  };
  SVGMeasure.prototype.writeDimensions = function (this: SvgMeasure, svg: unknown, size) {
    const root = typeof svg === 'string' ? CHART_ROOT.exec(svg) : null;
    if (!root) return writeDimensions.call(this, svg, size);
    // The viewBox stays: the chart is scaled to the size it is given, as pdfmake's own code does.
    const tag = root[0].replace(/ width="[\d.]+" height="[\d.]+"/, ` width="${size.width}" height="${size.height}"`);
    return tag + (svg as string).slice(root[0].length);
  };
}

function configure(pdfmake: Pdfmake): void {
  const dir = join(pdfmakeDir(), 'fonts', 'Roboto');
  const files = {
    normal: join(dir, 'Roboto-Regular.ttf'),
    bold: join(dir, 'Roboto-Medium.ttf'),
    italics: join(dir, 'Roboto-Italic.ttf'),
    bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
  };
  const allowed = new Set(Object.values(files).map((f) => resolve(f)));
  const fonts: TFontDictionary = { Roboto: files };
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(resolve(path)));
  escapeXmpMetadata();
  measureChartsOnTheirRoot();
}

/**
 * What every PDF of the app is, as far as pdfmake (through PDFKit) can make it: PDF/A-2b for archiving (fonts embedded,
 * XMP metadata, an sRGB output intent), Danish as the document language, and the title shown in the viewer's window.
 * Not tagged: pdfmake writes no structure tree, and a PDF marked as tagged without one misleads screen readers.
 */
export const ARCHIVAL_PDF = {
  version: '1.7',
  subset: 'PDF/A-2b',
  language: 'da-DK',
  displayTitle: true,
  tagged: false,
} as const satisfies Partial<TDocumentDefinitions>;

/** The PDF bytes of a document definition. The default font is Roboto (regular, medium as bold, and italics). */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = configuredPdfmake();
  const definition: TDocumentDefinitions = {
    ...ARCHIVAL_PDF,
    ...doc,
    defaultStyle: { font: 'Roboto', ...doc.defaultStyle },
  };
  return pdfmake.createPdf(definition).getBuffer();
}

let warming: Promise<void> | undefined;

/**
 * Makes a small PDF once, in the background, so the first real one in a process does not also pay for loading
 * pdfmake, parsing the fonts and warming the code (about half a second). Called when the leader opens the screen
 * she makes PDFs from (Formidling asks for its publication checks first), never at start.
 */
export function warmPdf(): Promise<void> {
  warming ??= new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(() =>
      renderPdf({
        content: [
          { text: 'Tilsyn', bold: true },
          { text: 'Forberedelse', italics: true },
          { text: 'æøå ÆØÅ 0123456789 – » «' },
          {
            svg: '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/><text x="2" y="14">1 %</text></svg>',
          },
        ],
      }),
    )
    .then(
      () => undefined,
      () => undefined,
    );
  return warming;
}
