import type { ChannelCredentials } from '@grpc/grpc-js';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createClients, unary } from './grpc-clients';
import { processOutput } from './process-output';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SEARCH_SERVICE_ENTRY = join(REPO_ROOT, 'dist', 'search-service', 'search-service', 'src', 'main.js');
export const TEST_SERVICE_TOKEN = 'e2e-service-token-0123456789';

const SERVING = 1;
const START_TIMEOUT_MS = 30000;
const STOP_TIMEOUT_MS = 15000;

/** Root URL of the PostgreSQL server used when TEST_DATABASE=postgres (trust auth on the dev machines). */
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * With TEST_DATABASE=postgres, each data directory gets its own PostgreSQL database (named after it), so a restart
 * over the same data directory finds the same database, as it would find the same SQLite file.
 */
const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

function postgresDatabaseName(dataDir: string): string {
  return `search_${basename(dataDir)
    .replace(/[^a-zA-Z0-9]/g, '_')
    .toLowerCase()}`;
}

async function postgresUrlFor(dataDir: string): Promise<string> {
  const name = postgresDatabaseName(dataDir);
  const admin = await new DataSource({ type: 'postgres', url: POSTGRES_ADMIN_URL }).initialize();
  try {
    const exists: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.length === 0) {
      // Replicas started together race to create it; losing that race is fine.
      await admin.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
        if (error.code !== DUPLICATE_DATABASE && error.code !== UNIQUE_VIOLATION) {
          throw error;
        }
      });
    }
  } finally {
    await admin.destroy();
  }
  return postgresUrlWithDatabase(name);
}

function postgresUrlWithDatabase(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Deletes what a test left behind: the data directory and, under TEST_DATABASE=postgres, its database. */
export async function removeSearchServiceData(dataDir: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  if (process.env.TEST_DATABASE === 'postgres') {
    const admin = await new DataSource({ type: 'postgres', url: POSTGRES_ADMIN_URL }).initialize();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${postgresDatabaseName(dataDir)}"`);
    } finally {
      await admin.destroy();
    }
  }
}

export interface SearchServiceOptions {
  /** Reuse a data directory (e.g. to restart over the same database); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Reuse a port (e.g. to restart at the same address); a free one otherwise. */
  port?: number;
  token?: string;
  /** Extra environment, e.g. WORKER_CONCURRENCY or GRPC_TLS_CERT. */
  env?: Record<string, string>;
  /** How the readiness probe connects; needed when the service runs with TLS. */
  clientCredentials?: ChannelCredentials;
  /** Node flags, e.g. `--cpu-prof` for a benchmark's profile. */
  nodeArgs?: string[];
  /** Append stdout and stderr to this file instead of keeping them in memory. */
  logFile?: string;
}

export interface RunningSearchService {
  /** host:port for a gRPC client. */
  url: string;
  port: number;
  token: string;
  dataDir: string;
  /** Everything the process printed so far (for assertions and failure messages). */
  pid: number;
  output(): string;
  /** SIGTERM, then waits for a graceful exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash, with no shutdown hook run. */
  kill(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => reject(new Error(`search service did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
}

async function waitUntilServing(
  url: string,
  child: ChildProcess,
  output: () => string,
  channelCredentials?: ChannelCredentials,
): Promise<void> {
  const clients = createClients(url, channelCredentials);
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`search service exited during start (code ${child.exitCode}):\n${output()}`);
      }
      try {
        const reply = await unary<{ status: number }>(clients.health, 'check', { service: '' }, undefined, 1000);
        if (reply.status === SERVING) {
          return;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((wait) => setTimeout(wait, 100));
    }
    throw new Error(`search service not serving after ${START_TIMEOUT_MS} ms:\n${output()}`);
  } finally {
    clients.close();
  }
}

/**
 * Starts the BUILT search service (`npm run build:search`) as a child process on 127.0.0.1 and resolves once its
 * health check answers SERVING.
 */
export async function startSearchService(options: SearchServiceOptions = {}): Promise<RunningSearchService> {
  if (!existsSync(SEARCH_SERVICE_ENTRY)) {
    throw new Error(`${SEARCH_SERVICE_ENTRY} is missing: run \`npm run build:search\` first`);
  }
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'search-service-'));
  const token = options.token ?? TEST_SERVICE_TOKEN;
  const database = process.env.TEST_DATABASE === 'postgres' ? { DATABASE_URL: await postgresUrlFor(dataDir) } : {};
  const output = processOutput(options.logFile);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SEARCH_SERVICE_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      DATA_DIR: dataDir,
      SERVICE_TOKEN: token,
      // Many services run side by side in the suites; a test that scrapes metrics passes a free port.
      METRICS_PORT: '0',
      ...database,
      ...options.env,
    },
    stdio: output.stdio,
  });
  output.attach(child);
  // A test runner that dies mid-test must not leave a service running behind it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const url = `127.0.0.1:${port}`;
  try {
    await waitUntilServing(url, child, output.read, options.clientCredentials);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    port,
    token,
    dataDir,
    pid: child.pid ?? 0,
    output: output.read,
    stop: async () => {
      child.kill('SIGTERM');
      try {
        return await waitForExit(child, STOP_TIMEOUT_MS);
      } catch (error) {
        child.kill('SIGKILL');
        throw error;
      }
    },
    kill: async () => {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    },
  };
}
