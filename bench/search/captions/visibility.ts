import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { BenchDatabase, requestJson, startBenchPlatform } from '../../support/bench-platform';
import { percentile } from '../metrics';

/**
 * How soon captions are searchable through REST: the built apps as processes (`dist/`), one video, then
 * `--rounds` times a PUT of `--cues` cues (WebVTT) holding one word never seen before, and the time from the
 * 2xx until a search for that word answers the video with a moment (polled every 10 ms). The path is the whole
 * one: the captions row and the outbox event in one transaction, the relay's next poll, UpsertVideos, the
 * engine's windows. `npm run bench:captions:visibility -- --cues 1000 --rounds 20 --db sqlite,postgres`
 */

type Database = BenchDatabase;

const POLL_MS = 10;
const GIVE_UP_MS = 10_000;
const WORDS = ['flour', 'water', 'salt', 'starter', 'oven', 'crust', 'proof', 'knead', 'dough', 'rise'];

interface Figures {
  database: Database;
  putMs: number[];
  visibleMs: number[];
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

/** `cues` cues of three seconds; the one in the middle says `marker`. */
function webvtt(cues: number, marker: string): string {
  const stamp = (ms: number) => new Date(ms).toISOString().slice(11, 23);
  const lines = ['WEBVTT', ''];
  for (let cue = 0; cue < cues; cue++) {
    const words = Array.from({ length: 8 }, (_, at) => WORDS[(cue * 7 + at * 3) % WORDS.length]);
    if (cue === Math.floor(cues / 2)) {
      words[4] = marker;
    }
    lines.push(`${stamp(cue * 3000)} --> ${stamp(cue * 3000 + 2800)}`, words.join(' '), '');
  }
  return lines.join('\n');
}

/** A word of letters only (the analyser keeps it whole), unlike any word of the library. */
function markerWord(): string {
  return `zq${[...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')}`;
}

async function runOn(database: Database, cues: number, rounds: number): Promise<Figures> {
  const platform = await startBenchPlatform(database, { label: 'captions' });
  const { gateway } = platform;
  try {
    const { userId, auth } = await platform.register();
    const video = await requestJson(`${gateway.url}/api/v1/users/${userId}/videos`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bread at home', description: 'A long baking session', duration: cues * 3 }),
    });
    const figures: Figures = { database, putMs: [], visibleMs: [] };
    for (let round = 0; round < rounds; round++) {
      const marker = markerWord();
      const body = webvtt(cues, marker);
      const started = performance.now();
      await requestJson(`${gateway.url}/api/v1/users/${userId}/videos/${String(video.id)}/captions`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'text/vtt' },
        body,
      });
      const acknowledged = performance.now();
      figures.putMs.push(acknowledged - started);
      for (;;) {
        const answer = await requestJson(`${gateway.url}/api/v1/users/${userId}/search`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ query: marker }),
        });
        const results = (answer.results ?? []) as Array<{ moments: unknown[] }>;
        if (results.length > 0 && results[0].moments.length > 0) {
          figures.visibleMs.push(performance.now() - acknowledged);
          break;
        }
        if (performance.now() - acknowledged > GIVE_UP_MS) {
          throw new Error(`round ${round}: "${marker}" not searchable ${GIVE_UP_MS} ms after the 2xx`);
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
    return figures;
  } finally {
    await platform.dispose();
    rmSync(platform.scratch, { recursive: true, force: true });
  }
}

function row(figures: Figures): string {
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const put = sorted(figures.putMs);
  const visible = sorted(figures.visibleMs);
  const ms = (value: number) => value.toFixed(0);
  return (
    `| ${figures.database} | ${visible.length} | ${ms(percentile(put, 50))} | ` +
    `${ms(percentile(visible, 50))} | ${ms(percentile(visible, 95))} | ${ms(visible[visible.length - 1])} |`
  );
}

async function main(): Promise<void> {
  const cues = Number(option('cues', '1000'));
  const rounds = Number(option('rounds', '20'));
  const databases = option('db', 'sqlite,postgres').split(',') as Database[];
  const lines = [
    `${cues} cues a PUT, ${rounds} rounds a database; from the PUT's 2xx until a search answers the moment:`,
    '',
    '| database | rounds | PUT p50 ms | visible p50 ms | p95 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const database of databases) {
    lines.push(row(await runOn(database, cues, rounds)));
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
