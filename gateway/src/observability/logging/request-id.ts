import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
export const REQUEST_ID_RESPONSE_HEADER = 'X-Request-Id';

/** Short and free of anything a log viewer or header could misread; anything else is replaced. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's id when it is acceptable, else a fresh one. */
export function resolveRequestId(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate !== undefined && ACCEPTED_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}

/** Fastify's `genReqId`: every request gets its id once, before any hook runs. */
export function requestIdOf(request: IncomingMessage): string {
  return resolveRequestId(request.headers[REQUEST_ID_HEADER]);
}

interface RequestContext {
  requestId: string;
}

const context = new AsyncLocalStorage<RequestContext>();

/** Runs `next` (the rest of the request's handling) with the request id in scope. */
export function runWithRequestId(requestId: string, next: () => void): void {
  context.run({ requestId }, next);
}

/** The id of the REST request being served, if any; background work (outbox relay, job stream) has none. */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}
