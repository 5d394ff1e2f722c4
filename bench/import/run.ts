import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startSearchService } from '../../search-service/test/support/search-service-process';
import { startGatewayProcess } from '../../test/support/gateway-process';
import { summarizeProfile } from '../profile/summarize';
import { ImportRow, postgresStorageSeconds, sqliteStorageSeconds } from './storage-ceiling';

/**
 * Bulk import end to end with the built apps (`dist/`) as processes: one POST of N NDJSON rows, then
 * polls the import until `completed` (every row searchable). Reports rows/s until the 202 (body received
 * and every row stored), for the insert phase alone, and until searchable; the gateway runs under
 * --cpu-prof and the profile's top items are listed. `npm run bench:import -- --rows 100000 --db sqlite,postgres`.
 */

type Database = 'sqlite' | 'postgres';

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

const SERVICE_TOKEN = `bench-${randomBytes(8).toString('hex')}`;
const POSTGRES_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
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

async function json(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(url, init);
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as Record<string, unknown>;
}

async function runOn(database: Database, rows: number, body: string, parsed: ImportRow[]): Promise<Figures> {
  const suffix = randomBytes(4).toString('hex');
  const names = { search: `bench_search_${suffix}`, gateway: `bench_gateway_${suffix}` };
  const admin = database === 'postgres' ? new Client({ connectionString: POSTGRES_ADMIN }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${names.search}`);
    await admin.query(`CREATE DATABASE ${names.gateway}`);
  }
  const url = (name: string) => POSTGRES_ADMIN.replace(/postgres$/, name);
  const scratch = mkdtempSync(join(tmpdir(), `bench-import-${database}-`));
  const profileDir = join(scratch, 'profiles');
  const searchProfileDir = join(scratch, 'search-profiles');
  mkdirSync(profileDir);
  mkdirSync(searchProfileDir);
  mkdirSync(join(scratch, 'search'));
  mkdirSync(join(scratch, 'gateway'));
  const search = await startSearchService({
    token: SERVICE_TOKEN,
    dataDir: join(scratch, 'search'),
    logFile: join(scratch, 'search-service.log'),
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${searchProfileDir}`],
    env: admin ? { DATABASE_URL: url(names.search) } : {},
  });
  const gateway = await startGatewayProcess({
    searchUrl: search.url,
    serviceToken: SERVICE_TOKEN,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    dataDir: join(scratch, 'gateway'),
    logFile: join(scratch, 'gateway.log'),
    env: { ...NO_LIMITS, ...tunables(), ...(admin ? { DATABASE_URL: url(names.gateway) } : {}) },
  });
  try {
    const user = await json(`${gateway.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `import-${suffix}@example.com`, password: 'bench password' }),
    });
    const auth = { authorization: `Bearer ${String(user.token)}` };
    const userId = (user.user as { id: number }).id;
    const started = performance.now();
    const accepted = await json(`${gateway.url}/api/v1/users/${userId}/videos/import`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-ndjson' },
      body,
    });
    const acceptedSeconds = (performance.now() - started) / 1000;
    let job = accepted;
    while (job.status !== 'completed') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await json(`${gateway.url}/api/v1/users/${userId}/videos/imports/${String(accepted.id)}`, {
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
    await gateway.stop();
    await search.stop();
    const storageSeconds = admin
      ? await postgresStorageSeconds(url(names.gateway), userId, parsed)
      : sqliteStorageSeconds(join(scratch, 'gateway', 'gateway.sqlite'), userId, parsed);
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
    await gateway.stop().catch(() => undefined);
    await search.stop();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${names.search} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${names.gateway} WITH (FORCE)`);
      await admin.end();
    }
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
