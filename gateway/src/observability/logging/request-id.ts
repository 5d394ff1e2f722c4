import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import { v7 as timeOrderedUuid } from 'uuid';

export const REQUEST_ID_HEADER = 'x-request-id';
export const REQUEST_ID_RESPONSE_HEADER = 'X-Request-Id';

/** Short and free of anything a log viewer or header could misread; anything else is replaced. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function isAcceptedRequestId(value: string): boolean {
  return ACCEPTED_REQUEST_ID.test(value);
}

/**
 * The caller's id when it is acceptable, else a fresh one. A fresh id is a UUID version 7, which starts with the
 * time: the request log indexes ids per user, and random ones scattered each batch of inserts over the whole index
 * (17 against 6 µs a row on SQLite, measured in bench/load/RESULTS.md).
 */
export function resolveRequestId(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate !== undefined && ACCEPTED_REQUEST_ID.test(candidate) ? candidate : timeOrderedUuid();
}

/** Fastify's `genReqId`: every request gets its id once, before any hook runs. */
export function requestIdOf(request: IncomingMessage): string {
  return resolveRequestId(request.headers[REQUEST_ID_HEADER]);
}

/** What the handling of one REST request shares with the calls it makes. */
export interface RequestScope {
  readonly requestId: string;
  /** Time spent in calls to the search service, summed over the calls (parallel calls overlap). */
  upstreamMs: number;
}

const context = new AsyncLocalStorage<RequestScope>();

/** Runs `next` (the rest of the request's handling) with the scope current. */
export function runInRequestScope(scope: RequestScope, next: () => void): void {
  context.run(scope, next);
}

/**
 * Runs `work` outside any request's scope, for background loops a request may start or wake: the timers they set
 * would otherwise carry that request's scope into every later cycle (its id on their log lines and gRPC calls, their
 * calls' time added to its upstream time).
 */
export function outsideRequestScope<T>(work: () => T): T {
  return context.exit(work);
}

/** The scope of the REST request being served, if any; background work (outbox relay, job stream) has none. */
export function currentRequestScope(): RequestScope | undefined {
  return context.getStore();
}

export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}
