import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { createClients, tokenMetadata, unary } from '../../search-service/test/support/grpc-clients';
import { startSearchService } from '../../search-service/test/support/search-service-process';
import { startGatewayProcess } from '../../test/support/gateway-process';
import { summarizeProfile } from '../profile/summarize';
import { loadCorpus, type BenchDocument } from '../search/corpus';
import { seededRandom } from '../search/random';

/**
 * Load benchmark of the whole REST path with autocannon, beside a bare Node `http` server (the
 * ceiling, measured in the same run at the same concurrency): a public route, a trivial
 * authenticated route (JWT and API key), the first, a middle and the last page of a large library
 * (by page number and by cursor), and a search that waits for its results, at several
 * concurrencies, on SQLite and on PostgreSQL, with the resident memory of both services.
 *
 *   npm run bench:load -- --videos 100000 --search-videos 10000 --seconds 5 --connections 1,16,64,256
 *   npm run bench:load -- --profile     # also CPU-profile both services under load and list the top items
 *   npm run bench:load -- --only auth/me,search --videos 1000   # a few scenarios, for a quick look
 */

type Database = 'sqlite' | 'postgres';

interface Options {
  videos: number;
  searchVideos: number;
  seconds: number;
  connections: number[];
  databases: Database[];
  profile: boolean;
  /** Run only the scenarios whose name contains one of these (all when empty). */
  only: string[];
  out: string;
}

interface Scenario {
  name: string;
  request: () => autocannon.Request;
}

interface Measurement {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface Row extends Measurement {
  database: Database;
  scenario: string;
  connections: number;
  share: number;
  gatewayRssMb: number;
  searchRssMb: number;
  /** CPU time (user + system) each service spent per request of the scenario, in ms. */
  gatewayCpuMs: number;
  searchCpuMs: number;
}

interface Setup {
  database: Database;
  seedSeconds: number;
  indexSeconds: number;
  profiles: string[];
}

const SERVICE_TOKEN = `bench-${randomBytes(8).toString('hex')}`;
const POSTGRES_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const PER_PAGE = 20;
const ORDERINGS = ['created_at', 'title', 'duration'].flatMap((sort) =>
  (['asc', 'desc'] as const).map((order) => [sort, order] as const),
);
const BARE = 'bare Node http, page of 20 videos';
// USER_HZ, 100 on every Linux build the bench runs on.
const CLOCK_TICKS_PER_SECOND = 100;
const NO_LIMITS = { RATE_LIMIT_PER_MINUTE: '1000000', DAILY_QUOTA: '1000000000', MONTHLY_QUOTA: '1000000000' };

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: string): string => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 && argv[at + 1] && !argv[at + 1].startsWith('--') ? argv[at + 1] : fallback;
  };
  return {
    videos: Number(value('videos', '100000')),
    searchVideos: Number(value('search-videos', '10000')),
    seconds: Number(value('seconds', '5')),
    connections: value('connections', '1,16,64,256').split(',').map(Number),
    databases: value('databases', 'sqlite,postgres').split(',') as Database[],
    profile: argv.includes('--profile'),
    only: value('only', '')
      .split(',')
      .filter((name) => name.length > 0),
    out: value('out', join(__dirname, 'RESULTS.md')),
  };
}

function databaseUrl(name: string): string {
  return POSTGRES_ADMIN.replace(/postgres$/, name);
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

/**
 * Refreshes the planner's statistics after the bulk seeding, as autovacuum would within a minute of it. This
 * machine's PostgreSQL runs with autovacuum off; without statistics it plans a deep page of 20 as a bitmap
 * scan and sort of everything before it instead of a walk along the index.
 */
async function analyze(databases: string[]): Promise<void> {
  for (const name of databases) {
    const client = new Client({ connectionString: databaseUrl(name) });
    await client.connect();
    try {
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
  }
}

async function startBareServer(): Promise<{ url: string; pid: number; stop(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'bare-server.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const firstLine = await new Promise<string>((resolveLine, reject) => {
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolveLine);
  });
  return { url: `http://127.0.0.1:${firstLine.trim()}`, pid: child.pid ?? 0, stop: () => child.kill('SIGTERM') };
}

