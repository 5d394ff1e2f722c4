import type { Request, Response } from 'express';
import type { WindowKind } from './quota-windows';
import type { QuotaDecision } from './quota.service';

const REFUSALS: Record<WindowKind, string> = {
  minute: 'Rate limit exceeded',
  day: 'Daily quota exceeded',
  month: 'Monthly quota exceeded',
};

const CHARGED = Symbol('rateLimitCharged');

export function setRateLimitHeaders(response: Response, decision: QuotaDecision): void {
  response.setHeader('X-RateLimit-Limit', String(decision.headers.limit));
  response.setHeader('X-RateLimit-Remaining', String(decision.headers.remaining));
  response.setHeader('X-RateLimit-Reset', String(decision.headers.resetSeconds));
  if (!decision.allowed) {
    response.setHeader('Retry-After', String(decision.headers.resetSeconds));
  }
}

/** The 429 body: `{error, retry_after}`. */
export function refusalBody(decision: QuotaDecision): { error: string; retry_after: number } {
  return { error: REFUSALS[decision.exceeded ?? 'minute'], retry_after: decision.headers.resetSeconds };
}

/** Marks a request already counted, so it is never charged twice. */
export function markCharged(request: Request): void {
  (request as Request & { [CHARGED]?: boolean })[CHARGED] = true;
}

export function isCharged(request: Request): boolean {
  return (request as Request & { [CHARGED]?: boolean })[CHARGED] === true;
}

/** Only the API is limited: health and metrics are polled by orchestrators, docs are static. */
export function isLimitedPath(request: Request): boolean {
  return request.originalUrl.startsWith('/api/') && !request.originalUrl.startsWith('/api/docs');
}
