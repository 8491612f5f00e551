import { formatCount, formatPercent, formatShare } from '../domain/format';
import {
  CHART_COLORS,
  clamp,
  el,
  estimateTextWidth,
  num,
  svgDocument,
  TARGET_DASH,
  text,
  title,
  truncateToWidth,
  wrapText,
  yGrid,
} from './svg';

/** One review round of the same measure. */
export interface TrendPointInput {
  label: string;
  /** 0..1 */
  share: number;
  /** Number of applicable cases. */
  n: number;
  /** The round the others are compared with. */
  baseline?: boolean;
}

export interface TrendOptions {
  width?: number;
  height?: number;
  /** The target (måltal) in percent, 0..100. */
  target?: number | null;
  title?: string;
}

export const NO_ROUNDS_TEXT = 'Ingen tidligere runder';

const PAD = 16;
const TITLE_SIZE = 15;
const TITLE_LINE = 19;
const TICK_SIZE = 10;
const LABEL_SIZE = 11;
const LABEL_LINE = 13;
const VALUE_SIZE = 10;
const ROTATION = 40;
const MAX_ROTATED_LABEL = 150;
/** How far apart slanted labels must stand for a line's height between them, or only some rounds are labelled. */
const MIN_LABEL_GAP = LABEL_LINE / Math.sin((ROTATION * Math.PI) / 180);
const TICKS = [0, 25, 50, 75, 100];
const MIN_PLOT_HEIGHT = 140;

/**
 * A line chart of one measure across review rounds, oldest first: y is the share in percent (0–100), each round a
 * point with its value above it, the baseline round a square, and the target a dashed line labelled "Måltal 90 %".
 */
