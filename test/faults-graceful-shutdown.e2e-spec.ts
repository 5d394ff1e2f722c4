import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { api, search, type ApiUser } from './support/platform-api';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';
const IN_FLIGHT_WAIT_S = 2;

/**
 * Issue 7, fault "graceful shutdown on SIGTERM": the gateway stops accepting, finishes the requests in
 * flight, flushes the request log (rows visible after a restart), then exits 0. The search service's
 * own drain (running jobs finish, watch streams end) is covered in search-service/test/job-control.
 */
describe('fault: SIGTERM to the gateway with requests in flight', () => {
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  const dataDir = mkdtempSync(join(tmpdir(), 'graceful-gateway-'));
  const env = {
    // Far longer than the test: only the shutdown flush can write the request log.
    REQUEST_LOG_FLUSH_MS: '60000',
  };

  beforeAll(async () => {
    // No workers: a search then waits its whole `Prefer: wait` budget, a request reliably in flight.
    searchService = await startSearchService({ env: { WORKER_CONCURRENCY: '0' } });
    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      dataDir,
      env,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes in-flight requests, refuses new ones, flushes the request log and exits 0', async () => {
    const email = `graceful-${Date.now()}@example.com`;
    const registered = await api(gateway.url, 'POST', '/auth/register', { body: { email, password: PASSWORD } });
    const user: ApiUser = { id: registered.body.user.id, token: registered.body.token };
    for (let i = 0; i < 3; i += 1) {
      expect((await api(gateway.url, 'GET', '/auth/me', { token: user.token })).status).toBe(200);
    }

    const inFlight = Array.from({ length: 3 }, () =>
      search(gateway.url, user, { query: 'anything' }, { Prefer: `wait=${IN_FLIGHT_WAIT_S}` }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const oldUrl = gateway.url;
    const exitCode = gateway.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));

    // A new connection during the drain is refused rather than accepted and dropped half-way.
    await expect(api(oldUrl, 'GET', '/auth/me', { token: user.token })).rejects.toThrow(/ECONNREFUSED/);

    for (const response of await Promise.all(inFlight)) {
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ job_id: expect.any(String), status: 'queued' });
      expect(response.elapsedMs).toBeGreaterThanOrEqual(IN_FLIGHT_WAIT_S * 1000 - 100);
    }
    expect(await exitCode).toBe(0);

    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      dataDir,
      env,
    });
    const login = await api(gateway.url, 'POST', '/auth/login', { body: { email, password: PASSWORD } });
    const usage = await api(gateway.url, 'GET', '/analytics/usage/endpoints', { token: login.body.token });
    const requests = (route: string, method: string) =>
      (usage.body.endpoints as Array<{ route: string; method: string; requests: number }>).find(
        (endpoint) => endpoint.route === route && endpoint.method === method,
      )?.requests;
    expect(requests('/api/v1/auth/me', 'GET')).toBe(3);
    // Finished during the drain, yet still recorded.
    expect(requests('/api/v1/users/:userId/search', 'POST')).toBe(3);
  });
});
