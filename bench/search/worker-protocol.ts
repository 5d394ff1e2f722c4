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

export interface WorkerResult {
  engine: string;
  version: string;
  size: number;
  buildMs: number;
  /** JS heap + external memory retained after indexing, corpus released. */
  heapMb: number;
  rssMb: number;
  seeds: Array<{ seed: number; classes: Record<QueryClass, ClassResult> }>;
}
