import type { AlertRuleDto } from '@video-search/sdk/angular';
import { forecastText, formatMetric, toCreateRule } from './alert-rules';

function rule(extra: Partial<AlertRuleDto>): AlertRuleDto {
  return {
    id: 'r1',
    api_key_id: null,
    metric: 'quota_use',
    threshold: 80,
    window_minutes: 15,
    state: 'ok',
    value: null,
    created_at: '2026-12-06T10:00:00.000Z',
    evaluated_at: null,
    ...extra,
  };
}

describe('alert rules', () => {
  it('formats values with the metric unit', () => {
    expect(formatMetric('error_rate', 12.5)).toBe('12.5 %');
    expect(formatMetric('quota_use', 50)).toBe('50 %');
    expect(formatMetric('p95_latency_ms', 340.4)).toBe('340 ms');
    expect(formatMetric('error_rate', null)).toBe('no traffic');
  });

  it('builds the create body, leaving out a blank key', () => {
    expect(toCreateRule({ apiKeyId: '', metric: 'error_rate', threshold: 5, windowMinutes: 10 })).toEqual({
      metric: 'error_rate',
      threshold: 5,
      window_minutes: 10,
    });
    expect(toCreateRule({ apiKeyId: 'k', metric: 'quota_use', threshold: 80, windowMinutes: 15 }).api_key_id).toBe('k');
  });

  it('describes the quota forecast of quota_use rules only', () => {
    expect(forecastText(rule({ metric: 'error_rate' }))).toBeNull();
    expect(forecastText(rule({ forecast: null }))).toBeNull();
    expect(forecastText(rule({ forecast: { window: 'daily', requests_per_minute: 2, runs_out_at: null } }))).toBe(
      'At 2 req/min the daily quota resets before it runs out',
    );
    expect(
      forecastText(
        rule({ forecast: { window: 'monthly', requests_per_minute: 1.25, runs_out_at: '2026-12-07T10:00:00.000Z' } }),
      ),
    ).toContain('At 1.3 req/min the monthly quota runs out');
  });
});
