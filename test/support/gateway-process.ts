import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { processOutput } from '../../search-service/test/support/process-output';
import { freePort } from '../../search-service/test/support/search-service-process';

const REPO_ROOT = resolve(__dirname, '..', '..');
export const GATEWAY_ENTRY = join(REPO_ROOT, 'dist', 'gateway', 'gateway', 'src', 'main.js');

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export interface GatewayProcessOptions {
  /** The search service's gRPC address (SEARCH_GRPC_URL). */
  searchUrl: string;
  serviceToken: string;
  /** Extra environment, e.g. the breaker thresholds. */
  env?: Record<string, string>;
  /** Restart over an earlier gateway's data (its `dataDir`); left in place by stop() and kill(). */
  dataDir?: string;
  /** Node flags, e.g. `--cpu-prof` for a benchmark's profile. */
  nodeArgs?: string[];
  /** Append stdout and stderr to this file instead of keeping them in memory. */
  logFile?: string;
}

export interface RunningGateway {
  /** e.g. `http://127.0.0.1:39217` */
  url: string;
  dataDir: string;
  pid: number;
  output(): string;
  /** SIGTERM, then waits for the exit and resolves with its code; a fresh data directory is removed. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash would; the data directory is kept for a restart over it. */
  kill(): Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit();
    });
  });
}

/**
 * Starts the BUILT gateway (`npm run build:gateway`) as a child process on 127.0.0.1, a free port and
 * a fresh SQLite DATA_DIR, and resolves once /health answers.
 */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<RunningGateway> {
  if (!existsSync(GATEWAY_ENTRY)) {
    throw new Error(`${GATEWAY_ENTRY} is missing: run \`npm run build:gateway\` first`);
  }
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gateway-process-'));
  const output = processOutput(options.logFile);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), GATEWAY_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEARCH_GRPC_URL: options.searchUrl,
      SERVICE_TOKEN: options.serviceToken,
      ...options.env,
    },
    stdio: output.stdio,
  });
  output.attach(child);
  const url = `http://127.0.0.1:${port}`;
  const cleanUp = () => {
    if (!options.dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    await waitUntilAnswering(url, child, output.read);
  } catch (error) {
    child.kill('SIGKILL');
    cleanUp();
    throw error;
  }
  return {
    url,
    dataDir,
    pid: child.pid ?? 0,
    output: output.read,
    stop: async () => {
      child.kill('SIGTERM');
      try {
        await waitForExit(child, STOP_TIMEOUT_MS);
        return child.exitCode;
      } catch (error) {
        child.kill('SIGKILL');
        throw error;
      } finally {
        cleanUp();
      }
    },
    kill: async () => {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    },
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`gateway exited during start (code ${child.exitCode}):\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200 || response.status === 503) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`gateway not answering after ${START_TIMEOUT_MS} ms:\n${output()}`);
}
