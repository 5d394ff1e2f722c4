import { EndpointUsage, SearchDayClickStats, UsageSummary } from '../../core/api/api.types';
import { ChartPoint, ChartSeries } from '../../ui/charts/chart-theme';

// Every API route shares it, so it only costs label space.
const API_PREFIX = /^\/api\/v1(?=\/|$)/;

export function endpointPoints(
  endpoints: Pick<EndpointUsage, 'method' | 'route' | 'requests'>[],
  limit = 10,
): ChartPoint[] {
  return [...endpoints]
    .sort((a, b) => b.requests - a.requests)
    .slice(0, limit)
    .map((endpoint) => ({
      name: `${endpoint.method} ${endpoint.route.replace(API_PREFIX, '') || '/'}`,
      value: endpoint.requests,
    }));
}

/** Buckets as bars, without the empty runs at either end so the populated range fills the chart. */
export function latencyPoints(histogram: UsageSummary['latency_histogram']): ChartPoint[] {
  const first = histogram.findIndex((bucket) => bucket.count > 0);
  if (first === -1) {
    return [];
  }
  let last = histogram.length - 1;
  while (histogram[last].count === 0) {
    last--;
  }
  const previousBound = first > 0 ? histogram[first - 1].le_ms : null;
  return histogram.slice(first, last + 1).map((bucket, i) => {
    const lower = i === 0 ? previousBound : histogram[first + i - 1].le_ms;
    return {
      name: bucket.le_ms === null ? `> ${formatMs(lower ?? 0)}` : `≤ ${formatMs(bucket.le_ms)}`,
      value: bucket.count,
    };
  });
}

function formatMs(ms: number): string {
  if (ms >= 1000) {
    return `${Math.round(ms / 100) / 10} s`;
  }
  return ms >= 10 ? `${Math.round(ms)} ms` : `${Math.round(ms * 10) / 10} ms`;
}

/** Daily click-through and no-result rates (0..1 in the API) as percentages, labelled by month and day. */
export function searchRateSeries(days: SearchDayClickStats[]): ChartSeries[] {
  const point = (date: string, rate: number) => ({ name: date.slice(5), value: Math.round(rate * 1000) / 10 });
  return [
    { name: 'Click-through rate', series: days.map((day) => point(day.date, day.click_through_rate)) },
    { name: 'No-result rate', series: days.map((day) => point(day.date, day.no_result_rate)) },
  ];
}
