import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { accessLineOf } from '../../observability/logging/access-log.hook';
import { SECURITY_HEADERS } from './security-headers.hook';

/**
 * Fastify's `frameworkErrors`: a URL it cannot decode (`/%ff`) is refused before routing, so before every hook, and
 * Fastify's own answer has its own shape. This one answers in the API's: `{error}`, with the security headers.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'Malformed URL: a percent-encoded character in its path does not decode'
      : 'Internal server error';
  logRefused(accessLineOf(request, status));
  void reply.headers(SECURITY_HEADERS).code(status).send({ error: message });
}

/**
 * The access-log line of a request refused before any hook ran, so before the access log's own. nestjs-pino sets its
 * root logger once the app is up; a request refused before that goes unlogged.
 */
function logRefused(line: { res: { statusCode: number } } & Record<string, unknown>): void {
  const root = PinoLogger.root as Logger | undefined;
  if (line.res.statusCode >= 500) {
    root?.error(line, 'request errored before routing');
  } else {
    root?.info(line, 'request refused before routing');
  }
}

const CLIENT_ERRORS: Readonly<Record<string, { status: number; reason: string; error: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    error: `Request headers too large: send less than ${maxHeaderSize / 1024} KiB of headers`,
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    error: 'Request timed out before it was complete',
  },
};
const MALFORMED = { status: 400, reason: 'Bad Request', error: 'Malformed HTTP request' };

/** The security headers as lines of a raw response, computed once. */
const SECURITY_HEADER_LINES = Object.entries(SECURITY_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (headers over its limit, a malformed request
 * line, a request that did not arrive in time) never reaches Fastify, and Fastify's own answer has its own shape. This
 * one answers in the API's, `{error}` with the security headers, and closes the connection as Node does.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const { status, reason, error: message } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({ error: message });
  logRefused({ req: { remoteAddress: socket.remoteAddress }, res: { statusCode: status }, code: error.code });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\n${SECURITY_HEADER_LINES}content-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
