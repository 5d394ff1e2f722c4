import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { HttpHook } from '../../common/http/http-hook';
import { routeTemplate } from '../../common/http/route-template';
import { requestScopeOf } from '../../observability/logging/request-context.hook';
import { RequestLogService } from './request-log.service';

const LOGGED_PREFIX = '/api/';
const UNLOGGED_PREFIX = '/api/docs';

/**
 * Records every API request once its reply is sent. A hook on the finished reply, rather than an
 * interceptor, because only it has the final status of requests that never reach a handler:
 * authentication failures, rate-limit rejections and unmatched paths.
 */
@Injectable()
export class RequestLogHook implements HttpHook {
  constructor(private readonly requestLog: RequestLogService) {}

  register(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      if (request.url.startsWith(LOGGED_PREFIX) && !request.url.startsWith(UNLOGGED_PREFIX)) {
        const user = (request as FastifyRequest & { user?: AuthenticatedUser }).user;
        const latencyMs = reply.elapsedTime;
        this.requestLog.record({
          occurredAt: new Date(Date.now() - latencyMs),
          userId: user?.id ?? null,
          apiKeyId: user?.apiKeyId ?? null,
          method: request.method,
          route: routeTemplate(request),
          status: reply.statusCode,
          latencyMs,
          requestId: request.id,
          upstreamMs: requestScopeOf(request)?.upstreamMs ?? null,
        });
      }
      done();
    });
  }
}
