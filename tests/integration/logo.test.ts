import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/backend/services/pdf';
import type { ApiClient } from '../../shared/api/client';
import { containsCpr } from '../../shared/domain/cpr';
import { hookTestApi } from '../support/hooks';
import { isPdf } from '../support/pdf-text';

// Issue #11: the logo was stored as sent, so a CPR number could ride along in a PNG text chunk, a JPEG comment or
// EXIF, or an SVG <text>. Now the picture is kept and everything else is taken out; an SVG's texts are checked.

const backend = hookTestApi('each', { file: 'logo.db' });
/** pdfmake's own reading of an SVG's size, as the reports measure a logo. */
const PdfmakeSvgMeasure = createRequire(import.meta.url)('pdfmake/js/SVGMeasure').default as new () => {
  measureSVG(svg: string): { width?: number; height?: number };
};
const api: ApiClient = backend.api;

// An 8×8 picture (red with a blue square) as Chromium's canvas encodes it (the JPEG with an sRGB ICC profile).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAANklEQVR4AayOwQkAMAgDD2dy/wncqX0ZWh/6UQhCuJBYwOlkDCfACV5lTkAa9S8C/wJX01hxAQAA//+iGdHAAAAABklEQVQDAIb/FmnoPtpPAAAAAElFTkSuQmCC',
  'base64',
);
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAA' +
    'ABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1' +
    'AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAP' +
    'KnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/' +
    '2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQ' +
    'kUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAA' +
    'AAAAAAAAAAAAAAAAAAj/xAAbEAEAAAcAAAAAAAAAAAAAAAAAFiUyUmWCkv/EABUBAQEAAAAAAAAAAAAAAAAAAAcI/8QAIhEAAQIFBAMAAAAAAA' +
    'AAAAAAAhESAAETISIDBAUjFBVB/9oADAMBAAIRAxEAPwCM5vEeJ0s6qAHfI8j7Cj0hp0wEMBa5q5nebjJcisqStF+bDYeDW7j1KhkeZOa5MRtJ' +
    'AkmI/L3j/9k=',
  'base64',
);

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function jpegSegment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

const dataUrl = (type: string, bytes: Buffer) => `data:image/${type};base64,${bytes.toString('base64')}`;
const SETTINGS = { kommune: 'Eksempel Kommune', forvaltning: 'Børn og Unge', minCell: 3 };

async function saved(logo: string): Promise<Buffer> {
  const settings = await api.call('indstillinger.gem', { ...SETTINGS, logo });
  const stored = await api.call('indstillinger.get');
  expect(stored.logo).toBe(settings.logo);
  return Buffer.from(stored.logo?.split(',')[1] ?? '', 'base64');
}

/** Every byte stored in the file's settings, as Latin-1 text and decoded from base64: what could be read back. */
function storedSettingsText(): string {
  const rows = backend.db.sqlite.prepare('SELECT vaerdi FROM indstilling').pluck().all() as string[];
  return rows
    .map((r) => {
      const url = /base64,([A-Za-z0-9+/=]+)/.exec(r)?.[1];
      return url ? Buffer.from(url, 'base64').toString('latin1') : r;
    })
    .join('\n');
}

