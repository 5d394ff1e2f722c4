import { writeFileSync } from 'node:fs';
import { ADAPTERS } from './adapters';
import { BenchAdapter, SEARCH_VARIANTS, SearchVariant } from './adapters/bench-adapter';
import { loadCorpus } from './corpus';
import { mean, percentile, reciprocalRank } from './metrics';
import { BenchQuery, generateQueries, QUERY_CLASSES, QueryClass, QuerySet } from './queries';
import { ClassResult, VariantResult, WorkerOptions, WorkerResult } from './worker-protocol';

const WARMUP_QUERIES = 200;

/**
 * Measures one engine at one corpus size in its own process (started by run.ts with --expose-gc), so
 * memory figures are not polluted by other engines. Writes a `WorkerResult` JSON file.
 */
async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as WorkerOptions;
  const gc = global.gc;
  if (!gc) {
    throw new Error('run with --expose-gc');
  }
  const adapter = await ADAPTERS[options.engine]();
  gc();
  const baseline = memory();
  const { querySets, buildMs } = await buildIndex(adapter, options);
  gc();
  const indexed = memory();

  for (const query of querySets[0].exact.slice(0, WARMUP_QUERIES)) {
    await run(adapter, query.text);
  }

  const seeds: WorkerResult['seeds'] = [];
  for (const [i, set] of querySets.entries()) {
    seeds.push({ seed: options.seeds[i], classes: await measureSet(adapter, set) });
  }

  const variants = measureVariants(adapter, querySets);

  await adapter.close?.();

  const result: WorkerResult = {
    engine: adapter.name,
    version: adapter.version,
    size: options.size,
    buildMs,
    heapMb: (indexed.heap - baseline.heap) / 2 ** 20,
    rssMb: (indexed.rss - baseline.rss) / 2 ** 20,
    seeds,
    ...(variants ? { variants } : {}),
  };
  writeFileSync(options.out, JSON.stringify(result));
}

/** Loads the corpus, builds the index and lets the corpus go, so only what the engine retains stays. */
async function buildIndex(
  adapter: BenchAdapter,
  options: WorkerOptions,
): Promise<{ querySets: QuerySet[]; buildMs: number }> {
  const corpus = loadCorpus(options.size);
  const querySets = options.seeds.map((seed) => generateQueries(corpus, seed, options.queriesPerClass));
  const start = performance.now();
  await adapter.build(corpus);
  return { querySets, buildMs: performance.now() - start };
}

async function measureSet(adapter: BenchAdapter, set: QuerySet): Promise<Record<QueryClass, ClassResult>> {
  const classes = {} as Record<QueryClass, ClassResult>;
  for (const queryClass of QUERY_CLASSES) {
    classes[queryClass] = await measureClass(adapter, set[queryClass]);
  }
  return classes;
}

async function measureClass(adapter: BenchAdapter, queries: BenchQuery[]): Promise<ClassResult> {
  const ranks: number[] = [];
  const latencies: number[] = [];
  const total = performance.now();
  for (const query of queries) {
    const start = performance.now();
    const ids = await run(adapter, query.text);
    latencies.push(performance.now() - start);
    ranks.push(reciprocalRank(ids, query.target));
  }
  const elapsed = performance.now() - total;
  return {
    queries: queries.length,
    mrr: mean(ranks),
    recall: ranks.filter((rank) => rank > 0).length / Math.max(queries.length, 1),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    qps: queries.length / (elapsed / 1000),
  };
}

/**
 * Each query plain, with facets and sorted, one after another in an order that rotates per query (so neither
 * warm caches nor drifting machine load favour one variant), after a warm-up pass of every variant.
 */
function measureVariants(adapter: BenchAdapter, querySets: QuerySet[]): Record<SearchVariant, VariantResult> | null {
  const searchVariant = adapter.searchVariant?.bind(adapter);
  if (!searchVariant) {
    return null;
  }
  const texts = querySets
    .flatMap((set) => QUERY_CLASSES.flatMap((queryClass) => set[queryClass]))
    .map((query) => query.text);
  for (const text of texts.slice(0, WARMUP_QUERIES)) {
    for (const variant of SEARCH_VARIANTS) {
      searchVariant(text, variant);
    }
  }
  const latencies = Object.fromEntries(SEARCH_VARIANTS.map((variant) => [variant, [] as number[]])) as Record<
    SearchVariant,
    number[]
  >;
  for (const [position, text] of texts.entries()) {
    for (let turn = 0; turn < SEARCH_VARIANTS.length; turn++) {
      const variant = SEARCH_VARIANTS[(position + turn) % SEARCH_VARIANTS.length];
      const start = performance.now();
      searchVariant(text, variant);
      latencies[variant].push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    SEARCH_VARIANTS.map((variant) => {
      const samples = latencies[variant];
      return [
        variant,
        {
          queries: samples.length,
          p50Ms: percentile(samples, 50),
          p95Ms: percentile(samples, 95),
          meanMs: mean(samples),
        },
      ];
    }),
  ) as Record<SearchVariant, VariantResult>;
}

/** Awaits only real promises, so synchronous engines are timed without a microtask hop. */
async function run(adapter: BenchAdapter, text: string): Promise<number[]> {
  const result = adapter.search(text);
  return result instanceof Promise ? await result : result;
}

/**
 * JS heap plus off-heap buffers (typed arrays live there), and the process RSS (native engines), after two
 * full collections: array buffer memory is only released by the collection after the one that finds it dead.
 */
function memory(): { heap: number; rss: number } {
  global.gc?.();
  global.gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed + usage.external, rss: usage.rss };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
