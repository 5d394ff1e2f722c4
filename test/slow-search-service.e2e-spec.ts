import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, register, search } from './support/platform-api';
import { StubSearchServer, startStubSearchServer } from './support/stub-search-server';
import { waitFor } from './support/wait-for';

jest.setTimeout(60_000);

const TIMEOUT_MS = 1000;
const RETRY_ATTEMPTS = 1;
const THRESHOLD = 4;
const HALF_OPEN_MS = 1000;
/** Scheduling slack on a busy two-core machine; kept below TIMEOUT_MS so a fast failure stays provably fast. */
const SLACK_MS = 800;
/** Far beyond every deadline: an answer within it can only come from the gateway giving up. */
const SERVICE_DELAY_MS = 6000;
/** The search's `Prefer: wait`: the service may hold a search that long on purpose, so its deadline covers it. */
const WAIT_S = 1;

/**
 * A search service that accepts calls but answers late: deadlines fire, reads retry within their
 * budget, writes never retry, and once the breaker opens the slow service sees no more calls.
 */
describe('slow search service', () => {
  let stub: StubSearchServer;
  let gateway: RunningGateway;
  let user: ApiUser;

  beforeAll(async () => {
    stub = await startStubSearchServer();
    gateway = await startGatewayProcess({
      searchUrl: stub.url,
      serviceToken: 'stub-token',
      env: {
        SEARCH_TIMEOUT_MS: String(TIMEOUT_MS),
        SEARCH_RETRY_ATTEMPTS: String(RETRY_ATTEMPTS),
        SEARCH_BREAKER_THRESHOLD: String(THRESHOLD),
        SEARCH_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
      },
    });
    user = await register(gateway.url);
  });

  afterAll(async () => {
    await gateway?.stop();
    await stub?.stop();
  });

  const count = (method: string) => stub.calls.filter((call) => call === method).length;
  const breaker = async () => (await api(gateway.url, 'GET', '/system/circuit-breaker', { token: user.token })).body;

  it('answers 503 within the deadline budget, retries reads only, then stops calling once the breaker opens', async () => {
    stub.setDelay(SERVICE_DELAY_MS);

    const submit = await search(gateway.url, user, { query: 'anything' }, { Prefer: `wait=${WAIT_S}` });
    expect(submit.status).toBe(503);
    // The policy's timeout and the gRPC deadline expire together; whichever reports first names the 503.
    expect(submit.body).toEqual({
      error: expect.stringMatching(/^Search service (timed out|unavailable)$/),
      retry_after: 1,
    });
    expect(submit.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS + WAIT_S * 1000 - 50);
    expect(submit.elapsedMs).toBeLessThan(TIMEOUT_MS + WAIT_S * 1000 + SLACK_MS);
    expect(count('search')).toBe(1);

    const list = await api(gateway.url, 'GET', '/search/jobs', { token: user.token });
    expect(list.status).toBe(503);
    expect(list.elapsedMs).toBeGreaterThanOrEqual((RETRY_ATTEMPTS + 1) * TIMEOUT_MS - 50);
    expect(list.elapsedMs).toBeLessThan((RETRY_ATTEMPTS + 1) * TIMEOUT_MS + 500 + SLACK_MS);
    expect(count('listJobs')).toBe(RETRY_ATTEMPTS + 1);

    // Three failures so far (one submit, two list attempts); the next one opens the breaker.
    await search(gateway.url, user, { query: 'anything' });
    expect((await breaker()).state).toBe('open');

    const callsBefore = stub.calls.length;
    const single = await search(gateway.url, user, { query: 'anything' });
    expect(single.status).toBe(503);
    expect(single.elapsedMs).toBeLessThan(SLACK_MS);
    const burst = await Promise.all(Array.from({ length: 20 }, () => search(gateway.url, user, { query: 'anything' })));
    for (const response of burst) {
      expect(response.status).toBe(503);
      expect(response.body.error).toBe('Search service unavailable (circuit breaker open)');
      // Twenty at once on a shared machine: bounded by the gateway's own work, not by any deadline.
      expect(response.elapsedMs).toBeLessThan((RETRY_ATTEMPTS + 1) * TIMEOUT_MS + SLACK_MS);
    }
    expect(stub.calls.length).toBe(callsBefore);

    stub.setDelay(0);
    const recovered = await waitFor(
      'the breaker to let a probe through and close',
      async () => {
        const response = await search(gateway.url, user, { query: 'anything' }, { Prefer: 'wait=0' });
        return response.status === 202 ? response : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );
    expect(recovered.body.status).toBe('queued');
    expect(await breaker()).toMatchObject({ state: 'closed', consecutive_failures: 0 });
  });
});