async function call(url: string, init: { method?: string; token?: string; body?: object } = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

interface BenchUser {
  id: number;
  token: string;
}

async function register(base: string, name: string): Promise<BenchUser> {
  const body = (await call(`${base}/api/v1/auth/register`, {
    method: 'POST',
    body: { email: `${name}-${randomBytes(4).toString('hex')}@example.com`, password: 'bench password' },
  })) as { token: string; user: { id: number } };
  return { id: body.user.id, token: body.token };
}

/** The bulk import takes at most this many rows per request. */
const IMPORT_ROWS = 50_000;

/** Seeds through the bulk import (NDJSON), which answers once every row is stored; the index follows. */
async function seedVideos(base: string, user: BenchUser, documents: BenchDocument[]): Promise<void> {
  for (let start = 0; start < documents.length; start += IMPORT_ROWS) {
    const body = documents
      .slice(start, start + IMPORT_ROWS)
      .map((doc) =>
        JSON.stringify({
          title: doc.title.slice(0, 200),
          description: doc.description.slice(0, 10_000),
          duration: doc.duration,
          tags: doc.tags,
        }),
      )
      .join('\n');
    const response = await fetch(`${base}/api/v1/users/${user.id}/videos/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    const accepted = (await response.json()) as { failed?: number };
    if (response.status !== 202 || accepted.failed !== 0) {
      throw new Error(`import answered ${response.status}: ${JSON.stringify(accepted).slice(0, 500)}`);
    }
  }
}

async function waitForIndex(base: string, user: BenchUser, expected: number): Promise<void> {
  const started = performance.now();
  for (;;) {
    const body = (await call(`${base}/api/v1/system/status`, { token: user.token })) as {
      index?: { documents?: number } | null;
    };
    if ((body.index?.documents ?? 0) >= expected) {
      return;
    }
    if (performance.now() - started > 20 * 60_000) {
      throw new Error(`index holds ${body.index?.documents ?? 0} of ${expected} documents after 20 minutes`);
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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function measure(
  baseUrl: string,
  connections: number,
  seconds: number,
  scenario: Scenario,
): Promise<Measurement> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 10,
    // autocannon merges the request into its defaults and reads its headers, so they must be there.
    requests: [{ setupRequest: () => ({ headers: {}, ...scenario.request() }) }],
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** A gRPC call the bench makes straight to the search service, without the gateway. */
interface GrpcScenario {
  name: string;
  call: () => Promise<unknown>;
}

/**
 * `connections` callers in a closed loop over one channel (as the gateway holds one), for `seconds`: the search
 * service's own share of a search, beside the same RPC through the gateway's REST route.
 */
async function measureGrpc(connections: number, seconds: number, scenario: GrpcScenario): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        try {
          await scenario.call();
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (quantile: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    rps: Math.round(latencies.length / seconds),
    p50: at(0.5),
    p99: at(0.99),
    non2xx: 0,
    errors,
  };
}

function grpcScenarios(
  searchUrl: string,
  searcher: BenchUser,
  queries: string[],
): { scenarios: GrpcScenario[]; close(): void } {
  const clients = createClients(searchUrl);
  const metadata = tokenMetadata(SERVICE_TOKEN);
  const random = seededRandom(13);
  return {
    scenarios: [
      {
        name: 'gRPC Health/Check straight to the search service (no gateway)',
        call: () => unary(clients.health, 'check', { service: '' }),
      },
      {
        name: 'gRPC Search straight to the search service (no gateway)',
        call: () =>
          unary(
            clients.search,
            'search',
            { search: { ownerId: searcher.id, query: queries[Math.floor(random() * queries.length)] }, waitMs: 10_000 },
            metadata,
          ),
      },
    ],
    close: () => clients.close(),
  };
}

async function cursorAfterPage(base: string, user: BenchUser, page: number): Promise<string | null> {
  const body = (await call(`${base}/api/v1/users/${user.id}/videos?page=${page}&per_page=${PER_PAGE}`, {
    token: user.token,
  })) as { next_cursor?: string | null };
  return typeof body.next_cursor === 'string' ? body.next_cursor : null;
}

async function scenariosFor(
  base: string,
  library: BenchUser,
  searcher: BenchUser,
  options: Options,
  queries: string[],
): Promise<Scenario[]> {
  const apiKey = (
    (await call(`${base}/api/v1/auth/api-keys`, { method: 'POST', token: library.token, body: { name: 'bench' } })) as {
      api_key: string;
    }
  ).api_key;
  const jwt = { authorization: `Bearer ${library.token}` };
  const pages = Math.max(1, Math.ceil(options.videos / PER_PAGE));
  const middle = Math.max(1, Math.floor(pages / 2));
  const list = (query: string) => ({
    method: 'GET' as const,
    path: `/api/v1/users/${library.id}/videos?${query}`,
    headers: jwt,
  });
  const random = seededRandom(11);
  const scenarios: Scenario[] = [
    { name: 'GET /health (public)', request: () => ({ method: 'GET', path: '/health' }) },
    { name: 'GET /auth/me (JWT)', request: () => ({ method: 'GET', path: '/api/v1/auth/me', headers: jwt }) },
    {
      name: 'GET /auth/me (API key)',
      request: () => ({ method: 'GET', path: '/api/v1/auth/me', headers: { authorization: `Bearer ${apiKey}` } }),
    },
    { name: `list videos, page 1 of ${pages}`, request: () => list(`page=1&per_page=${PER_PAGE}`) },
    { name: `list videos, page ${middle} of ${pages}`, request: () => list(`page=${middle}&per_page=${PER_PAGE}`) },
    { name: `list videos, page ${pages} of ${pages}`, request: () => list(`page=${pages}&per_page=${PER_PAGE}`) },
    {
      // pages x 6 orderings: far more distinct pages than the gateway keeps, so nearly every one is read.
      name: 'list videos, a random page, sort and order each request (not kept)',
      request: () => {
        const [sort, order] = ORDERINGS[Math.floor(random() * ORDERINGS.length)];
        const page = 1 + Math.floor(random() * pages);
        return list(`page=${page}&per_page=${PER_PAGE}&sort=${sort}&order=${order}`);
      },
    },
  ];
  for (const [label, page] of [
    ['middle', middle - 1],
    ['last', pages - 1],
  ] as const) {
    const cursor = page >= 1 ? await cursorAfterPage(base, library, page) : null;
    if (cursor) {
      scenarios.push({
        name: `list videos by cursor, ${label} page`,
        request: () => list(`cursor=${encodeURIComponent(cursor)}&per_page=${PER_PAGE}`),
      });
    }
  }
  scenarios.push({
    name: `search, wait for results (${options.searchVideos} videos)`,
    request: () => ({
      method: 'POST',
      path: `/api/v1/users/${searcher.id}/search`,
      headers: { authorization: `Bearer ${searcher.token}`, 'content-type': 'application/json', prefer: 'wait=10' },
      body: JSON.stringify({ query: queries[Math.floor(random() * queries.length)] }),
    }),
  });
  return options.only.length === 0
    ? scenarios
    : scenarios.filter((scenario) => options.only.some((name) => scenario.name.includes(name)));
}

async function runOn(database: Database, options: Options, bare: { url: string }, rows: Row[]): Promise<Setup> {
  const suffix = randomBytes(4).toString('hex');
  const searchDb = `bench_search_${suffix}`;
  const gatewayDb = `bench_gateway_${suffix}`;
  const scratch = mkdtempSync(join(tmpdir(), `bench-load-${database}-`));
  // Kept after the run, for a closer look in Chrome DevTools or `bench/profile/summarize.ts`.
  const profileDir = options.profile ? mkdtempSync(join(tmpdir(), `bench-load-${database}-profiles-`)) : null;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const services = new Map<number, string>();

  const searchDataDir = join(scratch, 'search-service');
  const gatewayDataDir = join(scratch, 'gateway');
  mkdirSync(searchDataDir);
  mkdirSync(gatewayDataDir);
  const start = async (args: string[], searchPort?: number) => {
    const search = await startSearchService({
      token: SERVICE_TOKEN,
      nodeArgs: args,
      dataDir: searchDataDir,
      port: searchPort,
      logFile: join(scratch, 'search-service.log'),
      env: database === 'postgres' ? { DATABASE_URL: databaseUrl(searchDb) } : {},
    });
    const gateway = await startGatewayProcess({
      searchUrl: search.url,
      serviceToken: SERVICE_TOKEN,
      nodeArgs: args,
      dataDir: gatewayDataDir,
      logFile: join(scratch, 'gateway.log'),
      env: {
        ...NO_LIMITS,
        ...(database === 'postgres' ? { DATABASE_URL: databaseUrl(gatewayDb) } : {}),
      },
    });
    services.set(gateway.pid, 'gateway').set(search.pid, 'search service');
    return { search, gateway };
  };

  const run = async (): Promise<Omit<Setup, 'database' | 'profiles'>> => {
    let { search, gateway } = await start([]);
    try {
      const library = await register(gateway.url, 'library');
      const searcher = await register(gateway.url, 'searcher');
      const libraryDocs = loadCorpus(options.videos);
      const searchDocs = libraryDocs.slice(0, options.searchVideos);
      const seedStarted = performance.now();
      await Promise.all([seedVideos(gateway.url, library, libraryDocs), seedVideos(gateway.url, searcher, searchDocs)]);
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      const indexStarted = performance.now();
      await waitForIndex(gateway.url, searcher, searchDocs.length);
      await waitForIndex(gateway.url, library, libraryDocs.length);
      const indexSeconds = (performance.now() - indexStarted) / 1000;
      console.log(`[${database}] seeded in ${seedSeconds.toFixed(0)} s, indexed ${indexSeconds.toFixed(0)} s later`);
      if (database === 'postgres') {
        await analyze([gatewayDb, searchDb]);
      }
      if (nodeArgs.length > 0) {
        // The profiles should show the measured requests, not the seeding: restart both over their data.
        await gateway.stop();
        await search.stop();
        ({ search, gateway } = await start(nodeArgs, search.port));
        await waitForIndex(gateway.url, library, libraryDocs.length);
      }

      const queries = searchQueries(searchDocs, 5000);
      const scenarios = await scenariosFor(gateway.url, library, searcher, options, queries);
      const grpc = grpcScenarios(search.url, searcher, queries);
      const grpcToRun = grpc.scenarios.filter(
        (scenario) => options.only.length === 0 || options.only.some((name) => scenario.name.includes(name)),
      );
      for (const connections of options.connections) {
        const ceiling = await measure(bare.url, connections, options.seconds, {
          name: BARE,
          request: () => ({ method: 'GET', path: '/' }),
        });
        rows.push({
          database,
          scenario: BARE,
          connections,
          share: 1,
          gatewayRssMb: 0,
          searchRssMb: 0,
          gatewayCpuMs: 0,
          searchCpuMs: 0,
          ...ceiling,
        });
        const record = (name: string, measured: Measurement, cpuBefore: number[]) => {
          const perRequestMs = (pid: number, before: number) =>
            measured.requests > 0 ? ((cpuSeconds(pid) - before) * 1000) / measured.requests : 0;
          rows.push({
            gatewayCpuMs: perRequestMs(gateway.pid, cpuBefore[0]),
            searchCpuMs: perRequestMs(search.pid, cpuBefore[1]),
            database,
            scenario: name,
            connections,
            share: measured.rps / ceiling.rps,
            gatewayRssMb: rssMb(gateway.pid),
            searchRssMb: rssMb(search.pid),
            ...measured,
          });
        };
        for (const scenario of scenarios) {
          const cpuBefore = [cpuSeconds(gateway.pid), cpuSeconds(search.pid)];
          const measured = await measure(gateway.url, connections, options.seconds, scenario);
          record(scenario.name, measured, cpuBefore);
        }
        for (const scenario of grpcToRun) {
          const cpuBefore = [cpuSeconds(gateway.pid), cpuSeconds(search.pid)];
          record(scenario.name, await measureGrpc(connections, options.seconds, scenario), cpuBefore);
        }
        console.log(`[${database}] c=${connections} done`);
      }
      grpc.close();
      return { seedSeconds, indexSeconds };
    } finally {
      await gateway.stop();
      await search.stop();
    }
  };

  try {
    const timing = database === 'postgres' ? await withPostgresDatabases([searchDb, gatewayDb], run) : await run();
    // V8 names each profile CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile.
    const profiles = profileDir
      ? readdirSync(profileDir).map((file) => {
          const service = services.get(Number(file.split('.')[3])) ?? file;
          return profileSection(`${database}, ${service}`, join(profileDir, file));
        })
      : [];
    if (profileDir) {
      console.log(`[${database}] raw profiles in ${profileDir}`);
    }
    return { database, ...timing, profiles };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function profileSection(title: string, path: string): string {
  const summary = summarizeProfile(path, 15);
  const items = (list: { name: string; share: number }[]) =>
    list.map((item) => `| ${(item.share * 100).toFixed(1)}% | \`${item.name.replace(/\|/g, '\\|')}\` |`);
  return [
    `#### ${title} (${summary.seconds.toFixed(0)} s, ${(summary.busy * 100).toFixed(0)}% busy)`,
    '',
    '| self time | function |',
    '|---:|---|',
    ...items(summary.functions),
    '',
    '| self time | package |',
    '|---:|---|',
    ...items(summary.packages),
    '',
  ].join('\n');
}

const GENERATED_START = '<!-- bench:load output: start -->';
const GENERATED_END = '<!-- bench:load output: end -->';

/** Replaces the generated part of the results file, keeping the notes written around it. */
function writeResults(path: string, generated: string): void {
  const block = `${GENERATED_START}\n\n${generated}\n${GENERATED_END}`;
  let text = block;
  try {
    const current = readFileSync(path, 'utf8');
    const start = current.indexOf(GENERATED_START);
    const end = current.indexOf(GENERATED_END);
    if (start >= 0 && end > start) {
      text = current.slice(0, start) + block + current.slice(end + GENERATED_END.length);
    }
  } catch {
    // No results file yet.
  }
  writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
}

function report(options: Options, rows: Row[], setups: Setup[]): string {
  const command = [
    'npm run bench:load --',
    `--videos ${options.videos}`,
    `--search-videos ${options.searchVideos}`,
    `--seconds ${options.seconds}`,
    `--connections ${options.connections.join(',')}`,
    `--databases ${options.databases.join(',')}`,
    ...(options.profile ? ['--profile'] : []),
    ...(options.only.length > 0 ? [`--only "${options.only.join(',')}"`] : []),
  ].join(' ');
  const lines = [
    `Command: \`${command}\``,
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}. The bare server,`,
    'gateway, search service, database and load generator (autocannon, one process) share the machine.',
    `Each scenario runs ${options.seconds} s; latencies in ms; share = req/s as a share of the bare server at the`,
    'same concurrency in the same run; CPU ms/req = CPU time each service spent per request (user + system);',
    'RSS = resident memory of the gateway / search service after the scenario.',
    `One user owns ${options.videos} videos (lists), another ${options.searchVideos} (search).`,
    '',
    ...setups.map(
      (s) =>
        `- ${s.database}: seeded through the bulk import (NDJSON, up to ${IMPORT_ROWS} rows per request) in ${s.seedSeconds.toFixed(0)} s; ` +
        `the search index caught up ${s.indexSeconds.toFixed(0)} s after the last write.`,
    ),
    '',
    '| database | scenario | conns | req/s | share | p50 | p99 | non-2xx | errors | CPU ms/req gw / search | RSS gw / search MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.scenario} | ${r.connections} | ${r.rps.toFixed(0)} | ${(r.share * 100).toFixed(1)}% | ` +
        `${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ` +
        (r.scenario === BARE
          ? ' | |'
          : `${r.gatewayCpuMs.toFixed(3)} / ${r.searchCpuMs.toFixed(3)} | ${r.gatewayRssMb} / ${r.searchRssMb} |`),
    ),
    '',
  ];
  if (setups.some((s) => s.profiles.length > 0)) {
    lines.push('### CPU profiles of this run (`node --cpu-prof`, started after seeding, top self time)', '');
    for (const setup of setups) {
      lines.push(...setup.profiles);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const bare = await startBareServer();
  const rows: Row[] = [];
  const setups: Setup[] = [];
  try {
    for (const database of options.databases) {
      setups.push(await runOn(database, options, bare, rows));
    }
  } finally {
    bare.stop();
  }
  const markdown = report(options, rows, setups);
  writeResults(options.out, markdown);
  console.log(markdown);
  console.log(`written to ${options.out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
