import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SECURITY_HEADERS } from './security-headers.hook';

/**
 * Fastify's `frameworkErrors`: a URL it cannot decode (`/%ff`) is refused before routing, so before every hook, and
 * Fastify's own answer has its own shape. This one answers in the API's: `{error}`, with the security headers.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'Malformed URL: a percent-encoded character in its path does not decode'
      : 'Internal server error';
  void reply.headers(SECURITY_HEADERS).code(status).send({ error: message });
}
