import { alertMessage, forecastQuota, isFiring, metricValue, WindowFigures } from './alert-metrics';

const NOW = new Date('2026-12-06T12:00:00.000Z');
const MIDNIGHT = new Date('2026-12-07T00:00:00.000Z');
const MONTH_END = new Date('2027-01-01T00:00:00.000Z');

function figures(change: Partial<WindowFigures> = {}): WindowFigures {
  return { requests: 100, errors: 5, p95LatencyMs: 42, quota: [], ...change };
}

describe('alert metrics', () => {
  it('measures the error rate in percent, nothing without requests', () => {
    expect(metricValue('error_rate', figures())).toBe(5);
    expect(metricValue('error_rate', figures({ requests: 0, errors: 0 }))).toBeNull();
  });

  it('takes the most used quota window, ignoring windows without a limit', () => {
    const quota = [
      { window: 'daily' as const, limit: 1000, used: 900, resetsAt: MIDNIGHT },
      { window: 'monthly' as const, limit: 0, used: 0, resetsAt: MONTH_END },
    ];
    expect(metricValue('quota_use', figures({ quota }))).toBe(90);
    expect(metricValue('quota_use', figures())).toBeNull();
  });

  it('fires at or above the threshold, never without a value', () => {
    expect(isFiring(10, 10)).toBe(true);
    expect(isFiring(9.9, 10)).toBe(false);
    expect(isFiring(null, 0)).toBe(false);
  });

  it('forecasts when the quota runs out at the window’s rate, if before it resets', () => {
    const quota = [
      { window: 'daily' as const, limit: 1000, used: 400, resetsAt: MIDNIGHT },
      { window: 'monthly' as const, limit: 100_000, used: 1000, resetsAt: MONTH_END },
    ];
    // 100 requests in 10 minutes: 10 a minute, 600 left today: an hour.
    expect(forecastQuota(figures({ quota }), 10, NOW)).toEqual({
      window: 'daily',
      requestsPerMinute: 10,
      runsOutAt: new Date('2026-12-06T13:00:00.000Z'),
    });
    expect(forecastQuota(figures({ requests: 1, quota }), 60, NOW)).toMatchObject({ window: 'daily', runsOutAt: null });
    expect(forecastQuota(figures(), 10, NOW)).toBeNull();
  });

  it('says what fired in words', () => {
    expect(alertMessage('error_rate', 12.345, 10, true)).toBe('error rate 12.3 %, at or above 10 %');
    expect(alertMessage('p95_latency_ms', null, 250, false)).toBe('no traffic, so no p95 latency, below 250 ms');
  });
});
