import { HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { HttpHook } from '../common/http/http-hook';
import { QuotaService } from './quota.service';
import { isLimitedPath, markCharged, refusalBody, setRateLimitHeaders } from './rate-limit-headers';

/**
 * Counts API requests that carry no credential per client IP, before routing and authentication,
 * so that their answers (401s, unmatched 404s, public routes) carry rate-limit headers too and a
 * flood of anonymous calls is refused early. Requests with a credential are charged after
 * authentication, by QuotaGuard, to their key or user.
 */
@Injectable()
export class AnonymousRateLimitHook implements HttpHook {
  constructor(private readonly quotas: QuotaService) {}

  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request, reply) => {
      if (!isLimitedPath(request) || request.headers.authorization !== undefined) {
        return;
      }
      const decision = await this.quotas.consume(this.quotas.subjectForIp(request.ip));
      markCharged(request);
      setRateLimitHeaders(reply, decision);
      if (!decision.allowed) {
        await reply.status(HttpStatus.TOO_MANY_REQUESTS).send(refusalBody(decision));
      }
    });
  }
}
