import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const GRPC_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Current values read at scrape time, so nothing goes stale between scrapes. */
export interface SearchGaugeSources {
  jobCounts(): Promise<{ queued: number; processing: number } | null>;
  activeWorkers(): number;
  index(): { documents: number; owners: number; vocabularySize: number };
}

/** Every search-service metric, in a registry owned by this instance rather than prom-client's global one. */
export class SearchMetrics {
  readonly registry = new Registry();

  readonly grpcHandled = new Counter({
    name: 'grpc_server_handled_total',
    help: 'gRPC calls handled, by method and status code',
    labelNames: ['method', 'code'] as const,
    registers: [this.registry],
  });

  readonly grpcDuration = new Histogram({
    name: 'grpc_server_handling_seconds',
    help: 'gRPC call handling time, by method and status code',
    labelNames: ['method', 'code'] as const,
    buckets: GRPC_BUCKETS,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'search_job_duration_seconds',
    help: 'Run time of the search jobs this process finished, by outcome',
    labelNames: ['status'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  private sources: SearchGaugeSources | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const read = () => this.sources;
    new Gauge({
      name: 'search_jobs_queued',
      help: 'Search jobs waiting for a worker (in the whole shared database)',
      registers: [this.registry],
      async collect() {
        this.set((await read()?.jobCounts())?.queued ?? 0);
      },
    });
    new Gauge({
      name: 'search_jobs_processing',
      help: 'Search jobs claimed by a worker (in the whole shared database)',
      registers: [this.registry],
      async collect() {
        this.set((await read()?.jobCounts())?.processing ?? 0);
      },
    });
    new Gauge({
      name: 'search_workers_busy',
      help: 'Jobs running in this process',
      registers: [this.registry],
      collect() {
        this.set(read()?.activeWorkers() ?? 0);
      },
    });
    new Gauge({
      name: 'search_index_documents',
      help: "Documents in this replica's in-memory index",
      registers: [this.registry],
      collect() {
        this.set(read()?.index().documents ?? 0);
      },
    });
    new Gauge({
      name: 'search_index_owners',
      help: "Owners with documents in this replica's in-memory index",
      registers: [this.registry],
      collect() {
        this.set(read()?.index().owners ?? 0);
      },
    });
    new Gauge({
      name: 'search_index_vocabulary_terms',
      help: "Distinct terms in this replica's in-memory index",
      registers: [this.registry],
      collect() {
        this.set(read()?.index().vocabularySize ?? 0);
      },
    });
  }

  /** Called once the app's providers exist; until then the gauges read zero. */
  useSources(sources: SearchGaugeSources): void {
    this.sources = sources;
  }

  observeCall(method: string, code: string, seconds: number): void {
    this.grpcHandled.inc({ method, code });
    this.grpcDuration.observe({ method, code }, seconds);
  }

  observeJob(status: string, seconds: number): void {
    this.jobDuration.observe({ status }, seconds);
  }
}
