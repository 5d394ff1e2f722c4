import type { AlertRuleDto, CreateAlertRuleDto } from '@video-search/sdk/angular';

export type AlertMetric = CreateAlertRuleDto['metric'];

export const ALERT_METRICS: readonly { value: AlertMetric; label: string; unit: string }[] = [
  { value: 'error_rate', label: 'Error rate', unit: '%' },
  { value: 'p95_latency_ms', label: 'p95 latency', unit: 'ms' },
  { value: 'quota_use', label: 'Quota use', unit: '%' },
];

export const DEFAULT_WINDOW_MINUTES = 15;
export const MAX_WINDOW_MINUTES = 1440;

export function metricLabel(metric: AlertMetric): string {
  return ALERT_METRICS.find((entry) => entry.value === metric)?.label ?? metric;
}

/** A figure of the metric with its unit: "12.5 %" or "340 ms". */
export function formatMetric(metric: AlertMetric, value: number | null): string {
  if (value === null) {
    return 'no traffic';
  }
  const unit = ALERT_METRICS.find((entry) => entry.value === metric)?.unit ?? '';
  const shown = unit === '%' ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
  return `${shown} ${unit}`;
}

/** The form's fields as the create body; a blank key means the caller's own JWT calls. */
export function toCreateRule(form: {
  apiKeyId: string;
  metric: AlertMetric;
  threshold: number;
  windowMinutes: number;
}): CreateAlertRuleDto {
  const rule: CreateAlertRuleDto = {
    metric: form.metric,
    threshold: Number(form.threshold),
    window_minutes: Number(form.windowMinutes),
  };
  if (form.apiKeyId) {
    rule.api_key_id = form.apiKeyId;
  }
  return rule;
}

/** When a quota_use rule's key runs out, in words; null for other rules. */
export function forecastText(rule: AlertRuleDto): string | null {
  if (rule.metric !== 'quota_use' || !rule.forecast) {
    return null;
  }
  const { window, requests_per_minute, runs_out_at } = rule.forecast;
  const rate = `${requests_per_minute.toFixed(1).replace(/\.0$/, '')} req/min`;
  return runs_out_at === null
    ? `At ${rate} the ${window} quota resets before it runs out`
    : `At ${rate} the ${window} quota runs out ${new Date(runs_out_at).toLocaleString()}`;
}
