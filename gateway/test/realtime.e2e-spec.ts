import { io, Socket } from 'socket.io-client';
import request from 'supertest';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { until } from './support/until';

interface Caller {
  id: number;
  token: string;
}

interface JobUpdate {
  job_id: string;
  user_id: number;
  status: string;
  result_count: number;
}

/** A connected dashboard socket that records every event it receives. */
class DashboardSocket {
  readonly jobUpdates: JobUpdate[] = [];
  readonly analyticsUpdates: { user_id: number; requests_today: number }[] = [];
  readonly analyticsArrivals: number[] = [];
  readonly authErrors: { error: string }[] = [];
  readonly socket: Socket;

  constructor(url: string, auth?: { token: string }) {
    this.socket = io(url, { transports: ['websocket'], reconnection: false, auth, forceNew: true });
    this.socket.on('job_update', (update: JobUpdate) => this.jobUpdates.push(update));
    this.socket.on('analytics_update', (update: { user_id: number; requests_today: number }) => {
      this.analyticsUpdates.push(update);
      this.analyticsArrivals.push(Date.now());
    });
    this.socket.on('auth_error', (error: { error: string }) => this.authErrors.push(error));
  }

  once<T>(event: string, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
      this.socket.once(event, (payload: T) => {
        clearTimeout(timer);
        resolve(payload);
      });
    });
  }

  async subscribeJobs(): Promise<void> {
    const reply = (await this.socket.timeout(5000).emitWithAck('subscribe_jobs')) as { subscribed: boolean };
    expect(reply).toEqual({ subscribed: true });
  }

  close(): void {
    this.socket.close();
  }
}

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

