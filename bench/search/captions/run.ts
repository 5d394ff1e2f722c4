import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copiesFor, Layout, LAYOUTS, loadBaseVideos } from './corpus';
import { renderCaptionsSection, spliceSection } from './report';
import { CaptionWorkerOptions, CaptionWorkerResult } from './worker-protocol';

/** Seed 1 is the development set; seed 2 is only ever evaluated (as in ../run.ts). */
const SEEDS = [1, 2];
const RESULTS_MD = join(__dirname, '..', 'RESULTS.md');
const RAW_RESULTS = join(__dirname, 'results.json');

interface Options {
  cues: number[];
  layouts: Layout[];
  queries: number;
  otherQueries: number;
  algorithms: string[];
  timeoutMinutes: number;
  out: string;
}

/**
 * `npm run bench:captions -- [--cues 100000,1000000] [--layouts owners,single] [--queries 250]
 * [--other-queries 100] [--algorithms auto,fuzzy] [--timeout-minutes 10] [--out bench/search/RESULTS.md]`:
 * every size and layout in its own child process, one after another; then the captions section of
 * RESULTS.md is replaced (the rest of the file is left as it is) and printed, and the raw results written to
 * captions/results.json. A size within one copy of the text runs once (both layouts are the same library).
 */
async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const base = loadBaseVideos();
  const scratch = mkdtempSync(join(tmpdir(), 'bench-captions-'));
  const results: CaptionWorkerResult[] = [];
  const failures: string[] = [];
  try {
    for (const cues of options.cues) {
      const layouts: Layout[] = copiesFor(base, cues) > 1 ? options.layouts : ['single'];
      for (const layout of layouts) {
        const started = Date.now();
        process.stderr.write(`captions @ ${cues} cues, ${layout} ... `);
        const outcome = runWorker(
          {
            cues,
            layout,
            seeds: SEEDS,
            queriesPerClass: options.queries,
            algorithms: options.algorithms,
            otherAlgorithmQueries: options.otherQueries,
            out: join(scratch, `${cues}-${layout}.json`),
          },
          options.timeoutMinutes,
        );
        process.stderr.write(
          `${typeof outcome === 'string' ? outcome : 'done'} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
        );
        if (typeof outcome === 'string') {
          failures.push(`${cues.toLocaleString('en-US')} cues, ${layout}: ${outcome}`);
        } else {
          results.push(outcome);
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const commands = [`npm run bench:captions -- ${process.argv.slice(2).join(' ')}`.trim()];
  await write(options, { commands, results, failures, base });
}

async function write(
  options: Options,
  run: Pick<Parameters<typeof renderCaptionsSection>[0], 'commands' | 'results' | 'failures' | 'base'>,
): Promise<void> {
  const { base, ...raw } = run;
  writeFileSync(RAW_RESULTS, await format(JSON.stringify(raw), 'json'));
  const section = await format(
    renderCaptionsSection({
      ...run,
      base,
      seeds: SEEDS,
      queriesPerClass: options.queries,
      otherAlgorithmQueries: options.otherQueries,
      engine: engineVersion(),
    }),
    'markdown',
  );
  const previous = existsSync(options.out) ? readFileSync(options.out, 'utf8') : '# Search benchmark results\n';
  writeFileSync(options.out, await format(spliceSection(previous, section), 'markdown'));
  process.stdout.write(section);
}

/** The commit of the engine measured, and whether search-service/ had uncommitted changes. */
function engineVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: __dirname, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', '../../../search-service').length > 0;
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted search-service changes' : ''}`;
  } catch {
    return 'commit unknown';
  }
}

async function format(text: string, parser: 'json' | 'markdown'): Promise<string> {
  const prettier = await import('prettier');
  const config = await prettier.resolveConfig(RAW_RESULTS);
  return prettier.format(text, { ...config, parser, plugins: [] });
}

function runWorker(options: CaptionWorkerOptions, timeoutMinutes: number): CaptionWorkerResult | string {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=6144',
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
  return JSON.parse(readFileSync(options.out, 'utf8')) as CaptionWorkerResult;
}

function parseArguments(argv: string[]): Options {
  const options: Options = {
    cues: [100_000, 1_000_000],
    layouts: ['owners', 'single'],
    queries: 250,
    otherQueries: 100,
    algorithms: [],
    timeoutMinutes: 10,
    out: RESULTS_MD,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) {
      throw new Error(`${flag} needs a value`);
    }
    switch (flag) {
      case '--cues':
        options.cues = value.split(',').map((cues) => positiveInteger(flag, cues));
        break;
      case '--layouts':
        options.layouts = value.split(',').map((layout) => {
          if (!LAYOUTS.includes(layout as Layout)) {
            throw new Error(`unknown layout "${layout}"; known: ${LAYOUTS.join(', ')}`);
          }
          return layout as Layout;
        });
        break;
      case '--queries':
        options.queries = positiveInteger(flag, value);
        break;
      case '--other-queries':
        options.otherQueries = positiveInteger(flag, value);
        break;
      case '--algorithms':
        options.algorithms = value.split(',');
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
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`${flag}: "${value}" is not a positive integer`);
  }
  return parsed;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
