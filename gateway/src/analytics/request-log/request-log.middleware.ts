import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { RequestLogService } from './request-log.service';

/** The route label for requests that matched no route, so raw paths never reach the log. */
export const UNMATCHED_ROUTE = '(unmatched)';

const LOGGED_PREFIX = '/api/';
const UNLOGGED_PREFIX = '/api/docs';

/**
 * Records every API request once its response is finished. Middleware rather than an
 * interceptor, because only the finished response has the final status of requests that never
 * reach a handler: authentication failures, rate-limit rejections and unmatched paths.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  constructor(private readonly requestLog: RequestLogService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const path = request.originalUrl;
    if (!path.startsWith(LOGGED_PREFIX) || path.startsWith(UNLOGGED_PREFIX)) {
      next();
      return;
    }
    const occurredAt = new Date();
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const user = (request as Request & { user?: AuthenticatedUser }).user;
      this.requestLog.record({
        occurredAt,
        userId: user?.id ?? null,
        apiKeyId: user?.apiKeyId ?? null,
        method: request.method,
        route: routeTemplate(request),
        status: response.statusCode,
        latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  }
}

function routeTemplate(request: Request): string {
  // Express types `route` as any. Nest mounts this middleware itself as a `*path` route, so a
  // wildcard left in `route` means no API route matched after it.
  const { route } = request as unknown as { route?: { path?: unknown } };
  const path = route?.path;
  if (typeof path !== 'string' || path.includes('*')) {
    return UNMATCHED_ROUTE;
  }
  return `${request.baseUrl}${path}`.slice(0, 255);
}
