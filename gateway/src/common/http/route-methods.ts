import type { FastifyInstance } from 'fastify';
import Router, { type HTTPMethod } from 'find-my-way';

const MATCHED = (): void => {};

/**
 * The methods each registered path answers, so that a request whose path exists but whose method does not is
 * told 405 and what `Allow`s, rather than 404. Fastify's own router matches one method at a time, so the
 * routes are kept a second time in a router of the same kind (find-my-way). Wildcard routes (the dashboard's
 * index.html for any GET, the CORS preflight for any OPTIONS) are left out: they would make every unknown
 * path look like a known one.
 */
export class RouteMethods {
  private readonly router: Router.Instance<Router.HTTPVersion.V1>;
  private readonly methods = new Set<HTTPMethod>();

  constructor(maxParamLength: number) {
    this.router = Router({ maxParamLength });
  }

  /** Must run before the routes are registered. */
  track(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      if (route.url.includes('*')) {
        return;
      }
      for (const method of [route.method].flat() as HTTPMethod[]) {
        if (!this.router.hasRoute(method, route.url)) {
          this.router.on(method, route.url, MATCHED);
          this.methods.add(method);
        }
      }
    });
  }

  /** The methods `url` (path and query) is served with, in a stable order; empty for an unknown path. */
  allowedFor(url: string): HTTPMethod[] {
    return [...this.methods].filter((method) => this.router.find(method, url) !== null).sort();
  }
}
