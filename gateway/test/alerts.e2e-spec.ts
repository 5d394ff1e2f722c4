import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import request from 'supertest';
import { StartedGateway, startGateway } from './support/start-gateway';
import { TestUser, createApiKey, registerUser } from './support/test-users';
import { until } from './support/until';

interface AlertRule {
  id: string;
  state: string;
  value: number | null;
  forecast?: { window: string; requests_per_minute: number; runs_out_at: string | null } | null;
}

/** Records what the webhooks deliver. */
async function startReceiver(): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Starts a real gateway (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

/** Issue 15: alert rules per API key fire and resolve, live on Socket.IO and to the webhooks. */
describe('Alerts per API key (e2e)', () => {
  let gateway: StartedGateway;
  let owner: TestUser;
  let key: { key: string; id: string };
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  const api = () => request(gateway.url);
  const rules = async (): Promise<AlertRule[]> =>
    (await api().get('/api/v1/alerts').set(owner.auth).expect(200)).body.rules;
  const withKey = (path: string) =>
    api()
      .get(path)
      .set({ Authorization: `Bearer ${key.key}` });

  beforeAll(async () => {
    receiver = await startReceiver();
    gateway = await startGateway({
      env: {
        SEARCH_GRPC_URL: '127.0.0.1:1',
        REQUEST_LOG_FLUSH_MS: '50',
        ALERT_EVALUATION_INTERVAL_MS: '200',
        WEBHOOK_ALLOW_LOCALHOST: 'true',
        WEBHOOK_POLL_INTERVAL_MS: '50',
      },
    });
    owner = await registerUser(gateway.url);
    key = await createApiKey(gateway.url, owner);
    await api()
      .post('/api/v1/webhooks')
      .set(owner.auth)
      .send({ url: receiver.url, events: ['alert.fired', 'alert.resolved'] })
      .expect(201);
  });

  afterAll(async () => {
    await gateway?.stop();
    await receiver?.close();
  });

  it('fires on a key’s error rate, tells the dashboard and the webhooks, and resolves', async () => {
    const { body: rule } = await api()
      .post('/api/v1/alerts')
      .set(owner.auth)
      .send({ metric: 'error_rate', threshold: 50, api_key_id: key.id, window_minutes: 5 })
      .expect(201);
    expect(rule).toMatchObject({ metric: 'error_rate', threshold: 50, api_key_id: key.id, state: 'ok', value: null });

    const socket = io(gateway.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: owner.token },
    });
    const live: Array<{ rule_id: string; state: string }> = [];
    socket.on('alert', (event: { rule_id: string; state: string }) => live.push(event));
    await new Promise((resolve) => socket.once('authenticated', resolve));
    try {
      for (let i = 0; i < 4; i++) {
        await withKey(`/api/v1/users/${owner.id}/videos/999999`).expect(404);
      }
      const firing = await until(async () => (await rules()).find((r) => r.id === rule.id && r.state === 'firing'));
      expect(firing.value).toBe(100);
      await until(() => live.find((event) => event.rule_id === rule.id && event.state === 'firing'));
      const fired = await until(() =>
        receiver.bodies.map((body) => JSON.parse(body)).find((b) => b.type === 'alert.fired'),
      );
      expect(fired.data).toMatchObject({ rule_id: rule.id, metric: 'error_rate', state: 'firing', value: 100 });

      for (let i = 0; i < 6; i++) {
        await withKey('/api/v1/auth/me').expect(200);
      }
      await until(async () => (await rules()).find((r) => r.id === rule.id && r.state === 'ok'));
      const { body } = await api().get('/api/v1/alerts/events').set(owner.auth).expect(200);
      expect(body.events.map((event: { state: string }) => event.state)).toEqual(['resolved', 'firing']);
      expect(body.events[1].message).toBe('error rate 100.0 %, at or above 50 %');
    } finally {
      socket.close();
    }
  });

  it('forecasts when a key’s quota runs out', async () => {
    const { body: rule } = await api()
      .post('/api/v1/alerts')
      .set(owner.auth)
      .send({ metric: 'quota_use', threshold: 90, api_key_id: key.id })
      .expect(201);

    const listed = await until(async () =>
      (await rules()).find((r) => r.id === rule.id && r.forecast?.requests_per_minute),
    );
    expect(listed.forecast).toMatchObject({ window: 'daily' });
    expect(listed.forecast?.requests_per_minute).toBeGreaterThan(0);
    expect(listed.state).toBe('ok');
  });

  it('refuses bad rules with a clear 4xx, and keeps rules to their owner', async () => {
    for (const [body, status, error] of [
      [{ metric: 'cpu', threshold: 1 }, 400, 'metric must be one of: error_rate, p95_latency_ms, quota_use'],
      [{ metric: 'error_rate', threshold: 150 }, 400, 'threshold of error_rate is a percentage: 0 to 100'],
      [{ metric: 'error_rate', threshold: -1 }, 400, 'threshold must not be negative'],
      [
        { metric: 'error_rate', threshold: 5, window_minutes: 0 },
        400,
        'window_minutes must be an integer from 1 to 1440',
      ],
      [{ metric: 'error_rate', threshold: 5, api_key_id: 'not-a-key' }, 404, 'API key not found'],
    ] as const) {
      const answer = await api().post('/api/v1/alerts').set(owner.auth).send(body).expect(status);
      expect(answer.body).toMatchObject({ error });
    }
    const stranger = await registerUser(gateway.url);
    const strangers = await api()
      .post('/api/v1/alerts')
      .set(stranger.auth)
      .send({ metric: 'error_rate', threshold: 5, api_key_id: key.id })
      .expect(404);
    expect(strangers.body).toMatchObject({ error: 'API key not found' });
    const [mine] = await rules();
    await api().delete(`/api/v1/alerts/${mine.id}`).set(stranger.auth).expect(404, { error: 'Alert rule not found' });
    await api().delete('/api/v1/alerts/nope').set(owner.auth).expect(404, { error: 'Alert rule not found' });
    await api().delete(`/api/v1/alerts/${mine.id}`).set(owner.auth).expect(204);
    expect((await rules()).map((r) => r.id)).not.toContain(mine.id);
  });
});
