import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Short and free of anything a log viewer or header could misread; anything else is replaced. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's id when it is acceptable, else a fresh one. */
export function resolveRequestId(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate !== undefined && ACCEPTED_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}

type RequestWithId = IncomingMessage & { id?: unknown };

/**
 * Gives the request its id once (pino-http and the context middleware both ask, in either order) and
 * echoes it in the response, so a client can quote it when reporting a problem.
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const withId = request as RequestWithId;
  if (typeof withId.id === 'string') {
    return withId.id;
  }
  const id = resolveRequestId(request.headers[REQUEST_ID_HEADER]);
  withId.id = id;
  if (!response.headersSent) {
    response.setHeader('X-Request-Id', id);
  }
  return id;
}

interface RequestContext {
  requestId: string;
}

const context = new AsyncLocalStorage<RequestContext>();

/** Runs `next` (the rest of the request's middleware chain) with the request id in scope. */
export function runWithRequestId(requestId: string, next: () => void): void {
  context.run({ requestId }, next);
}

/** The id of the REST request being served, if any; background work (outbox relay, job stream) has none. */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}
