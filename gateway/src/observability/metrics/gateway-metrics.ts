import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; spans a cached read (a few ms) to a search that waited its full budget. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const GRPC_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Current values read at scrape time (breaker, bulkhead, outbox), so nothing goes stale between scrapes. */
export interface GatewayGaugeSources {
  breaker(): { state: 'closed' | 'open' | 'half_open'; active: number; queued: number } | null;
  outbox(): Promise<{ pending: number; oldestPendingAgeSeconds: number } | null>;
}

const BREAKER_STATES = ['closed', 'open', 'half_open'] as const;

/**
 * Every gateway metric in one registry owned by this app instance (not prom-client's global one), so
 * several gateways in one process, as in the e2e suites, never collide.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency until the response finished',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  readonly grpcClientCalls = new Counter({
    name: 'grpc_client_calls_total',
    help: 'gRPC calls (each attempt) to the search service, by method and status code',
    labelNames: ['method', 'code'] as const,
    registers: [this.registry],
  });

  readonly grpcClientDuration = new Histogram({
    name: 'grpc_client_call_duration_seconds',
    help: 'gRPC call latency to the search service, by method and status code',
    labelNames: ['method', 'code'] as const,
    buckets: GRPC_BUCKETS,
    registers: [this.registry],
  });

  private sources: GatewayGaugeSources | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const read = () => this.sources;
    new Gauge({
      name: 'search_circuit_breaker_state',
      help: 'Circuit breaker around the search service: 1 for the current state, 0 for the others',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const breaker = read()?.breaker();
        for (const state of BREAKER_STATES) {
          this.set({ state }, breaker?.state === state ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'search_bulkhead_active_calls',
      help: 'Calls to the search service running in the bulkhead',
      registers: [this.registry],
      collect() {
        this.set(read()?.breaker()?.active ?? 0);
      },
    });
    new Gauge({
      name: 'search_bulkhead_queued_calls',
      help: 'Calls to the search service waiting for a bulkhead slot',
      registers: [this.registry],
      collect() {
        this.set(read()?.breaker()?.queued ?? 0);
      },
    });
    new Gauge({
      name: 'outbox_pending_events',
      help: 'Video changes written but not yet delivered to the search index',
      registers: [this.registry],
      async collect() {
        const outbox = await read()?.outbox();
        this.set(outbox?.pending ?? 0);
      },
    });
    new Gauge({
      name: 'outbox_lag_seconds',
      help: 'Age of the oldest undelivered video change (0 when none is pending)',
      registers: [this.registry],
      async collect() {
        const outbox = await read()?.outbox();
        this.set(outbox?.oldestPendingAgeSeconds ?? 0);
      },
    });
  }

  /** Called once the app's providers exist; until then the gauges read zero. */
  useSources(sources: GatewayGaugeSources): void {
    this.sources = sources;
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status_class: statusClass(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  observeGrpcCall(method: string, code: string, seconds: number): void {
    this.grpcClientCalls.inc({ method, code });
    this.grpcClientDuration.observe({ method, code }, seconds);
  }
}

export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
