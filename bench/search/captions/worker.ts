import { createSearchEngine, EngineDocument, EngineHit, SearchEngine } from '@search/engine';
import { writeFileSync } from 'node:fs';
import { percentile } from '../metrics';
import { CaptionVideo, captionVideos, loadBaseVideos } from './corpus';
import { judgeMoment, summarize, TOP_K } from './judge';
import { generateMomentQueries, MOMENT_CLASSES, MomentClass, MomentQuery, MomentQuerySet } from './queries';
import {
  AlgorithmResult,
  CaptionWorkerOptions,
  CaptionWorkerResult,
  MomentClassResult,
  MomentExample,
} from './worker-protocol';

const BATCH_CUES = 5000;
const WARMUP_QUERIES = 100;
const EXAMPLES = 5;

/**
 * One corpus size and layout in its own process (run.ts starts it with --expose-gc): builds the engine from
 * the caption corpus, then asks every query set of every algorithm and judges video and moment. Writes a
 * `CaptionWorkerResult` JSON file.
 */
function main(): void {
  const options = JSON.parse(process.argv[2]) as CaptionWorkerOptions;
  if (!global.gc) {
    throw new Error('run with --expose-gc');
  }
  const base = loadBaseVideos();
  const querySets = options.seeds.map((seed) =>
    generateMomentQueries(base, options.cues, options.layout, seed, options.queriesPerClass),
  );
  const engine = createSearchEngine();
  const baseline = memory();
  const { buildMs, videos, owners } = build(engine, base, options);
  const indexed = memory();
  const stats = engine.stats();

  for (const query of querySets[0].exact.slice(0, WARMUP_QUERIES)) {
    search(engine, query, undefined);
  }

  const listed = engine.algorithms();
  const chosen = listed.filter(
    (algorithm) => options.algorithms.length === 0 || options.algorithms.includes(algorithm.name),
  );
  const algorithms: AlgorithmResult[] = chosen.map((algorithm) => ({
    algorithm: algorithm.name,
    isDefault: algorithm.isDefault,
    seeds: querySets.map((set, i) => ({
      seed: options.seeds[i],
      classes: measureSet(
        engine,
        set,
        algorithm.isDefault ? undefined : algorithm.name,
        algorithm.isDefault ? Infinity : options.otherAlgorithmQueries,
      ),
    })),
  }));

  const result: CaptionWorkerResult = {
    cues: options.cues,
    layout: options.layout,
    videos,
    owners,
    engineCues: stats.cues,
    engineDocuments: stats.documents,
    buildMs,
    indexBytes: indexed.heap - baseline.heap,
    bytesPerCue: (indexed.heap - baseline.heap) / options.cues,
    rssMb: indexed.rss / 2 ** 20,
    rssGrowthMb: (indexed.rss - baseline.rss) / 2 ** 20,
    algorithms,
    examples: querySets[0].exact.slice(0, EXAMPLES).map((query) => example(engine, query)),
  };
  writeFileSync(options.out, JSON.stringify(result));
}

/** Upserts the videos in batches of about 5,000 cues, as an import would; only the engine keeps them. */
function build(
  engine: SearchEngine,
  base: CaptionVideo[],
  options: CaptionWorkerOptions,
): { buildMs: number; videos: number; owners: number } {
  let batch: EngineDocument[] = [];
  let batchCues = 0;
  let videos = 0;
  const owners = new Set<number>();
  let elapsed = 0;
  const flush = () => {
    const start = performance.now();
    engine.upsert(batch);
    elapsed += performance.now() - start;
    batch = [];
    batchCues = 0;
  };
  for (const video of captionVideos(base, options.cues, options.layout)) {
    batch.push({
      ownerId: video.ownerId,
      videoId: video.videoId,
      title: video.title,
      description: video.description,
      tags: video.tags,
      duration: video.duration,
      captions: video.captions,
    });
    videos++;
    owners.add(video.ownerId);
    batchCues += video.captions.length;
    if (batchCues >= BATCH_CUES) {
      flush();
    }
  }
  if (batch.length > 0) {
    flush();
  }
  return { buildMs: elapsed, videos, owners: owners.size };
}

function measureSet(
  engine: SearchEngine,
  set: MomentQuerySet,
  algorithm: string | undefined,
  limit: number,
): Record<MomentClass, MomentClassResult> {
  const classes = {} as Record<MomentClass, MomentClassResult>;
  for (const momentClass of MOMENT_CLASSES) {
    const queries = set[momentClass].slice(0, limit);
    const latencies: number[] = [];
    const judgements = [];
    const total = performance.now();
    for (const query of queries) {
      const start = performance.now();
      const hits = search(engine, query, algorithm);
      latencies.push(performance.now() - start);
      judgements.push(judgeMoment(hits, query.relevant, query.startMs));
    }
    const elapsed = performance.now() - total;
    classes[momentClass] = {
      ...summarize(judgements),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      qps: queries.length / (elapsed / 1000),
    };
  }
  return classes;
}

function search(engine: SearchEngine, query: MomentQuery, algorithm: string | undefined): EngineHit[] {
  return engine.search({ ownerId: query.ownerId, text: query.text, algorithm, limit: TOP_K }).hits;
}

function example(engine: SearchEngine, query: MomentQuery): MomentExample {
  const hits = search(engine, query, undefined);
  const rank = hits.findIndex((hit) => query.relevant.includes(hit.videoId));
  const top = rank < 0 ? undefined : hits[rank].moments[0];
  return {
    query: query.text,
    cue: query.cue,
    judgedStartMs: query.startMs,
    rank: rank < 0 ? null : rank + 1,
    topMomentStartMs: top?.startMs ?? null,
    topMomentText: top?.text ?? null,
  };
}

/** JS heap plus off-heap buffers and the RSS, after two full collections (see ../worker.ts). */
function memory(): { heap: number; rss: number } {
  global.gc?.();
  global.gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed + usage.external, rss: usage.rss };
}

try {
  main();
} catch (error: unknown) {
  console.error(error);
  process.exit(1);
}