export function trendSvg(points: TrendPointInput[], options: TrendOptions = {}): string {
  const width = Math.max(280, Math.round(options.width ?? 640));
  const chartTitle = options.title?.trim() ?? '';
  const target =
    options.target !== null && options.target !== undefined && Number.isFinite(options.target)
      ? clamp(options.target, 0, 100)
      : null;
  const parts: string[] = [];
  let top = PAD;

  if (chartTitle) {
    const lines = wrapText(chartTitle, width - 2 * PAD, TITLE_SIZE, 2, true);
    lines.forEach((line, i) => {
      parts.push(text(PAD, top + 14 + i * TITLE_LINE, line, { size: TITLE_SIZE, bold: true, role: 'title' }));
    });
    top += lines.length * TITLE_LINE + 4;
  }

  if (points.length === 0) {
    const height = top + 34 + PAD;
    parts.push(
      el('rect', {
        x: PAD,
        y: top + 4,
        width: width - 2 * PAD,
        height: 34,
        fill: 'none',
        stroke: CHART_COLORS.grid,
        'stroke-width': 1,
        'stroke-dasharray': '4 3',
      }),
      text(width / 2, top + 25, NO_ROUNDS_TEXT, {
        size: 12,
        anchor: 'middle',
        italic: true,
        fill: CHART_COLORS.mutedText,
        role: 'empty',
      }),
    );
    return svgDocument(width, height + 4, parts.join(''), chartTitle || NO_ROUNDS_TEXT);
  }

  const count = points.length;
  const tickLabelWidth = estimateTextWidth('100 %', TICK_SIZE);
  const targetLabel = target === null ? '' : `Måltal ${formatPercent(target)}`;
  const plotRight = width - PAD - (target === null ? 4 : estimateTextWidth(targetLabel, LABEL_SIZE, true) + 10);
  let plotLeft = PAD + tickLabelWidth + 8;
  let slot = (plotRight - plotLeft) / count;

  // X labels: wrapped under each point when there is room, otherwise slanted (then without n, to stay short).
  const wrapWidth = slot - 6;
  const wrapped = points.map((p) => wrapText(p.label, wrapWidth, LABEL_SIZE, 2));
  const cut = wrapped.some((lines, i) => lines.join(' ') !== (points[i]?.label ?? '').replace(/\s+/g, ' ').trim());
  const rotate = wrapWidth < 44 || cut;
  const rotatedTexts = points.map((p) => {
    const suffix = p.baseline ? ' · Baseline' : '';
    const room = MAX_ROTATED_LABEL - estimateTextWidth(suffix, LABEL_SIZE, p.baseline);
    return `${truncateToWidth(p.label, room, LABEL_SIZE, p.baseline)}${suffix}`;
  });
  // Too many rounds for the width (a small chart of five years of quarters): slanted labels a line apart at most,
  // and values as far apart as they are wide; the first, the last and the baseline always. Every round keeps its point.
  const baselines = points.flatMap((p, i) => (p.baseline ? [i] : []));
  const labelledAt = (room: number) => (rotate ? everyFew(count, Math.ceil(MIN_LABEL_GAP / room), baselines) : []);
  let labelled = labelledAt(slot);
  const cos = Math.cos((ROTATION * Math.PI) / 180);
  const sin = Math.sin((ROTATION * Math.PI) / 180);
  let bottomArea: number;
  if (rotate) {
    const widths = rotatedTexts.map((t, i) =>
      labelled[i] ? estimateTextWidth(t, LABEL_SIZE, points[i]?.baseline) : 0,
    );
    bottomArea = 16 + Math.max(...widths) * sin + 8;
    // Slanted labels reach left of their point; the first ones must not leave the picture.
    for (let pass = 0; pass < 2; pass++) {
      const reach = Math.max(...widths.map((w, i) => w * cos - 3 - slot * (i + 0.5)));
      plotLeft = Math.max(PAD + tickLabelWidth + 8, PAD + reach + 2);
      slot = (plotRight - plotLeft) / count;
    }
    // The room for the first labels made the rounds closer: fewer may be labelled (the reach only shrinks then).
    labelled = labelledAt(slot);
  } else {
    const maxLines = Math.max(...wrapped.map((lines, i) => lines.length + (points[i]?.baseline ? 2 : 1)));
    bottomArea = 8 + maxLines * LABEL_LINE;
  }
  const xAt = (i: number) => plotLeft + slot * (i + 0.5);

  const valueSize = slot < 30 ? VALUE_SIZE - 1 : VALUE_SIZE;
  const plotTop = top + 26;
  const height = Math.max(Math.round(options.height ?? 280), Math.ceil(plotTop + MIN_PLOT_HEIGHT + bottomArea + PAD));
  const plotBottom = height - PAD - bottomArea;
  const yAt = (percent: number) => plotBottom - (clamp(percent, 0, 100) / 100) * (plotBottom - plotTop);

  // Y grid and axis.
  parts.push(yGrid(TICKS, yAt, { left: plotLeft, right: plotRight }, formatPercent, TICK_SIZE));

  if (target !== null) {
    const y = yAt(target);
    parts.push(
      el('g', { 'data-role': 'target-group' }, [
        title(targetLabel),
        el('line', {
          x1: plotLeft,
          y1: y,
          x2: plotRight,
          y2: y,
          stroke: CHART_COLORS.target,
          'stroke-width': 1.5,
          'stroke-dasharray': TARGET_DASH,
          'data-role': 'target',
        }),
        text(plotRight + 6, y + 4, targetLabel, { size: LABEL_SIZE, bold: true, role: 'target-label' }),
      ]),
    );
  }

  // The line, broken where a round has no valid value.
  const coords = points.map((p, i) =>
    Number.isFinite(p.share) ? { x: xAt(i), y: yAt(clamp(p.share, 0, 1) * 100) } : null,
  );
  const segments: Segment[] = [];
  const runs: string[][] = [];
  let run: string[] = [];
  coords.forEach((c, i) => {
    if (!c) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    run.push(`${num(c.x)},${num(c.y)}`);
    const prev = coords[i - 1];
    if (prev) segments.push([prev.x, prev.y, c.x, c.y]);
  });
  if (run.length) runs.push(run);
  for (const r of runs) {
    if (r.length < 2) continue;
    parts.push(
      el('polyline', {
        points: r.join(' '),
        fill: 'none',
        stroke: CHART_COLORS.line,
        'stroke-width': 2.5,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
        'data-role': 'line',
      }),
    );
  }

  const valueTexts = points.map((p) => (Number.isFinite(p.share) ? formatShare(clamp(p.share, 0, 1)) : '–'));
  const valueWidths = valueTexts.map((t) => estimateTextWidth(t, valueSize, true));
  const valued = everyFew(count, Math.ceil((Math.max(...valueWidths) + 4) / slot), baselines);
  const valueBaselines = placeValues(
    coords,
    valued,
    valueWidths,
    valueSize,
    segments,
    target === null ? null : yAt(target),
    top,
    plotBottom,
  );

  // Points, values and x labels.
  points.forEach((p, i) => {
    const x = xAt(i);
    const c = coords[i];
    const value = valueTexts[i] as string;
    const g: string[] = [title(`${p.label}${p.baseline ? ' (baseline)' : ''}: ${value} (n=${formatCount(p.n)})`)];
    if (c) {
      if (p.baseline) {
        g.push(
          el('rect', {
            x: c.x - 5,
            y: c.y - 5,
            width: 10,
            height: 10,
            fill: CHART_COLORS.background,
            stroke: CHART_COLORS.text,
            'stroke-width': 2,
            'data-role': 'baseline-point',
          }),
        );
      } else {
        g.push(
          el('circle', {
            cx: c.x,
            cy: c.y,
            r: 4.5,
            fill: CHART_COLORS.line,
            stroke: CHART_COLORS.background,
            'stroke-width': 1.5,
            'data-role': 'point',
          }),
        );
      }
      const vy = valueBaselines[i];
      if (valued[i] && vy !== null && vy !== undefined)
        g.push(text(c.x, vy, value, { size: valueSize, bold: true, anchor: 'middle', role: 'value' }));
    }

    if (rotate && labelled[i]) {
      const ly = plotBottom + 14;
      g.push(
        text(x + 3, ly, rotatedTexts[i] as string, {
          size: LABEL_SIZE,
          anchor: 'end',
          transform: `rotate(-${ROTATION} ${num(x + 3)} ${num(ly)})`,
          fill: p.baseline ? CHART_COLORS.text : CHART_COLORS.mutedText,
          bold: p.baseline,
          role: p.baseline ? 'baseline-label' : 'x-label',
        }),
      );
    } else if (!rotate) {
      let ly = plotBottom + 18;
      for (const line of wrapped[i] ?? []) {
        g.push(text(x, ly, line, { size: LABEL_SIZE, anchor: 'middle', role: 'x-label' }));
        ly += LABEL_LINE;
      }
      g.push(
        text(x, ly, `n=${formatCount(p.n)}`, {
          size: TICK_SIZE,
          anchor: 'middle',
          fill: CHART_COLORS.mutedText,
          role: 'n',
        }),
      );
      if (p.baseline) {
        ly += LABEL_LINE;
        g.push(text(x, ly, 'Baseline', { size: LABEL_SIZE, anchor: 'middle', bold: true, role: 'baseline-label' }));
      }
    }
    parts.push(el('g', { 'data-role': 'round' }, g));
  });

  return svgDocument(width, height, parts.join(''), chartTitle || 'Udvikling over runder');
}

