import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, createVideo, register, search, searchIds } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(90_000);

const TIMEOUT_MS = 1000;
const RETRY_ATTEMPTS = 2;
const THRESHOLD = 3;
const HALF_OPEN_MS = 1000;
/** The longest any request may take while the service is away: every read attempt timing out. */
const DEADLINE_BUDGET_MS = (RETRY_ATTEMPTS + 1) * TIMEOUT_MS + RETRY_ATTEMPTS * 500 + 1000;

/** Stopping the search service opens the breaker (fast 503s, no hung request); its return closes it. */
describe('circuit breaker around the search service', () => {
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  let user: ApiUser;

  beforeAll(async () => {
    searchService = await startSearchService();
    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      env: {
        SEARCH_TIMEOUT_MS: String(TIMEOUT_MS),
        SEARCH_RETRY_ATTEMPTS: String(RETRY_ATTEMPTS),
        SEARCH_BREAKER_THRESHOLD: String(THRESHOLD),
        SEARCH_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
      },
    });
    user = await register(gateway.url);
    await createVideo(gateway.url, user, { title: 'Northern lights timelapse' });
    await waitFor('the video to be indexed', async () => {
      const ids = await searchIds(gateway.url, user, 'northern');
      return ids?.length === 1 ? ids : undefined;
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
  });

  const breaker = async () => (await api(gateway.url, 'GET', '/system/circuit-breaker', { token: user.token })).body;

  it('opens when the service stops, answers 503 at once, and closes once it is back', async () => {
    expect(await breaker()).toMatchObject({ state: 'closed', failure_threshold: THRESHOLD });

    await searchService.stop();

    // A burst of searches and reads while the service is away: every one ends with a 503, none hangs.
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? search(gateway.url, user, { query: 'northern' })
          : api(gateway.url, 'GET', '/search/jobs', { token: user.token }),
      ),
    );
    for (const response of burst) {
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ error: expect.any(String), retry_after: expect.any(Number) });
      expect(response.headers['retry-after']).toBe(String(response.body.retry_after));
      expect(response.elapsedMs).toBeLessThan(DEADLINE_BUDGET_MS);
    }

    const opened = await breaker();
    expect(opened.state).toBe('open');
    expect(opened.last_error).toEqual(expect.any(String));
    expect(opened.last_transition_at).toEqual(expect.any(String));

    const fastFail = await search(gateway.url, user, { query: 'northern' });
    expect(fastFail.status).toBe(503);
    expect(fastFail.body.error).toBe('Search service unavailable (circuit breaker open)');
    expect(fastFail.body.retry_after).toBeGreaterThanOrEqual(1);
    // Less than a single deadline: the open breaker answered without trying the service.
    expect(fastFail.elapsedMs).toBeLessThan(TIMEOUT_MS);

    const health = await api(gateway.url, 'GET', '/system/status', { token: user.token });
    expect(health.body.services.search_service.status).toBe('down');

    searchService = await startSearchService({ port: searchService.port, dataDir: searchService.dataDir });

    const recovered = await waitFor(
      'a search to succeed after the restart',
      async () => {
        const response = await search(gateway.url, user, { query: 'northern' });
        return response.status === 200 ? response : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    expect(recovered.body.results).toHaveLength(1);
    expect(await breaker()).toMatchObject({ state: 'closed', consecutive_failures: 0 });
  });
});
