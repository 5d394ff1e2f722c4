import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, TimedResponse, api, createVideo, register, search, searchIds } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(120_000);

const TIMEOUT_MS = 800;
const RETRY_ATTEMPTS = 2;
const THRESHOLD = 3;
// Longer than the load below, so the breaker stays open for all of it once it has opened.
const HALF_OPEN_MS = 6000;
/** The longest a request may take while the service is away: every read attempt timing out, plus slack. */
const DEADLINE_BUDGET_MS = (RETRY_ATTEMPTS + 1) * TIMEOUT_MS + RETRY_ATTEMPTS * 500 + 1000;
const CLIENTS = 4;
const LOAD_MS = 3000;

/**
 * Issue 7, fault "stop the search service while clients keep searching": bounded load from 4 clients
 * through the outage. Nothing hangs past its deadline, the open breaker answers 503 at once, jobs
 * accepted before the stop complete after the restart, and video changes made meanwhile are indexed.
 */
describe('fault: the search service stops under load', () => {
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  let user: ApiUser;

  beforeAll(async () => {
    // No workers at first: the jobs accepted below are persisted but cannot run before the stop.
    searchService = await startSearchService({ env: { WORKER_CONCURRENCY: '0' } });
    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      env: {
        SEARCH_TIMEOUT_MS: String(TIMEOUT_MS),
        SEARCH_RETRY_ATTEMPTS: String(RETRY_ATTEMPTS),
        SEARCH_BREAKER_THRESHOLD: String(THRESHOLD),
        SEARCH_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
        OUTBOX_POLL_INTERVAL_MS: '100',
        OUTBOX_MAX_BACKOFF_MS: '1000',
      },
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

  it('bounds every request, fails fast once open, and loses no job or video change', async () => {
    const kept = await createVideo(gateway.url, user, { title: 'Avalanche rescue dogs' });
    const toUpdate = await createVideo(gateway.url, user, { title: 'Reindeer migration' });
    const toDelete = await createVideo(gateway.url, user, { title: 'Sand dunes at dusk' });

    // The outbox relays the videos asynchronously; once the service is stopped the breaker holds the relay back
    // while the restarted workers already run, so the jobs' video must be indexed before the stop.
    await waitFor(
      'the three videos to be indexed',
      async () => {
        const status = await api(gateway.url, 'GET', '/system/status', { token: user.token });
        return status.body.index?.documents === 3 ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );

    // All about the untouched video, so their results do not depend on when the changes below land.
    const accepted: string[] = [];
    for (const query of ['avalanche', 'rescue', 'dogs']) {
      const response = await search(gateway.url, user, { query }, { Prefer: 'wait=0' });
      expect(response.status).toBe(202);
      accepted.push(response.body.job_id as string);
    }

    await searchService.stop();

    // Four clients keep searching and reading for a few seconds.
    const responses: TimedResponse[] = [];
    const stopAt = Date.now() + LOAD_MS;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; Date.now() < stopAt; i += 1) {
          responses.push(
            (client + i) % 2 === 0
              ? await search(gateway.url, user, { query: 'avalanche' })
              : await api(gateway.url, 'GET', `/users/${user.id}/search/${accepted[0]}`, { token: user.token }),
          );
        }
      }),
    );

    // Video changes meanwhile only need the gateway's database.
    const created = await createVideo(gateway.url, user, { title: 'Lighthouse keeper diaries' });
    const updated = await api(gateway.url, 'PUT', `/users/${user.id}/videos/${toUpdate}`, {
      token: user.token,
      body: { title: 'Caribou crossing' },
    });
    expect(updated.status).toBe(200);
    const deleted = await api(gateway.url, 'DELETE', `/users/${user.id}/videos/${toDelete}`, { token: user.token });
    expect(deleted.status).toBe(200);

    expect(responses.length).toBeGreaterThan(CLIENTS);
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe(String(response.body.retry_after));
      expect(response.elapsedMs).toBeLessThan(DEADLINE_BUDGET_MS);
    }
    const fastFails = responses.filter((response) => response.body.error?.includes('circuit breaker open'));
    // Only the first few attempts may wait for a deadline; from then on the breaker answers.
    expect(fastFails.length).toBeGreaterThan(responses.length / 2);
    for (const response of fastFails) {
      expect(response.elapsedMs).toBeLessThan(TIMEOUT_MS);
    }
    const breaker = await api(gateway.url, 'GET', '/system/circuit-breaker', { token: user.token });
    expect(breaker.body.state).toBe('open');

    searchService = await startSearchService({ port: searchService.port, dataDir: searchService.dataDir });

    for (const jobId of accepted) {
      const job = await waitFor(
        `job ${jobId} to complete after the restart`,
        async () => {
          const response = await api(gateway.url, 'GET', `/users/${user.id}/search/${jobId}`, { token: user.token });
          return response.status === 200 && response.body.status === 'completed' ? response.body : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 300 },
      );
      expect(job.result_count).toBeGreaterThanOrEqual(1);
    }

    const indexed = async (query: string, expected: number[]) =>
      waitFor(
        `"${query}" to find ${JSON.stringify(expected)}`,
        async () => {
          const ids = await searchIds(gateway.url, user, query);
          return ids && JSON.stringify([...ids].sort()) === JSON.stringify(expected) ? ids : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 300 },
      );
    await indexed('lighthouse', [created]);
    await indexed('caribou', [toUpdate]);
    await indexed('avalanche', [kept]);
    expect(await searchIds(gateway.url, user, 'dunes')).toEqual([]);
    expect(await searchIds(gateway.url, user, 'reindeer')).toEqual([]);
  });
});
