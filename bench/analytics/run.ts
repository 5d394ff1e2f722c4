import { RollupWriter } from '@gateway/analytics/rollups/rollup.writer';
import { UsageRepository } from '@gateway/analytics/usage.repository';
import { UsageService } from '@gateway/analytics/usage.service';
import { ApiKeyUsageTracker } from '@gateway/auth/api-keys/api-key-usage.tracker';
import { ApiKey } from '@gateway/auth/api-keys/api-key.entity';
import { ApiKeysRepository } from '@gateway/auth/api-keys/api-keys.repository';
import { ApiKeysService } from '@gateway/auth/api-keys/api-keys.service';
import type { AuthConfig } from '@gateway/auth/auth.config';
import { CredentialCache } from '@gateway/auth/credentials/credential-cache';
import { Revocations } from '@gateway/auth/credentials/revocations';
import { TransactionRunner } from '@gateway/database/transaction-runner';
import { RedisConnections } from '@gateway/quotas/redis/redis-connections';
import { User } from '@gateway/users/user.entity';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { seedBatches } from './seed';

/**
 * `npm run bench:analytics -- [--requests 1000000] [--database-url postgres://...] [--out file]`:
 * seeds one month of a heavy user's traffic through the gateway's own rollup writer (the code a
 * request log flush runs), then times every analytics query the dashboard makes. SQLite in a
 * temporary directory by default; PostgreSQL in a throwaway database with --database-url.
 */

const FLUSH_BATCH = 5000;
const RUNS = 7;

