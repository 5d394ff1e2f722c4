import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogLevel } from '../observability.config';
import { assignRequestId } from './request-id';

/** Paths polled by orchestrators and scrapers: logging each poll would drown the real traffic. */
const QUIET_PATHS = ['/health', '/metrics'];

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

function isQuiet(request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0];
  return QUIET_PATHS.includes(path);
}

/** Only the parts of a request worth keeping: the query string may carry a token (Socket.IO handshakes). */
function serializeRequest(request: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) {
  return {
    id: request.id,
    method: request.method,
    path: (request.url ?? '').split('?')[0],
    remoteAddress: request.remoteAddress,
  };
}

/** A client's mistake (4xx) is routine traffic; only the server's own failures are errors. */
function levelFor(_request: IncomingMessage, response: ServerResponse, error?: Error): 'info' | 'error' {
  return error || response.statusCode >= 500 ? 'error' : 'info';
}

/** JSON lines on stdout, one per finished request plus whatever the app logs, each with the request id. */
export function gatewayLoggerParams(level: LogLevel): Params {
  return {
    // Express 5 path syntax; nestjs-pino's default `*` draws a legacy-route warning at every start.
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      base: { service: 'gateway' },
      genReqId: assignRequestId,
      // The request's own child logger carries only the id, not the whole request, on every line.
      quietReqLogger: true,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: serializeRequest,
        res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: levelFor,
      autoLogging: { ignore: isQuiet },
    },
  };
}
