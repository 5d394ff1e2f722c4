import { Color, ScaleType } from '@swimlane/ngx-charts';

/** The platform's chart palette: calm blues first, with a distinct red reserved for errors. */
export const CHART_COLORS = ['#1f6feb', '#0e9f8e', '#8957e5', '#d97706', '#db2777', '#64748b'];
export const ERROR_COLOR = '#d1242f';

export const CHART_SCHEME: Color = {
  name: 'platform',
  selectable: true,
  group: ScaleType.Ordinal,
  domain: CHART_COLORS,
};

/** Single-series bars read best in one colour; the bar's label already names it. */
export const BAR_SCHEME: Color = {
  name: 'platform-bars',
  selectable: true,
  group: ScaleType.Ordinal,
  domain: [CHART_COLORS[0]],
};

export interface ChartPoint {
  name: string;
  value: number;
}

export interface ChartSeries {
  name: string;
  series: ChartPoint[];
}

export function formatCount(value: number): string {
  return Math.abs(value) >= 1000 ? `${(value / 1000).toFixed(1)}k` : String(Math.round(value * 100) / 100);
}

/** For values already in percent (0..100), as the analytics API returns rates. */
export function formatPercent(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}
