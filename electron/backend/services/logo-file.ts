// The municipality's logo (Indstillinger): an image file kept as a data URL and printed on every report. Before it
// is stored it is checked to be the image it says it is, and everything in it that is not the picture itself
// (text chunks, EXIF, comments, colour-profile names) is taken out, so no text rides along unseen; an SVG's own
// texts are read like any other text and refused when one holds a CPR-like number.
import { XmlCDataNode, XmlCommentNode, XmlDocument, XmlElement, type XmlNodeBase, XmlTextNode } from 'xmldoc';
import { ApiError } from '../../../shared/api/errors';
import { containsCpr, findCprNumbers } from '../../../shared/domain/cpr';
import { splitNumbers } from '../../../shared/domain/cpr-guard';

const refuse = (message: string) => new ApiError('VALIDATION', message, { logo: message });
const NOT_AN_IMAGE = 'Logoet kan ikke læses som billede. Vælg en PNG-, JPEG- eller SVG-fil.';

/** The logo as it is stored: the same picture, without what is not the picture; null stays null. */
export function cleanLogo(dataUrl: string | null): string | null {
  if (dataUrl === null) return null;
  const match = /^data:image\/(png|jpeg|svg\+xml);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!match?.[1] || !match[2]) throw refuse(NOT_AN_IMAGE);
  const type = match[1];
  const bytes = Buffer.from(match[2], 'base64');
  const clean = type === 'png' ? cleanPng(bytes) : type === 'jpeg' ? cleanJpeg(bytes) : checkSvg(bytes);
  // What is left is picture data; text put into it on purpose (a palette, a scan) is still found as text.
  if (type !== 'svg+xml' && findCprNumbers(clean.toString('latin1')).length > 0) throw refuse(TEXT_FOUND);
  return `data:image/${type};base64,${clean.toString('base64')}`;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The chunks that draw the picture; text (tEXt, zTXt, iTXt), EXIF, times and named ICC profiles are left out. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'pHYs', 'bKGD']);

function cleanPng(bytes: Buffer): Buffer {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw refuse(NOT_AN_IMAGE);
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  let first = true;
  let ended = false;
  while (at < bytes.length && !ended) {
    if (at + 12 > bytes.length) throw refuse(NOT_AN_IMAGE);
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length || (first && type !== 'IHDR')) throw refuse(NOT_AN_IMAGE);
    if (PNG_KEPT.has(type)) kept.push(bytes.subarray(at, end));
    ended = type === 'IEND';
    first = false;
    at = end;
  }
  if (!ended) throw refuse(NOT_AN_IMAGE);
  return Buffer.concat(kept);
}

/** Segments without a length: start and end of image, restart markers. */
const JPEG_STANDALONE = (marker: number) => marker === 0xd8 || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7);
/** APP0 (JFIF) and APP14 (Adobe: how the colours are coded) are needed to draw the picture; other APPn and COM not. */
const JPEG_DROPPED = (marker: number) => marker === 0xfe || (marker >= 0xe1 && marker <= 0xed) || marker === 0xef;

function cleanJpeg(bytes: Buffer): Buffer {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw refuse(NOT_AN_IMAGE);
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (at + 2 > bytes.length || bytes[at] !== 0xff) throw refuse(NOT_AN_IMAGE);
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      kept.push(bytes.subarray(at, at + 2));
      return Buffer.concat(kept);
    }
    if (JPEG_STANDALONE(marker)) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) throw refuse(NOT_AN_IMAGE);
    let end = at + 2 + bytes.readUInt16BE(at + 2);
    if (end > bytes.length) throw refuse(NOT_AN_IMAGE);
    if (marker === 0xda) end = endOfScan(bytes, end);
    if (!JPEG_DROPPED(marker)) kept.push(bytes.subarray(at, end));
    at = end;
  }
}

/** Where the coded picture after a start-of-scan header ends: at the next marker that is not data (FF00) or RSTn. */
function endOfScan(bytes: Buffer, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1] ?? 0;
    if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) return i;
  }
  throw refuse(NOT_AN_IMAGE);
}

/** Attributes that hold only coordinates and drawing commands: numbers that are never read as text. */
const SVG_GEOMETRY = new Set(['d', 'points', 'transform', 'viewBox', 'gradientTransform', 'patternTransform']);
/** A list of three or more numbers (a dash pattern, a box): geometry, whatever the attribute is called. */
const NUMBER_LIST = /^\s*-?[\d.]+[a-z%]*(?:[\s,]+-?[\d.]+[a-z%]*){2,}\s*$/i;
const SVG_TEXT_FOUND =
  'Logoet (SVG) indeholder tekst, der ligner et CPR-nummer. Fjern teksten i logofilen, og vælg den igen.';
const TEXT_FOUND = 'Logoet indeholder tekst, der ligner et CPR-nummer. Gem logoet igen uden den, og vælg det på ny.';
const EMBEDDED =
  'Logoet (SVG) indeholder et indlejret billede eller en henvisning til en anden fil. Gem logoet som PNG eller ' +
  'JPEG, eller som SVG uden indlejrede billeder, og vælg det igen.';