type Segment = [number, number, number, number];

/** Whether a line segment passes through a rectangle (Liang–Barsky clipping). */
function segmentHitsBox([x1, y1, x2, y2]: Segment, left: number, top: number, right: number, bottom: number): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - left],
    [dx, right - x1],
    [-dy, y1 - top],
    [dy, bottom - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * Which of `count` rounds get a label when only every `step`th has room: the last (this round), every baseline, the
 * first, and every `step`th before the last. Each gives way to one before it in that order when closer than `step`.
 */
function everyFew(count: number, step: number, baselines: readonly number[]): boolean[] {
  const shown = Array.from({ length: count }, () => step <= 1);
  if (step <= 1) return shown;
  const kept: number[] = [];
  const room = (i: number) => kept.every((k) => Math.abs(k - i) >= step);
  for (const i of [count - 1, ...baselines, 0]) if (i >= 0 && i < count && room(i)) kept.push(i);
  for (let i = count - 1 - step; i > 0; i -= step) if (room(i)) kept.push(i);
  for (const i of kept) shown[i] = true;
  return shown;
}

/**
 * Where each value label goes (its baseline), left to right: above its point if that is clear, else below, else a
 * step further out; "clear" meaning not on another label, a point, the line or the target line.
 */
function placeValues(
  coords: ({ x: number; y: number } | null)[],
  /** The rounds whose value is written (every point is in the way of the others' values). */
  wanted: readonly boolean[],
  widths: number[],
  size: number,
  segments: Segment[],
  targetY: number | null,
  minTop: number,
  maxBottom: number,
): (number | null)[] {
  const placed: [number, number, number, number][] = [];
  const ascent = size * 0.75;
  const descent = size * 0.22;
  const above = -7 - descent;
  const below = 7 + ascent;
  const step = size + 2;
  const offsets = [above, below, above - step, below + step, above - 2 * step, below + 2 * step];
  return coords.map((c, i) => {
    if (!c || !wanted[i]) return null;
    const half = (widths[i] ?? 0) / 2 + 1.5;
    let best = c.y + above;
    let bestCost = Number.POSITIVE_INFINITY;
    offsets.forEach((offset, rank) => {
      const baseline = c.y + offset;
      const box = [c.x - half, baseline - ascent, c.x + half, baseline + descent] as const;
      let cost = rank * 0.5;
      for (const [l, t, r, b] of placed) {
        if (box[0] < r && box[2] > l && box[1] < b && box[3] > t) cost += 20;
      }
      coords.forEach((o, j) => {
        if (o && j !== i && box[0] < o.x + 6 && box[2] > o.x - 6 && box[1] < o.y + 6 && box[3] > o.y - 6) cost += 12;
      });
      for (const seg of segments) {
        if (segmentHitsBox(seg, box[0], box[1], box[2], box[3])) cost += 4;
      }
      if (targetY !== null && targetY > box[1] - 1.5 && targetY < box[3] + 1.5) cost += 10;
      if (box[1] < minTop || box[3] > maxBottom - 2) cost += 30;
      if (cost < bestCost) {
        bestCost = cost;
        best = baseline;
      }
    });
    placed.push([c.x - half, best - ascent, c.x + half, best + descent]);
    return best;
  });
}
