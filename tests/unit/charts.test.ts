import { describe, expect, it } from 'vitest';
import {
  type BarRow,
  escapeXml,
  FONT_FAMILY,
  measureBarsSvg,
  monthBarsSvg,
  NO_FIGURE_TEXT,
  NO_ROUNDS_TEXT,
  SUPPRESSED_TEXT,
  svgDataUrl,
  type TrendPointInput,
  trendSvg,
} from '../../shared/charts';
import { estimateTextWidth, wrapText } from '../../shared/charts/svg';
import { capitalFirst, formatCount, formatDecimal, formatPercent, formatShare } from '../../shared/domain/format';

// A small, strict XML reader: enough to prove the markup is well-formed and to look inside it.

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside this element, entities decoded. */
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function decode(raw: string, where: string): string {
  if (raw.replace(ENTITY, '').includes('&')) throw new Error(`Unescaped & in ${where}: ${raw}`);
  if (raw.includes('<')) throw new Error(`Unescaped < in ${where}: ${raw}`);
  return raw.replace(ENTITY, (e) => {
    const named: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
    if (named[e]) return named[e];
    const code = e.startsWith('&#x') ? Number.parseInt(e.slice(3, -1), 16) : Number.parseInt(e.slice(2, -1), 10);
    return String.fromCodePoint(code);
  });
}

