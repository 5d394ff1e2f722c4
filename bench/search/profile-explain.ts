import { createSearchEngine } from '@search/engine';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeProfile } from '../profile/summarize';
import { loadCorpus } from './corpus';
import { generateQueries, QUERY_CLASSES } from './queries';

/**
 * Where an explained search spends its time beyond a plain one: the engine in process over the WordNet corpus, every
 * query of seed 1 run plain, then explained, each pass under the V8 profiler (the same as `node --cpu-prof`), and the
 * top self-time functions of both appended to bench/search/RESULTS.md.
 *
 *   npm run bench:search:explain-profile -- [--size 100000] [--seconds 10]
 */
const OWNER = 1;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function profiled(session: Session, directory: string, name: string, run: () => number) {
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const searches = run();
  const { profile } = await session.post('Profiler.stop');
  const path = join(directory, `${name}.cpuprofile`);
  writeFileSync(path, JSON.stringify(profile));
  return { searches, summary: summarizeProfile(path, 10), path };
}

async function main(): Promise<void> {
  const size = argument('size', 100_000);
  const seconds = argument('seconds', 10);
  const corpus = loadCorpus(size);
  const engine = createSearchEngine();
  engine.upsert(corpus.map((document) => ({ ownerId: OWNER, videoId: document.id, ...document })));
  const texts = QUERY_CLASSES.flatMap((kind) => generateQueries(corpus, 1, 500)[kind].map((query) => query.text));
  const loop = (explain: boolean) => () => {
    const deadline = Date.now() + seconds * 1000;
    let searches = 0;
    while (Date.now() < deadline) {
      engine.search({ ownerId: OWNER, text: texts[searches % texts.length], limit: 10, explain });
      searches++;
    }
    return searches;
  };
  const session = new Session();
  session.connect();
  const directory = mkdtempSync(join(tmpdir(), 'explain-profile-'));
  const plain = await profiled(session, directory, 'plain', loop(false));
  const explained = await profiled(session, directory, 'explain', loop(true));
  session.disconnect();

  const rate = (searches: number) => Math.round(searches / seconds);
  const table = (title: string, result: typeof plain) =>
    [
      `#### ${title}: ${rate(result.searches)} searches/s, ${(result.summary.busy * 100).toFixed(0)} % busy`,
      '',
      '| self time | function |',
      '| --------: | -------- |',
      ...result.summary.functions.map((item) => `| ${(item.share * 100).toFixed(1)} % | \`${item.name}\` |`),
      '',
    ].join('\n');
  const section = [
    '',
    `### Profile of explain (${size.toLocaleString('en-US')} documents, ${seconds} s per pass, ${new Date().toISOString()})`,
    '',
    `Command: \`npm run bench:search:explain-profile -- --size ${size} --seconds ${seconds}\`; the engine in process, ` +
      `the ${texts.length} queries of seed 1 in turn, top 10; load average at the end ` +
      `${loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')} on ${cpus().length} cores (shared cores inflate both passes alike). Explained: ` +
      `${(rate(plain.searches) / Math.max(1, rate(explained.searches))).toFixed(2)}x the time of plain.`,
    '',
    table('Plain', plain),
    table('Explain', explained),
  ].join('\n');
  appendFileSync(join(__dirname, 'RESULTS.md'), section);
  process.stdout.write(`${section}\nProfiles: ${plain.path}, ${explained.path}\n`);
}

void main();
