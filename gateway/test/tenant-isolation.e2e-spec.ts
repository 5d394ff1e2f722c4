import request from 'supertest';
import { StartedGateway, startGateway } from './support/start-gateway';
import { createApiKey, registerUser, TestUser } from './support/test-users';

describe('Tenant isolation', () => {
  let gateway: StartedGateway;
  let alice: TestUser;
  let bob: TestUser;
  let aliceVideoId: number;

  beforeAll(async () => {
    gateway = await startGateway();
    alice = await registerUser(gateway.url);
    bob = await registerUser(gateway.url);
    const created = await request(gateway.url)
      .post(`/api/v1/users/${alice.id}/videos`)
      .set(alice.auth)
      .send({ title: 'Alice only', tags: ['private'] })
      .expect(201);
    aliceVideoId = created.body.id;
  });

  afterAll(async () => {
    await gateway.stop();
  });

  const aliceVideos = (): string => `/api/v1/users/${alice.id}/videos`;

  it.each([
    ['list', 'get', () => aliceVideos()],
    ['create', 'post', () => aliceVideos()],
    ['read', 'get', () => `${aliceVideos()}/${aliceVideoId}`],
    ['update', 'put', () => `${aliceVideos()}/${aliceVideoId}`],
    ['delete', 'delete', () => `${aliceVideos()}/${aliceVideoId}`],
  ] as const)("Bob cannot %s under Alice's user id (403 Unauthorized)", async (_action, method, path) => {
    const response = await request(gateway.url)[method](path()).set(bob.auth).send({ title: 'hijack' }).expect(403);

    expect(response.body).toEqual({ error: 'Unauthorized' });
  });

  it("Bob cannot reach Alice's video through his own path (404)", async () => {
    const bobPath = `/api/v1/users/${bob.id}/videos/${aliceVideoId}`;

    await request(gateway.url).get(bobPath).set(bob.auth).expect(404);
    await request(gateway.url).put(bobPath).set(bob.auth).send({ title: 'hijack' }).expect(404);
    await request(gateway.url).delete(bobPath).set(bob.auth).expect(404);
  });

  it("Bob's list and tag filter never contain Alice's videos", async () => {
    const response = await request(gateway.url)
      .get(`/api/v1/users/${bob.id}/videos`)
      .query({ tag: 'private' })
      .set(bob.auth)
      .expect(200);

    expect(response.body.videos).toEqual([]);
  });

  it("Alice's video is unchanged after Bob's attempts", async () => {
    const response = await request(gateway.url).get(`${aliceVideos()}/${aliceVideoId}`).set(alice.auth).expect(200);

    expect(response.body).toMatchObject({ title: 'Alice only', tags: ['private'] });
  });

  it("Bob cannot see or revoke Alice's API keys", async () => {
    const aliceKey = await createApiKey(gateway.url, alice);

    const listed = await request(gateway.url).get('/api/v1/auth/api-keys').set(bob.auth).expect(200);
    expect(listed.body.api_keys).toEqual([]);
    await request(gateway.url).delete(`/api/v1/auth/api-keys/${aliceKey.id}`).set(bob.auth).expect(404);
    await request(gateway.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${aliceKey.key}`).expect(200);
  });

  it('an API key acts only as its owner', async () => {
    const bobKey = await createApiKey(gateway.url, bob);

    await request(gateway.url).get(aliceVideos()).set('Authorization', `Bearer ${bobKey.key}`).expect(403);
  });
});
