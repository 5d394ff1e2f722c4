import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClients, unary } from './grpc-clients';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SEARCH_SERVICE_ENTRY = join(REPO_ROOT, 'dist', 'search-service', 'search-service', 'src', 'main.js');
export const TEST_SERVICE_TOKEN = 'e2e-service-token-0123456789';

const SERVING = 1;
const START_TIMEOUT_MS = 30000;
const STOP_TIMEOUT_MS = 15000;

export interface SearchServiceOptions {
  /** Reuse a data directory (e.g. to restart over the same database); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Reuse a port (e.g. to restart at the same address); a free one otherwise. */
  port?: number;
  token?: string;
  /** Extra environment, e.g. WORKER_CONCURRENCY or DATABASE_URL. */
  env?: Record<string, string>;
}

export interface RunningSearchService {
  /** host:port for a gRPC client. */
  url: string;
  port: number;
  token: string;
  dataDir: string;
  /** Everything the process printed so far (for assertions and failure messages). */
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

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const clients = createClients(url);
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
  const child = spawn(process.execPath, [SEARCH_SERVICE_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      DATA_DIR: dataDir,
      SERVICE_TOKEN: token,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `127.0.0.1:${port}`;
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    port,
    token,
    dataDir,
    output: () => output,
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
