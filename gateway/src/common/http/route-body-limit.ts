import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** A body limit for one route in place of BODY_LIMIT; Nest passes no bodyLimit route option to Fastify itself. */
export const BodyLimit = (bytes: number): MethodDecorator => RouteConfig({ bodyLimit: bytes });

/** Turns each route's `@BodyLimit` into Fastify's own route option; must run before routes are registered. */
export function applyRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const config: unknown = route.config;
    const limit = typeof config === 'object' && config !== null && 'bodyLimit' in config ? config.bodyLimit : undefined;
    if (typeof limit === 'number') {
      route.bodyLimit = limit;
    }
  });
}