function parseXml(xml: string): XmlNode {
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/y;
  const attrPattern = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let pos = 0;
  while (pos < xml.length) {
    token.lastIndex = pos;
    const m = token.exec(xml);
    if (!m) throw new Error(`Not well-formed XML at ${pos}: ${xml.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const [whole, closeName, openName, attrText, selfClose, textContent] = m;
    if (whole.startsWith('<!--') || whole.startsWith('<?')) continue;
    if (textContent !== undefined) {
      const parent = stack[stack.length - 1];
      if (!parent) {
        if (textContent.trim()) throw new Error(`Text outside the root element: ${textContent}`);
        continue;
      }
      parent.text += decode(textContent, `text of <${parent.name}>`);
      continue;
    }
    if (closeName !== undefined) {
      const open = stack.pop();
      if (!open || open.name !== closeName) throw new Error(`</${closeName}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const node: XmlNode = { name: openName as string, attrs: {}, children: [], text: '' };
    for (const a of (attrText ?? '').matchAll(attrPattern)) {
      const name = a[1] as string;
      if (name in node.attrs) throw new Error(`Duplicate attribute ${name} on <${node.name}>`);
      node.attrs[name] = decode(a[2] ?? a[3] ?? '', `attribute ${name}`);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if (root) throw new Error('More than one root element');
    else root = node;
    if (!selfClose) stack.push(node);
  }
  if (stack.length) throw new Error(`Unclosed <${stack[stack.length - 1]?.name}>`);
  if (!root) throw new Error('No root element');
  return root;
}

function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

function byRole(node: XmlNode, role: string): XmlNode[] {
  return descendants(node).filter((n) => n.attrs['data-role'] === role);
}

function texts(node: XmlNode): string[] {
  return descendants(node)
    .filter((n) => n.name === 'text')
    .map((n) => n.text);
}

function attr(node: XmlNode | undefined, name: string): number {
  const value = node?.attrs[name];
  if (value === undefined) throw new Error(`No ${name} on <${node?.name}>`);
  return Number(value);
}

/** The SVG subset svg-to-pdfkit draws faithfully. */
const ALLOWED = new Set(['svg', 'g', 'title', 'rect', 'line', 'polyline', 'circle', 'text']);

function expectPdfFriendly(svg: string): XmlNode {
  const root = parseXml(svg);
  expect(root.name).toBe('svg');
  expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
  const width = attr(root, 'width');
  const height = attr(root, 'height');
  expect(width).toBeGreaterThan(0);
  expect(height).toBeGreaterThan(0);
  expect(root.attrs.viewBox).toBe(`0 0 ${width} ${height}`);
  for (const n of descendants(root)) {
    expect(ALLOWED.has(n.name), `<${n.name}> is outside the basic SVG subset`).toBe(true);
    expect(n.attrs.class).toBeUndefined();
    expect(n.attrs.style).toBeUndefined();
    if (n.name === 'text') {
      expect(n.attrs['font-family']).toBe(FONT_FAMILY);
      expect(n.attrs.fill).toBeTruthy();
    }
    if (['rect', 'circle'].includes(n.name)) expect(n.attrs.fill).toBeTruthy();
    if (['line', 'polyline'].includes(n.name)) expect(n.attrs.stroke).toBeTruthy();
  }
  return root;
}

describe('the XML check used here', () => {
  it('rejects broken markup', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow();
    expect(() => parseXml('<svg><text>A & B</text></svg>')).toThrow();
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow();
    expect(() => parseXml('<svg/><svg/>')).toThrow();
    expect(parseXml('<svg><text x="1">A &amp; B</text></svg>').children[0]?.text).toBe('A & B');
  });
});

describe('Danish number formatting', () => {
  it('writes a number with at most one decimal, a decimal comma and thousands points', () => {
    expect([10.25, 24, 0.04, 1234.56, -0.3, -12.5, Number.NaN, null].map(formatDecimal)).toEqual([
      '10,3',
      '24',
      '0',
      '1.234,6',
      '-0,3',
      '-12,5',
      '–',
      '–',
    ]);
    expect(capitalFirst('sager')).toBe('Sager');
    expect(capitalFirst('økonomi')).toBe('Økonomi');
  });

  it('writes percentages with a decimal comma and a space before the sign', () => {
    expect(formatPercent(75)).toBe('75 %');
    expect(formatPercent(66.666)).toBe('66,7 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(100)).toBe('100 %');
    expect(formatPercent(12.04)).toBe('12 %');
    expect(formatShare(2 / 3)).toBe('66,7 %');
    expect(formatShare(0.5)).toBe('50 %');
  });
  it('never rounds a shortfall up to 100 % or a little to 0 %', () => {
    expect(formatPercent(99.97)).toBe('99,9 %');
    expect(formatPercent(0.01)).toBe('0,1 %');
  });
  it('groups thousands with a dot', () => {
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(12)).toBe('12');
  });
});

describe('escaping', () => {
  it('escapes &, <, >, " and \'', () => {
    expect(escapeXml(`A & B <c> "d" 'e'`)).toBe('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
  });
  it('drops control characters XML cannot hold', () => {
    expect(escapeXml('a\u0001b\tc')).toBe('ab\tc');
  });
  it('makes a data URL for an <img>', () => {
    const url = svgDataUrl(measureBarsSvg([{ label: 'Å & ø', share: 1, target: null, n: 3 }]));
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
    expect(url).not.toMatch(/[<>"#\s]/);
  });
});

describe('text wrapping', () => {
  it('wraps at spaces, and cuts the last allowed line with an ellipsis', () => {
    const lines = wrapText('en to tre fire fem seks syv otte ni ti elleve tolv', 60, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(estimateTextWidth(line, 12)).toBeLessThanOrEqual(60);
  });
  it('hyphenates a word longer than a line', () => {
    const lines = wrapText('Er forældremyndighedsindehaveren partshørt?', 150, 12, 3);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]?.endsWith('-')).toBe(true);
    expect(lines.join('').replace(/-/g, '').replace(/\s/g, '')).toBe('Erforældremyndighedsindehaverenpartshørt?');
  });
  it('leaves text that fits alone', () => {
    expect(wrapText('Kort', 200, 12, 3)).toEqual(['Kort']);
  });
});

const rows: BarRow[] = [
  { label: 'Fuld', share: 1, target: null, n: 10 },
  { label: 'Halv', share: 0.5, target: 80, n: 12 },
  { label: 'A & B <c>', share: 2 / 3, target: 90, n: 12 },
  { label: 'Få sager', share: 1, target: 90, n: 2, suppressed: true },
  { label: 'Ingen relevante', share: null, target: 90, n: 0 },
  { label: 'Over måltal', share: 0.95, target: 90, n: 20 },
];

function rowGroups(root: XmlNode): XmlNode[] {
  return byRole(root, 'row');
}

function rowByTitle(root: XmlNode, start: string): XmlNode {
  const row = rowGroups(root).find((g) => g.children.find((c) => c.name === 'title')?.text.startsWith(start));
  if (!row) throw new Error(`No row titled ${start}`);
  return row;
}

describe('measureBarsSvg', () => {
  const svg = measureBarsSvg(rows, { width: 640, title: 'Rettidighed: "børn" & \'unge\'' });
  const root = expectPdfFriendly(svg);

  it('is well-formed SVG in the basic subset, with an explicit size', () => {
    expect(attr(root, 'width')).toBe(640);
    expect(rowGroups(root)).toHaveLength(rows.length);
  });

  it('escapes labels and titles', () => {
    expect(svg).toContain('A &amp; B &lt;c&gt;');
    expect(svg).not.toContain('A & B <c>');
    expect(svg).toContain('Rettidighed: &quot;børn&quot; &amp; &apos;unge&apos;');
    expect(texts(root)).toContain('A & B <c>');
  });

  it('draws bars in proportion to the share', () => {
    const full = byRole(rowByTitle(root, 'Fuld'), 'bar')[0];
    const half = byRole(rowByTitle(root, 'Halv'), 'bar')[0];
    const twoThirds = byRole(rowByTitle(root, 'A & B'), 'bar')[0];
    expect(attr(full, 'width')).toBeGreaterThan(100);
    expect(attr(half, 'width')).toBeCloseTo(attr(full, 'width') / 2, 1);
    expect(attr(twoThirds, 'width')).toBeCloseTo((attr(full, 'width') * 2) / 3, 1);
    expect(attr(half, 'x')).toBe(attr(full, 'x'));
  });

  it('puts the dashed target marker at the target percent', () => {
    const full = byRole(rowByTitle(root, 'Fuld'), 'bar')[0];
    const x0 = attr(full, 'x');
    const plotWidth = attr(full, 'width');
    const marker = byRole(rowByTitle(root, 'Halv'), 'target')[0];
    expect(attr(marker, 'x1')).toBeCloseTo(x0 + 0.8 * plotWidth, 1);
    expect(attr(marker, 'x2')).toBe(attr(marker, 'x1'));
    expect(marker?.attrs['stroke-dasharray']).toBeTruthy();
    expect(attr(byRole(rowByTitle(root, 'A & B'), 'target')[0], 'x1')).toBeCloseTo(x0 + 0.9 * plotWidth, 1);
    // No target, no marker.
    expect(byRole(rowByTitle(root, 'Fuld'), 'target')).toHaveLength(0);
  });

  it('shows the value as a Danish percentage with n', () => {
    expect(texts(rowByTitle(root, 'A & B'))).toContain('66,7 % (n=12)');
    expect(texts(rowByTitle(root, 'Halv'))).toContain('50 % (n=12)');
    expect(texts(rowByTitle(root, 'Fuld'))).toContain('100 % (n=10)');
  });

  it('hatches bars below their target so it reads in black and white, and says so in the legend', () => {
    const below = rowByTitle(root, 'Halv');
    expect(byRole(below, 'bar')[0]?.attrs['data-below']).toBe('true');
    expect(descendants(below).filter((n) => n.name === 'line' && !n.attrs['data-role']).length).toBeGreaterThan(3);
    const above = rowByTitle(root, 'Over måltal');
    expect(byRole(above, 'bar')[0]?.attrs['data-below']).toBeUndefined();
    expect(descendants(above).filter((n) => n.name === 'line' && !n.attrs['data-role'])).toHaveLength(0);
    const legend = texts(byRole(root, 'legend')[0]!);
    expect(legend).toEqual(['Andel opfyldt', 'Under måltal', 'Måltal']);
  });

  it('shows suppressed rows without a bar', () => {
    const row = rowByTitle(root, 'Få sager');
    expect(byRole(row, 'bar')).toHaveLength(0);
    expect(byRole(row, 'target')).toHaveLength(0);
    expect(texts(row)).toContain(SUPPRESSED_TEXT);
    expect(SUPPRESSED_TEXT).toBe('Færre end 3 sager – ikke vist');
    expect(svg).not.toContain('100 % (n=2)');
  });

  it('shows rows with no applicable case without a bar', () => {
    const row = rowByTitle(root, 'Ingen relevante');
    expect(byRole(row, 'bar')).toHaveLength(0);
    expect(texts(row)).toContain('Ingen relevante sager');
  });

  it('has axis ticks from 0 % to 100 %', () => {
    expect(byRole(root, 'tick').map((t) => t.text)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
  });

  it('fits long labels in the label column, with the full text in a <title>', () => {
    const long =
      'Er der foretaget en børnefaglig undersøgelse inden for fire måneder efter at underretningen blev modtaget, og er den dokumenteret i sagen?';
    const r = expectPdfFriendly(measureBarsSvg([{ label: long, share: 0.5, target: 90, n: 8 }], { width: 600 }));
    const labelLines = byRole(r, 'label').map((t) => t.text);
    expect(labelLines.length).toBeGreaterThan(1);
    expect(labelLines.length).toBeLessThanOrEqual(3);
    expect(labelLines[labelLines.length - 1]?.endsWith('…')).toBe(true);
    for (const line of labelLines) expect(estimateTextWidth(line, 12)).toBeLessThanOrEqual(600 * 0.4);
    expect(rowGroups(r)[0]?.children[0]?.text).toContain(long);
  });

  it('grows taller with more rows', () => {
    const h = (count: number) =>
      attr(
        parseXml(
          measureBarsSvg(
            Array.from({ length: count }, (_, i) => ({ label: `Spørgsmål ${i}`, share: 0.5, target: 90, n: 5 })),
          ),
        ),
        'height',
      );
    expect(h(10)).toBeGreaterThan(h(5));
    expect(h(5)).toBeGreaterThan(h(1));
  });

  it('keeps the value text inside the picture, also when it must step past the target marker', () => {
    const r = expectPdfFriendly(measureBarsSvg([{ label: 'x', share: 0.88, target: 100, n: 1234 }], { width: 400 }));
    const value = byRole(r, 'value')[0]!;
    expect(value.text).toBe('88 % (n=1.234)');
    expect(attr(value, 'x') + estimateTextWidth(value.text, 11)).toBeLessThanOrEqual(400);
  });

  it('handles no rows', () => {
    const r = expectPdfFriendly(measureBarsSvg([]));
    expect(texts(r)).toContain('Ingen spørgsmål at vise');
  });
});

const rounds: TrendPointInput[] = [
  { label: 'Forår 2023', share: 0.58, n: 24, baseline: true },
  { label: 'Efterår 2023', share: 0.64, n: 22 },
  { label: 'Q1 & <Q2>', share: 0.9, n: 24 },
  { label: 'Forår 2025', share: 2 / 3, n: 25 },
];

describe('trendSvg', () => {
  const svg = trendSvg(rounds, { target: 90, title: 'Udvikling' });
  const root = expectPdfFriendly(svg);

  it('is well-formed SVG with one marker per round joined by a line', () => {
    expect(byRole(root, 'round')).toHaveLength(4);
    expect(byRole(root, 'point')).toHaveLength(3);
    const line = byRole(root, 'line');
    expect(line).toHaveLength(1);
    expect(line[0]?.attrs.points?.split(' ')).toHaveLength(4);
  });

  it('spaces the rounds evenly, oldest first', () => {
    const xs = byRole(root, 'line')[0]!
      .attrs.points!.split(' ')
      .map((p) => Number(p.split(',')[0]));
    const gaps = xs.slice(1).map((x, i) => x - (xs[i] as number));
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0] as number, 1);
    expect(gaps[0]).toBeGreaterThan(0);
  });

  it('marks the baseline with a square and the word Baseline', () => {
    expect(byRole(root, 'baseline-point')).toHaveLength(1);
    expect(byRole(root, 'baseline-point')[0]?.name).toBe('rect');
    expect(byRole(root, 'baseline-label').map((t) => t.text)).toEqual(['Baseline']);
  });

  it('labels each point with its Danish percentage', () => {
    expect(byRole(root, 'value').map((t) => t.text)).toEqual(['58 %', '64 %', '90 %', '66,7 %']);
  });

  it('draws the dashed target line at the target, labelled "Måltal 90 %"', () => {
    const target = byRole(root, 'target')[0]!;
    expect(target.attrs['stroke-dasharray']).toBeTruthy();
    expect(attr(target, 'y1')).toBe(attr(target, 'y2'));
    // The round at 90 % sits exactly on the target line.
    const ninety = byRole(root, 'point')[1]!;
    expect(attr(ninety, 'cy')).toBeCloseTo(attr(target, 'y1'), 1);
    expect(byRole(root, 'target-label').map((t) => t.text)).toEqual(['Måltal 90 %']);
  });

  it('has a 0–100 % axis', () => {
    expect(byRole(root, 'tick').map((t) => t.text)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
  });

  it('escapes round labels', () => {
    expect(svg).toContain('Q1 &amp; &lt;Q2&gt;');
    expect(svg).not.toContain('<Q2>');
  });

  it('draws no target line without a target', () => {
    const r = expectPdfFriendly(trendSvg(rounds));
    expect(byRole(r, 'target')).toHaveLength(0);
    expect(texts(r).some((t) => t.includes('Måltal'))).toBe(false);
  });

  it('draws a single round as just its point', () => {
    const r = expectPdfFriendly(trendSvg([{ label: 'Forår 2025', share: 0.75, n: 12 }], { target: 90 }));
    expect(byRole(r, 'line')).toHaveLength(0);
    expect(byRole(r, 'point')).toHaveLength(1);
    expect(byRole(r, 'value')[0]?.text).toBe('75 %');
  });

  it('says "Ingen tidligere runder" when there are no rounds', () => {
    const r = expectPdfFriendly(trendSvg([], { title: 'Udvikling' }));
    expect(texts(r)).toContain(NO_ROUNDS_TEXT);
    expect(NO_ROUNDS_TEXT).toBe('Ingen tidligere runder');
    expect(attr(r, 'height')).toBeLessThan(120);
  });

  it('slants the labels of many rounds and keeps every value inside the picture', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      label: `Runde ${i + 1} – efterår ${2015 + i}`,
      share: i % 2 ? 0.9 : 0.6,
      n: 10,
      baseline: i === 0,
    }));
    const r = expectPdfFriendly(trendSvg(many, { width: 640, target: 80 }));
    const labels = byRole(r, 'x-label').concat(byRole(r, 'baseline-label'));
    expect(labels).toHaveLength(20);
    for (const label of labels) expect(label.attrs.transform).toMatch(/^rotate\(-\d+ /);
    expect(byRole(r, 'baseline-label')[0]?.text).toContain('Baseline');
    const height = attr(r, 'height');
    for (const v of byRole(r, 'value')) {
      expect(attr(v, 'y')).toBeGreaterThan(10);
      expect(attr(v, 'y')).toBeLessThan(height);
    }
    // Slanted labels reach left of their point; the first must still start inside the picture.
    const first = byRole(r, 'baseline-label')[0]!;
    const reach = estimateTextWidth(first.text, 11, true) * Math.cos((40 * Math.PI) / 180);
    expect(attr(first, 'x') - reach).toBeGreaterThanOrEqual(0);
  });

  it('labels only every few rounds of a small chart of many, each label a line clear of the next', () => {
    // Five years of quarters in the committee report's small per-krav chart (320 wide): 21 rounds.
    const quarters = Array.from({ length: 21 }, (_, i) => ({
      label: `${(i % 4) + 1}. kvt. ${2022 + Math.floor(i / 4)}`,
      share: 0.5 + i / 50,
      n: 60,
      baseline: i === 0,
    }));
    const r = expectPdfFriendly(trendSvg(quarters, { width: 320, height: 210, target: 90 }));
    // Every round keeps its point.
    expect(byRole(r, 'point').length + byRole(r, 'baseline-point').length).toBe(21);
    const labels = byRole(r, 'x-label');
    const xs = [...byRole(r, 'baseline-label'), ...labels].map((l) => attr(l, 'x')).sort((a, b) => a - b);
    expect(xs.length).toBeLessThan(21);
    expect(byRole(r, 'baseline-label')[0]?.text).toContain('1. kvt. 2022');
    expect(labels.at(-1)?.text).toBe('1. kvt. 2027');
    // Slanted at 40°, two labels stand a line's height (13) apart when their points are 13 / sin 40° apart.
    for (let i = 1; i < xs.length; i++)
      expect((xs[i]! - xs[i - 1]!) * Math.sin((40 * Math.PI) / 180)).toBeGreaterThanOrEqual(12.9);
    // Values as far apart as they are wide: none overlaps another.
    const values = byRole(r, 'value').map((v) => ({ x: attr(v, 'x'), w: estimateTextWidth(v.text, 10, true) }));
    expect(values.length).toBeLessThan(21);
    const valueTexts = byRole(r, 'value').map((v) => v.text);
    expect(valueTexts[0]).toBe('50 %');
    expect(valueTexts.at(-1)).toBe('90 %');
    for (let i = 1; i < values.length; i++)
      expect(values[i]!.x - values[i - 1]!.x).toBeGreaterThanOrEqual((values[i]!.w + values[i - 1]!.w) / 2);
  });

  it('keeps a baseline next to the first or the last round readable, and labels every baseline', () => {
    const rounds = (n: number, baselines: number[]) =>
      Array.from({ length: n }, (_, i) => ({
        label: `${(i % 4) + 1}. kvt. ${2022 + Math.floor(i / 4)}`,
        share: 0.6,
        n: 30,
        baseline: baselines.includes(i),
      }));
    for (const [n, width] of [
      [21, 320],
      [60, 320],
      [200, 280],
    ] as const) {
      for (const baselines of [[1], [n - 2], [3, 9]]) {
        const r = expectPdfFriendly(trendSvg(rounds(n, baselines), { width, height: 210, target: 90 }));
        const shown = [...byRole(r, 'baseline-label'), ...byRole(r, 'x-label')];
        const xs = shown.map((l) => attr(l, 'x')).sort((a, b) => a - b);
        for (let i = 1; i < xs.length; i++)
          expect((xs[i]! - xs[i - 1]!) * Math.sin((40 * Math.PI) / 180), `${n} at ${width}`).toBeGreaterThanOrEqual(
            12.9,
          );
        // Next to the first round the baseline wins; next to the last, this round does.
        if (baselines[0] !== n - 2) expect(byRole(r, 'baseline-label').length, `${n}`).toBeGreaterThanOrEqual(1);
        expect(byRole(r, 'x-label').at(-1)?.text ?? byRole(r, 'baseline-label').at(-1)?.text).toBe(
          rounds(n, []).at(-1)?.label,
        );
      }
    }
    // Baselines far enough apart are each labelled.
    const two = expectPdfFriendly(trendSvg(rounds(21, [3, 12]), { width: 320, height: 210 }));
    expect(byRole(two, 'baseline-label')).toHaveLength(2);
  });

  it('breaks the line where a round has no valid share', () => {
    const r = expectPdfFriendly(
      trendSvg([
        { label: 'a', share: 0.5, n: 5 },
        { label: 'b', share: 0.6, n: 5 },
        { label: 'c', share: Number.NaN, n: 0 },
        { label: 'd', share: 0.7, n: 5 },
        { label: 'e', share: 0.8, n: 5 },
      ]),
    );
    expect(byRole(r, 'line')).toHaveLength(2);
    expect(byRole(r, 'point')).toHaveLength(4);
  });
});

