import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from 'redis';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { RunningSearchService, startSearchService } from '../search-service/test/support/search-service-process';

const REPO_ROOT = resolve(__dirname, '..');
const REDIS_URL = 'redis://127.0.0.1:6379';
const START_TIMEOUT_MS = 60_000;

interface GatewayProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Runs the gateway's own main.ts as a separate process (ts-node, no build needed) on a random port. */
function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'gateway/src/main.ts'],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'test', NO_COLOR: '1', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        done();
        return;
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`gateway did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Gateway listening on (http:\/\/[\w.:[\]-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveStart({ url: match[1].replace('[::1]', '127.0.0.1'), output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code} during start:\n${output}`));
    });
  });
}

function waitFor<T>(socket: Socket, event: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolveEvent, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolveEvent(payload);
    });
  });
}

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

describe('Two gateways sharing Redis (e2e)', () => {
  const keyPrefix = `vsp-test-${randomBytes(6).toString('hex')}:`;
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-redis-e2e-'));
  let search: RunningSearchService;
  let first: GatewayProcess;
  let second: GatewayProcess;
  let user: { id: number; token: string };
  const sockets: Socket[] = [];

  beforeAll(async () => {
    search = await startSearchService();
    const env = {
      DATA_DIR: dataDir,
      REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      RATE_LIMIT_PER_MINUTE: '6',
      REQUEST_LOG_FLUSH_MS: '50',
      ANALYTICS_UPDATE_INTERVAL_MS: '300',
      SEARCH_GRPC_URL: search.url,
      SERVICE_TOKEN: search.token,
    };
    // One after the other: both share the SQLite file, and the first one runs its migrations.
    first = await startGatewayProcess(env);
    second = await startGatewayProcess(env);
    const { body } = await request(first.url)
      .post('/api/v1/auth/register')
      .send({ email: `redis-${Date.now()}@example.com`, password: 'correct horse battery' })
      .expect(201);
    user = { id: body.user.id, token: body.token };
  }, 150_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await Promise.all([first?.stop(), second?.stop()]);
    await search?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 100 })) {
      if (keys.length > 0) {
        await redis.del(keys);
      }
    }
    await redis.close();
  }, 60_000);

  const connect = async (url: string): Promise<Socket> => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, auth: { token: user.token } });
    sockets.push(socket);
    await waitFor(socket, 'authenticated');
    return socket;
  };

  it('delivers one gateway’s analytics_update to a socket connected to the other', async () => {
    const socket = await connect(second.url);
    const update = waitFor<{ user_id: number; requests_today: number }>(socket, 'analytics_update');
    await request(first.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${user.token}`).expect(200);
    expect(await update).toMatchObject({ user_id: user.id, requests_today: expect.any(Number) });
  });

  it('relays a job_update exactly once, whichever gateway accepted the job', async () => {
    const socket = await connect(second.url);
    const updates: { job_id: string; status: string }[] = [];
    socket.on('job_update', (update: { job_id: string; status: string }) => updates.push(update));
    expect(await socket.timeout(5000).emitWithAck('subscribe_jobs')).toEqual({ subscribed: true });

    const { body } = await request(first.url)
      .post(`/api/v1/users/${user.id}/search`)
      .set('Authorization', `Bearer ${user.token}`)
      .set('Prefer', 'wait=5')
      .send({ query: 'shared rooms' })
      .expect(200);
    const deadline = Date.now() + 10_000;
    while (!updates.some((u) => u.job_id === body.job_id && u.status === 'completed') && Date.now() < deadline) {
      await new Promise((wait) => setTimeout(wait, 50));
    }
    // Give a duplicate from the other gateway time to arrive before counting.
    await new Promise((wait) => setTimeout(wait, 500));
    expect(updates.filter((u) => u.job_id === body.job_id && u.status === 'completed')).toHaveLength(1);
  });

  it('ends the sockets of an API key revoked through the other gateway', async () => {
    const { body: key } = await request(first.url)
      .post('/api/v1/auth/api-keys')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ name: 'socket on the second gateway' })
      .expect(201);
    const socket = io(second.url, { transports: ['websocket'], reconnection: false, auth: { token: key.api_key } });
    sockets.push(socket);
    await waitFor(socket, 'authenticated');

    const ended = Promise.all([waitFor(socket, 'auth_error'), waitFor(socket, 'disconnect')]);
    await request(first.url)
      .delete(`/api/v1/auth/api-keys/${key.api_key_id}`)
      .set('Authorization', `Bearer ${user.token}`)
      .expect(200);
    expect(await ended).toEqual([{ error: 'API key revoked' }, 'io server disconnect']);
  });

  it('shares one rate-limit counter between the gateways', async () => {
    const { body } = await request(second.url)
      .post('/api/v1/auth/register')
      .send({ email: `redis-limit-${Date.now()}@example.com`, password: 'correct horse battery' })
      .expect(201);
    const auth = { Authorization: `Bearer ${body.token}` };
    // The burst must not straddle two minute windows.
    const secondsLeft = 60 - new Date().getUTCSeconds();
    if (secondsLeft < 4) {
      await new Promise((wait) => setTimeout(wait, secondsLeft * 1000 + 200));
    }
    const gateways = [first, second];
    const remaining: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await request(gateways[i % 2].url)
        .get('/api/v1/auth/me')
        .set(auth)
        .expect(200);
      remaining.push(response.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
    const refused = await request(first.url).get('/api/v1/auth/me').set(auth);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toEqual(expect.any(String));
    await request(second.url).get('/api/v1/auth/me').set(auth).expect(429);
  });
});
