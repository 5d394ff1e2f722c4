import {
  Server,
  ServerCredentials,
  ServerWritableStream,
  loadPackageDefinition,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { HEALTH_PROTO_FILE, PROTO_LOADER_OPTIONS, PROTO_ROOT, SEARCH_PROTO_FILES } from '@proto/proto-files';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

interface Packages {
  videosearch: {
    search: { v1: { SearchService: { service: ServiceDefinition }; IndexService: { service: ServiceDefinition } } };
  };
  grpc: { health: { v1: { Health: { service: ServiceDefinition } } } };
}

export interface StubSearchServer {
  url: string;
  /** Every unary call received, by method name. */
  calls: string[];
  /** Delay before each unary answer; change it at any time. */
  setDelay(ms: number): void;
  stop(): Promise<void>;
}

const SERVING = 1;
const QUEUED = 1;

/**
 * A stand-in search service speaking the real contract, whose answers can be slowed down: it lets a
 * test see deadlines fire against a service that accepts connections but does not answer in time.
 */
export async function startStubSearchServer(): Promise<StubSearchServer> {
  const packages = loadPackageDefinition(
    loadSync(
      [...SEARCH_PROTO_FILES, HEALTH_PROTO_FILE].map((file) => join(PROTO_ROOT, file)),
      PROTO_LOADER_OPTIONS,
    ),
  ) as unknown as Packages;
  const calls: string[] = [];
  const streams: Array<ServerWritableStream<unknown, unknown>> = [];
  const pending = new Set<NodeJS.Timeout>();
  let delayMs = 0;

  const answer =
    (method: string, reply: (request: Record<string, unknown>) => object) =>
    (call: { request: Record<string, unknown> }, callback: (error: Error | null, value?: object) => void): void => {
      calls.push(method);
      const timer = setTimeout(() => {
        pending.delete(timer);
        callback(null, reply(call.request));
      }, delayMs);
      pending.add(timer);
    };

  const job = (request: Record<string, unknown>) => ({
    id: randomUUID(),
    ownerId: request.ownerId,
    query: 'stub',
    status: QUEUED,
    createdAt: new Date().toISOString(),
  });

  const search: UntypedServiceImplementation = {
    search: answer('search', (request) => ({ job: job(request.search as Record<string, unknown>) })),
    submitSearch: answer('submitSearch', job),
    getJob: answer('getJob', job),
    listJobs: answer('listJobs', () => ({ jobs: [], total: 0, page: 1, perPage: 20 })),
    retryJob: answer('retryJob', job),
    cancelJob: answer('cancelJob', job),
    listAlgorithms: answer('listAlgorithms', () => ({
      algorithms: [{ name: 'auto', description: 'stub', isDefault: true }],
    })),
    getJobStats: answer('getJobStats', () => ({})),
    watchJobs: (call: ServerWritableStream<unknown, unknown>) => {
      streams.push(call);
    },
  };
  const index: UntypedServiceImplementation = {
    upsertVideos: answer('upsertVideos', () => ({ applied: 0, skipped: 0 })),
    deleteVideos: answer('deleteVideos', () => ({ applied: 0, skipped: 0 })),
    reindexOwner: answer('reindexOwner', () => ({ applied: 0, skipped: 0 })),
    getIndexStats: answer('getIndexStats', () => ({ documents: 0 })),
  };
  const health: UntypedServiceImplementation = {
    check: answer('check', () => ({ status: SERVING })),
    watch: (call: ServerWritableStream<unknown, unknown>) => call.end(),
  };

  const server = new Server();
  server.addService(packages.videosearch.search.v1.SearchService.service, search);
  server.addService(packages.videosearch.search.v1.IndexService.service, index);
  server.addService(packages.grpc.health.v1.Health.service, health);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    url: `127.0.0.1:${port}`,
    calls,
    setDelay: (ms) => {
      delayMs = ms;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        pending.forEach((timer) => clearTimeout(timer));
        streams.forEach((stream) => stream.end());
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000).unref();
      }),
  };
}
