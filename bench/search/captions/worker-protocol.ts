import { Layout } from './corpus';
import { JudgementSummary } from './judge';
import { MomentClass } from './queries';

export interface CaptionWorkerOptions {
  cues: number;
  layout: Layout;
  seeds: number[];
  queriesPerClass: number;
  /** Names from `engine.algorithms()`; empty measures every one. */
  algorithms: string[];
  /** Queries per class and seed for the algorithms other than the default (they are read for quality only). */
  otherAlgorithmQueries: number;
  out: string;
}

export interface MomentClassResult extends JudgementSummary {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  qps: number;
}

export interface AlgorithmResult {
  algorithm: string;
  isDefault: boolean;
  seeds: Array<{ seed: number; classes: Record<MomentClass, MomentClassResult> }>;
}

/** A few default-algorithm answers, to read what a miss looks like. */
export interface MomentExample {
  query: string;
  cue: string;
  judgedStartMs: number;
  rank: number | null;
  topMomentStartMs: number | null;
  topMomentText: string | null;
}

export interface CaptionWorkerResult {
  cues: number;
  layout: Layout;
  videos: number;
  owners: number;
  /** What `engine.stats()` counts after the build: 0 cues means the engine ignored the captions. */
  engineCues: number;
  engineDocuments: number;
  buildMs: number;
  /** JS heap + external retained by the index (after full collections, corpus source kept on both sides). */
  indexBytes: number;
  bytesPerCue: number;
  /** The worker process's whole RSS after the build, and its growth over the build. */
  rssMb: number;
  rssGrowthMb: number;
  algorithms: AlgorithmResult[];
  examples: MomentExample[];
}
