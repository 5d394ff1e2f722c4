import request from 'supertest';
import { DataSource } from 'typeorm';
import { StartedGateway, startGateway } from './support/start-gateway';

interface Caller {
  id: number;
  token: string;
}

const today = new Date().toISOString().slice(0, 10);

async function register(gateway: StartedGateway, email: string): Promise<Caller> {
  const response = await request(gateway.url)
    .post('/api/v1/auth/register')
    .send({ email, password: 'correct horse battery', name: email })
    .expect(201);
  return { id: response.body.user.id, token: response.body.token };
}

/** Polls until the flushed rollups show at least `count` requests in range (bounded). */
async function waitForUsage(gateway: StartedGateway, token: string, count: number, path = '/api/v1/analytics/usage') {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await request(gateway.url).get(path).set('Authorization', `Bearer ${token}`).expect(200);
    if (response.body.totals.in_range >= count || Date.now() > deadline) {
      return response.body;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

describe('Usage analytics (e2e)', () => {
  let gateway: StartedGateway;
  let alice: Caller;
  let bob: Caller;
  let aliceKey: { api_key: string; api_key_id: string };

  beforeAll(async () => {
    // No search service runs here: search analytics must answer 503 rather than hang.
    gateway = await startGateway({
      env: { REQUEST_LOG_FLUSH_MS: '50', SEARCH_GRPC_URL: '127.0.0.1:1', SEARCH_TIMEOUT_MS: '300' },
    });
    alice = await register(gateway, `alice-${Date.now()}@example.com`);
    bob = await register(gateway, `bob-${Date.now()}@example.com`);
    aliceKey = (
      await request(gateway.url)
        .post('/api/v1/auth/api-keys')
        .set('Authorization', `Bearer ${alice.token}`)
        .send({ name: 'ci "key", with = signs' })
        .expect(201)
    ).body;

    const asAlice = (path: string) => request(gateway.url).get(path).set('Authorization', `Bearer ${alice.token}`);
    const withKey = (path: string) => request(gateway.url).get(path).set('Authorization', `Bearer ${aliceKey.api_key}`);
    await asAlice('/api/v1/auth/me').expect(200);
    await asAlice('/api/v1/auth/me').expect(200);
    await asAlice(`/api/v1/users/${bob.id}/videos`).expect(403);
    await withKey(`/api/v1/users/${alice.id}/videos`).expect(200);
    await withKey(`/api/v1/users/${alice.id}/videos/987654`).expect(404);
    await withKey(`/api/v1/users/${alice.id}/videos/987655`).expect(404);
    await request(gateway.url).get('/api/v1/auth/me').expect(401);
    await request(gateway.url).get('/api/v1/no/such/route').set('Authorization', `Bearer ${alice.token}`).expect(404);
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('rolls the caller’s requests up by route template, status and credential', async () => {
    // The 6 calls above plus the API key creation; the usage polls themselves add more.
    const usage = await waitForUsage(gateway, alice.token, 7);
    expect(usage.period).toEqual({ start_date: expect.any(String), end_date: today });
    expect(usage.totals.today).toBeGreaterThanOrEqual(7);
    expect(usage.totals.this_week).toBeGreaterThanOrEqual(usage.totals.today);
    expect(usage.totals.this_month).toBeGreaterThanOrEqual(usage.totals.today);
    expect(usage.error_count).toBe(3);
    expect(usage.success_count + usage.error_count).toBe(usage.totals.in_range);
    expect(usage.status_codes).toEqual(
      expect.arrayContaining([
        { status: 403, count: 1 },
        { status: 404, count: 2 },
        { status: 201, count: 1 },
      ]),
    );
    expect(usage.latency_ms.p50).toBeGreaterThan(0);
    expect(usage.latency_ms.p99).toBeGreaterThanOrEqual(usage.latency_ms.p50);
    expect(usage.latency_histogram.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(
      usage.totals.in_range,
    );
    const routes = usage.endpoints.map((e: { method: string; route: string }) => `${e.method} ${e.route}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/auth/me',
        'GET /api/v1/users/:userId/videos',
        'GET /api/v1/users/:userId/videos/:videoId',
        'POST /api/v1/auth/api-keys',
      ]),
    );
    expect(routes.join(' ')).not.toContain('987654');
  });

  it('keeps unauthenticated and unmatched requests in the raw log under a fixed label', async () => {
    const dataSource = gateway.app.get(DataSource);
    const query = () =>
      dataSource.query<{ route: string; status: number; user_id: number | null }[]>(
        'SELECT route, status, user_id FROM request_logs WHERE status IN (401, 404)',
      );
    let rows = await query();
    for (const deadline = Date.now() + 5000; rows.length < 4 && Date.now() < deadline; rows = await query()) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ route: '/api/v1/auth/me', status: 401, user_id: null }),
        expect.objectContaining({ route: '(unmatched)', status: 404 }),
        expect.objectContaining({ route: '/api/v1/users/:userId/videos/:videoId', status: 404 }),
      ]),
    );
    expect(rows.map((row) => row.route).join(' ')).not.toContain('/no/such/route');
  });

  it('answers one row per day in range, zeros included', async () => {
    await waitForUsage(gateway, alice.token, 7);
    const { body } = await request(gateway.url)
      .get('/api/v1/analytics/usage/daily')
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(200);
    expect(body.days).toHaveLength(30);
    expect(body.days[29].date).toBe(today);
    expect(body.days[29].requests).toBeGreaterThanOrEqual(7);
    expect(body.days[29].p95_latency_ms).toBeGreaterThan(0);
    expect(body.days[29].p90_latency_ms).toBeLessThanOrEqual(body.days[29].p95_latency_ms);
    expect(body.days[0]).toEqual({
      date: expect.any(String),
      requests: 0,
      errors: 0,
      error_rate: 0,
      avg_latency_ms: null,
      p90_latency_ms: null,
      p95_latency_ms: null,
    });
  });

  it('breaks usage down per endpoint with latency percentiles', async () => {
    await waitForUsage(gateway, alice.token, 7);
    const { body } = await request(gateway.url)
      .get('/api/v1/analytics/usage/endpoints')
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(200);
    const video = body.endpoints.find(
      (e: { method: string; route: string }) => e.route === '/api/v1/users/:userId/videos/:videoId',
    );
    expect(video).toMatchObject({ method: 'GET', requests: 2, errors: 2, error_rate: 100 });
    expect(video.p95_latency_ms).toBeGreaterThanOrEqual(video.p50_latency_ms);
  });

  it('scopes usage to one API key, through the key routes and api_key_id', async () => {
    await waitForUsage(gateway, alice.token, 7);
    const auth = { Authorization: `Bearer ${alice.token}` };
    const keyUsage = await request(gateway.url)
      .get(`/api/v1/auth/api-keys/${aliceKey.api_key_id}/usage`)
      .set(auth)
      .expect(200);
    expect(keyUsage.body.totals.in_range).toBe(3);
    expect(keyUsage.body.error_count).toBe(2);
    expect(keyUsage.body.api_key).toEqual({
      id: aliceKey.api_key_id,
      name: 'ci "key", with = signs',
      is_active: true,
      created_at: expect.any(String),
      last_used_at: expect.any(String),
    });
    const filtered = await request(gateway.url)
      .get(`/api/v1/analytics/usage?api_key_id=${aliceKey.api_key_id}`)
      .set(auth)
      .expect(200);
    expect(filtered.body.totals.in_range).toBe(3);
    const daily = await request(gateway.url)
      .get(`/api/v1/auth/api-keys/${aliceKey.api_key_id}/usage/daily?start_date=${today}&end_date=${today}`)
      .set(auth)
      .expect(200);
    expect(daily.body.days).toEqual([expect.objectContaining({ date: today, requests: 3, errors: 2 })]);
  });

  it('compares the caller’s keys', async () => {
    await waitForUsage(gateway, alice.token, 7);
    const { body } = await request(gateway.url)
      .get('/api/v1/analytics/api-keys')
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(200);
    expect(body.api_keys).toEqual([
      expect.objectContaining({ id: aliceKey.api_key_id, requests: 3, errors: 2, share: 100 }),
    ]);
    expect(body.most_used_id).toBe(aliceKey.api_key_id);
  });

  it('never shows one user another user’s traffic or keys', async () => {
    const auth = { Authorization: `Bearer ${bob.token}` };
    await request(gateway.url).get(`/api/v1/auth/api-keys/${aliceKey.api_key_id}/usage`).set(auth).expect(404);
    await request(gateway.url).get(`/api/v1/auth/api-keys/${aliceKey.api_key_id}/usage/daily`).set(auth).expect(404);
    const foreign = await request(gateway.url)
      .get(`/api/v1/analytics/usage?api_key_id=${aliceKey.api_key_id}`)
      .set(auth)
      .expect(404);
    expect(foreign.body).toEqual({ error: 'API key not found' });
    const usage = await request(gateway.url).get('/api/v1/analytics/usage').set(auth).expect(200);
    const routes = usage.body.endpoints.map((e: { route: string }) => e.route);
    expect(routes).not.toContain('/api/v1/users/:userId/videos/:videoId');
  });

  it.each([
    ['start_date=2026-11-10&end_date=2026-11-09', 'end_date must not be before start_date'],
    ['start_date=2024-01-01&end_date=2026-01-01', 'Date range must not exceed 366 days'],
    ['start_date=2026-02-30', 'start_date must be a date'],
    ['end_date=tomorrow', 'end_date must be a date'],
  ])('rejects the range %s with 400', async (query, message) => {
    const { body } = await request(gateway.url)
      .get(`/api/v1/analytics/usage?${query}`)
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(400);
    expect(body.error).toContain(message);
  });

  it('exports daily usage as a CSV download', async () => {
    await waitForUsage(gateway, alice.token, 7);
    const response = await request(gateway.url)
      .get(`/api/v1/analytics/export?format=csv&type=usage&start_date=${today}&end_date=${today}`)
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="usage-${today}-${today}.csv"`);
    const lines = response.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('date,requests,errors,error_rate,avg_latency_ms,p95_latency_ms');
    expect(lines[1]).toMatch(new RegExp(`^${today},\\d+,\\d+,[\\d.]+,[\\d.]+,[\\d.]+$`));
  });

  it('exports daily usage as JSON', async () => {
    const response = await request(gateway.url)
      .get(`/api/v1/analytics/export?format=json&start_date=${today}`)
      .set('Authorization', `Bearer ${alice.token}`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="usage-${today}-${today}.json"`);
    expect(JSON.parse(response.body as string).days).toEqual([expect.objectContaining({ date: today })]);
  });

  it('rejects an unknown export format', async () => {
    const { body } = await request(gateway.url)
      .get('/api/v1/analytics/export?format=xlsx')
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(400);
    expect(body.error).toContain('format must be one of: csv, json');
  });

  it('answers search analytics with 503 while the search service is unreachable', async () => {
    const response = await request(gateway.url)
      .get('/api/v1/analytics/search')
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(503);
    expect(response.body.error).toEqual(expect.any(String));
  });

  it('puts rate-limit headers on every response', async () => {
    const response = await request(gateway.url)
      .get('/api/v1/analytics/usage')
      .set('Authorization', `Bearer ${alice.token}`)
      .expect(200);
    expect(Number(response.headers['x-ratelimit-limit'])).toBe(6000);
    expect(Number(response.headers['x-ratelimit-remaining'])).toBeLessThan(6000);
    expect(Number(response.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
  });
});

describe('Request log shutdown (e2e)', () => {
  it('flushes every buffered request when the gateway stops', async () => {
    // A flush interval far longer than the test: only the shutdown hook can write these rows.
    const gateway = await startGateway({ env: { REQUEST_LOG_FLUSH_MS: '60000', SEARCH_GRPC_URL: '127.0.0.1:1' } });
    let reader: DataSource | null = null;
    try {
      const caller = await register(gateway, `shutdown-${Date.now()}@example.com`);
      for (let i = 0; i < 5; i += 1) {
        await request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${caller.token}`).expect(200);
      }
      await gateway.app.close();
      reader = await new DataSource(
        gateway.databaseName
          ? { type: 'postgres', url: `postgres://postgres@127.0.0.1:5432/${gateway.databaseName}` }
          : { type: 'better-sqlite3', database: `${gateway.dataDir}/gateway.sqlite` },
      ).initialize();
      const [logs] = await reader.query<{ n: string | number }[]>(
        "SELECT COUNT(*) AS n FROM request_logs WHERE route = '/api/v1/auth/me'",
      );
      const [rollup] = await reader.query<{ n: string | number }[]>(
        "SELECT SUM(requests) AS n FROM usage_rollups_day WHERE route = '/api/v1/auth/me'",
      );
      expect(Number(logs.n)).toBe(5);
      expect(Number(rollup.n)).toBe(5);
    } finally {
      await reader?.destroy();
      await gateway.stop();
    }
  });
});
