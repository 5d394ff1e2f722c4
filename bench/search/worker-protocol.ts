import { SearchVariant } from './adapters/bench-adapter';
import { QueryClass } from './queries';

export interface WorkerOptions {
  engine: string;
  size: number;
  seeds: number[];
  queriesPerClass: number;
  out: string;
}

export interface ClassResult {
  queries: number;
  mrr: number;
  recall: number;
  p50Ms: number;
  p99Ms: number;
  qps: number;
}

/** Latency of one search variant over the same queries as the others (ms). */
export interface VariantResult {
  queries: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

export interface WorkerResult {
  engine: string;
  version: string;
  size: number;
  buildMs: number;
  /** JS heap + external memory retained after indexing, corpus released. */
  heapMb: number;
  rssMb: number;
  seeds: Array<{ seed: number; classes: Record<QueryClass, ClassResult> }>;
  /** Engines with search options only: every query of every class and seed, plain and with each option. */
  variants?: Record<SearchVariant, VariantResult>;
}
