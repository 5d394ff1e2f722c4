import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { ObservabilityConfig, observabilityConfig } from './observability.config';
import { SearchMetrics } from './search-metrics';

/**
 * A bare HTTP listener for Prometheus: the service itself speaks only gRPC. It answers `GET /metrics`
 * and nothing else, and binds to loopback unless METRICS_HOST says otherwise.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;

  constructor(
    @Inject(observabilityConfig.KEY) private readonly config: ObservabilityConfig,
    private readonly metrics: SearchMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === 0) {
      return;
    }
    const server = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (request.method !== 'GET' || path !== '/metrics') {
        response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"Not found"}');
        return;
      }
      this.metrics.registry.metrics().then(
        (body) => response.writeHead(200, { 'Content-Type': this.metrics.registry.contentType }).end(body),
        (error: unknown) => {
          this.logger.error('Collecting metrics failed', error instanceof Error ? error.stack : error);
          response.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"Metrics unavailable"}');
        },
      );
    });
    server.listen(this.config.metricsPort, this.config.metricsHost);
    await once(server, 'listening');
    this.server = server;
    this.logger.log(`Metrics on http://${this.config.metricsHost}:${this.config.metricsPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}
