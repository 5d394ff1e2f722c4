import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from '../../test/support/gateway-process';

export type BenchDatabase = 'sqlite' | 'postgres';

const SERVICE_TOKEN = `bench-${randomBytes(8).toString('hex')}`;
const POSTGRES_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchPlatformOptions {
  /** Names the scratch directory and the databases, e.g. `import`. */
  label: string;
  gatewayEnv?: Record<string, string>;
  gatewayNodeArgs?: string[];
  searchNodeArgs?: string[];
}

export interface BenchPlatform {
  gateway: RunningGateway;
  search: RunningSearchService;
  /** Holds the apps' data and logs. */
  scratch: string;
  /** The gateway's PostgreSQL database, null on SQLite (its file is under `scratch/gateway`). */
  gatewayDatabaseUrl: string | null;
  /** A new user and the header that authenticates as them. */
  register(): Promise<{ userId: number; auth: Record<string, string> }>;
  stopApps(): Promise<void>;
  /** Stops the apps if still running and drops the PostgreSQL databases. */
  dispose(): Promise<void>;
}

/** The built apps (`dist/`) as processes, on their own SQLite files or their own PostgreSQL databases. */
export async function startBenchPlatform(
  database: BenchDatabase,
  options: BenchPlatformOptions,
): Promise<BenchPlatform> {
  const suffix = randomBytes(4).toString('hex');
  const names = { search: `bench_${options.label}_search_${suffix}`, gateway: `bench_${options.label}_gw_${suffix}` };
  const url = (name: string) => POSTGRES_ADMIN.replace(/postgres$/, name);
  const admin = database === 'postgres' ? new Client({ connectionString: POSTGRES_ADMIN }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${names.search}`);
    await admin.query(`CREATE DATABASE ${names.gateway}`);
  }
  const scratch = mkdtempSync(join(tmpdir(), `bench-${options.label}-${database}-`));
  mkdirSync(join(scratch, 'search'));
  mkdirSync(join(scratch, 'gateway'));
  const search = await startSearchService({
    token: SERVICE_TOKEN,
    dataDir: join(scratch, 'search'),
    logFile: join(scratch, 'search-service.log'),
    nodeArgs: options.searchNodeArgs,
    env: admin ? { DATABASE_URL: url(names.search) } : {},
  });
  const gateway = await startGatewayProcess({
    searchUrl: search.url,
    serviceToken: SERVICE_TOKEN,
    nodeArgs: options.gatewayNodeArgs,
    dataDir: join(scratch, 'gateway'),
    logFile: join(scratch, 'gateway.log'),
    env: { ...options.gatewayEnv, ...(admin ? { DATABASE_URL: url(names.gateway) } : {}) },
  });
  let running = true;
  const stopApps = async (): Promise<void> => {
    if (running) {
      running = false;
      await gateway.stop().catch(() => undefined);
      await search.stop();
    }
  };
  return {
    gateway,
    search,
    scratch,
    gatewayDatabaseUrl: admin ? url(names.gateway) : null,
    register: async () => {
      const user = await requestJson(`${gateway.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${options.label}-${suffix}@example.com`, password: 'bench password' }),
      });
      return {
        userId: (user.user as { id: number }).id,
        auth: { authorization: `Bearer ${String(user.token)}` },
      };
    },
    stopApps,
    dispose: async () => {
      await stopApps();
      if (admin) {
        await admin.query(`DROP DATABASE IF EXISTS ${names.search} WITH (FORCE)`);
        await admin.query(`DROP DATABASE IF EXISTS ${names.gateway} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

/** The JSON answer of a request that must succeed. */
export async function requestJson(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(url, init);
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as Record<string, unknown>;
}
