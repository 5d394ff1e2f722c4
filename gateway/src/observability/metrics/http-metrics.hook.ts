import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { HttpHook } from '../../common/http/http-hook';
import { routeTemplate } from '../../common/http/route-template';
import { GatewayMetrics } from './gateway-metrics';

/** Counts and times every finished HTTP request by its route template. */
@Injectable()
export class HttpMetricsHook implements HttpHook {
  constructor(private readonly metrics: GatewayMetrics) {}

  register(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      this.metrics.observeHttp(request.method, routeTemplate(request), reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }
}
