import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINES, ENGINE_NAMES } from './adapters';
import { extractSection, spliceSection } from './captions/report';
import { renderReport } from './report';
import { WorkerOptions, WorkerResult } from './worker-protocol';

/** Seed 1 is the development set (looked at while tuning); seed 2 is only ever evaluated. */
const SEEDS = [1, 2];
const DEFAULTS = {
  sizes: [10_000, 100_000],
  queries: 500,
  timeoutMinutes: 20,
  out: join(__dirname, 'RESULTS.md'),
  append: false,
};
/** Raw results beside the report, so later runs (`--append`) can add sizes or engines to the same report. */
const RAW_RESULTS = join(__dirname, 'results.json');

interface Options {
  sizes: number[];
  engines: string[];
  queries: number;
  timeoutMinutes: number;
  out: string;
  append: boolean;
}

interface RawResults {
  commands: string[];
  queriesPerClass: number;
  results: WorkerResult[];
  failures: string[];
}

/**
 * `npm run bench:search -- [--sizes 10000,100000] [--engines ours,minisearch,...] [--queries 500]
 * [--timeout-minutes 20] [--out bench/search/RESULTS.md] [--append]`: every engine at every size in its own
 * child process, one after another (the machine is shared), then the Markdown report, printed and written.
 * `--append` adds to (or replaces engine/size pairs in) the previous run's results instead of starting over.
 */
async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const results: WorkerResult[] = [];
  const failures: string[] = [];
  try {
    for (const size of options.sizes) {
      for (const engine of options.engines) {
        const started = Date.now();
        process.stderr.write(`${engine} @ ${size} ... `);
        const outcome = runWorker(
          {
            engine,
            size,
            seeds: SEEDS,
            queriesPerClass: options.queries,
            out: join(scratch, `${engine}-${size}.json`),
          },
          options.timeoutMinutes,
        );
        process.stderr.write(
          `${typeof outcome === 'string' ? outcome : 'done'} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
        );
        if (typeof outcome === 'string') {
          failures.push(`${engine} at ${size.toLocaleString('en-US')} documents: ${outcome}`);
        } else {
          results.push(outcome);
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const command = `npm run bench:search -- ${process.argv.slice(2).join(' ')}`.trim();
  const raw = merge(options.append ? readRaw() : null, {
    commands: [command],
    queriesPerClass: options.queries,
    results,
    failures,
  });
  writeFileSync(RAW_RESULTS, await format(JSON.stringify(raw), 'json'));
  const report = await format(renderReport({ ...raw, seeds: SEEDS }), 'markdown');
  // The captions section is written by bench:captions (captions/run.ts) and kept across this report's runs.
  const captions = existsSync(options.out) ? extractSection(readFileSync(options.out, 'utf8')) : null;
  writeFileSync(options.out, captions ? spliceSection(report, captions) : report);
  process.stdout.write(report);
}

/** Both files are committed; formatting them here keeps `npm run format` clean after a run. */
async function format(text: string, parser: 'json' | 'markdown'): Promise<string> {
  const prettier = await import('prettier');
  const config = await prettier.resolveConfig(RAW_RESULTS);
  return prettier.format(text, { ...config, parser, plugins: [] });
}

function readRaw(): RawResults | null {
  return existsSync(RAW_RESULTS) ? (JSON.parse(readFileSync(RAW_RESULTS, 'utf8')) as RawResults) : null;
}

function merge(previous: RawResults | null, next: RawResults): RawResults {
  if (!previous) {
    return next;
  }
  if (previous.queriesPerClass !== next.queriesPerClass) {
    throw new Error(`--append needs the same --queries as before (${previous.queriesPerClass})`);
  }
  const replaced = (result: WorkerResult) =>
    next.results.some((entry) => entry.engine === result.engine && entry.size === result.size);
  return {
    commands: [...previous.commands, ...next.commands],
    queriesPerClass: next.queriesPerClass,
    results: [...previous.results.filter((result) => !replaced(result)), ...next.results],
    failures: [...previous.failures, ...next.failures],
  };
}

function runWorker(options: WorkerOptions, timeoutMinutes: number): WorkerResult | string {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=12288',
      '-r',
      require.resolve('ts-node/register/transpile-only'),
      '-r',
      require.resolve('tsconfig-paths/register'),
      join(__dirname, 'worker.ts'),
      JSON.stringify(options),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMinutes * 60_000, encoding: 'utf8' },
  );
  if (child.error || child.status !== 0) {
    const reason = child.signal === 'SIGTERM' ? `timed out after ${timeoutMinutes} min` : `exit ${child.status}`;
    return `${reason}${child.stderr ? `: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`;
  }
  return JSON.parse(readFileSync(options.out, 'utf8')) as WorkerResult;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { ...DEFAULTS, engines: DEFAULT_ENGINES };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--append') {
      options.append = true;
      i--;
      continue;
    }
    if (value === undefined) {
      throw new Error(`${flag} needs a value`);
    }
    switch (flag) {
      case '--sizes':
        options.sizes = value.split(',').map((size) => positiveInteger(flag, size));
        break;
      case '--engines':
        options.engines = value.split(',');
        for (const engine of options.engines) {
          if (!ENGINE_NAMES.includes(engine)) {
            throw new Error(`unknown engine "${engine}"; known: ${ENGINE_NAMES.join(', ')}`);
          }
        }
        break;
      case '--queries':
        options.queries = positiveInteger(flag, value);
        break;
      case '--timeout-minutes':
        options.timeoutMinutes = positiveInteger(flag, value);
        break;
      case '--out':
        options.out = value;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return options;
}

function positiveInteger(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`${flag}: "${value}" is not a positive integer`);
  }
  return parsed;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
