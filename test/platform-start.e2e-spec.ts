import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SupervisorLogEntry } from '../scripts/supervisor';
import { createClients, unary } from '../search-service/test/support/grpc-clients';
import {
  freePort,
  SEARCH_SERVICE_ENTRY,
  TEST_SERVICE_TOKEN,
} from '../search-service/test/support/search-service-process';
import { GATEWAY_ENTRY } from './support/gateway-process';
import { type ApiUser, api, createVideo, register, search, searchIds } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(240_000);

const REPO_ROOT = resolve(__dirname, '..');
const SERVING = 1;
/** Generous on a busy 2-core machine; the breaker itself answers in milliseconds. */
const FAST_FAIL_MS = 1000;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 45_000;

interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
  args: string;
}

function processTable(): ProcessRow[] {
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, pid, ppid, pgid, args]) => ({ pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), args }));
}

function descendantsOf(rootPid: number): ProcessRow[] {
  const table = processTable();
  const found: ProcessRow[] = [];
  const parents = [rootPid];
  while (parents.length > 0) {
    const parent = parents.pop();
    for (const row of table.filter((candidate) => candidate.ppid === parent)) {
      found.push(row);
      parents.push(row.pid);
    }
  }
  return found;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Platform {
  /** The `npm run start:platform` process, leader of its own process group. */
  npm: ChildProcess;
  pid: number;
  gatewayUrl: string;
  grpcUrl: string;
  output(): string;
  /** waitFor, with what the platform printed in the error: a service that keeps crashing says why there. */
  waitFor<T>(...args: Parameters<typeof waitFor<T>>): Promise<T>;
  /** The pid of the running process started from `entry`, once there is one other than `previous`. */
  servicePid(entry: string, previous?: number): Promise<number>;
  gatewayAnswers(): Promise<true>;
  /** The supervisor's own JSON lines. */
  supervisorLog(): SupervisorLogEntry[];
  exited(): Promise<number | null>;
  /** SIGKILLs whatever of its process group still runs (after a failed test), and removes the data directory. */
  destroy(): Promise<void>;
}

/** Starts `npm run start:platform` as a user would, on free ports of 127.0.0.1 and a temporary data directory. */
async function startPlatform(): Promise<Platform> {
  const [port, grpcPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-start-'));
  const gatewayUrl = `http://127.0.0.1:${port}`;
  const grpcUrl = `127.0.0.1:${grpcPort}`;
  const npm = spawn('npm', ['run', 'start:platform'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(grpcPort),
      SEARCH_GRPC_URL: grpcUrl,
      DATA_DIR: dataDir,
      SERVICE_TOKEN: TEST_SERVICE_TOKEN,
      // Other suites' search services may hold the default metrics port.
      METRICS_PORT: '0',
      // The first failed call opens the breaker: the killed service is back within seconds, and the test must
      // see the open breaker before that.
      SEARCH_BREAKER_THRESHOLD: '1',
      SEARCH_BREAKER_HALF_OPEN_MS: '3000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a terminal gives a foreground job: Ctrl-C goes to the group.
    detached: true,
  });
  let output = '';
  npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = npm.pid!;

  const waitForPlatform = <T>(...args: Parameters<typeof waitFor<T>>): Promise<T> =>
    waitFor(...args).catch((error: Error) => {
      throw new Error(`${error.message}\nnpm run start:platform printed (last 10 kB):\n${output.slice(-10_000)}`);
    });
  const exited = (): Promise<number | null> =>
    npm.exitCode !== null || npm.signalCode !== null
      ? Promise.resolve(npm.exitCode)
      : new Promise((resolveExit, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`npm run start:platform still running after ${STOP_TIMEOUT_MS} ms`)),
            STOP_TIMEOUT_MS,
          );
          npm.once('exit', (code) => {
            clearTimeout(timer);
            resolveExit(code);
          });
        });
  const platform: Platform = {
    npm,
    pid,
    gatewayUrl,
    grpcUrl,
    output: () => output,
    waitFor: waitForPlatform,
    servicePid: (entry, previous) =>
      waitForPlatform(
        `a process running ${entry}`,
        () => {
          const row = descendantsOf(pid).find((candidate) => candidate.args.includes(entry));
          return Promise.resolve(row && row.pid !== previous ? row.pid : undefined);
        },
        { timeoutMs: START_TIMEOUT_MS },
      ),
    gatewayAnswers: () =>
      waitForPlatform(
        'the gateway to answer /health',
        async () =>
          (await fetch(`${gatewayUrl}/health`, { signal: AbortSignal.timeout(2000) })).ok ? true : undefined,
        { timeoutMs: START_TIMEOUT_MS, intervalMs: 200 },
      ),
    supervisorLog: () =>
      output
        .split('\n')
        .filter((line) => line.includes('"service":"supervisor"'))
        .map((line) => JSON.parse(line) as SupervisorLogEntry),
    exited,
    destroy: async () => {
      if (npm.exitCode === null && npm.signalCode === null) {
        process.kill(-pid, 'SIGKILL');
        await exited();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return platform;
}

/** What the supervisor said when a service stopped, keyed by service name. */
function stops(platform: Platform): Record<string, SupervisorLogEntry> {
  return Object.fromEntries(
    platform
      .supervisorLog()
      .filter((entry) => entry.msg === `${entry.child} stopped`)
      .map((entry) => [entry.child, entry]),
  );
}

/**
 * Issue 11: `npm run start:platform`, as a user starts it. Killing one service leaves the other serving, the
 * supervisor brings the killed one back by itself, the services write to the terminal's own stdout and stderr,
 * and a SIGTERM stops everything.
 */
describe('npm run start:platform', () => {
  let platform: Platform;
  let user: ApiUser;
  let videoId: number;

  const searchFinds = (query: string, id: number): Promise<number[]> =>
    platform.waitFor(
      `"${query}" to find video ${id}`,
      async () => {
        const ids = await searchIds(platform.gatewayUrl, user, query);
        return ids?.includes(id) ? ids : undefined;
      },
      { timeoutMs: START_TIMEOUT_MS, intervalMs: 300 },
    );

  const searchServiceHealth = async (): Promise<number> => {
    const clients = createClients(platform.grpcUrl);
    try {
      return (await unary<{ status: number }>(clients.health, 'check', { service: '' })).status;
    } finally {
      clients.close();
    }
  };

  beforeAll(async () => {
    platform = await startPlatform();
    await platform.gatewayAnswers();
    user = await register(platform.gatewayUrl);
    videoId = await createVideo(platform.gatewayUrl, user, { title: 'Lighthouse keeper diaries', tags: ['sea'] });
    await searchFinds('lighthouse', videoId);
  });

  afterAll(async () => {
    await platform?.destroy();
  });

  it("writes the services' output to its own stdout and stderr, with no process relaying it", async () => {
    const ownStdio = [1, 2].map((fd) => readlinkSync(`/proc/${platform.pid}/fd/${fd}`));
    for (const entry of [SEARCH_SERVICE_ENTRY, GATEWAY_ENTRY]) {
      const pid = await platform.servicePid(entry);
      expect([1, 2].map((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`))).toEqual(ownStdio);
    }
  });

  it('keeps the gateway serving while the search service is killed, and brings the search service back', async () => {
    const { gatewayUrl } = platform;
    const searchPid = await platform.servicePid(SEARCH_SERVICE_ENTRY);
    const gatewayPid = await platform.servicePid(GATEWAY_ENTRY);

    process.kill(searchPid, 'SIGKILL');

    const breakerOpen = await platform.waitFor(
      'search to answer 503 from the open circuit breaker',
      async () => {
        const response = await search(gatewayUrl, user, { query: 'lighthouse' });
        return response.status === 503 && String(response.body.error).includes('circuit breaker open')
          ? response
          : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 50 },
    );
    expect(breakerOpen.elapsedMs).toBeLessThan(FAST_FAIL_MS);
    expect((await api(gatewayUrl, 'GET', '/auth/me', { token: user.token })).status).toBe(200);
    expect((await api(gatewayUrl, 'GET', `/users/${user.id}/videos`, { token: user.token })).status).toBe(200);
    expect((await api(gatewayUrl, 'GET', `/users/${user.id}/videos/${videoId}`, { token: user.token })).status).toBe(
      200,
    );
    expect((await api(gatewayUrl, 'GET', '/analytics/usage', { token: user.token })).status).toBe(200);
    const created = await createVideo(gatewayUrl, user, { title: 'Reindeer migration' });

    expect(await platform.servicePid(SEARCH_SERVICE_ENTRY, searchPid)).not.toBe(searchPid);
    await searchFinds('lighthouse', videoId);
    // Written while the service was away, indexed once it is back.
    await searchFinds('reindeer', created);
    expect(await platform.servicePid(GATEWAY_ENTRY)).toBe(gatewayPid);
  });

  it('keeps the search service serving while the gateway is killed, and brings the gateway back', async () => {
    const searchPid = await platform.servicePid(SEARCH_SERVICE_ENTRY);
    const gatewayPid = await platform.servicePid(GATEWAY_ENTRY);

    process.kill(gatewayPid, 'SIGKILL');

    expect(await searchServiceHealth()).toBe(SERVING);
    expect(await platform.servicePid(GATEWAY_ENTRY, gatewayPid)).not.toBe(gatewayPid);
    await platform.gatewayAnswers();
    expect((await api(platform.gatewayUrl, 'GET', '/auth/me', { token: user.token })).status).toBe(200);
    await searchFinds('lighthouse', videoId);
    expect(await platform.servicePid(SEARCH_SERVICE_ENTRY)).toBe(searchPid);
    expect(await searchServiceHealth()).toBe(SERVING);
  });

  it('stops both services and exits on SIGTERM, leaving no process behind', async () => {
    const pids = descendantsOf(platform.pid).map((row) => row.pid);
    expect(pids.length).toBeGreaterThanOrEqual(3);

    platform.npm.kill('SIGTERM');

    expect(await platform.exited()).toBe(0);
    expect(pids.filter(isRunning)).toEqual([]);
    expect(processTable().filter((row) => row.pgid === platform.pid)).toEqual([]);
    // The gateway exits 0 only once its drain and shutdown hooks are done.
    expect(stops(platform).gateway).toMatchObject({ exitCode: 0 });
  });
});

describe('npm run start:platform on Ctrl-C', () => {
  let platform: Platform;

  afterAll(async () => {
    await platform?.destroy();
  });

  it('stops both services once each and exits, leaving no process behind', async () => {
    platform = await startPlatform();
    await platform.gatewayAnswers();
    await platform.servicePid(SEARCH_SERVICE_ENTRY);
    const pids = descendantsOf(platform.pid).map((row) => row.pid);

    // What the terminal does: SIGINT to every process of the foreground job, npm included, which relays it too.
    process.kill(-platform.pid, 'SIGINT');

    expect(await platform.exited()).toBe(0);
    expect(pids.filter(isRunning)).toEqual([]);
    expect(processTable().filter((row) => row.pgid === platform.pid)).toEqual([]);
    expect(stops(platform).gateway).toMatchObject({ exitCode: 0 });
    expect(platform.supervisorLog().filter((entry) => String(entry.msg).startsWith('stopping'))).toHaveLength(1);
  });
});
