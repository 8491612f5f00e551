import { XmlCDataNode, XmlDocument, XmlElement, type XmlNodeBase, XmlTextNode } from 'xmldoc';

/**
 * The texts an SVG logo prints, for the publication check (issue #12): a logo is printed on the public committee
 * report like any text. Each <text> element is read in document order and also as it stands on the page (its
 * pieces and letters ordered by x: »<tspan x="21">lm</tspan><tspan x="0">Ho</tspan>« prints »Holm«), and all of them
 * together, in order and as placed. Nothing for PNG or JPEG (their text chunks are removed when the logo is chosen)
 * or for a logo that cannot be read.
 */
export function logoPrintedTexts(dataUrl: string | null): string[] {
  const svg = dataUrl && /^data:image\/svg\+xml;base64,(.+)$/.exec(dataUrl);
  if (!svg?.[1]) return [];
  let doc: XmlDocument;
  try {
    doc = new XmlDocument(Buffer.from(svg[1], 'base64').toString('utf8'));
  } catch {
    return [];
  }
  const texts: { read: string; placed: string; x: number; y: number }[] = [];
  const visit = (node: XmlNodeBase) => {
    if (!(node instanceof XmlElement)) return;
    if (localName(node) === 'text') {
      const glyphs = glyphsOf(node, coordinate(node, 'x'));
      const read = clean(glyphs.map((g) => g.ch).join(''));
      // As placed: the letters by x, spaces left out (placed pieces are apart by where they stand, not by a space).
      const placed = glyphs
        .filter((g) => /\S/u.test(g.ch))
        .sort((a, b) => a.x - b.x || a.order - b.order)
        .map((g) => g.ch)
        .join('');
      if (read) texts.push({ read, placed, x: coordinate(node, 'x')[0] ?? 0, y: coordinate(node, 'y')[0] ?? 0 });
      return;
    }
    for (const child of node.children) visit(child);
  };
  visit(doc);
  const out = new Set(texts.flatMap((t) => [t.read, t.placed]));
  if (texts.length > 1) {
    out.add(texts.map((t) => t.read).join(' '));
    out.add(
      [...texts]
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .map((t) => t.placed)
        .join(' '),
    );
  }
  return [...out];
}

interface Glyph {
  ch: string;
  x: number;
  order: number;
}

const NOT_PRINTED = new Set(['title', 'desc', 'metadata', 'style', 'script']);
const localName = (node: XmlElement) => node.name.replace(/^.*:/, '');
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** An element's x (or y) attribute as numbers: one, or one per letter. */
function coordinate(node: XmlElement, name: 'x' | 'y'): number[] {
  return (node.attr[name] ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
    .filter(Number.isFinite);
}

/** Each letter of an element with where it stands: an x list places letter by letter, one x the piece after it. */
function glyphsOf(node: XmlElement, inherited: number[], counter = { order: 0 }): Glyph[] {
  const own = coordinate(node, 'x');
  const xs = own.length > 0 ? own : inherited;
  const out: Glyph[] = [];
  let i = 0;
  for (const child of node.children) {
    if (child instanceof XmlTextNode || child instanceof XmlCDataNode) {
      const text = child instanceof XmlTextNode ? child.text : child.cdata;
      for (const ch of text) {
        const x = xs[Math.min(i, xs.length - 1)] ?? 0;
        // Letters after the last given x follow it, in order.
        out.push({ ch, x: x + Math.max(0, i - (xs.length - 1)) * 0.001, order: counter.order++ });
        i++;
      }
    } else if (child instanceof XmlElement && !NOT_PRINTED.has(localName(child))) {
      const start = xs[Math.min(i, xs.length - 1)] ?? 0;
      out.push(...glyphsOf(child, coordinate(child, 'x').length > 0 ? [] : [start + i * 0.001], counter));
    }
  }
  return out;
}
