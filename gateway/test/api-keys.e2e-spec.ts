import request from 'supertest';
import { StartedGateway, startGateway } from './support/start-gateway';
import { createApiKey, registerUser, TestUser } from './support/test-users';

describe('API keys', () => {
  let gateway: StartedGateway;
  let user: TestUser;

  beforeAll(async () => {
    // A short flush interval so last_used_at reaches the database within the test.
    gateway = await startGateway({ env: { API_KEY_LAST_USED_FLUSH_MS: '200' } });
  });

  afterAll(async () => {
    await gateway.stop();
  });

  beforeEach(async () => {
    user = await registerUser(gateway.url);
  });

  const keysPath = '/api/v1/auth/api-keys';
  const ALL_PERMISSIONS = ['search', 'videos:read', 'videos:write', 'analytics:read', 'keys:manage'];

  it('creates a key shown once, with the imaginario_live_ prefix and optional limits', async () => {
    const response = await request(gateway.url)
      .post(keysPath)
      .set(user.auth)
      .send({ name: 'CI', rate_limit_per_minute: 60, daily_quota: 1000 })
      .expect(201);

    expect(response.body).toEqual({
      api_key: expect.stringMatching(/^imaginario_live_[A-Za-z0-9_-]{43}$/),
      api_key_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'CI',
      created_at: expect.any(String),
      rate_limit_per_minute: 60,
      daily_quota: 1000,
      monthly_quota: null,
      permissions: ALL_PERMISSIONS,
      expires_at: null,
    });
  });

  it('keeps the permissions asked for, in their canonical order, and the expiry', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();

    const response = await request(gateway.url)
      .post(keysPath)
      .set(user.auth)
      .send({ name: 'reader', permissions: ['videos:read', 'search'], expires_at: expiresAt })
      .expect(201);

    expect(response.body).toMatchObject({ permissions: ['search', 'videos:read'], expires_at: expiresAt });
  });

  it('generates a different key each time', async () => {
    const first = await createApiKey(gateway.url, user);
    const second = await createApiKey(gateway.url, user);

    expect(first.key).not.toBe(second.key);
  });

  it.each([
    [{}, 'name is required'],
    [{ name: '   ' }, 'name is required'],
    [{ name: 'x'.repeat(101) }, 'name must be shorter than or equal to 100 characters'],
    [{ name: 'ok', daily_quota: 0 }, 'daily_quota must not be less than 1'],
    [{ name: 'ok', rate_limit_per_minute: 'many' }, 'rate_limit_per_minute must be an integer number'],
    [
      { name: 'ok', permissions: ['search', 'admin'] },
      'permissions holds an unknown permission "admin"; known permissions: search, videos:read, videos:write, analytics:read, keys:manage',
    ],
    [{ name: 'ok', permissions: [] }, 'permissions must not be empty; omit it for every permission'],
    [{ name: 'ok', expires_at: 'tomorrow' }, 'expires_at must be an ISO 8601 timestamp'],
    [{ name: 'ok', expires_at: '2020-01-01T00:00:00Z' }, 'expires_at must be in the future'],
  ])('answers 400 for %j', async (body, message) => {
    const response = await request(gateway.url).post(keysPath).set(user.auth).send(body).expect(400);

    expect(response.body.error).toBe(message);
  });

  it('lists keys without secrets', async () => {
    const created = await createApiKey(gateway.url, user, 'listed');

    const response = await request(gateway.url).get(keysPath).set(user.auth).expect(200);

    expect(response.body.api_keys).toEqual([
      {
        id: created.id,
        name: 'listed',
        is_active: true,
        created_at: expect.any(String),
        last_used_at: null,
        prefix: created.key.slice(0, 24),
        rate_limit_per_minute: null,
        daily_quota: null,
        monthly_quota: null,
        permissions: ALL_PERMISSIONS,
        expires_at: null,
        expired: false,
        revoked_at: null,
      },
    ]);
    expect(JSON.stringify(response.body)).not.toContain(created.key);
  });

  it('authenticates as its owner and records last_used_at', async () => {
    const { key, id } = await createApiKey(gateway.url, user);

    const me = await request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${key}`).expect(200);
    expect(me.body.user.id).toBe(user.id);
    await request(gateway.url)
      .post(`/api/v1/users/${user.id}/videos`)
      .set('Authorization', `Bearer ${key}`)
      .send({ title: 'via key' })
      .expect(201);

    await new Promise((resolve) => setTimeout(resolve, 400));
    const listed = await request(gateway.url).get(keysPath).set(user.auth).expect(200);
    const entry = listed.body.api_keys.find((apiKey: { id: string }) => apiKey.id === id);
    expect(Date.parse(entry.last_used_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('stops authenticating at once when revoked, and a second revoke is 404', async () => {
    const { key, id } = await createApiKey(gateway.url, user);
    await request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${key}`).expect(200);

    const revoked = await request(gateway.url).delete(`${keysPath}/${id}`).set(user.auth).expect(200);
    expect(revoked.body).toEqual({ message: 'API key revoked' });

    const after = await request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${key}`).expect(401);
    expect(after.body).toEqual({ error: 'Authentication required' });
    const again = await request(gateway.url).delete(`${keysPath}/${id}`).set(user.auth).expect(404);
    expect(again.body).toEqual({ error: 'API key not found' });
    const listed = await request(gateway.url).get(keysPath).set(user.auth).expect(200);
    expect(listed.body.api_keys).toEqual([]);
  });

  it('lists revoked keys, with revoked_at, only when include_revoked=true', async () => {
    const live = await createApiKey(gateway.url, user, 'live');
    const gone = await createApiKey(gateway.url, user, 'gone');
    await request(gateway.url).delete(`${keysPath}/${gone.id}`).set(user.auth).expect(200);

    const all = await request(gateway.url).get(`${keysPath}?include_revoked=true`).set(user.auth).expect(200);
    const liveOnly = await request(gateway.url).get(`${keysPath}?include_revoked=false`).set(user.auth).expect(200);

    expect(all.body.api_keys).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: live.id, is_active: true, revoked_at: null }),
        expect.objectContaining({ id: gone.id, is_active: false, revoked_at: expect.any(String) }),
      ]),
    );
    expect(Date.parse(all.body.api_keys.find((k: { id: string }) => k.id === gone.id).revoked_at)).toBeGreaterThan(
      Date.now() - 60_000,
    );
    expect(liveOnly.body.api_keys.map((k: { id: string }) => k.id)).toEqual([live.id]);
    const bad = await request(gateway.url).get(`${keysPath}?include_revoked=yes`).set(user.auth).expect(400);
    expect(bad.body.error).toBe('include_revoked must be true or false');
  });

  it('answers 403 {error} when a key is used beyond its permissions', async () => {
    const reader = await request(gateway.url)
      .post(keysPath)
      .set(user.auth)
      .send({ name: 'reader', permissions: ['search', 'videos:read'] })
      .expect(201);
    const bearer = { Authorization: `Bearer ${reader.body.api_key}` };

    await request(gateway.url).get(`/api/v1/users/${user.id}/videos`).set(bearer).expect(200);
    const write = await request(gateway.url)
      .post(`/api/v1/users/${user.id}/videos`)
      .set(bearer)
      .send({ title: 'not allowed' })
      .expect(403);
    const keys = await request(gateway.url).get(keysPath).set(bearer).expect(403);
    const analytics = await request(gateway.url).get('/api/v1/analytics/usage').set(bearer).expect(403);

    expect(write.body).toEqual({ error: "This API key lacks the 'videos:write' permission" });
    expect(keys.body).toEqual({ error: "This API key lacks the 'keys:manage' permission" });
    expect(analytics.body).toEqual({ error: "This API key lacks the 'analytics:read' permission" });
  });

  it("answers 401 'API key expired' once a key's expires_at has passed, though it is still listed", async () => {
    const created = await request(gateway.url)
      .post(keysPath)
      .set(user.auth)
      .send({ name: 'brief', expires_at: new Date(Date.now() + 1_500).toISOString() })
      .expect(201);
    const bearer = { Authorization: `Bearer ${created.body.api_key}` };
    await request(gateway.url).get('/api/v1/auth/me').set(bearer).expect(200);

    await new Promise((resolve) => setTimeout(resolve, 1_600));

    const refused = await request(gateway.url).get('/api/v1/auth/me').set(bearer).expect(401);
    expect(refused.body).toEqual({ error: 'API key expired' });
    const listed = await request(gateway.url).get(keysPath).set(user.auth).expect(200);
    expect(listed.body.api_keys).toEqual([
      expect.objectContaining({ id: created.body.api_key_id, is_active: true, expired: true }),
    ]);
  });

  it('answers 404 for an unknown key id', async () => {
    const response = await request(gateway.url).delete(`${keysPath}/not-a-key`).set(user.auth).expect(404);

    expect(response.body).toEqual({ error: 'API key not found' });
  });
});
