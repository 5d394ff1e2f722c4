import { HttpStatus, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { QuotaService } from './quota.service';
import { isLimitedPath, markCharged, refusalBody, setRateLimitHeaders } from './rate-limit-headers';

/**
 * Counts API requests that carry no credential per client IP, before routing and authentication,
 * so that their answers (401s, unmatched 404s, public routes) carry rate-limit headers too and a
 * flood of anonymous calls is refused early. Requests with a credential are charged after
 * authentication, by QuotaInterceptor, to their key or user.
 */
@Injectable()
export class AnonymousRateLimitMiddleware implements NestMiddleware {
  constructor(private readonly quotas: QuotaService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    if (!isLimitedPath(request) || request.headers.authorization !== undefined) {
      next();
      return;
    }
    this.quotas
      .consume(this.quotas.subjectForIp(request.ip ?? request.socket.remoteAddress ?? 'unknown'))
      .then((decision) => {
        markCharged(request);
        setRateLimitHeaders(response, decision);
        if (decision.allowed) {
          next();
        } else {
          response.status(HttpStatus.TOO_MANY_REQUESTS).json(refusalBody(decision));
        }
      })
      .catch(next);
  }
}
