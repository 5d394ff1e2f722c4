import { ChannelCredentials, ChannelOptions, credentials } from '@grpc/grpc-js';
import { GrpcOptions, Transport } from '@nestjs/microservices';
import { GRPC_HEALTH_V1_PACKAGE_NAME } from '@proto/gen/ts/grpc/health/v1/health';
import { VIDEOSEARCH_SEARCH_V1_PACKAGE_NAME } from '@proto/gen/ts/videosearch/search/v1/search';
import { HEALTH_PROTO_FILE, PROTO_LOADER_OPTIONS, SEARCH_PROTO_FILES } from '@proto/proto-files';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { SearchConfig, SearchTlsConfig } from '../search.config';

/** Injection token of the Nest gRPC client (ClientGrpc) for the search service. */
export const SEARCH_GRPC_CLIENT = 'SEARCH_GRPC_CLIENT';

/**
 * grpc-js reconnects a failed channel after 1 s, doubling up to 120 s; that would keep the gateway
 * away from a search service that came back long ago. Capped low, the breaker's half-open probe
 * finds a restarted service within a couple of seconds.
 */
const RECONNECT_BACKOFF_INITIAL_MS = 200;
const RECONNECT_BACKOFF_MAX_MS = 2000;

/**
 * Turns `SEARCH_GRPC_URL` into a gRPC target: a single `host:port` stays as is, a full target
 * (`dns:///search:50051`, `ipv4:...`) passes through, and a comma-separated list of IP addresses
 * becomes an `ipv4:`/`ipv6:` target whose addresses the round_robin policy balances over.
 */
export function toGrpcTarget(url: string): string {
  if (/^(dns|ipv4|ipv6|unix|unix-abstract|vsock):/i.test(url)) {
    return url;
  }
  const addresses = url
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address.length > 0);
  if (addresses.length <= 1) {
    return addresses[0] ?? url;
  }
  const families = new Set(addresses.map(ipFamilyOf));
  if (families.has(0) || families.size > 1) {
    throw new Error(
      `Invalid configuration: SEARCH_GRPC_URL lists ${addresses.join(', ')}; a list must hold IP addresses of one family ` +
        '(host names: use one DNS name, e.g. dns:///search-service:50051)',
    );
  }
  return `${families.has(6) ? 'ipv6' : 'ipv4'}:${addresses.join(',')}`;
}

/** 4 or 6 for `ip:port` / `[ipv6]:port`, 0 otherwise. */
function ipFamilyOf(address: string): number {
  const bracketed = /^\[([^\]]+)\]:\d+$/.exec(address);
  if (bracketed) {
    return isIP(bracketed[1]) === 6 ? 6 : 0;
  }
  const plain = /^([^:]+):\d+$/.exec(address);
  return plain && isIP(plain[1]) === 4 ? 4 : 0;
}

export function buildChannelOptions(config: SearchConfig): ChannelOptions {
  return {
    'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
    // The cockatiel policy owns retries; grpc-js's transparent retries would multiply them.
    'grpc.enable_retries': 0,
    'grpc.initial_reconnect_backoff_ms': RECONNECT_BACKOFF_INITIAL_MS,
    'grpc.max_reconnect_backoff_ms': RECONNECT_BACKOFF_MAX_MS,
    ...(config.tls?.serverName
      ? { 'grpc.ssl_target_name_override': config.tls.serverName, 'grpc.default_authority': config.tls.serverName }
      : {}),
  };
}

export function buildCredentials(tls: SearchTlsConfig | null): ChannelCredentials {
  if (!tls) {
    return credentials.createInsecure();
  }
  const read = (path: string | undefined) => (path ? readFileSync(path) : null);
  return credentials.createSsl(read(tls.caFile), read(tls.keyFile), read(tls.certFile));
}

export function buildSearchGrpcOptions(config: SearchConfig): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      url: toGrpcTarget(config.url),
      package: [VIDEOSEARCH_SEARCH_V1_PACKAGE_NAME, GRPC_HEALTH_V1_PACKAGE_NAME],
      protoPath: [...SEARCH_PROTO_FILES, HEALTH_PROTO_FILE],
      loader: PROTO_LOADER_OPTIONS,
      credentials: buildCredentials(config.tls),
      channelOptions: buildChannelOptions(config),
    },
  };
}
