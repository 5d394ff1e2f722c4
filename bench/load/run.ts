import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startSearchService } from '../../search-service/test/support/search-service-process';
import { startGatewayProcess } from '../../test/support/gateway-process';
import { loadCorpus, type BenchDocument } from '../search/corpus';
import { seededRandom } from '../search/random';

/**
 * Load benchmark of the whole REST path (gateway -> gRPC -> search service) with autocannon:
 * list videos, and submit a search that waits for its result, at several concurrencies, against one
 * user's library of N videos, on SQLite and on PostgreSQL. Every run is bounded in time.
 *
 *   npm run bench:load -- --videos 100000 --seconds 10 --connections 1,16,64 --databases sqlite,postgres
 */

interface Options {
  videos: number;
  seconds: number;
  connections: number[];
  databases: Array<'sqlite' | 'postgres'>;
}

interface Row {
  database: string;
  scenario: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const SERVICE_TOKEN = `bench-${randomBytes(8).toString('hex')}`;
const POSTGRES_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const SEED_CONCURRENCY = 32;
const NO_LIMITS = { RATE_LIMIT_PER_MINUTE: '1000000', DAILY_QUOTA: '1000000000', MONTHLY_QUOTA: '1000000000' };

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: string): string => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
  };
  return {
    videos: Number(value('videos', '100000')),
    seconds: Number(value('seconds', '10')),
    connections: value('connections', '1,16,64').split(',').map(Number),
    databases: value('databases', 'sqlite,postgres').split(',') as Options['databases'],
  };
}

async function withPostgresDatabases<T>(names: string[], run: () => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: POSTGRES_ADMIN });
  await admin.connect();
  try {
    for (const name of names) {
      await admin.query(`CREATE DATABASE ${name}`);
    }
    return await run();
  } finally {
    for (const name of names) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  }
}

async function post(url: string, token: string | null, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as Record<string, unknown>;
}

async function seedVideos(base: string, userId: number, token: string, documents: BenchDocument[]): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < documents.length) {
      const doc = documents[next++];
      await post(`${base}/api/v1/users/${userId}/videos`, token, {
        title: doc.title.slice(0, 200),
        description: doc.description.slice(0, 10_000),
        duration: doc.duration,
        tags: doc.tags,
      });
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  return (performance.now() - started) / 1000;
}

async function waitForIndex(base: string, token: string, expected: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${base}/api/v1/system/status`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { index?: { documents?: number } | null };
    if ((body.index?.documents ?? 0) >= expected) {
      return (performance.now() - started) / 1000;
    }
    if (performance.now() - started > 15 * 60_000) {
      throw new Error(`index holds ${body.index?.documents ?? 0} of ${expected} documents after 15 minutes`);
    }
    await new Promise((wait) => setTimeout(wait, 1000));
  }
}

function searchQueries(documents: BenchDocument[], count: number): string[] {
  const random = seededRandom(7);
  const queries: string[] = [];
  while (queries.length < count) {
    const words = documents[Math.floor(random() * documents.length)].title
      .split(/[^A-Za-z]+/)
      .filter((w) => w.length > 2);
    if (words.length > 0) {
      queries.push(words.slice(0, 2).join(' '));
    }
  }
  return queries;
}

async function measure(
  name: string,
  baseUrl: string,
  connections: number,
  seconds: number,
  request: () => autocannon.Request,
): Promise<Omit<Row, 'database'>> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [{ setupRequest: () => request() }],
  });
  return {
    scenario: name,
    connections,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function runOn(database: 'sqlite' | 'postgres', options: Options, documents: BenchDocument[]): Promise<Row[]> {
  const suffix = randomBytes(4).toString('hex');
  const searchDb = `bench_search_${suffix}`;
  const gatewayDb = `bench_gateway_${suffix}`;
  const run = async (): Promise<Row[]> => {
    const search = await startSearchService({
      token: SERVICE_TOKEN,
      env: database === 'postgres' ? { DATABASE_URL: `${POSTGRES_ADMIN.replace(/postgres$/, searchDb)}` } : {},
    });
    const gateway = await startGatewayProcess({
      searchUrl: search.url,
      serviceToken: SERVICE_TOKEN,
      env: {
        ...NO_LIMITS,
        ...(database === 'postgres' ? { DATABASE_URL: `${POSTGRES_ADMIN.replace(/postgres$/, gatewayDb)}` } : {}),
      },
    });
    try {
      const registered = await post(`${gateway.url}/api/v1/auth/register`, null, {
        email: `bench-${suffix}@example.com`,
        password: 'bench password',
      });
      const token = registered.token as string;
      const userId = (registered.user as { id: number }).id;
      const seedSeconds = await seedVideos(gateway.url, userId, token, documents);
      const indexSeconds = await waitForIndex(gateway.url, token, documents.length);
      console.log(
        `[${database}] seeded ${documents.length} videos in ${seedSeconds.toFixed(1)} s; index caught up ${indexSeconds.toFixed(1)} s later`,
      );

      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const queries = searchQueries(documents, 5000);
      const pages = Math.max(1, Math.floor(documents.length / 20));
      const random = seededRandom(11);
      const rows: Row[] = [];
      for (const connections of options.connections) {
        const list = await measure('list videos (page of 20)', gateway.url, connections, options.seconds, () => ({
          method: 'GET',
          path: `/api/v1/users/${userId}/videos?page=${1 + Math.floor(random() * pages)}&per_page=20`,
          headers,
        }));
        rows.push({ database, ...list });
        const searchRow = await measure('search, wait for results', gateway.url, connections, options.seconds, () => ({
          method: 'POST',
          path: `/api/v1/users/${userId}/search`,
          headers: { ...headers, prefer: 'wait=10' },
          body: JSON.stringify({ query: queries[Math.floor(random() * queries.length)] }),
        }));
        rows.push({ database, ...searchRow });
        console.log(`[${database}] c=${connections} done`);
      }
      return rows;
    } finally {
      await gateway.stop();
      await search.stop();
    }
  };
  return database === 'postgres' ? withPostgresDatabases([searchDb, gatewayDb], run) : run();
}

function report(options: Options, rows: Row[]): string {
  const lines = [
    '# REST load benchmark',
    '',
    `Command: \`npm run bench:load -- --videos ${options.videos} --seconds ${options.seconds} --connections ${options.connections.join(',')} --databases ${options.databases.join(',')}\``,
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; gateway, search service,`,
    'database and load generator share the machine. One user owns every video; autocannon drives each scenario',
    `for ${options.seconds} s. Latencies in milliseconds.`,
    '',
    '| database | scenario | connections | requests | req/s | p50 ms | p99 ms | non-2xx | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.scenario} | ${r.connections} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const documents = loadCorpus(options.videos);
  const rows: Row[] = [];
  for (const database of options.databases) {
    rows.push(...(await runOn(database, options, documents)));
  }
  const markdown = report(options, rows);
  writeFileSync(join(__dirname, 'RESULTS.md'), markdown);
  console.log(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
