import {
  type ChannelCredentials,
  credentials,
  loadPackageDefinition,
  Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { HEALTH_PROTO_FILE, PROTO_LOADER_OPTIONS, PROTO_ROOT, SEARCH_PROTO_FILES } from '@proto/proto-files';
import { join } from 'node:path';

type UnaryCallback = (error: ServiceError | null, response: unknown) => void;

/** A dynamic grpc-js client: method names as in the proto, camelCased by proto-loader. */
export interface DynamicClient {
  close(): void;
  [method: string]: unknown;
}

type ClientConstructor = new (address: string, creds: ChannelCredentials) => DynamicClient;

interface LoadedPackages {
  videosearch: {
    search: {
      v1: { SearchService: ClientConstructor; IndexService: ClientConstructor; SettingsService: ClientConstructor };
    };
  };
  grpc: { health: { v1: { Health: ClientConstructor } } };
}

export interface SearchServiceClients {
  search: DynamicClient;
  index: DynamicClient;
  settings: DynamicClient;
  health: DynamicClient;
  close(): void;
}

let packages: LoadedPackages | undefined;

function loadPackages(): LoadedPackages {
  packages ??= loadPackageDefinition(
    loadSync(
      [...SEARCH_PROTO_FILES, HEALTH_PROTO_FILE].map((file) => join(PROTO_ROOT, file)),
      PROTO_LOADER_OPTIONS,
    ),
  ) as unknown as LoadedPackages;
  return packages;
}

export function createClients(
  url: string,
  channelCredentials: ChannelCredentials = credentials.createInsecure(),
): SearchServiceClients {
  const loaded = loadPackages();
  const search = new loaded.videosearch.search.v1.SearchService(url, channelCredentials);
  const index = new loaded.videosearch.search.v1.IndexService(url, channelCredentials);
  const settings = new loaded.videosearch.search.v1.SettingsService(url, channelCredentials);
  const health = new loaded.grpc.health.v1.Health(url, channelCredentials);
  return {
    search,
    index,
    settings,
    health,
    close: () => [search, index, settings, health].forEach((client) => client.close()),
  };
}

export function tokenMetadata(token: string | undefined): Metadata {
  const metadata = new Metadata();
  if (token !== undefined) {
    metadata.set('x-service-token', token);
  }
  return metadata;
}

/** Calls a unary method with a deadline, resolving the response or rejecting with the gRPC ServiceError. */
export function unary<T>(
  client: DynamicClient,
  method: string,
  request: object,
  metadata: Metadata = new Metadata(),
  timeoutMs = 5000,
): Promise<T> {
  const fn = client[method] as (req: object, md: Metadata, options: object, callback: UnaryCallback) => void;
  return new Promise<T>((resolve, reject) => {
    fn.call(client, request, metadata, { deadline: Date.now() + timeoutMs }, (error, response) =>
      error ? reject(error) : resolve(response as T),
    );
  });
}
