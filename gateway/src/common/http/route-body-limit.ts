import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { routeConfigValue } from './route-config';

/** A body limit for one route in place of BODY_LIMIT; Nest passes no bodyLimit route option to Fastify itself. */
export const BodyLimit = (bytes: number): MethodDecorator => RouteConfig({ bodyLimit: bytes });

/** Turns each route's `@BodyLimit` into Fastify's own route option; must run before routes are registered. */
export function applyRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = routeConfigValue(route.config, 'bodyLimit');
    if (typeof limit === 'number') {
      route.bodyLimit = limit;
    }
  });
}
