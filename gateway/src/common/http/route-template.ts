import type { FastifyRequest } from 'fastify';

/** The label for requests no route matched (SPA files, unknown paths), so raw paths never become labels. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** The path the request matched, as declared (`/api/v1/users/:userId/videos`), never the raw URL. */
export function routeTemplate(request: FastifyRequest): string {
  const url = request.routeOptions.url;
  // The SPA fallback is declared as `*`: it is no API route either.
  return url === undefined || url.includes('*') ? UNMATCHED_ROUTE : url.slice(0, 255);
}
