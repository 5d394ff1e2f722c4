import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GatewayMetrics } from './gateway-metrics';

/** The label for requests no route matched (SPA files, unknown paths), so raw paths never become labels. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** Counts and times every finished HTTP request by its route template. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: GatewayMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.observeHttp(request.method, routeTemplate(request), response.statusCode, seconds);
    });
    next();
  }
}

export function routeTemplate(request: Request): string {
  // Express types `route` as any. Nest mounts middleware as a `*path` route, so a wildcard left in
  // `route` means no controller route matched after it.
  const { route } = request as unknown as { route?: { path?: unknown } };
  const path = route?.path;
  if (typeof path !== 'string' || path.includes('*')) {
    return UNMATCHED_ROUTE;
  }
  return `${request.baseUrl}${path}`.slice(0, 255);
}
