/**
 * Small helpers for building SVG markup as strings.
 *
 * The charts are drawn twice: in the renderer (as an <img> data URL or inline markup) and in PDFs made by
 * pdfmake, which hands `svg` nodes to svg-to-pdfkit. That renderer understands only plain SVG, so everything
 * here writes presentation attributes (fill, stroke, font-family, …) on each element: no CSS, no <style>, no
 * filters, no foreignObject. Nothing here touches the DOM, so text widths are estimated from Roboto's metrics.
 */

/** Roboto is the font pdfmake embeds; browsers without it fall back to Helvetica or Arial. */
export const FONT_FAMILY = 'Roboto, Helvetica, Arial, sans-serif';

/** Colours chosen to stay distinct when printed in black and white (the patterns carry the meaning too). */
export const CHART_COLORS = {
  background: '#ffffff',
  text: '#1f2933',
  mutedText: '#52606d',
  grid: '#dde2e7',
  separator: '#eef1f4',
  axis: '#7b8794',
  /** Bars that meet the target, or have none: solid mid-dark blue. */
  bar: '#2d5f8b',
  /** Bars below the target: pale fill, dark outline and diagonal hatching. */
  belowFill: '#fbe3d6',
  belowStroke: '#9a3412',
  target: '#111111',
  line: '#2d5f8b',
} as const;

/** The dash pattern of the target line, in the charts and in their legends. */
export const TARGET_DASH = '6 4';

