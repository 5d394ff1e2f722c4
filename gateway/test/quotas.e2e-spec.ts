import request, { Response } from 'supertest';
import { StartedGateway, startGateway } from './support/start-gateway';

/** Waits for a fresh minute when the current one is about to end, so a burst stays inside one window. */
async function awayFromMinuteEnd(): Promise<void> {
  const secondsLeft = 60 - new Date().getUTCSeconds();
  if (secondsLeft < 8) {
    await new Promise((resolve) => setTimeout(resolve, secondsLeft * 1000 + 100));
  }
}

function expectRateLimitHeaders(response: Response, limit: number, remaining: number): void {
  expect(response.headers['x-ratelimit-limit']).toBe(String(limit));
  expect(response.headers['x-ratelimit-remaining']).toBe(String(remaining));
  const reset = Number(response.headers['x-ratelimit-reset']);
  expect(reset).toBeGreaterThanOrEqual(1);
  expect(reset).toBeLessThanOrEqual(60);
}

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

describe('Rate limits and quotas (e2e)', () => {
  let gateway: StartedGateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startGateway({
      env: {
        RATE_LIMIT_PER_MINUTE: '4',
        DAILY_QUOTA: '1000',
        MONTHLY_QUOTA: '5000',
        PUBLIC_RATE_LIMIT_PER_MINUTE: '30',
        SEARCH_GRPC_URL: '127.0.0.1:1',
      },
    });
    const { body } = await request(gateway.url)
      .post('/api/v1/auth/register')
      .send({ email: `quota-${Date.now()}@example.com`, password: 'correct horse battery' })
      .expect(201);
    token = body.token;
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('refuses JWT calls past the per-minute limit with 429, Retry-After and an error', async () => {
    await awayFromMinuteEnd();
    const me = () => request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    const first = await me().expect(200);
    const used = 4 - Number(first.headers['x-ratelimit-remaining']);
    for (let i = used; i < 4; i += 1) {
      expectRateLimitHeaders(await me().expect(200), 4, 4 - i - 1);
    }
    const refused = await me().expect(429);
    expect(refused.body).toEqual({ error: 'Rate limit exceeded', retry_after: expect.any(Number) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expectRateLimitHeaders(refused, 4, 0);
  });

  it('counts each API key on its own, with its own limits from creation', async () => {
    await awayFromMinuteEnd();
    // The JWT user is rate limited now; a fresh user creates the keys.
    const owner = await request(gateway.url)
      .post('/api/v1/auth/register')
      .send({ email: `keys-${Date.now()}@example.com`, password: 'correct horse battery' })
      .expect(201);
    const create = (body: object) =>
      request(gateway.url)
        .post('/api/v1/auth/api-keys')
        .set('Authorization', `Bearer ${owner.body.token}`)
        .send(body)
        .expect(201);
    const strict = (await create({ name: 'strict', rate_limit_per_minute: 2 })).body;
    const capped = (await create({ name: 'capped', rate_limit_per_minute: 100, daily_quota: 3 })).body;

    const call = (key: string) => request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${key}`);
    expectRateLimitHeaders(await call(strict.api_key).expect(200), 2, 1);
    expectRateLimitHeaders(await call(strict.api_key).expect(200), 2, 0);
    await call(strict.api_key).expect(429);

    for (let i = 0; i < 3; i += 1) {
      await call(capped.api_key).expect(200);
    }
    const refused = await call(capped.api_key).expect(429);
    expect(refused.body.error).toBe('Daily quota exceeded');
    const secondsToMidnight = Math.ceil(
      (Date.parse(new Date().toISOString().slice(0, 10)) + 86_400_000 - Date.now()) / 1000,
    );
    expect(Math.abs(Number(refused.headers['retry-after']) - secondsToMidnight)).toBeLessThanOrEqual(2);

    const { body } = await request(gateway.url)
      .get(`/api/v1/analytics/quota?api_key_id=${capped.api_key_id}`)
      .set('Authorization', `Bearer ${owner.body.token}`)
      .expect(200);
    const tomorrow = new Date(Date.parse(new Date().toISOString().slice(0, 10)) + 86_400_000).toISOString();
    expect(body).toEqual({
      scope: 'api_key',
      storage: 'memory',
      // Four calls hit the minute window; the one refused by the daily quota counts there too.
      rate_limit: { limit: 100, remaining: 96, reset_at: expect.any(String) },
      daily: { limit: 3, used: 3, remaining: 0, reset_at: tomorrow },
      monthly: { limit: 5000, used: 3, remaining: 4997, reset_at: expect.any(String) },
    });
  });

  it('reports the JWT caller’s own quota by default and 404 for a key that is not theirs', async () => {
    await awayFromMinuteEnd();
    const other = await request(gateway.url)
      .post('/api/v1/auth/register')
      .send({ email: `other-${Date.now()}@example.com`, password: 'correct horse battery' })
      .expect(201);
    const auth = { Authorization: `Bearer ${other.body.token}` };
    const { body } = await request(gateway.url).get('/api/v1/analytics/quota').set(auth).expect(200);
    expect(body.scope).toBe('user');
    expect(body.rate_limit).toEqual({ limit: 4, remaining: 3, reset_at: expect.any(String) });
    expect(body.daily).toMatchObject({ limit: 1000, used: 1, remaining: 999 });
    const missing = await request(gateway.url)
      .get('/api/v1/analytics/quota?api_key_id=00000000-0000-4000-8000-000000000000')
      .set(auth)
      .expect(404);
    expect(missing.body).toEqual({ error: 'API key not found' });
  });

  it('does not count public routes against a user’s quota but still sends the headers', async () => {
    const response = await request(gateway.url)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.com', password: 'wrong password' })
      .expect(401);
    expect(response.headers['x-ratelimit-limit']).toBe('30');
  });

  it('puts the headers on anonymous 401s and unmatched 404s too', async () => {
    const unauthenticated = await request(gateway.url).get('/api/v1/analytics/usage').expect(401);
    expect(unauthenticated.headers['x-ratelimit-limit']).toBe('30');
    const unmatched = await request(gateway.url).get('/api/v1/no/such/route').expect(404);
    expect(unmatched.headers['x-ratelimit-limit']).toBe('30');
    expect(Number(unmatched.headers['x-ratelimit-remaining'])).toBeLessThan(
      Number(unauthenticated.headers['x-ratelimit-remaining']),
    );
  });

  it('refuses a flood of anonymous calls per IP (last: it spends this minute’s IP allowance)', async () => {
    await awayFromMinuteEnd();
    let refused: Response | null = null;
    for (let i = 0; i < 31 && !refused; i += 1) {
      const response = await request(gateway.url).get('/api/v1/auth/me');
      refused = response.status === 429 ? response : null;
    }
    expect(refused?.body).toEqual({ error: 'Rate limit exceeded', retry_after: expect.any(Number) });
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
