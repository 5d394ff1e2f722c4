import type { Options } from '@grpc/proto-loader';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The .proto sources ship beside the compiled code only in the repository (and the Docker images copy
 * the folder), so both apps locate it by walking up from wherever they run: src/ under ts-jest,
 * dist/ after a build.
 */
function findProtoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'proto');
    if (existsSync(join(candidate, 'videosearch', 'search', 'v1', 'search.proto'))) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      throw new Error(`proto/ not found above ${start}`);
    }
  }
}

export const PROTO_ROOT = findProtoRoot(__dirname);

export const SEARCH_PROTO_FILES = ['videosearch/search/v1/search.proto', 'videosearch/search/v1/index.proto'];
export const HEALTH_PROTO_FILE = 'grpc/health/v1/health.proto';

/** Compiled FileDescriptorSet (with imports) served by server reflection; see `npm run proto:gen`. */
export const DESCRIPTOR_SET_PATH = join(PROTO_ROOT, 'gen', 'descriptor_set.bin');

/**
 * Loader options both sides use, matching the generated ts-proto types: camelCase fields,
 * int64 as number, enums as numbers, absent fields filled with their defaults.
 */
export const PROTO_LOADER_OPTIONS: Options = {
  keepCase: false,
  longs: Number,
  enums: Number,
  defaults: true,
  arrays: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};
