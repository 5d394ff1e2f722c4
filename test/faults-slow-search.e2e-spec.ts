import request from 'supertest';
import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { DelayProxy, startDelayProxy } from './support/delay-proxy';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, createVideo, register, search, searchIds } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(120_000);

const TIMEOUT_MS = 500;
const RETRY_ATTEMPTS = 2;
const BULKHEAD_LIMIT = 3;
const BULKHEAD_QUEUE = 3;
/** Far longer than any deadline: every call through the proxy times out. */
const INJECTED_DELAY_MS = 4000;
/** The read budget: every attempt timing out, plus the backoff between them, plus slack. */
const READ_BUDGET_MS = (RETRY_ATTEMPTS + 1) * TIMEOUT_MS + RETRY_ATTEMPTS * 500 + 1000;
const CONCURRENT_READS = 16;

/** Sums a counter's samples whose labels include every given label. */
function counter(text: string, name: string, labels: Record<string, string>): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .filter((line) => Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

function gauge(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return Number(line?.split(' ').pop());
}

/**
 * Issue 7, fault "slow search service": the real service behind a TCP proxy that delays every byte.
 * Deadlines fire, reads retry within their budget and writes never, and the bulkhead bounds the calls
 * in flight: the excess is refused at once instead of piling up.
 */
describe('fault: a slow search service', () => {
  let searchService: RunningSearchService;
  let proxy: DelayProxy;
  let gateway: RunningGateway;
  let user: ApiUser;
  let jobId: string;

  beforeAll(async () => {
    searchService = await startSearchService();
    proxy = await startDelayProxy('127.0.0.1', searchService.port);
    gateway = await startGatewayProcess({
      searchUrl: proxy.url,
      serviceToken: searchService.token,
      env: {
        SEARCH_TIMEOUT_MS: String(TIMEOUT_MS),
        SEARCH_RETRY_ATTEMPTS: String(RETRY_ATTEMPTS),
        // High, so this test watches deadlines and the bulkhead rather than the breaker.
        SEARCH_BREAKER_THRESHOLD: '1000',
        SEARCH_BULKHEAD_LIMIT: String(BULKHEAD_LIMIT),
        SEARCH_BULKHEAD_QUEUE: String(BULKHEAD_QUEUE),
      },
    });
    user = await register(gateway.url);
    await createVideo(gateway.url, user, { title: 'Tidal bore surfing' });
    await waitFor('the video to be indexed', async () => {
      const ids = await searchIds(gateway.url, user, 'tidal');
      return ids?.length === 1 ? ids : undefined;
    });
    jobId = (await search(gateway.url, user, { query: 'surfing' })).body.job_id as string;
  });

  afterAll(async () => {
    await gateway?.stop();
    await proxy?.close();
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
  });

  const scrape = async () => (await request(gateway.url).get('/metrics').timeout(10_000)).text;

  it('times reads out within budget, bounds the calls in flight, and never retries a write', async () => {
    const before = await scrape();
    proxy.setDelay(INJECTED_DELAY_MS);

    let peakActive = 0;
    let peakQueued = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const text = await scrape();
        peakActive = Math.max(peakActive, gauge(text, 'search_bulkhead_active_calls'));
        peakQueued = Math.max(peakQueued, gauge(text, 'search_bulkhead_queued_calls'));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const reads = await Promise.all(
      Array.from({ length: CONCURRENT_READS }, () =>
        api(gateway.url, 'GET', `/users/${user.id}/search/${jobId}`, { token: user.token }),
      ),
    );
    sampling = false;
    await sampler;

    for (const response of reads) {
      expect(response.status).toBe(503);
      expect(response.elapsedMs).toBeLessThan(READ_BUDGET_MS);
    }
    const refused = reads.filter(
      (response) => response.body.error === 'Search service busy, too many concurrent requests',
    );
    const admitted = reads.filter((response) => !refused.includes(response));
    // The bulkhead admits its limit plus its queue; the rest are refused at once, without a call.
    expect(admitted.length).toBeGreaterThanOrEqual(1);
    expect(admitted.length).toBeLessThanOrEqual(BULKHEAD_LIMIT + BULKHEAD_QUEUE);
    for (const response of refused) {
      expect(response.elapsedMs).toBeLessThan(TIMEOUT_MS);
    }
    expect(peakActive).toBeLessThanOrEqual(BULKHEAD_LIMIT);
    expect(peakQueued).toBeLessThanOrEqual(BULKHEAD_QUEUE);

    const afterReads = await scrape();
    const getJobAttempts =
      counter(afterReads, 'grpc_client_calls_total', { method: 'SearchService/GetJob' }) -
      counter(before, 'grpc_client_calls_total', { method: 'SearchService/GetJob' });
    // Each admitted read tried at least once and at most 1 + RETRY_ATTEMPTS times.
    expect(getJobAttempts).toBeGreaterThanOrEqual(admitted.length);
    expect(getJobAttempts).toBeLessThanOrEqual(admitted.length * (RETRY_ATTEMPTS + 1));

    // A search that does not wait has a write's plain deadline.
    const submitted = await search(gateway.url, user, { query: 'surfing' }, { Prefer: 'wait=0' });
    expect(submitted.status).toBe(503);
    expect(submitted.elapsedMs).toBeLessThan(TIMEOUT_MS + 1000);
    const afterWrite = await scrape();
    expect(
      counter(afterWrite, 'grpc_client_calls_total', { method: 'SearchService/Search' }) -
        counter(afterReads, 'grpc_client_calls_total', { method: 'SearchService/Search' }),
    ).toBe(1);

    proxy.setDelay(0);
    await waitFor(
      'searches to succeed once the delay is gone',
      async () => {
        const ids = await searchIds(gateway.url, user, 'tidal');
        return ids?.length === 1 ? ids : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
  });
});
