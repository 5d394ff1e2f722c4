import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { routeConfigValue } from '../common/http/route-config';
import type { ImportFormat } from './video-import.entity';

/** Media types the import route reads as a stream; application/octet-stream needs `format=`. */
export const IMPORT_CONTENT_TYPES: Record<string, ImportFormat | undefined> = {
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'text/csv': 'csv',
  'application/octet-stream': undefined,
};

/** Marks the route that reads these media types as the raw stream; every other route refuses them (415). */
export const StreamedBody = (): MethodDecorator => RouteConfig({ streamedBody: true });

export function takesStreamedBody(request: FastifyRequest): boolean {
  return routeConfigValue(request.routeOptions.config, 'streamedBody') === true;
}