describe('monthBarsSvg', () => {
  const said = (node: XmlNode, role: string) => byRole(node, role).map((n) => n.text);
  const labels = ['jan\n2026', 'feb', 'mar'];
  it('draws a bar per figure with its value, the måltal dashed, and says why a month has none', () => {
    const svg = monthBarsSvg({
      title: 'Sager & personer <ved> månedens start',
      labels,
      series: [{ name: 'Tilgang' }, { name: 'Afgang', hatched: true }],
      values: [
        [6, null, 1234],
        [5, null, 0],
      ],
      target: { value: 25, label: 'Måltal 25' },
      emptyTexts: [null, 'talt i sager', null],
      width: 900,
    });
    const root = expectPdfFriendly(svg);
    expect(byRole(root, 'bar')).toHaveLength(4);
    expect(said(root, 'value')).toEqual(['6', '5', '1.234', '0']);
    expect(said(root, 'empty')).toEqual(['talt i sager']);
    expect(said(root, 'target-label')).toEqual(['Måltal 25']);
    expect(said(root, 'title')).toEqual(['Sager & personer <ved> månedens start']);
    expect(said(root, 'month')).toEqual(['jan', 'feb', 'mar']);
    // The axis reaches above the highest bar, so its value is not cut off.
    expect(Math.max(...said(root, 'tick').map((t) => Number(t.replace('.', ''))))).toBeGreaterThan(1234);
  });

  it('says »ingen liste« where a month has no list, or a dash where the words do not fit', () => {
    const wide = expectPdfFriendly(monthBarsSvg({ labels, series: [{ name: 'Sager' }], values: [[null, 3, null]] }));
    expect(said(wide, 'empty')).toEqual([NO_FIGURE_TEXT, NO_FIGURE_TEXT]);
    const many = Array.from({ length: 60 }, (_, i) => `m${i}`);
    const narrow = expectPdfFriendly(
      monthBarsSvg({ labels: many, series: [{ name: 'Sager' }], values: [many.map(() => null)], width: 400 }),
    );
    expect(new Set(said(narrow, 'empty'))).toEqual(new Set(['–']));
  });
});
