import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, createVideo, register, searchIds } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(90_000);

/**
 * Video changes made while the search service is down are kept in the gateway's outbox and reach
 * the index once it is back, without anybody acting.
 */
describe('outbox across a search-service outage', () => {
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  let user: ApiUser;

  beforeAll(async () => {
    searchService = await startSearchService();
    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      // Keeps the relay's retries frequent so the catch-up after the restart is quick.
      env: { OUTBOX_POLL_INTERVAL_MS: '100', OUTBOX_MAX_BACKOFF_MS: '1000', SEARCH_BREAKER_HALF_OPEN_MS: '500' },
    });
    user = await register(gateway.url);
  });

  afterAll(async () => {
    await gateway?.stop();
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
  });

  it('delivers creates, updates and deletes made during the outage once the service returns', async () => {
    const kept = await createVideo(gateway.url, user, { title: 'Glacier walk', description: 'Ice and crevasses' });
    const toUpdate = await createVideo(gateway.url, user, { title: 'Harbour seals', description: 'Marine life' });
    const toDelete = await createVideo(gateway.url, user, { title: 'Glacier melt', description: 'Climate' });
    await waitFor('the first videos to be indexed', async () => {
      const ids = await searchIds(gateway.url, user, 'glacier');
      return ids?.length === 2 ? ids : undefined;
    });

    await searchService.stop();

    const createdWhileDown = await createVideo(gateway.url, user, { title: 'Glacier lagoon by kayak' });
    const update = await api(gateway.url, 'PUT', `/users/${user.id}/videos/${toUpdate}`, {
      token: user.token,
      body: { title: 'Harbour seals on a glacier floe' },
    });
    expect(update.status).toBe(200);
    const removal = await api(gateway.url, 'DELETE', `/users/${user.id}/videos/${toDelete}`, { token: user.token });
    expect(removal.status).toBe(200);
    const unavailable = await api(gateway.url, 'POST', `/users/${user.id}/search`, {
      token: user.token,
      body: { query: 'glacier' },
    });
    expect(unavailable.status).toBe(503);

    const status = await api(gateway.url, 'GET', '/system/status', { token: user.token });
    expect(status.body).toMatchObject({ status: 'degraded', services: { search_service: { status: 'down' } } });

    searchService = await startSearchService({ port: searchService.port, dataDir: searchService.dataDir });

    const converged = await waitFor(
      'the changes made during the outage to reach the index',
      async () => {
        const ids = await searchIds(gateway.url, user, 'glacier');
        return ids?.length === 3 ? ids : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect([...converged].sort((a, b) => a - b)).toEqual([kept, toUpdate, createdWhileDown].sort((a, b) => a - b));
    expect(converged).not.toContain(toDelete);
    expect(await searchIds(gateway.url, user, 'climate')).toEqual([]);

    const caughtUp = await api(gateway.url, 'GET', '/system/status', { token: user.token });
    expect(caughtUp.body).toMatchObject({ status: 'operational', index: { documents: 3, pending_changes: 0 } });
  });
});