describe('a raster logo keeps its picture and nothing else', () => {
  it('drops a PNG’s text chunks (plain, compressed, international) and EXIF: the same picture remains', async () => {
    const ihdrEnd = 8 + 25;
    const withText = Buffer.concat([
      PNG.subarray(0, ihdrEnd),
      pngChunk('tEXt', Buffer.from('Comment\0Barnets CPR 010190-1234', 'latin1')),
      pngChunk('iTXt', Buffer.from('Title\0\0\0da\0\0Mor 020290 5678', 'utf8')),
      pngChunk('zTXt', Buffer.from('Author\0\0x', 'latin1')),
      pngChunk('eXIf', Buffer.from('MM\0*0303901234')),
      PNG.subarray(ihdrEnd),
    ]);
    const clean = await saved(dataUrl('png', withText));
    expect(clean.equals(PNG)).toBe(true);
    expect(containsCpr(storedSettingsText())).toBe(false);
    expect(storedSettingsText()).not.toMatch(/020290|0303901234/);
    // Text put into a chunk that draws the picture (a palette) is still found.
    const inPalette = Buffer.concat([
      PNG.subarray(0, ihdrEnd),
      pngChunk('PLTE', Buffer.from('CPR 010190-1234 ', 'latin1')),
      PNG.subarray(ihdrEnd),
    ]);
    await expect(api.call('indstillinger.gem', { ...SETTINGS, logo: dataUrl('png', inPalette) })).rejects.toMatchObject(
      {
        fieldErrors: { logo: expect.stringMatching(/^Logoet indeholder tekst, der ligner et CPR-nummer/) },
      },
    );
  });

  it('drops a JPEG’s comments, EXIF and ICC profile text; the result still prints in a PDF', async () => {
    const withText = Buffer.concat([
      JPEG.subarray(0, 2),
      jpegSegment(0xe1, Buffer.from('Exif\0\0ImageDescription 010190-1234')),
      jpegSegment(0xfe, Buffer.from('Sagsbehandler: Anna, barnet 020290 5678')),
      JPEG.subarray(2),
    ]);
    // And a comment after the picture, where a simple reader would not look.
    const tail = Buffer.concat([
      withText.subarray(0, withText.length - 2),
      jpegSegment(0xfe, Buffer.from('0303901234')),
      withText.subarray(withText.length - 2),
    ]);
    const clean = await saved(dataUrl('jpeg', tail));
    expect(clean.subarray(0, 4).equals(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(clean.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
    expect(clean.includes(Buffer.from([0xff, 0xfe]))).toBe(false);
    expect(containsCpr(storedSettingsText())).toBe(false);
    expect(storedSettingsText()).not.toMatch(/Anna|020290|0303901234/);
    const pdf = await renderPdf({ content: [{ image: dataUrl('jpeg', clean), width: 40 }] });
    expect(isPdf(pdf)).toBe(true);
  });

  it('refuses a file that is not the picture it says it is, and keeps the logo saved before', async () => {
    await saved(dataUrl('png', PNG));
    const cut = PNG.subarray(0, PNG.length - 12);
    for (const logo of [
      dataUrl('png', Buffer.from('<svg><text>hej</text></svg>')),
      dataUrl('png', cut),
      dataUrl('jpeg', PNG),
      dataUrl('jpeg', JPEG.subarray(0, 200)),
      dataUrl('svg+xml', PNG),
      dataUrl('svg+xml', Buffer.from('<html><body>ikke et logo</body></html>')),
    ]) {
      await expect(api.call('indstillinger.gem', { ...SETTINGS, logo })).rejects.toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { logo: expect.stringMatching(/^Logoet kan ikke læses som billede/) },
      });
    }
    expect((await api.call('indstillinger.get')).logo).toBe(dataUrl('png', PNG));
  });
});

describe('an SVG logo is read like any text', () => {
  const svg = (body: string) =>
    dataUrl('svg+xml', Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 80">${body}</svg>`));

  it('is refused when a text, a comment, a title or an attribute holds a CPR-like number, also split', async () => {
    for (const body of [
      '<text x="10" y="40">Barn 010190-1234</text>',
      '<text><tspan>0101 90</tspan><tspan>1234</tspan></text>',
      '<!-- 01.01.90-1234 -->',
      '<title>&#48;101901234</title>',
      '<rect id="x010190-1234" width="10" height="10"/>',
      '<text>０１０１９０１２３４</text>',
      '<path d="M 0101901234 L 10 10"/>',
      '<rect aria-label="010190 1234 1" width="10" height="10"/>',
      '<x0101901234/>',
      '<rect data-0101901234="1"/>',
      // Drawn in another order than written: »010190- 1234« on the page.
      '<text x="80">1234</text><text x="0">010190-</text>',
    ]) {
      await expect(api.call('indstillinger.gem', { ...SETTINGS, logo: svg(body) }), body).rejects.toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { logo: expect.stringMatching(/^Logoet \(SVG\) indeholder tekst, der ligner et CPR-nummer/) },
      });
    }
    expect((await api.call('indstillinger.get')).logo).toBeNull();
  });

  it('is refused with an embedded picture, a CPR outside the root, or nesting no logo has', async () => {
    const embedded = `<image href="data:image/png;base64,${PNG.toString('base64')}" width="8" height="8"/>`;
    const cases: [string, RegExp][] = [
      [svg(embedded), /indeholder et indlejret billede/],
      [svg('<use href="https://example.org/logo.svg#a"/>'), /indeholder et indlejret billede/],
    ];
    const afterRoot = (tail: string) =>
      dataUrl('svg+xml', Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>${tail}`));
    cases.push([afterRoot('<!-- 010190-1234 -->'), /ligner et CPR-nummer/]);
    cases.push([afterRoot('<?note 010190-1234?>'), /ligner et CPR-nummer/]);
    const deep = `${'<g>'.repeat(5000)}${'</g>'.repeat(5000)}`;
    cases.push([svg(deep), /^Logoet kan ikke læses som billede/]);
    for (const [logo, message] of cases) {
      await expect(api.call('indstillinger.gem', { ...SETTINGS, logo })).rejects.toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { logo: expect.stringMatching(message) },
      });
    }
  });

  it('is refused without a size the reports can draw it at, and kept with one', async () => {
    const root = (attrs: string, name = 'svg') =>
      dataUrl(
        'svg+xml',
        Buffer.from(`<${name} xmlns="http://www.w3.org/2000/svg" ${attrs}><rect width="9" height="9"/></${name}>`),
      );
    const refused = [
      root(''),
      root('width="." height="."'),
      root('width="0" height="40"'),
      root('width="-10" height="40"'),
      root('viewBox="0 0 0 0"'),
      root('viewBox="0 0 240"'),
      root('viewBox="0 0 240 x"'),
      root('width="120" viewBox="0 0 240 0"'),
      root('width="120"'),
      // pdfmake splits the viewBox as it stands: a space before or after makes five parts, and it gives up.
      root('viewBox=" 0 0 100 50"'),
      root('viewBox="0 0 100 50 "'),
      root('viewBox="\n0 0 100 50\n"'),
      // A thread, not a picture; and a size in em or mm with no viewBox, which pdfmake would crop.
      root('width="1e-300" height="50"'),
      root('width="10em" height="5em"'),
      root('width="30mm" height="15mm"'),
      // A namespaced root, which pdfmake does not take for an SVG.
      dataUrl(
        'svg+xml',
        Buffer.from('<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="100" height="50"><svg:rect/></svg:svg>'),
      ),
    ];
    for (const logo of refused) {
      await expect(api.call('indstillinger.gem', { ...SETTINGS, logo }), logo).rejects.toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { logo: expect.stringMatching(/^Logoet \(SVG\) kan ikke tegnes i rapporterne/) },
      });
    }
    for (const attrs of [
      'width="240" height="80"',
      'viewBox="0 0 240 80"',
      'width="24mm" height="8mm" viewBox="0 0 240 80"',
      'viewBox="0,0,240,80"',
      'width="100px" height="50px"',
      'width="100" height="50" viewBox="0 0 100"',
      'viewBox="0 0 100px 50px"',
      'width="1e2" height="50"',
    ]) {
      expect(dataUrl('svg+xml', await saved(root(attrs))), attrs).toBe(root(attrs));
      // As the reports will measure it: pdfmake's own reading gives a positive size.
      const svg = Buffer.from(root(attrs).split(',')[1] ?? '', 'base64').toString('utf8');
      const size = new PdfmakeSvgMeasure().measureSVG(svg);
      expect(size.width, attrs).toBeGreaterThan(0);
      expect(size.height, attrs).toBeGreaterThan(0);
    }
  });

  it('keeps a real logo whose drawing is full of numbers', async () => {
    const body =
      '<rect x="10" y="10" width="90" height="12" rx="34" stroke-dasharray="10 10 90 12 34"/>' +
      '<path d="M10.19 12.34 L20 58 L40 18 Z M0 101 L90 12 Z" transform="translate(10 10) scale(0.9)"/>' +
      '<polygon points="10,10 90,12 34,56"/><text x="92" y="36">Eksempel Kommune</text>' +
      // What drawing programs write around a logo: not printed, so its digits do not count.
      '<!-- Generator: Adobe Illustrator 24.1.2, SVG Export Plug-In . SVG Version: 6.00 Build 0) -->' +
      '<style>.a{fill:#1f3a5f;stroke-width:0.75px}.b{fill:#203040}</style><text>Kommune 2026</text>';
    const logo = svg(body);
    const clean = await saved(logo);
    expect(dataUrl('svg+xml', clean)).toBe(logo);
  });
});
