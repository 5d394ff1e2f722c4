import { io, Socket } from 'socket.io-client';
import request from 'supertest';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { registerUser, TestUser } from './support/test-users';
import { until } from './support/until';

interface LoggedRequest {
  request_id: string | null;
  occurred_at: string;
  method: string;
  route: string;
  status: number;
  api_key_id: string | null;
  timing: { total_ms: number; gateway_ms: number; search_service_ms: number | null };
}

const VIDEOS_ROUTE = '/api/v1/users/:userId/videos';
const VIDEO_ROUTE = '/api/v1/users/:userId/videos/:videoId';

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

/** Issue 15: the request explorer lists, filters, pages and tails a developer's own requests. */
describe('Request explorer: /analytics/requests and the live tail (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let owner: TestUser;
  let searchRequestId: string;

  const api = () => request(gateway.url);
  const explore = async (query = '', user = owner) =>
    (await api().get(`/api/v1/analytics/requests${query}`).set(user.auth).expect(200)).body as {
      requests: LoggedRequest[];
      next_cursor: string | null;
      retention_days: number;
    };

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({
      env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token, REQUEST_LOG_FLUSH_MS: '50' },
    });
    owner = await registerUser(gateway.url);
    await api()
      .post(`/api/v1/users/${owner.id}/videos`)
      .set(owner.auth)
      .send({ title: 'Pasta', duration: 60 })
      .expect(201);
    await api().get(`/api/v1/users/${owner.id}/videos/999999`).set(owner.auth).expect(404);
    await api().get(`/api/v1/users/${owner.id}/videos/999998`).set(owner.auth).expect(404);
    await api().get(`/api/v1/users/${owner.id}/videos?per_page=0`).set(owner.auth).expect(400);
    for (let i = 0; i < 3; i++) {
      await api().get(`/api/v1/users/${owner.id}/videos`).set(owner.auth).expect(200);
    }
    searchRequestId = `trace-${Date.now()}`;
    await api()
      .post(`/api/v1/users/${owner.id}/search`)
      .set(owner.auth)
      .set('X-Request-Id', searchRequestId)
      .send({ query: 'pasta' })
      .expect(200);
    // The request log is written in batches.
    await until(async () =>
      (await explore('?route=/api/v1/users/:userId/search')).requests.length > 0 ? true : undefined,
    );
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
  });

  it('lists the caller’s requests newest first, with the retention', async () => {
    const { requests, retention_days } = await explore();

    expect(retention_days).toBe(7);
    // The explorer's own calls are requests too.
    const others = requests.filter((logged) => logged.route !== '/api/v1/analytics/requests');
    expect(others[0].route).toBe('/api/v1/users/:userId/search');
    const times = requests.map((logged) => logged.occurred_at);
    expect(times).toEqual([...times].sort().reverse());
    expect(requests.filter((logged) => logged.route === VIDEOS_ROUTE && logged.status === 200)).toHaveLength(3);
  });

  it('filters by status class, status, method, route and latency', async () => {
    expect((await explore('?status_class=4xx')).requests.map((logged) => logged.status).sort()).toEqual([
      400, 404, 404,
    ]);
    expect((await explore('?status=404')).requests.every((logged) => logged.route === VIDEO_ROUTE)).toBe(true);
    expect((await explore('?method=POST')).requests.map((logged) => logged.route).sort()).toEqual([
      '/api/v1/users/:userId/search',
      VIDEOS_ROUTE,
    ]);
    expect((await explore('?max_latency_ms=0')).requests).toEqual([]);
    expect((await explore('?min_latency_ms=0&route=' + encodeURIComponent(VIDEOS_ROUTE))).requests).toHaveLength(5);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const route = `&route=${encodeURIComponent(VIDEOS_ROUTE)}`;
    const all = (await explore(`?${route}`)).requests;
    expect(all).toHaveLength(5);
    const seen: LoggedRequest[] = [];
    let cursor: string | null = null;
    do {
      const page = await explore(`?limit=2${route}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.requests.length).toBeLessThanOrEqual(2);
      seen.push(...page.requests);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.map((logged) => logged.occurred_at + logged.route)).toEqual(
      all.map((logged) => logged.occurred_at + logged.route),
    );
  });

  it('finds one request by its X-Request-Id, with its time split across the gRPC hop', async () => {
    const { body } = await api().get(`/api/v1/analytics/requests/${searchRequestId}`).set(owner.auth).expect(200);

    expect(body).toMatchObject({ request_id: searchRequestId, method: 'POST', status: 200 });
    const { total_ms, gateway_ms, search_service_ms } = body.timing;
    expect(search_service_ms).toBeGreaterThan(0);
    expect(gateway_ms + search_service_ms).toBeCloseTo(total_ms, 1);
  });

  it('groups errors by route and status', async () => {
    const { body } = await api().get('/api/v1/analytics/requests/errors').set(owner.auth).expect(200);

    expect(body.groups).toEqual([
      expect.objectContaining({ method: 'GET', route: VIDEO_ROUTE, status: 404, count: 2 }),
      expect.objectContaining({ method: 'GET', route: VIDEOS_ROUTE, status: 400, count: 1 }),
    ]);
  });

  it('shows nobody else’s requests and refuses bad filters with a clear 400', async () => {
    const stranger = await registerUser(gateway.url);
    expect((await explore('?route=/api/v1/users/:userId/search', stranger)).requests).toEqual([]);
    await api().get(`/api/v1/analytics/requests/${searchRequestId}`).set(stranger.auth).expect(404, {
      error: 'Request not found',
    });
    for (const [query, error] of [
      ['?status_class=9xx', 'status_class must be one of: 2xx, 3xx, 4xx, 5xx, error'],
      ['?cursor=bogus!', 'cursor is malformed; use a next_cursor exactly as a list returned it'],
      ['?limit=500', 'limit must be an integer from 1 to 200'],
      ['?status=42', 'status must be an HTTP status code (100 to 599)'],
    ]) {
      const { body } = await api().get(`/api/v1/analytics/requests${query}`).set(owner.auth).expect(400);
      expect(body).toMatchObject({ error });
    }
    await api().get('/api/v1/analytics/requests').expect(401);
  });

  it('tails the caller’s requests live over Socket.IO', async () => {
    const socket: Socket = io(gateway.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: owner.token },
    });
    try {
      const tailed: LoggedRequest[] = [];
      socket.on('request_log', (payload: { requests: LoggedRequest[] }) => tailed.push(...payload.requests));
      await new Promise((resolve) => socket.once('authenticated', resolve));
      expect(await socket.timeout(5000).emitWithAck('subscribe_requests')).toEqual({ subscribed: true });

      await api().get('/api/v1/auth/me').set(owner.auth).set('X-Request-Id', 'tail-me-1').expect(200);

      const seen = await until(() => tailed.find((logged) => logged.request_id === 'tail-me-1'));
      expect(seen).toMatchObject({ method: 'GET', route: '/api/v1/auth/me', status: 200 });
    } finally {
      socket.close();
    }
  });
});
