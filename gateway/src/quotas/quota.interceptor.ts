import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { IS_PUBLIC_KEY } from '../auth/decorators/public.decorator';
import { QuotaDecision, QuotaService } from './quota.service';
import { isCharged, isLimitedPath, refusalBody, setRateLimitHeaders } from './rate-limit-headers';

/**
 * Charges every request to its subject's counters and sets the rate-limit headers. An
 * interceptor runs after the global authentication guard, so the caller is known; public
 * routes are counted per client IP against a generous limit and never against a quota
 * (anonymous calls were already counted by AnonymousRateLimitMiddleware).
 */
@Injectable()
export class QuotaInterceptor implements NestInterceptor {
  constructor(
    private readonly quotas: QuotaService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const response = http.getResponse<FastifyReply>();
    if (!isLimitedPath(request) || isCharged(request)) {
      return next.handle();
    }
    return from(this.decide(context, request)).pipe(
      switchMap((decision) => {
        setRateLimitHeaders(response, decision);
        if (!decision.allowed) {
          throw new HttpException(refusalBody(decision), HttpStatus.TOO_MANY_REQUESTS);
        }
        return next.handle();
      }),
    );
  }

  private async decide(
    context: ExecutionContext,
    request: FastifyRequest & { user?: AuthenticatedUser },
  ): Promise<QuotaDecision> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const subject =
      isPublic || !request.user ? this.quotas.subjectForIp(request.ip) : await this.quotas.subjectFor(request.user);
    return this.quotas.consume(subject);
  }
}
