import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpHook } from '../../common/http/http-hook';
import { REQUEST_ID_RESPONSE_HEADER, RequestScope, runInRequestScope } from './request-id';

const SCOPE = Symbol('request scope');
type ScopedRequest = FastifyRequest & { [SCOPE]?: RequestScope };

/** The request's scope once its handling started: the request log reads the time spent upstream from it. */
export function requestScopeOf(request: FastifyRequest): RequestScope | undefined {
  return (request as ScopedRequest)[SCOPE];
}

/**
 * Echoes the request id (given to Fastify's `genReqId`) on every answer, early rejections included,
 * and puts it in scope for the gRPC calls the handler makes, which add their time to the scope. The scope is entered once the body is
 * parsed: parsing resumes from the socket's events, outside any scope entered before it.
 */
@Injectable()
export class RequestContextHook implements HttpHook {
  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      void reply.header(REQUEST_ID_RESPONSE_HEADER, request.id);
      done();
    });
    fastify.addHook('preHandler', (request, _reply, done) => {
      const scope: RequestScope = { requestId: request.id, upstreamMs: 0 };
      (request as ScopedRequest)[SCOPE] = scope;
      runInRequestScope(scope, done);
    });
  }
}