interface Options {
  requests: number;
  databaseUrl: string | null;
  out: string | null;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'bench-analytics-'));
  const { dataSource, pgDatabase } = await open(options, scratch);
  try {
    const userId = await createUser(dataSource);
    const authSettings = {
      apiKeyLastUsedFlushMs: 60_000,
      credentialCacheMax: 0,
      credentialCacheTtlMs: 0,
    } as AuthConfig;
    const credentials = new CredentialCache(authSettings);
    const apiKeys = new ApiKeysService(
      new ApiKeysRepository(dataSource.getRepository(ApiKey), new TransactionRunner(dataSource)),
      new ApiKeyUsageTracker(
        new ApiKeysRepository(dataSource.getRepository(ApiKey), new TransactionRunner(dataSource)),
        authSettings,
      ),
      credentials,
      new Revocations(credentials, new RedisConnections({ url: null, keyPrefix: '' })),
    );
    const keyIds: string[] = [];
    for (const name of ['production', 'staging', 'ci']) {
      keyIds.push((await apiKeys.create(userId, { name })).api_key_id);
    }

    const end = new Date();
    // The month the dashboard shows by default: 29 whole days plus today so far.
    const start = new Date(Date.parse(isoDay(end, -29)));
    const seedStarted = process.hrtime.bigint();
    const writer = new RollupWriter();
    const transactions = new TransactionRunner(dataSource);
    for (const batch of seedBatches(
      { userId, apiKeyIds: [...keyIds, null], requests: options.requests, start, end },
      FLUSH_BATCH,
    )) {
      await transactions.run((manager) => writer.write(manager, batch));
    }
    const seedSeconds = Number(process.hrtime.bigint() - seedStarted) / 1e9;
    const counts = await rowCounts(dataSource);

    const usage = new UsageService(new UsageRepository(dataSource), apiKeys, transactions);
    const month = { start_date: isoDay(end, -29), end_date: isoDay(end, 0) };
    const unaligned = {
      start_date: new Date(end.getTime() - 30 * 86_400_000).toISOString(),
      end_date: end.toISOString(),
    };
    const queries: [string, () => Promise<unknown>][] = [
      ['GET /analytics/usage (30 days)', () => usage.summary(userId, month)],
      ['GET /analytics/usage (ISO bounds: minute rollups at the edges)', () => usage.summary(userId, unaligned)],
      ['GET /analytics/usage?api_key_id (one key)', () => usage.summary(userId, { ...month, api_key_id: keyIds[0] })],
      ['GET /analytics/usage/daily', () => usage.daily(userId, month)],
      ['GET /analytics/usage/endpoints', () => usage.endpoints(userId, month)],
      ['GET /auth/api-keys/:id/usage', () => usage.apiKeySummary(userId, keyIds[1], month)],
      ['GET /auth/api-keys/:id/usage/daily', () => usage.apiKeyDaily(userId, keyIds[1], month)],
      ['GET /analytics/api-keys (comparison)', () => usage.compareApiKeys(userId, month)],
      ['analytics_update (today)', () => usage.today(userId)],
    ];
    const rows: string[] = [];
    for (const [name, run] of queries) {
      const timings: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const started = process.hrtime.bigint();
        await run();
        timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const sorted = [...timings].sort((a, b) => a - b);
      rows.push(`| ${name} | ${fmt(timings[0])} | ${fmt(sorted[Math.floor(RUNS / 2)])} | ${fmt(sorted[RUNS - 1])} |`);
    }

    const check = await usage.summary(userId, month);
    const database = options.databaseUrl ? 'PostgreSQL' : 'SQLite (better-sqlite3, WAL)';
    const sizeNote = options.databaseUrl
      ? ''
      : `, database file ${(statSync(join(scratch, 'gateway.sqlite')).size / 1e6).toFixed(0)} MB`;
    const report = [
      `## Analytics queries over one month of a heavy user: ${database}`,
      '',
      `Command: \`npm run bench:analytics -- --requests ${options.requests}${options.databaseUrl ? ' --database-url <postgres url>' : ''}\``,
      '',
      `Seeded ${options.requests.toLocaleString('en-US')} requests over the last 30 days (3 API keys + JWT calls, ${18} routes, ` +
        `10 status codes) through the gateway's rollup writer in ${FLUSH_BATCH}-request flushes: ` +
        `${seedSeconds.toFixed(1)} s. Rows: ${counts.logs.toLocaleString('en-US')} raw, ` +
        `${counts.minutes.toLocaleString('en-US')} minute rollups, ${counts.days.toLocaleString('en-US')} daily rollups${sizeNote}. ` +
        `The 30-day summary counts ${check.totals.in_range.toLocaleString('en-US')} requests, p95 ${check.latency_ms.p95} ms.`,
      '',
      `Each query ran ${RUNS} times in a row (first = cold), milliseconds, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}:`,
      '',
      '| query | first | median | max |',
      '|---|---:|---:|---:|',
      ...rows,
      '',
    ].join('\n');
    process.stdout.write(report);
    if (options.out) {
      writeFileSync(options.out, report);
    }
  } finally {
    await dataSource.destroy();
    if (options.databaseUrl && pgDatabase) {
      await dropDatabase(options.databaseUrl, pgDatabase);
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Where the bench writes: a throwaway PostgreSQL database (its name, for the drop) or a SQLite file. */
async function open(options: Options, scratch: string): Promise<{ dataSource: DataSource; pgDatabase: string | null }> {
  const common = {
    entities: [User, ApiKey],
    migrations: [join(__dirname, '..', '..', 'gateway', 'src', 'database', 'migrations', '*.ts')],
    migrationsTransactionMode: 'each' as const,
  };
  const pgDatabase = options.databaseUrl ? await createDatabase(options.databaseUrl) : null;
  const dataSource =
    options.databaseUrl && pgDatabase
      ? new DataSource({ ...common, type: 'postgres', url: withDatabase(options.databaseUrl, pgDatabase) })
      : new DataSource({
          ...common,
          type: 'better-sqlite3',
          database: join(scratch, 'gateway.sqlite'),
          prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
            db.pragma('journal_mode = WAL');
            db.pragma('synchronous = NORMAL');
          },
        });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return { dataSource, pgDatabase };
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `bench_analytics_${Date.now().toString(36)}`;
  const admin = await new DataSource({ type: 'postgres', url: adminUrl }).initialize();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.destroy();
  return name;
}

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = await new DataSource({ type: 'postgres', url: adminUrl }).initialize();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.destroy();
}

async function createUser(dataSource: DataSource): Promise<number> {
  const user = await dataSource.getRepository(User).save({
    email: 'heavy-user@example.com',
    name: 'Heavy user',
    passwordHash: 'not-a-real-hash',
    createdAt: new Date(),
  });
  return user.id;
}

async function rowCounts(dataSource: DataSource): Promise<{ logs: number; minutes: number; days: number }> {
  const count = async (table: string): Promise<number> =>
    Number((await dataSource.query<{ n: string | number }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return {
    logs: await count('request_logs'),
    minutes: await count('usage_rollups_minute'),
    days: await count('usage_rollups_day'),
  };
}

function isoDay(from: Date, offsetDays: number): string {
  return new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function fmt(ms: number): string {
  return ms.toFixed(ms < 10 ? 2 : 1);
}

function parseArguments(args: string[]): Options {
  const options: Options = { requests: 1_000_000, databaseUrl: null, out: null };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) {
      throw new Error(`${flag} needs a value`);
    }
    switch (flag) {
      case '--requests':
        options.requests = Number(value);
        if (!Number.isInteger(options.requests) || options.requests < 1 || options.requests > 20_000_000) {
          throw new Error('--requests must be an integer between 1 and 20000000');
        }
        break;
      case '--database-url':
        options.databaseUrl = value;
        break;
      case '--out':
        options.out = value;
        break;
      default:
        throw new Error(`Unknown option ${flag}`);
    }
  }
  return options;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
