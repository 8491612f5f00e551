export { type BarRow, type MeasureBarsOptions, measureBarsSvg, NO_CASES_TEXT, SUPPRESSED_TEXT } from './bars';
export { type MonthBarsOptions, type MonthSeries, monthBarsSvg, NO_FIGURE_TEXT } from './months';
export {
  CHART_COLORS,
  escapeXml,
  FONT_FAMILY,
  svgDataUrl,
} from './svg';
export { NO_ROUNDS_TEXT, type TrendOptions, type TrendPointInput, trendSvg } from './trend';
