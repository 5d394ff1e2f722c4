import { BenchAdapter } from './bench-adapter';

/** Adapters by name, loaded lazily so each child process only loads the library it measures. */
export const ADAPTERS: Record<string, () => Promise<BenchAdapter>> = {
  ours: async () => new (await import('./ours.adapter')).OursAdapter(),
  minisearch: async () => new (await import('./minisearch.adapter')).MiniSearchAdapter(),
  flexsearch: async () => new (await import('./flexsearch.adapter')).FlexSearchAdapter(),
  orama: async () => new (await import('./orama.adapter')).OramaAdapter(),
  lunr: async () => new (await import('./lunr.adapter')).LunrAdapter(),
  fts5: async () => new (await import('./fts5.adapter')).Fts5Adapter(),
  monolith: async () => new (await import('./monolith.adapter')).MonolithAdapter(),
  grpc: async () => new (await import('./grpc.adapter')).GrpcAdapter(),
};

export const ENGINE_NAMES = Object.keys(ADAPTERS);
/** Run when --engines is not given; `grpc` needs the built service, so it is opt-in. */
export const DEFAULT_ENGINES = ENGINE_NAMES.filter((name) => name !== 'grpc');
