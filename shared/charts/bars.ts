import { formatCount, formatPercent, formatShare } from '../domain/format';
import {
  CHART_COLORS,
  clamp,
  el,
  estimateTextWidth,
  hatchLines,
  svgDocument,
  TARGET_DASH,
  text,
  title,
  wrapText,
} from './svg';

/** One measure (question) of a review: how large a share of the applicable cases met it. */
export interface BarRow {
  label: string;
  /** 0..1; null when no case was applicable. */
  share: number | null;
  /** The target (måltal) in percent, 0..100; null when the measure has none. */
  target: number | null;
  /** Number of applicable cases. */
  n: number;
  /** Too few cases to show without risking identification. */
  suppressed?: boolean;
}

export interface MeasureBarsOptions {
  width?: number;
  title?: string;
}

export const SUPPRESSED_TEXT = 'Færre end 3 sager – ikke vist';
export const NO_CASES_TEXT = 'Ingen relevante sager';

const PAD = 16;
const TITLE_SIZE = 15;
const TITLE_LINE = 19;
const LABEL_SIZE = 12;
const LABEL_LINE = 15;
const LABEL_MAX_LINES = 3;
const VALUE_SIZE = 11;
const TICK_SIZE = 10;
const LEGEND_SIZE = 11;
const BAR_HEIGHT = 16;
const MIN_ROW_HEIGHT = 34;
const TICKS = [0, 25, 50, 75, 100];

type RowState = 'suppressed' | 'empty' | 'below' | 'met';

function rowState(row: BarRow): RowState {
  if (row.suppressed) return 'suppressed';
  if (row.share === null || !Number.isFinite(row.share)) return 'empty';
  if (row.target !== null && Number.isFinite(row.target) && row.share * 100 < row.target) return 'below';
  return 'met';
}

function valueText(row: BarRow): string {
  return `${formatShare(clamp(row.share ?? 0, 0, 1))} (n=${formatCount(row.n)})`;
}

function hasTarget(row: BarRow): row is BarRow & { target: number } {
  return row.target !== null && Number.isFinite(row.target);
}

/** A bar that reads in black and white: solid when on target, pale and hatched with an outline when below. */
function bar(x: number, y: number, width: number, height: number, below: boolean): string {
  if (!below) {
    return el('rect', { x, y, width, height, fill: CHART_COLORS.bar, 'data-role': 'bar' });
  }
  return [
    el('rect', { x, y, width, height, fill: CHART_COLORS.belowFill, 'data-role': 'bar', 'data-below': 'true' }),
    hatchLines(x, y, width, height, 5, CHART_COLORS.belowStroke),
    width > 0
      ? el('rect', {
          x: x + 0.6,
          y: y + 0.6,
          width: Math.max(0, width - 1.2),
          height: height - 1.2,
          fill: 'none',
          stroke: CHART_COLORS.belowStroke,
          'stroke-width': 1.2,
        })
      : '',
  ].join('');
}

function targetMarker(x: number, y1: number, y2: number, role?: string): string {
  return el('line', {
    x1: x,
    y1,
    x2: x,
    y2,
    stroke: CHART_COLORS.target,
    'stroke-width': 2,
    'stroke-dasharray': TARGET_DASH,
    'data-role': role,
  });
}

function legend(
  x: number,
  y: number,
  maxRight: number,
  showBelow: boolean,
  showTarget: boolean,
): {
  markup: string;
  height: number;
} {
  const items: { width: number; draw: (x: number, y: number) => string }[] = [];
  const swatch = 18;
  const item = (label: string, symbol: (x: number, y: number) => string) => {
    items.push({
      width: swatch + 6 + estimateTextWidth(label, LEGEND_SIZE),
      draw: (ix, iy) => symbol(ix, iy) + text(ix + swatch + 6, iy + 4, label, { size: LEGEND_SIZE }),
    });
  };
  item('Andel opfyldt', (ix, iy) => bar(ix, iy - 5, swatch, 10, false));
  if (showBelow) item('Under måltal', (ix, iy) => bar(ix, iy - 5, swatch, 10, true));
  if (showTarget) item('Måltal', (ix, iy) => targetMarker(ix + swatch / 2, iy - 8, iy + 8));
  const parts: string[] = [];
  let cx = x;
  let cy = y;
  for (const it of items) {
    if (cx > x && cx + it.width > maxRight) {
      cx = x;
      cy += 20;
    }
    parts.push(it.draw(cx, cy));
    cx += it.width + 22;
  }
  return { markup: el('g', { 'data-role': 'legend' }, parts), height: cy - y + 20 };
}

/**
 * Horizontal bars, one per measure: the share of applicable cases that met it, the target as a dashed marker,
 * and the value as "66,7 % (n=12)". Bars below their target are hatched so the chart also reads in print.
 */
