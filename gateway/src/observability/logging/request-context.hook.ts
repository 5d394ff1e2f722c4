import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { HttpHook } from '../../common/http/http-hook';
import { REQUEST_ID_RESPONSE_HEADER, runWithRequestId } from './request-id';

/**
 * Echoes the request id (given to Fastify's `genReqId`) on every answer, early rejections included,
 * and puts it in scope for the gRPC calls the handler makes. The scope is entered once the body is
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
      runWithRequestId(request.id, done);
    });
  }
}
