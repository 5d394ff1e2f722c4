import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { LogLevel } from './observability.config';

/** Secrets never reach a log line, whatever a future `logger.info({...})` call includes. */
export const REDACTED_PATHS = [
  'metadata["x-service-token"]',
  'password',
  'token',
  'serviceToken',
  '*.password',
  '*.token',
  '*.serviceToken',
];

/**
 * JSON lines on stdout. The service has no HTTP API, so pino-http only supplies the root logger;
 * per-call context comes from the gRPC call interceptor.
 */
export function searchLoggerParams(level: LogLevel): Params {
  return {
    pinoHttp: [
      {
        level,
        base: { service: 'search-service' },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        autoLogging: false,
      },
      // Off the call path: lines queue while a write is in flight and go out together; pino flushes the queue
      // when the process exits, crashes included (only a SIGKILL can lose the last lines).
      pino.destination({ dest: 1, sync: false }),
    ],
  };
}