export function measureBarsSvg(rows: BarRow[], options: MeasureBarsOptions = {}): string {
  const width = Math.max(320, Math.round(options.width ?? 640));
  const chartTitle = options.title?.trim() ?? '';
  const parts: string[] = [];
  let y = PAD;

  if (chartTitle) {
    const lines = wrapText(chartTitle, width - 2 * PAD, TITLE_SIZE, 2, true);
    lines.forEach((line, i) => {
      parts.push(text(PAD, y + 14 + i * TITLE_LINE, line, { size: TITLE_SIZE, bold: true, role: 'title' }));
    });
    y += lines.length * TITLE_LINE + 8;
  }

  if (rows.length === 0) {
    parts.push(
      text(PAD, y + 14, 'Ingen spørgsmål at vise', { size: LABEL_SIZE, italic: true, fill: CHART_COLORS.mutedText }),
    );
    const height = y + 14 + PAD;
    return svgDocument(width, height, parts.join(''), chartTitle || 'Ingen spørgsmål at vise');
  }

  const states = rows.map(rowState);
  const showBelow = states.includes('below');
  const showTarget = rows.some((row, i) => hasTarget(row) && (states[i] === 'met' || states[i] === 'below'));
  const leg = legend(PAD, y + 8, width - PAD, showBelow, showTarget);
  parts.push(leg.markup);
  y += leg.height + 8;

  // Columns: labels take the left 40 %, the plot the middle, and the values get room to the right of a full bar.
  const plotLeft = Math.round(width * 0.4);
  const labelWidth = plotLeft - PAD - 12;
  const valueWidths = rows.map((row, i) =>
    states[i] === 'met' || states[i] === 'below' ? estimateTextWidth(valueText(row), VALUE_SIZE) : 0,
  );
  const valueReserve = Math.max(estimateTextWidth('100 % (n=99)', VALUE_SIZE), ...valueWidths) + 10;
  const plotRight = width - PAD - valueReserve;
  const plotWidth = plotRight - plotLeft;
  const xFor = (percent: number) => plotLeft + (clamp(percent, 0, 100) / 100) * plotWidth;

  const rowsTop = y;
  const rowParts: string[] = [];
  const separators: number[] = [];
  rows.forEach((row, i) => {
    const state = states[i] as RowState;
    const lines = wrapText(row.label, labelWidth, LABEL_SIZE, LABEL_MAX_LINES);
    const rowHeight = Math.max(MIN_ROW_HEIGHT, lines.length * LABEL_LINE + 12);
    const mid = y + rowHeight / 2;
    const barY = mid - BAR_HEIGHT / 2;
    const g: string[] = [];

    const firstBaseline = mid - ((lines.length - 1) * LABEL_LINE) / 2 + 4;
    lines.forEach((line, li) => {
      g.push(text(PAD, firstBaseline + li * LABEL_LINE, line, { size: LABEL_SIZE, role: 'label' }));
    });

    let description: string;
    if (state === 'suppressed' || state === 'empty') {
      const message = state === 'suppressed' ? SUPPRESSED_TEXT : NO_CASES_TEXT;
      g.push(
        text(plotLeft + 6, mid + 4, message, {
          size: VALUE_SIZE,
          italic: true,
          fill: CHART_COLORS.mutedText,
          role: 'note',
        }),
      );
      description = `${row.label}: ${message}`;
    } else {
      const share = clamp(row.share as number, 0, 1);
      const barEnd = xFor(share * 100);
      g.push(bar(plotLeft, barY, barEnd - plotLeft, BAR_HEIGHT, state === 'below'));
      const value = valueText(row);
      const valueWidth = estimateTextWidth(value, VALUE_SIZE);
      let valueX = barEnd + 6;
      if (hasTarget(row)) {
        const tx = xFor(row.target);
        g.push(targetMarker(tx, barY - 6, barY + BAR_HEIGHT + 6, 'target'));
        // Keep the value clear of the target marker: move it past the marker if they would overlap.
        if (tx > valueX - 4 && tx < valueX + valueWidth + 4) valueX = tx + 6;
      }
      g.push(text(valueX, mid + 4, value, { size: VALUE_SIZE, role: 'value' }));
      description = `${row.label}: ${value}`;
      if (hasTarget(row)) description += `, måltal ${formatPercent(row.target)}`;
      if (state === 'below') description += ' (under måltal)';
    }

    rowParts.push(el('g', { 'data-role': 'row' }, [title(description), ...g]));
    y += rowHeight;
    if (i < rows.length - 1) separators.push(y);
  });
  const rowsBottom = y;

  // Row separators, grid and axis go under the rows.
  const grid: string[] = separators.map((sy) =>
    el('line', { x1: PAD, y1: sy, x2: width - PAD, y2: sy, stroke: CHART_COLORS.separator, 'stroke-width': 1 }),
  );
  for (const tick of TICKS) {
    const x = xFor(tick);
    grid.push(
      el('line', {
        x1: x,
        y1: rowsTop,
        x2: x,
        y2: rowsBottom,
        stroke: tick === 0 ? CHART_COLORS.axis : CHART_COLORS.grid,
        'stroke-width': 1,
      }),
    );
    grid.push(
      text(x, rowsBottom + 15, formatPercent(tick), {
        size: TICK_SIZE,
        anchor: 'middle',
        fill: CHART_COLORS.mutedText,
        role: 'tick',
      }),
    );
  }
  grid.push(
    el('line', {
      x1: plotLeft,
      y1: rowsBottom,
      x2: plotRight,
      y2: rowsBottom,
      stroke: CHART_COLORS.axis,
      'stroke-width': 1,
    }),
  );

  const height = Math.ceil(rowsBottom + 15 + PAD);
  return svgDocument(
    width,
    height,
    [...parts, el('g', { 'data-role': 'grid' }, grid), ...rowParts].join(''),
    chartTitle || 'Andel opfyldt pr. spørgsmål',
  );
}
