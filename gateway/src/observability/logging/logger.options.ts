import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { LogLevel } from '../observability.config';
import { currentRequestId } from './request-id';

/**
 * Secrets never reach a log line, whatever a future serializer or `logger.info({...})` call includes.
 * pino's redact paths are fixed, so the usual places are listed explicitly.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-service-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'password',
  'token',
  'apiKey',
  'api_key',
  '*.password',
  '*.token',
  '*.apiKey',
  '*.api_key',
];

/** Every line written while a request is served carries its id. */
function requestIdMixin(): { reqId?: string } {
  const reqId = currentRequestId();
  return reqId === undefined ? {} : { reqId };
}

/**
 * JSON lines on stdout with the request id. nestjs-pino stays Nest's logger, but mounts no
 * per-request middleware (`forRoutes: []`): the one line per finished request is written by
 * AccessLogHook from Fastify's onResponse hook, which costs a fraction of pino-http's child
 * logger per request.
 */
export function gatewayLoggerParams(level: LogLevel): Params {
  return {
    forRoutes: [],
    pinoHttp: [
      {
        level,
        base: { service: 'gateway' },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        mixin: requestIdMixin,
        // The access log writes plain `req`/`res` summaries; pino-http's wrappers expect Node's objects.
        wrapSerializers: false,
      },
      // Off the request path: lines queue while a write is in flight and go out together; pino flushes the
      // queue when the process exits, crashes included (only a SIGKILL can lose the last lines).
      pino.destination({ dest: 1, sync: false }),
    ],
  };
}
