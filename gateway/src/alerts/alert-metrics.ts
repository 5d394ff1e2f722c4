import type { AlertMetric } from './alert-rule.entity';

/** What a window of one key's traffic and its quota say, as the rules read it. */
export interface WindowFigures {
  requests: number;
  errors: number;
  p95LatencyMs: number | null;
  quota: QuotaFigures[];
}

export interface QuotaFigures {
  window: 'daily' | 'monthly';
  limit: number;
  used: number;
  resetsAt: Date;
}

export interface QuotaForecast {
  /** The quota window that runs out first at the current rate. */
  window: 'daily' | 'monthly';
  requestsPerMinute: number;
  /** Null when the current rate does not exhaust the quota before it resets. */
  runsOutAt: Date | null;
}

const MINUTE_MS = 60_000;

/** The metric over the window, or null when there is nothing to measure (no request, no quota). */
export function metricValue(metric: AlertMetric, figures: WindowFigures): number | null {
  switch (metric) {
    case 'error_rate':
      return figures.requests === 0 ? null : (figures.errors / figures.requests) * 100;
    case 'p95_latency_ms':
      return figures.p95LatencyMs;
    case 'quota_use': {
      const used = figures.quota.filter(({ limit }) => limit > 0).map(({ used, limit }) => (used / limit) * 100);
      return used.length === 0 ? null : Math.max(...used);
    }
  }
}

/** Fires at or above the threshold; a window without a value does not fire. */
export function isFiring(value: number | null, threshold: number): boolean {
  return value !== null && value >= threshold;
}

/**
 * When the quota runs out if requests keep coming at the window's rate: the first window to be exhausted before it
 * resets, or, when none is, the daily one with a null date.
 */
export function forecastQuota(figures: WindowFigures, windowMinutes: number, now: Date): QuotaForecast | null {
  const quotas = figures.quota.filter(({ limit }) => limit > 0);
  if (quotas.length === 0) {
    return null;
  }
  const requestsPerMinute = figures.requests / windowMinutes;
  const exhausted = quotas
    .map(({ window, limit, used, resetsAt }) => {
      const minutesLeft = requestsPerMinute > 0 ? Math.max(0, limit - used) / requestsPerMinute : Infinity;
      const runsOutAt = new Date(now.getTime() + minutesLeft * MINUTE_MS);
      return { window, runsOutAt: runsOutAt < resetsAt ? runsOutAt : null };
    })
    .filter(({ runsOutAt }) => runsOutAt !== null)
    .sort((a, b) => (a.runsOutAt as Date).getTime() - (b.runsOutAt as Date).getTime());
  const first = exhausted[0] ?? { window: quotas[0].window, runsOutAt: null };
  return { ...first, requestsPerMinute: Math.round(requestsPerMinute * 100) / 100 };
}

const NAMES: Record<AlertMetric, { name: string; unit: string }> = {
  error_rate: { name: 'error rate', unit: '%' },
  p95_latency_ms: { name: 'p95 latency', unit: 'ms' },
  quota_use: { name: 'quota use', unit: '%' },
};

export function alertMessage(metric: AlertMetric, value: number | null, threshold: number, firing: boolean): string {
  const { name, unit } = NAMES[metric];
  const figure = value === null ? `no traffic, so no ${name}` : `${name} ${value.toFixed(1)} ${unit}`;
  return `${figure}, ${firing ? 'at or above' : 'below'} ${threshold} ${unit}`;
}
