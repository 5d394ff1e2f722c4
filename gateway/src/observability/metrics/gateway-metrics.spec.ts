import { GatewayMetrics, statusClass } from './gateway-metrics';

describe(GatewayMetrics.name, () => {
  it('registers the documented metric names, default process metrics included', async () => {
    const metrics = new GatewayMetrics();
    const names = (await metrics.registry.getMetricsAsJSON()).map((metric) => metric.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'http_requests_total',
        'http_request_duration_seconds',
        'grpc_client_calls_total',
        'grpc_client_call_duration_seconds',
        'search_circuit_breaker_state',
        'search_bulkhead_active_calls',
        'search_bulkhead_queued_calls',
        'outbox_pending_events',
        'outbox_lag_seconds',
        'process_cpu_seconds_total',
        'nodejs_eventloop_lag_seconds',
      ]),
    );
  });

  it('keeps each instance in its own registry, so two apps in one process never collide', () => {
    expect(() => [new GatewayMetrics(), new GatewayMetrics()]).not.toThrow();
  });

  it('labels HTTP requests by route template and status class', async () => {
    const metrics = new GatewayMetrics();
    metrics.observeHttp('GET', '/api/v1/users/:userId/videos', 404, 0.02);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'http_requests_total{method="GET",route="/api/v1/users/:userId/videos",status_class="4xx"} 1',
    );
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.025",method="GET",.*status_class="4xx"\} 1/);
  });

  it('reads the breaker and outbox gauges at scrape time', async () => {
    const metrics = new GatewayMetrics();
    metrics.useSources({
      breaker: () => ({ state: 'open', active: 3, queued: 2 }),
      outbox: () => Promise.resolve({ pending: 7, oldestPendingAgeSeconds: 12.5 }),
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain('search_circuit_breaker_state{state="open"} 1');
    expect(text).toContain('search_circuit_breaker_state{state="closed"} 0');
    expect(text).toContain('search_bulkhead_active_calls 3');
    expect(text).toContain('search_bulkhead_queued_calls 2');
    expect(text).toContain('outbox_pending_events 7');
    expect(text).toContain('outbox_lag_seconds 12.5');
  });

  it('reads zero before its sources are attached', async () => {
    const text = await new GatewayMetrics().registry.metrics();
    expect(text).toContain('outbox_pending_events 0');
    expect(text).toContain('search_circuit_breaker_state{state="closed"} 0');
  });
});

describe('statusClass', () => {
  it.each([
    [200, '2xx'],
    [204, '2xx'],
    [302, '3xx'],
    [429, '4xx'],
    [503, '5xx'],
  ])('%i -> %s', (status, label) => {
    expect(statusClass(status)).toBe(label);
  });
});
