import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WindowKind } from './quota-windows';
import type { QuotaDecision } from './quota.service';

const REFUSALS: Record<WindowKind, string> = {
  minute: 'Rate limit exceeded',
  day: 'Daily quota exceeded',
  month: 'Monthly quota exceeded',
};

const CHARGED = Symbol('rateLimitCharged');

export function setRateLimitHeaders(reply: FastifyReply, decision: QuotaDecision): void {
  void reply.header('X-RateLimit-Limit', decision.headers.limit);
  void reply.header('X-RateLimit-Remaining', decision.headers.remaining);
  void reply.header('X-RateLimit-Reset', decision.headers.resetSeconds);
  if (!decision.allowed) {
    void reply.header('Retry-After', decision.headers.resetSeconds);
  }
}

/** The 429 body: `{error, retry_after}`. */
export function refusalBody(decision: QuotaDecision): { error: string; retry_after: number } {
  return { error: REFUSALS[decision.exceeded ?? 'minute'], retry_after: decision.headers.resetSeconds };
}

/** Marks a request already counted, so it is never charged twice. */
export function markCharged(request: FastifyRequest): void {
  (request as FastifyRequest & { [CHARGED]?: boolean })[CHARGED] = true;
}

export function isCharged(request: FastifyRequest): boolean {
  return (request as FastifyRequest & { [CHARGED]?: boolean })[CHARGED] === true;
}

/** Only the API is limited: health and metrics are polled by orchestrators, docs are static. */
export function isLimitedPath(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
}
