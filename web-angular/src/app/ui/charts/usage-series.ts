import { DailyUsage } from '../../core/api/api.types';
import { ChartSeries } from './chart-theme';

/** Daily usage as line-chart series, labelled by month and day. */
export function requestSeries(days: DailyUsage[]): ChartSeries[] {
  return [
    { name: 'Requests', series: days.map((day) => ({ name: day.date.slice(5), value: day.requests })) },
    { name: 'Errors', series: days.map((day) => ({ name: day.date.slice(5), value: day.errors })) },
  ];
}

export function errorRateSeries(days: DailyUsage[]): ChartSeries[] {
  return [{ name: 'Error rate', series: days.map((day) => ({ name: day.date.slice(5), value: day.error_rate })) }];
}
