import { formatCount } from '../domain/format';
import { CHART_COLORS, el, estimateTextWidth, hatchLines, svgDocument, TARGET_DASH, text, title, yGrid } from './svg';

/** One series of bars: solid, or pale and hatched (so two series stay apart in black and white). */
export interface MonthSeries {
  name: string;
  hatched?: boolean;
}

export interface MonthBarsOptions {
  /** Month labels, e.g. »jan.« (the year under January and under the first month). */
  labels: readonly string[];
  series: readonly MonthSeries[];
  /** values[s][m]: series s in month m; null where the month has no figure (no list). */
  values: readonly (readonly (number | null)[])[];
  target?: { value: number; label: string } | null;
  /** What stands in a month without a figure, where it is not »ingen liste« (e.g. »talt i sager«). */
  emptyTexts?: readonly (string | null)[];
  title?: string;
  width?: number;
  height?: number;
}

export const NO_FIGURE_TEXT = 'ingen liste';

const PAD = 16;
const TICK_SIZE = 10;
const LABEL_SIZE = 11;
const VALUE_SIZE = 9;

/** Round steps for the y axis: 1, 2, 5, 10, 20, 50 … */
function niceStep(max: number, ticks = 4): number {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}

/**
 * Bars per month for counts (sager on the 1st, tilgang and afgang, sager per caseworker), one group per month, each
 * series a bar with its value above it, a dashed måltal line, and »ingen liste« where a month has no figure.
 */
export function monthBarsSvg(options: MonthBarsOptions): string {
  const width = Math.max(320, Math.round(options.width ?? 760));
  const { labels, series, values } = options;
  const parts: string[] = [];
  let top = PAD;
  if (options.title) {
    parts.push(text(PAD, top + 14, options.title, { size: 15, bold: true, role: 'title' }));
    top += 24;
  }
  if (series.length > 1) {
    let x = PAD;
    series.forEach((s, i) => {
      parts.push(
        el('rect', {
          x,
          y: top + 2,
          width: 12,
          height: 12,
          fill: s.hatched ? CHART_COLORS.belowFill : CHART_COLORS.bar,
          stroke: s.hatched ? CHART_COLORS.belowStroke : CHART_COLORS.bar,
        }),
        s.hatched ? hatchLines(x, top + 2, 12, 12, 4, CHART_COLORS.belowStroke) : '',
        text(x + 17, top + 12, s.name, { size: LABEL_SIZE, role: `legend-${i}` }),
      );
      x += 17 + estimateTextWidth(s.name, LABEL_SIZE) + 18;
    });
    top += 22;
  }
  const all = values.flatMap((v) => v.filter((x): x is number => x !== null));
  const target = options.target ?? null;
  const max = Math.max(1, ...all, target?.value ?? 0);
  const step = niceStep(max);
  // Room above the highest bar for its value.
  const axisMax = Math.ceil((max * 1.08) / step) * step;
  const tickWidth = estimateTextWidth(formatCount(axisMax), TICK_SIZE);
  const targetWidth = target ? estimateTextWidth(target.label, LABEL_SIZE, true) + 10 : 4;
  const plotLeft = PAD + tickWidth + 8;
  const plotRight = width - PAD - targetWidth;
  const height = Math.max(Math.round(options.height ?? 280), top + 200);
  const plotTop = top + 14;
  const plotBottom = height - PAD - 30;
  const yAt = (v: number) => plotBottom - (v / axisMax) * (plotBottom - plotTop);
  const slot = (plotRight - plotLeft) / Math.max(1, labels.length);
  const barWidth = Math.min(28, (slot - 6) / Math.max(1, series.length));

  const ticks = Array.from({ length: Math.floor(axisMax / step) + 1 }, (_, i) => i * step);
  parts.push(yGrid(ticks, yAt, { left: plotLeft, right: plotRight }, formatCount, TICK_SIZE));

  labels.forEach((label, m) => {
    const center = plotLeft + slot * (m + 0.5);
    const [line1, line2] = label.split('\n');
    parts.push(text(center, plotBottom + 14, line1 ?? '', { size: LABEL_SIZE, anchor: 'middle', role: 'month' }));
    if (line2)
      parts.push(
        text(center, plotBottom + 27, line2, { size: TICK_SIZE, anchor: 'middle', fill: CHART_COLORS.mutedText }),
      );
    const monthValues = series.map((_, s) => values[s]?.[m] ?? null);
    if (monthValues.every((v) => v === null)) {
      // Where the words do not fit, a dash says the same.
      const said = options.emptyTexts?.[m] ?? NO_FIGURE_TEXT;
      const words = estimateTextWidth(said, VALUE_SIZE) < slot - 4 ? said : '–';
      parts.push(
        text(center, plotBottom - 6, words, {
          size: VALUE_SIZE,
          anchor: 'middle',
          italic: true,
          fill: CHART_COLORS.mutedText,
          role: 'empty',
        }),
      );
      return;
    }
    const groupLeft = center - (barWidth * series.length) / 2;
    series.forEach((s, i) => {
      const v = monthValues[i];
      if (v === null || v === undefined) return;
      const x = groupLeft + i * barWidth + 1;
      const y = yAt(v);
      const w = barWidth - 2;
      const h = plotBottom - y;
      parts.push(
        el('g', { 'data-role': 'bar' }, [
          title(`${label.replace('\n', ' ')}: ${s.name} ${formatCount(v)}`),
          el('rect', {
            x,
            y,
            width: w,
            height: h,
            fill: s.hatched ? CHART_COLORS.belowFill : CHART_COLORS.bar,
            stroke: s.hatched ? CHART_COLORS.belowStroke : CHART_COLORS.bar,
          }),
          s.hatched ? hatchLines(x, y, w, h, 5, CHART_COLORS.belowStroke) : '',
          w >= 12 || series.length === 1
            ? text(x + w / 2, y - 3, formatCount(v), { size: VALUE_SIZE, anchor: 'middle', role: 'value' })
            : '',
        ]),
      );
    });
  });

  if (target) {
    const y = yAt(target.value);
    parts.push(
      el('g', { 'data-role': 'target-group' }, [
        title(target.label),
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
        text(plotRight + 6, y + 4, target.label, { size: LABEL_SIZE, bold: true, role: 'target-label' }),
      ]),
    );
  }
  return svgDocument(width, height, parts.join(''), options.title);
}
