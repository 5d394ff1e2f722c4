import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeProfile } from '../profile/summarize';
import { BenchDatabase, requestJson, startBenchPlatform } from '../support/bench-platform';
import { ImportRow, postgresStorageSeconds, sqliteStorageSeconds } from './storage-ceiling';

/**
 * Bulk import end to end with the built apps (`dist/`) as processes: one POST of N NDJSON rows, then
 * polls the import until `completed` (every row searchable). Reports rows/s until the 202 (body received
 * and every row stored), for the insert phase alone, and until searchable; the gateway runs under
 * --cpu-prof and the profile's top items are listed. `npm run bench:import -- --rows 100000 --db sqlite,postgres`.
 */

type Database = BenchDatabase;

interface Figures {
  database: Database;
  rows: number;
  acceptedSeconds: number;
  insertSeconds: number;
  searchableSeconds: number;
  /** The same rows stored by the database alone, in process (the ceiling). */
  storageSeconds: number;
  profiles: string;
}

const NO_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '1000000',
  DAILY_QUOTA: '1000000000',
  MONTHLY_QUOTA: '1000000000',
};

/** The import's and the relay's tunables (IMPORT_*, OUTBOX_*) reach the gateway, to compare settings. */
function tunables(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => /^(IMPORT|OUTBOX)_/.test(entry[0]) && entry[1] !== undefined,
    ),
  );
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

function ndjson(rows: number): string {
  const lines: string[] = [];
  for (let index = 0; index < rows; index += 1) {
    lines.push(
      JSON.stringify({
        title: `Imported video ${index} about topic ${index % 97}`,
        description: `Bulk import benchmark row ${index}, part of series ${index % 13}`,
        duration: (index % 3600) + 1,
        tags: [`series-${index % 13}`, `topic-${index % 97}`],
      }),
    );
  }
  return lines.join('\n');
}

async function runOn(database: Database, rows: number, body: string, parsed: ImportRow[]): Promise<Figures> {
  const profiles = mkdtempSync(join(tmpdir(), `bench-import-profiles-${database}-`));
  const profileDir = join(profiles, 'gateway');
  const searchProfileDir = join(profiles, 'search');
  mkdirSync(profileDir);
  mkdirSync(searchProfileDir);
  const platform = await startBenchPlatform(database, {
    label: 'import',
    gatewayEnv: { ...NO_LIMITS, ...tunables() },
    gatewayNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    searchNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${searchProfileDir}`],
  });
  const { gateway } = platform;
  try {
    const { userId, auth } = await platform.register();
    const started = performance.now();
    const accepted = await requestJson(`${gateway.url}/api/v1/users/${userId}/videos/import`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-ndjson' },
      body,
    });
    const acceptedSeconds = (performance.now() - started) / 1000;
    let job = accepted;
    while (job.status !== 'completed') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await requestJson(`${gateway.url}/api/v1/users/${userId}/videos/imports/${String(accepted.id)}`, {
        headers: auth,
      });
    }
    const searchableSeconds = (performance.now() - started) / 1000;
    if (job.done !== rows) {
      throw new Error(`imported ${String(job.done)} of ${rows} rows`);
    }
    const insertSeconds = (Date.parse(String(job.finished_at)) - Date.parse(String(job.started_at))) / 1000;
    console.log(
      `[${database}] 202 after ${acceptedSeconds.toFixed(1)} s, searchable after ${searchableSeconds.toFixed(1)} s`,
    );
    await platform.stopApps();
    const storageSeconds = platform.gatewayDatabaseUrl
      ? await postgresStorageSeconds(platform.gatewayDatabaseUrl, userId, parsed)
      : sqliteStorageSeconds(join(platform.scratch, 'gateway', 'gateway.sqlite'), userId, parsed);
    return {
      database,
      rows,
      acceptedSeconds,
      insertSeconds,
      searchableSeconds,
      storageSeconds,
      profiles: [profileTable('Gateway', profileDir), '', profileTable('Search service', searchProfileDir)].join('\n'),
    };
  } finally {
    await platform.dispose();
  }
}

/** `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`: thread 0 is the main thread, the others are workers. */
const MAIN_THREAD_PROFILE = /\.\d+\.0\.\d+\.cpuprofile$/;

function profileTable(process: string, directory: string): string {
  const files = readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'));
  const file = files.find((name) => MAIN_THREAD_PROFILE.test(name)) ?? files[0];
  if (!file) {
    return `${process}: no profile written.`;
  }
  const summary = summarizeProfile(join(directory, file), 12);
  const workers = files
    .filter((name) => name !== file)
    .map((name) => summarizeProfile(join(directory, name), 1))
    .map((worker) => `${(worker.seconds * worker.busy).toFixed(1)} s`);
  return [
    `${process} profile: ${summary.seconds.toFixed(1)} s, main thread busy ${(summary.busy * 100).toFixed(0)}%` +
      (workers.length > 0 ? `; worker threads (row checks) busy ${workers.join(', ')}.` : '.'),
    '',
    '| self time | function |',
    '| ---: | --- |',
    ...summary.functions.map((item) => `| ${(item.share * 100).toFixed(1)}% | ${item.name.replace(/\|/g, '\\|')} |`),
    '',
    '| self time | package |',
    '| ---: | --- |',
    ...summary.packages.map((item) => `| ${(item.share * 100).toFixed(1)}% | ${item.name} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const rows = Number(option('rows', '100000'));
  const databases = option('db', 'sqlite,postgres').split(',') as Database[];
  const body = ndjson(rows);
  const parsed = body.split('\n').map((line) => JSON.parse(line) as ImportRow);
  const results: Figures[] = [];
  for (const database of databases) {
    results.push(await runOn(database, rows, body, parsed));
  }
  const rate = (seconds: number) => Math.round(rows / seconds).toLocaleString('en-US');
  const lines = [
    '# Bulk import benchmark',
    '',
    `Generated ${new Date().toISOString()} by \`npm run bench:import -- --rows ${rows} --db ${databases.join(',')}\``,
    `(${(Buffer.byteLength(body) / 1e6).toFixed(1)} MB of NDJSON in one POST; built apps started as processes; target 5,000 rows/s until searchable).`,
    '',
    "Ceiling: the same rows stored by the database alone, in process, into the gateway's schema (video, tags and",
    'outbox event each, 500 rows a transaction; no HTTP, validation, relay or index), right after the import.',
    '',
    '| database | rows | until 202 (received + stored) | insert phase | until searchable | storage alone (ceiling) | searchable, share of the ceiling |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (figures) =>
        `| ${figures.database} | ${rows} | ${rate(figures.acceptedSeconds)} rows/s (${figures.acceptedSeconds.toFixed(1)} s) | ${rate(figures.insertSeconds)} rows/s | ${rate(figures.searchableSeconds)} rows/s (${figures.searchableSeconds.toFixed(1)} s) | ${rate(figures.storageSeconds)} rows/s (${figures.storageSeconds.toFixed(1)} s) | ${((100 * figures.storageSeconds) / figures.searchableSeconds).toFixed(0)}% |`,
    ),
    '',
    ...results.flatMap((figures) => [`## ${figures.database}`, '', figures.profiles, '']),
  ];
  writeFileSync(join(__dirname, 'RESULTS.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
