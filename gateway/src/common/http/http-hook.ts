import type { FastifyInstance } from 'fastify';

/**
 * Work done for every request (ids, logs, metrics, counters) runs as a Fastify hook rather than
 * Nest middleware: hooks see the matched route and the finished reply, and skip the middleware layer.
 */
export interface HttpHook {
  register(fastify: FastifyInstance): void;
}
