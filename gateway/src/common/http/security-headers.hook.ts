import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpHook } from './http-hook';

// sha256 of the handler text `this.media='all'`.
const ANGULAR_STYLESHEET_ONLOAD_HASH = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

export const SECURITY_HEADER_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Angular's critical-CSS inlining loads the full stylesheet with onload="this.media='all'"; only that handler is allowed.
      scriptSrcAttr: ["'unsafe-hashes'", ANGULAR_STYLESHEET_ONLOAD_HASH],
      // Swagger UI and Angular's critical-CSS inlining both emit inline styles.
      styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
      fontSrc: ["'self'", 'data:', 'https://fonts.gstatic.com'],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", 'ws:', 'wss:'],
    },
  },
};

/** The headers helmet sets for these options; they depend on nothing in the request. */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => (headers[name] = String(value)),
    removeHeader: (name: string) => delete headers[name],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/** The headers of every answer, computed once; also sent by answers given before any hook (framework-errors.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeaders(SECURITY_HEADER_OPTIONS);

/**
 * helmet's security headers on every answer. helmet works out the same headers for every request
 * (parsing the CSP directives each time); computed once (SECURITY_HEADERS), they cost one object merge.
 */
@Injectable()
export class SecurityHeadersHook implements HttpHook {
  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (_request, reply, done) => {
      void reply.headers(SECURITY_HEADERS);
      done();
    });
  }
}
