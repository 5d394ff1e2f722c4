import { EndpointSummaryDto, EndpointUsageDto, LatencyDto, StatusCountDto } from './dto/analytics.dto';
import {
  emptyHistogram,
  Histogram,
  mergeHistograms,
  percentileFromHistogram,
  roundMs,
} from './rollups/latency-histogram';
import { UsageAggregate } from './usage.repository';

/** Pure shaping of rollup aggregates into the API's figures. */

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100;
}

export function averageMs(latencySumMs: number, requests: number): number | null {
  return requests === 0 ? null : roundMs(latencySumMs / requests);
}

export function latencyOf(latencySumMs: number, requests: number, histogram: Histogram): LatencyDto {
  return {
    avg: averageMs(latencySumMs, requests),
    p50: percentileFromHistogram(histogram, 0.5),
    p90: percentileFromHistogram(histogram, 0.9),
    p95: percentileFromHistogram(histogram, 0.95),
    p99: percentileFromHistogram(histogram, 0.99),
  };
}

/** Sums aggregates, optionally grouped by a key; groups keep first-seen order. */
export function combine(
  aggregates: readonly UsageAggregate[],
  keyOf: (aggregate: UsageAggregate) => string = () => '',
): Map<string, UsageAggregate> {
  const groups = new Map<string, UsageAggregate>();
  for (const aggregate of aggregates) {
    const key = keyOf(aggregate);
    const group = groups.get(key);
    if (group) {
      group.requests += aggregate.requests;
      group.errors += aggregate.errors;
      group.latencySumMs += aggregate.latencySumMs;
      mergeHistograms(group.histogram, aggregate.histogram);
    } else {
      groups.set(key, { ...aggregate, histogram: [...aggregate.histogram] });
    }
  }
  return groups;
}

export function total(aggregates: readonly UsageAggregate[]): UsageAggregate {
  return (
    combine(aggregates).get('') ?? {
      day: null,
      method: null,
      route: null,
      status: null,
      apiKeyId: null,
      requests: 0,
      errors: 0,
      latencySumMs: 0,
      histogram: emptyHistogram(),
    }
  );
}

export function statusCodes(aggregates: readonly UsageAggregate[]): StatusCountDto[] {
  return [...combine(aggregates, (a) => String(a.status)).values()]
    .map((a) => ({ status: a.status ?? 0, count: a.requests }))
    .sort((a, b) => a.status - b.status);
}

export function endpointUsage(aggregates: readonly UsageAggregate[]): EndpointUsageDto[] {
  return [...combine(aggregates, (a) => `${a.method ?? ''} ${a.route ?? ''}`).values()]
    .map((a) => ({
      method: a.method ?? '',
      route: a.route ?? '',
      requests: a.requests,
      errors: a.errors,
      error_rate: percent(a.errors, a.requests),
      avg_latency_ms: averageMs(a.latencySumMs, a.requests),
      p50_latency_ms: percentileFromHistogram(a.histogram, 0.5),
      p90_latency_ms: percentileFromHistogram(a.histogram, 0.9),
      p95_latency_ms: percentileFromHistogram(a.histogram, 0.95),
      p99_latency_ms: percentileFromHistogram(a.histogram, 0.99),
    }))
    .sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route) || a.method.localeCompare(b.method));
}

export function endpointSummary(aggregates: readonly UsageAggregate[]): EndpointSummaryDto[] {
  return endpointUsage(aggregates).map(({ method, route, requests, errors, error_rate }) => ({
    method,
    route,
    requests,
    errors,
    error_rate,
  }));
}