describe('Live events over Socket.IO (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let alice: Caller;
  let bob: Caller;
  const sockets: DashboardSocket[] = [];

  const connect = (auth?: { token: string }): DashboardSocket => {
    const socket = new DashboardSocket(gateway.url, auth);
    sockets.push(socket);
    return socket;
  };

  const register = async (name: string): Promise<Caller> => {
    const { body } = await request(gateway.url)
      .post('/api/v1/auth/register')
      .send({ email: `${name}-${Date.now()}@example.com`, password: 'correct horse battery' })
      .expect(201);
    return { id: body.user.id, token: body.token };
  };

  const submitSearch = async (caller: Caller, query: string): Promise<string> => {
    const { body } = await request(gateway.url)
      .post(`/api/v1/users/${caller.id}/search`)
      .set('Authorization', `Bearer ${caller.token}`)
      .set('Prefer', 'wait=0')
      .send({ query });
    expect(body.job_id).toEqual(expect.any(String));
    return body.job_id as string;
  };

  /** Runs a search of Alice's and, once a socket watching her jobs has seen it complete, checks `socket` saw none of it. */
  const expectNoUpdateOfAliceNextJob = async (socket: DashboardSocket, query: string): Promise<void> => {
    const watcher = connect({ token: alice.token });
    await watcher.once('authenticated');
    await watcher.subscribeJobs();
    const job = await submitSearch(alice, query);
    await until(() => watcher.jobUpdates.find((update) => update.job_id === job && update.status === 'completed'));
    expect(socket.jobUpdates.filter((update) => update.job_id === job)).toEqual([]);
  };

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({
      env: {
        SEARCH_GRPC_URL: search.url,
        SERVICE_TOKEN: search.token,
        REQUEST_LOG_FLUSH_MS: '50',
        ANALYTICS_UPDATE_INTERVAL_MS: '300',
      },
    });
    alice = await register('alice');
    bob = await register('bob');
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await gateway?.stop();
    await search?.stop();
  });

  it('authenticates with the handshake token or the authenticate event', async () => {
    const byHandshake = connect({ token: alice.token });
    expect(await byHandshake.once('authenticated')).toEqual({ user_id: alice.id });

    const byEvent = connect();
    await byEvent.once('connect');
    byEvent.socket.emit('authenticate', { token: bob.token });
    expect(await byEvent.once('authenticated')).toEqual({ user_id: bob.id });
  });

  it('applies the gateway’s CORS allow-list to the Socket.IO handshake', async () => {
    const handshake = (origin: string) =>
      request(gateway.url).get('/socket.io/?EIO=4&transport=polling').set('Origin', origin).expect(200);
    const allowed = await handshake('http://localhost:4200');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    const foreign = await handshake('http://evil.example');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a bad token with auth_error and disconnects', async () => {
    const socket = connect({ token: 'not-a-valid-token' });
    const [error] = await Promise.all([socket.once<{ error: string }>('auth_error'), socket.once('disconnect')]);
    expect(error).toEqual({ error: 'Invalid or expired token' });
  });

  it('refuses job subscriptions before authentication', async () => {
    const socket = connect();
    await socket.once('connect');
    const reply = await socket.socket.timeout(5000).emitWithAck('subscribe_jobs');
    expect(reply).toEqual({ subscribed: false });
    expect(socket.authErrors).toEqual([{ error: 'Authentication required' }]);
  });

  it('sends job_update for a job to its owner only', async () => {
    const aliceSocket = connect({ token: alice.token });
    const bobSocket = connect({ token: bob.token });
    await Promise.all([aliceSocket.once('authenticated'), bobSocket.once('authenticated')]);
    await Promise.all([aliceSocket.subscribeJobs(), bobSocket.subscribeJobs()]);

    const aliceJob = await submitSearch(alice, 'cats playing piano');
    const completed = await until(() =>
      aliceSocket.jobUpdates.find((update) => update.job_id === aliceJob && update.status === 'completed'),
    );
    expect(completed).toMatchObject({ user_id: alice.id, result_count: 0 });

    const bobJob = await submitSearch(bob, 'dogs');
    await until(() => bobSocket.jobUpdates.find((update) => update.job_id === bobJob && update.status === 'completed'));

    expect(bobSocket.jobUpdates.filter((update) => update.job_id === aliceJob)).toEqual([]);
    expect(aliceSocket.jobUpdates.filter((update) => update.job_id === bobJob)).toEqual([]);
    expect(new Set(aliceSocket.jobUpdates.map((update) => update.user_id))).toEqual(new Set([alice.id]));
  });

  it('stops job updates after unsubscribe_jobs', async () => {
    const socket = connect({ token: alice.token });
    await socket.once('authenticated');
    await socket.subscribeJobs();
    await socket.socket.timeout(5000).emitWithAck('unsubscribe_jobs');

    await expectNoUpdateOfAliceNextJob(socket, 'after unsubscribe');
  });

  it('pushes a throttled analytics_update after the user’s requests are flushed', async () => {
    const aliceSocket = connect({ token: alice.token });
    const bobSocket = connect({ token: bob.token });
    await Promise.all([aliceSocket.once('authenticated'), bobSocket.once('authenticated')]);
    const before = aliceSocket.analyticsUpdates.length;

    const started = Date.now();
    while (Date.now() - started < 1500) {
      await request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${alice.token}`).expect(200);
    }
    const update = await until(() => aliceSocket.analyticsUpdates[before]);
    expect(update).toMatchObject({ user_id: alice.id, requests_today: expect.any(Number) });
    expect(update.requests_today).toBeGreaterThanOrEqual(1);
    expect(bobSocket.analyticsUpdates.filter((u) => u.user_id !== bob.id)).toEqual([]);

    // A steady stream of requests for 1.5 s: updates follow it, but never closer than the 300 ms interval
    // (less a little delivery jitter), so far fewer updates than requests.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const arrivals = aliceSocket.analyticsArrivals.slice(before);
    expect(arrivals.length).toBeGreaterThanOrEqual(2);
    expect(arrivals.length).toBeLessThanOrEqual(8);
    arrivals.slice(1).forEach((at, i) => expect(at - arrivals[i]).toBeGreaterThanOrEqual(200));
  });

  describe('with an API key', () => {
    const createKey = async (
      caller: Caller,
      permissions: string[],
      expiresAt?: Date,
    ): Promise<{ api_key_id: string; api_key: string }> => {
      const { body } = await request(gateway.url)
        .post('/api/v1/auth/api-keys')
        .set('Authorization', `Bearer ${caller.token}`)
        .send({ name: `socket ${permissions.join(' ')}`, permissions, expires_at: expiresAt?.toISOString() })
        .expect(201);
      return body as { api_key_id: string; api_key: string };
    };

    it('subscribes to what the key may read over REST, and refuses the rest with the missing permission', async () => {
      const key = await createKey(alice, ['search']);
      const socket = connect({ token: key.api_key });
      await socket.once('authenticated');

      await socket.subscribeJobs();
      expect(await socket.socket.timeout(5000).emitWithAck('subscribe_requests')).toEqual({
        subscribed: false,
        error: "This API key lacks the 'analytics:read' permission",
      });

      // The dashboard's socket of the same user gets analytics updates; the key's socket does not.
      const dashboard = connect({ token: alice.token });
      await dashboard.once('authenticated');
      const before = dashboard.analyticsUpdates.length;
      await request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${alice.token}`).expect(200);
      await until(() => dashboard.analyticsUpdates[before]);
      expect(socket.analyticsUpdates).toEqual([]);
    });

    it('leaves the rooms a narrower key does not allow when the socket authenticates again', async () => {
      const socket = connect({ token: alice.token });
      await socket.once('authenticated');
      await socket.subscribeJobs();

      const analyticsOnly = await createKey(alice, ['analytics:read']);
      socket.socket.emit('authenticate', { token: analyticsOnly.api_key });
      await socket.once('authenticated');

      await expectNoUpdateOfAliceNextJob(socket, 'after a narrower key');
    });

    it('ends the key’s sockets with auth_error when it is revoked, and keeps the others', async () => {
      const key = await createKey(alice, ['search', 'analytics:read']);
      const revokedSocket = connect({ token: key.api_key });
      const otherSocket = connect({ token: alice.token });
      await Promise.all([revokedSocket.once('authenticated'), otherSocket.once('authenticated')]);
      await revokedSocket.subscribeJobs();

      const ended = Promise.all([
        revokedSocket.once<{ error: string }>('auth_error'),
        revokedSocket.once<string>('disconnect'),
      ]);
      await request(gateway.url)
        .delete(`/api/v1/auth/api-keys/${key.api_key_id}`)
        .set('Authorization', `Bearer ${alice.token}`)
        .expect(200);

      const [error, reason] = await ended;
      expect(error).toEqual({ error: 'API key revoked' });
      expect(reason).toBe('io server disconnect');
      expect(otherSocket.socket.connected).toBe(true);
    });

    it('ends the socket with auth_error when its key expires', async () => {
      const expiresAt = new Date(Date.now() + 1500);
      const key = await createKey(alice, ['search'], expiresAt);
      const socket = connect({ token: key.api_key });
      await socket.once('authenticated');

      const [error] = await Promise.all([
        socket.once<{ error: string }>('auth_error', 5000),
        socket.once('disconnect', 5000),
      ]);
      expect(error).toEqual({ error: 'API key expired' });
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
    });
  });
});