/** A CPR written as one number or two in a list of numbers (d="M 0101901234"); short coordinates never read so. */
const cprInGeometry = (value: string) => (value.match(/\d{6}[\s,\-\u2010-\u2015]?\d{4}/g) ?? []).some(containsCpr);

const NO_SIZE =
  'Logoet (SVG) kan ikke tegnes i rapporterne: det har ingen størrelse, de kan læse. Gem det som almindelig SVG med ' +
  'bredde og højde i pixels eller en viewBox, og vælg det igen.';

/** A logo narrower than this against its height (or the other way) is a line, not a picture, on the front page. */
const MAX_ASPECT = 100;

/**
 * Whether the reports can draw the SVG, read exactly as pdfmake reads it (its SVGMeasure): a root named »svg«; width
 * and height as numbers, else those of the viewBox split on commas and spaces into four. Without a viewBox, pdfmake
 * writes one from the numbers, so a size in mm or em would crop the drawing: only pixels then. A picture with no
 * positive size, or a thread of one, would be left off every report without a word.
 */
function drawableSize(name: string, attr: Record<string, string>): boolean {
  if (name !== 'svg') return false;
  const number = (value: string | undefined) => {
    const n = value === undefined ? Number.NaN : Number.parseFloat(value);
    return Number.isNaN(n) ? undefined : n;
  };
  let width = number(attr.width);
  let height = number(attr.height);
  if ((width === undefined || height === undefined) && attr.viewBox !== undefined) {
    const box = attr.viewBox.split(/[,\s]+/);
    if (box.length !== 4) return false;
    width ??= number(box[2]);
    height ??= number(box[3]);
  }
  const plain = (value: string | undefined) => value === undefined || /^\s*[+]?[\d.e+-]+(px)?\s*$/i.test(value);
  if (attr.viewBox === undefined && !(plain(attr.width) && plain(attr.height))) return false;
  if (width === undefined || height === undefined || !(width > 0 && height > 0)) return false;
  if (!Number.isFinite(width) || !Number.isFinite(height)) return false;
  return Math.max(width / height, height / width) <= MAX_ASPECT;
}

/** Deeper than any drawn logo; deeper files are refused before parsing, which slows down with the depth. */
const MAX_DEPTH = 256;

function tooDeep(source: string): boolean {
  let depth = 0;
  for (const m of source.matchAll(/<(\/?)[\p{L}_]|\/>/gu)) {
    depth += m[0] === '/>' || m[1] ? -1 : 1;
    if (depth > MAX_DEPTH) return true;
  }
  return false;
}

function checkSvg(bytes: Buffer): Buffer {
  let source: string;
  let doc: XmlDocument;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (tooDeep(source)) throw refuse(NOT_AN_IMAGE);
    doc = new XmlDocument(source);
  } catch {
    throw refuse(NOT_AN_IMAGE);
  }
  if (doc.name !== 'svg' && !doc.name.endsWith(':svg')) throw refuse(NOT_AN_IMAGE);
  // Comments and processing instructions anywhere in the file, also outside the root element.
  const texts: string[] = [doc.doctype ?? '', ...(source.match(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g) ?? [])];
  // The texts printed on the page: inside <text> (and its tspan, textPath), not in a style, script or title.
  const printed: string[] = [];
  const visit = (node: XmlNodeBase, inText = false) => {
    if (node instanceof XmlTextNode || node instanceof XmlCDataNode) {
      const t = node instanceof XmlTextNode ? node.text : node.cdata;
      texts.push(t);
      if (inText) printed.push(t);
    }
    if (node instanceof XmlCommentNode) texts.push(node.comment);
    if (!(node instanceof XmlElement)) return;
    if (findCprNumbers(node.name).length > 0) throw refuse(SVG_TEXT_FOUND);
    for (const [name, value] of Object.entries(node.attr)) {
      // An embedded picture or another file would be printed unchecked.
      if (/(^|:)href$/.test(name) && !value.startsWith('#')) throw refuse(EMBEDDED);
      const geometry = SVG_GEOMETRY.has(name) || NUMBER_LIST.test(value);
      const found = geometry ? cprInGeometry(value) : findCprNumbers(value).length > 0;
      if (found || findCprNumbers(name).length > 0) throw refuse(SVG_TEXT_FOUND);
    }
    const name = node.name.replace(/^.*:/, '');
    const printing = (inText || name === 'text') && !['style', 'script', 'title', 'desc', 'metadata'].includes(name);
    for (const child of node.children) visit(child, printing);
  };
  visit(doc);
  // The texts in the order they are read, also a number split over two <tspan>s; and since an SVG places its
  // printed texts where it likes (x="80" before x="0"), ten digits or more among them are refused too.
  const digits = printed.join('').normalize('NFKC').replace(/\D/g, '').length;
  if (texts.some((t) => findCprNumbers(t).length > 0) || splitNumbers(texts).length > 0 || digits >= 10)
    throw refuse(SVG_TEXT_FOUND);
  if (!drawableSize(doc.name, doc.attr)) throw refuse(NO_SIZE);
  return bytes;
}