// XML 1.0 forbids most C0 control characters, even escaped; a stray one would make the SVG unreadable.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for use in XML text and attribute values (&, <, >, " and '), dropping characters XML cannot hold. */
export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate or length, rounded to two decimals without trailing zeros. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Keeps a number inside [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

// Advance widths of Roboto Regular, in thousandths of an em (measured with pdfkit).
const ROBOTO_WIDTHS: Record<string, number> = {
  ' ': 248,
  a: 544,
  b: 562,
  c: 523,
  d: 564,
  e: 530,
  f: 348,
  g: 562,
  h: 551,
  i: 243,
  j: 239,
  k: 507,
  l: 243,
  m: 877,
  n: 552,
  o: 570,
  p: 562,
  q: 568,
  r: 339,
  s: 516,
  t: 327,
  u: 551,
  v: 484,
  w: 751,
  x: 496,
  y: 473,
  z: 496,
  æ: 845,
  ø: 567,
  å: 544,
  A: 652,
  B: 623,
  C: 651,
  D: 656,
  E: 568,
  F: 553,
  G: 681,
  H: 713,
  I: 272,
  J: 552,
  K: 627,
  L: 539,
  M: 873,
  N: 713,
  O: 688,
  P: 631,
  Q: 688,
  R: 616,
  S: 594,
  T: 597,
  U: 648,
  V: 637,
  W: 887,
  X: 627,
  Y: 601,
  Z: 599,
  Æ: 935,
  Ø: 688,
  Å: 652,
  '.': 264,
  ',': 197,
  ':': 242,
  ';': 211,
  '-': 276,
  '–': 656,
  '—': 900,
  '(': 342,
  ')': 348,
  '%': 732,
  '=': 549,
  '/': 413,
  '!': 258,
  '?': 473,
  "'": 175,
  '"': 320,
  '&': 622,
  '<': 508,
  '>': 523,
  '…': 669,
  '§': 613,
  '+': 567,
  '*': 431,
  _: 451,
};
const DIGIT_WIDTH = 562;
const DEFAULT_WIDTH = 580;

/**
 * Estimated width of a line of text. Errs a little on the wide side, since a browser may substitute
 * Helvetica or Arial, which run slightly wider than Roboto.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    units += ROBOTO_WIDTHS[ch] ?? (ch >= '0' && ch <= '9' ? DIGIT_WIDTH : DEFAULT_WIDTH);
  }
  return (units / 1000) * fontSize * (bold ? 1.08 : 1.03);
}

const ELLIPSIS = '…';

/** Cuts text so it fits maxWidth, ending it with an ellipsis when anything was cut. */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  // Longest prefix that still fits together with the ellipsis.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = `${chars.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`;
    if (estimateTextWidth(candidate, fontSize, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
}

/** The longest start of a word that fits in room together with a hyphen; at least three letters stay on each side. */
function hyphenPrefix(chars: string[], room: number, fontSize: number, bold: boolean): number {
  let end = 0;
  while (end < chars.length && estimateTextWidth(`${chars.slice(0, end + 1).join('')}-`, fontSize, bold) <= room) {
    end += 1;
  }
  if (chars.length - end < 3) end = chars.length - 3;
  return end < 3 ? 0 : end;
}

/**
 * Breaks text into at most maxLines lines of at most maxWidth, at spaces where possible; a word wider than a line
 * is hyphenated. If the text does not fit, the last line ends with an ellipsis. Always returns at least one line.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const limit = Math.max(1, Math.floor(maxLines));
  const lines: string[] = [];
  let current = '';
  const fits = (candidate: string) => estimateTextWidth(candidate, fontSize, bold) <= maxWidth;
  let i = 0;
  while (i < words.length && lines.length < limit) {
    const word = words[i] as string;
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      i += 1;
      continue;
    }
    if (!fits(word)) {
      // Too long for any line: fill what is left of this line with its start, hyphenated.
      const prefix = current ? `${current} ` : '';
      const chars = Array.from(word);
      const cut = hyphenPrefix(chars, maxWidth - estimateTextWidth(prefix, fontSize, bold), fontSize, bold);
      if (cut > 0) {
        lines.push(`${prefix}${chars.slice(0, cut).join('')}-`);
        words[i] = chars.slice(cut).join('');
        current = '';
        continue;
      }
      if (!current) {
        // Not even three letters fit: cut the word short.
        lines.push(truncateToWidth(word, maxWidth, fontSize, bold));
        i += 1;
        continue;
      }
    }
    lines.push(current);
    current = '';
  }
  if (current && lines.length < limit) lines.push(current);
  else if (current || i < words.length) {
    // Overflow: the last line takes the rest and is cut with an ellipsis.
    const last = lines.pop() ?? '';
    const tail = [current, ...words.slice(i)].filter(Boolean).join(' ');
    const rest = last.endsWith('-') ? `${last.slice(0, -1)}${tail}` : `${last} ${tail}`;
    lines.push(truncateToWidth(`${rest} …`, maxWidth, fontSize, bold));
  }
  return lines.length > 0 ? lines : [''];
}

export type Attrs = Record<string, string | number | undefined | null | false>;

function attrString(attrs: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    const text = typeof value === 'number' ? num(value) : escapeXml(value);
    out += ` ${name}="${text}"`;
  }
  return out;
}

/** An element; children are markup strings already (use text() or escapeXml for words). */
export function el(name: string, attrs: Attrs, children?: string | readonly string[]): string {
  const inner = children === undefined ? '' : typeof children === 'string' ? children : children.join('');
  return inner === '' ? `<${name}${attrString(attrs)}/>` : `<${name}${attrString(attrs)}>${inner}</${name}>`;
}

export interface TextOptions {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  transform?: string;
  role?: string;
}

/** A <text> element with the font set explicitly, so svg-to-pdfkit and browsers agree. */
export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  return el(
    'text',
    {
      x,
      y,
      'font-family': FONT_FAMILY,
      'font-size': options.size ?? 12,
      'font-weight': options.bold ? 'bold' : undefined,
      'font-style': options.italic ? 'italic' : undefined,
      'text-anchor': options.anchor && options.anchor !== 'start' ? options.anchor : undefined,
      fill: options.fill ?? CHART_COLORS.text,
      transform: options.transform,
      'data-role': options.role,
    },
    escapeXml(content),
  );
}

/** An accessible name for the enclosing element (ignored by svg-to-pdfkit). */
export function title(content: string): string {
  return `<title>${escapeXml(content)}</title>`;
}

/** Diagonal hatching ("/") inside a rectangle, as plain lines, so no <pattern> is needed. */
export function hatchLines(
  x: number,
  y: number,
  width: number,
  height: number,
  spacing: number,
  stroke: string,
): string {
  if (width <= 0 || height <= 0) return '';
  const lines: string[] = [];
  // Lines x + y = k, for k running from the top-left corner to the bottom-right one.
  for (let k = x + y + spacing; k < x + width + y + height; k += spacing) {
    const x1 = Math.max(x, k - (y + height));
    const x2 = Math.min(x + width, k - y);
    if (x2 - x1 < 0.5) continue;
    lines.push(el('line', { x1, y1: k - x1, x2, y2: k - x2, stroke, 'stroke-width': 1 }));
  }
  return lines.join('');
}

/** The root element, with explicit size and viewBox, a white background and an optional accessible title. */
export function svgDocument(width: number, height: number, body: string, accessibleTitle?: string): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      role: 'img',
      'aria-label': accessibleTitle || undefined,
    },
    [
      accessibleTitle ? title(accessibleTitle) : '',
      el('rect', { x: 0, y: 0, width, height, fill: CHART_COLORS.background }),
      body,
    ],
  );
}

/** A data URL for an <img src>, e.g. `<img src={svgDataUrl(measureBarsSvg(rows))} alt="…" />`. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * The y axis's grid: a line and a label at each tick, the bottom one darker as the axis. `yAt` places a value;
 * `label` writes it (»75 %«, »1.234«).
 */
export function yGrid(
  ticks: readonly number[],
  yAt: (value: number) => number,
  plot: { left: number; right: number },
  label: (value: number) => string,
  size: number,
): string {
  const parts: string[] = [];
  for (const tick of ticks) {
    const y = yAt(tick);
    parts.push(
      el('line', {
        x1: plot.left,
        y1: y,
        x2: plot.right,
        y2: y,
        stroke: tick === 0 ? CHART_COLORS.axis : CHART_COLORS.grid,
        'stroke-width': 1,
      }),
      text(plot.left - 6, y + 3.5, label(tick), { size, anchor: 'end', fill: CHART_COLORS.mutedText, role: 'tick' }),
    );
  }
  return el('g', { 'data-role': 'grid' }, parts);
}
