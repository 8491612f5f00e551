import type { Page } from 'playwright-core';

/** What Tab reached on a screen: each control once, with its focus indicator's contrast against what is beside it. */
export interface FocusStop {
  control: string;
  /** The indicator's colour against the background around the control; 0 when no indicator is drawn. */
  ratio: number;
}

/**
 * Presses Tab through the screen (at most `maxStops` controls, until focus comes round again) and measures each
 * focused control's indicator as WCAG 2.1 1.4.11 asks: an outline or ring of at least 2 px whose colour has 3:1
 * against the background next to it. A radio button or checkbox drawn by its label (the input itself hidden) is
 * measured on the label's box.
 */
export async function focusStops(page: Page, maxStops = 80): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(measureFocused);
    if (!stop) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ control: stop.control, ratio: stop.ratio });
  }
  return stops;
}

/** Runs in the page: the focused control, named, and its indicator's contrast. */
function measureFocused(): { key: string; control: string; ratio: number } | null {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return null;
  const parse = (c: string): [number, number, number, number] | null => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m?.[1]) return null;
    const [r = 0, g = 0, b = 0, a = 1] = m[1]
      .split(/[ ,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r, g, b, a];
  };
  const luminance = ([r, g, b]: [number, number, number, number]) => {
    const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a: [number, number, number, number], b: [number, number, number, number]) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };
  /** The first solid background from `from` outwards (white at the top). */
  const backgroundAround = (from: Element | null): [number, number, number, number] => {
    for (let node = from; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg[3] > 0.5) return bg;
    }
    return [255, 255, 255, 1];
  };
  const hidden = (e: HTMLElement) => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return r.width <= 2 || r.height <= 2 || Number(s.opacity) === 0;
  };
  // A custom radio button or checkbox: the label draws the box, and its ring.
  const input = el as HTMLInputElement;
  const drawnByLabel = el.tagName === 'INPUT' && ['radio', 'checkbox'].includes(input.type) && hidden(el);
  const label = drawnByLabel && input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  const style = label ? getComputedStyle(label, '::before') : getComputedStyle(el);
  const around = backgroundAround(label ?? el.parentElement);
  let ratio = 0;
  const outline = parse(style.outlineColor);
  if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2 && outline && outline[3] > 0.5)
    ratio = contrast(outline, around);
  // A ring drawn as a box-shadow of at least 2 px spread.
  for (const shadow of style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\))/)) {
    const color = parse(shadow);
    const sizes = shadow
      .replace(/rgba?\([^)]*\)/, '')
      .trim()
      .split(/\s+/)
      .map(Number.parseFloat);
    if (color && color[3] > 0.5 && (sizes[3] ?? 0) >= 2) ratio = Math.max(ratio, contrast(color, around));
  }
  const name =
    el.getAttribute('aria-label') ??
    (label?.textContent || el.textContent || (el as HTMLInputElement).value || el.id || '').trim().slice(0, 50);
  const control = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} »${name}«`;
  const path: string[] = [];
  for (let node: Element | null = el; node && node !== document.body; node = node.parentElement)
    path.unshift(`${node.tagName}:${Array.prototype.indexOf.call(node.parentElement?.children ?? [], node)}`);
  return { key: path.join('/'), control, ratio: Math.round(ratio * 100) / 100 };
}
