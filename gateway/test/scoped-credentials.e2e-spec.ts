import request from 'supertest';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { registerUser, TestUser } from './support/test-users';
import { until } from './support/until';

const bearer = (credential: string) => ({ Authorization: `Bearer ${credential}` });

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

/** Issue 13: API keys scoped to permissions, and search tokens that may only search, within their filters. */
describe('Scoped credentials (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let owner: TestUser;
  let other: TestUser;
  let publicVideo: number;
  let privateVideo: number;

  const api = () => request(gateway.url);
  const searchAs = (credential: string, body: object, userId = owner.id) =>
    api().post(`/api/v1/users/${userId}/search`).set(bearer(credential)).send(body);
  const searchToken = (body: object) => api().post('/api/v1/auth/search-tokens').set(owner.auth).send(body);
  const resultIds = (body: { results: { video_id: number }[] }) => body.results.map((result) => result.video_id);

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({ env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token } });
    owner = await registerUser(gateway.url);
    other = await registerUser(gateway.url);
    const create = (video: object) =>
      api().post(`/api/v1/users/${owner.id}/videos`).set(owner.auth).send(video).expect(201);
    publicVideo = (await create({ title: 'Pasta carbonara', duration: 120, tags: ['public'] })).body.id;
    privateVideo = (await create({ title: 'Pasta amatriciana', duration: 240, tags: ['private'] })).body.id;
    // The index follows the videos through the outbox, asynchronously.
    await until(async () => {
      const { body } = await searchAs(owner.token, { query: 'pasta' });
      return body.result_count === 2 ? body : undefined;
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
  });

  it("lets a key holding only 'search' search, and answers 403 {error} when it creates a video", async () => {
    const { body: key } = await api()
      .post('/api/v1/auth/api-keys')
      .set(owner.auth)
      .send({ name: 'search only', permissions: ['search'] })
      .expect(201);

    const found = await searchAs(key.api_key, { query: 'pasta' }).expect(200);
    const refused = await api()
      .post(`/api/v1/users/${owner.id}/videos`)
      .set(bearer(key.api_key))
      .send({ title: 'not allowed' })
      .expect(403);

    expect(resultIds(found.body).sort()).toEqual([publicVideo, privateVideo].sort());
    expect(refused.body).toEqual({ error: "This API key lacks the 'videos:write' permission" });
  });

  describe('search tokens', () => {
    it('are created with their expiry and filters, and search for their owner', async () => {
      const created = await searchToken({ expires_in: 600, filters: { tags: ['public'] } }).expect(201);

      expect(created.body).toEqual({
        token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        expires_at: expect.any(String),
        filters: { tags: ['public'] },
      });
      const lifetime = Date.parse(created.body.expires_at) - Date.now();
      expect(lifetime).toBeGreaterThan(590_000);
      expect(lifetime).toBeLessThanOrEqual(600_000);
      const found = await searchAs(created.body.token, { query: 'carbonara' }).expect(200);
      expect(resultIds(found.body)).toEqual([publicVideo]);
    });

    it('never return a video outside their filters, whatever the request asks for', async () => {
      const { body } = await searchToken({ filters: { tags: ['public'] } }).expect(201);

      const plain = await searchAs(body.token, { query: 'pasta' }).expect(200);
      const widened = await searchAs(body.token, { query: 'pasta', filters: { tags: ['private'] } }).expect(200);
      const byId = await searchAs(body.token, { query: 'pasta', video_ids: [privateVideo] }).expect(200);

      expect(resultIds(plain.body)).toEqual([publicVideo]);
      expect(resultIds(widened.body)).toEqual([]);
      expect(resultIds(byId.body)).toEqual([]);
    });

    it('answer 403 {error} for anything but searching: videos, keys, further tokens, analytics', async () => {
      const { body } = await searchToken({ expires_in: 600 }).expect(201);
      const token = bearer(body.token);

      const refusals = await Promise.all([
        api().post(`/api/v1/users/${owner.id}/videos`).set(token).send({ title: 'not allowed' }),
        api().get(`/api/v1/users/${owner.id}/videos`).set(token),
        api().get('/api/v1/auth/api-keys').set(token),
        api().post('/api/v1/auth/search-tokens').set(token).send({}),
        api().get('/api/v1/analytics/search').set(token),
      ]);

      expect(refusals.map((response) => [response.status, response.body.error])).toEqual([
        [403, "This search token lacks the 'videos:write' permission"],
        [403, "This search token lacks the 'videos:read' permission"],
        [403, "This search token lacks the 'keys:manage' permission"],
        [403, "This search token lacks the 'keys:manage' permission"],
        [403, "This search token lacks the 'analytics:read' permission"],
      ]);
    });

    it("cannot search another user's library", async () => {
      const { body } = await searchToken({}).expect(201);

      const refused = await searchAs(body.token, { query: 'pasta' }, other.id).expect(403);

      expect(refused.body).toEqual({ error: 'Unauthorized' });
    });

    it('answer 401 once expired', async () => {
      // Two seconds: a token's expiry is a whole second, so one issued for one second may have almost none left.
      const { body } = await searchToken({ expires_in: 2 }).expect(201);
      await searchAs(body.token, { query: 'pasta' }).expect(200);

      await new Promise((resolve) => setTimeout(resolve, Date.parse(body.expires_at) - Date.now() + 50));

      const refused = await searchAs(body.token, { query: 'pasta' }).expect(401);
      expect(refused.body).toEqual({ error: 'Authentication required' });
    });

    it("count against their owner's quota", async () => {
      const { body } = await searchToken({}).expect(201);
      const dailyUsed = async () =>
        (await api().get('/api/v1/analytics/quota').set(owner.auth).expect(200)).body.daily.used as number;

      const before = await dailyUsed();
      await searchAs(body.token, { query: 'pasta' }).expect(200);
      await api().post('/api/v1/auth/search-tokens').set(bearer(body.token)).send({}).expect(403);
      const after = await dailyUsed();

      // The two token requests and the second quota read itself.
      expect(after - before).toBe(3);
    });

    it.each([
      [{ expires_in: 0 }, 'expires_in must be an integer number of seconds between 1 and 86400'],
      [{ expires_in: 86_401 }, 'expires_in must be an integer number of seconds between 1 and 86400'],
      [{ filters: { tags: 'public' } }, 'filters.tags must be an array'],
      [{ filters: { video_ids: [0] } }, 'filters.video_ids must be an array of positive integers'],
      [{ filters: { owner: 1 } }, 'property filters.owner should not exist'],
    ])('answer 400 for %j', async (input, message) => {
      const refused = await searchToken(input).expect(400);

      expect(refused.body.error).toBe(message);
    });

    it('are documented in the OpenAPI document with their request and answer', async () => {
      const { body: spec } = await api().get('/api/docs-json').expect(200);

      const operation = spec.paths['/api/v1/auth/search-tokens'].post;
      expect(operation.requestBody.content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/CreateSearchTokenDto',
      });
      expect(operation.responses['201'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/SearchTokenDto',
      });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '401', '403']));
      expect(spec.components.schemas.CreateSearchTokenDto.properties.expires_in).toMatchObject({
        minimum: 1,
        maximum: 86_400,
      });
      expect(Object.keys(spec.components.schemas.SearchTokenFiltersDto.properties)).toEqual(
        expect.arrayContaining(['tags', 'min_duration', 'max_duration', 'video_ids']),
      );
    });
  });
});
