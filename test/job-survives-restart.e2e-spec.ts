import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, createVideo, register, search, searchIds } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(90_000);

/** A job the search service accepted survives its crash: it completes after the restart and the gateway reports it. */
describe('a search job across a search-service crash', () => {
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  let user: ApiUser;

  beforeAll(async () => {
    searchService = await startSearchService();
    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      env: { SEARCH_BREAKER_HALF_OPEN_MS: '500' },
    });
    user = await register(gateway.url);
    await createVideo(gateway.url, user, { title: 'Coral reef restoration', description: 'Divers replant coral' });
    await waitFor('the video to be indexed', async () => {
      const ids = await searchIds(gateway.url, user, 'coral');
      return ids?.length === 1 ? ids : undefined;
    });
    // Restart without workers, so that the next job is accepted and persisted but cannot run before the crash.
    await searchService.stop();
    searchService = await startSearchService({
      port: searchService.port,
      dataDir: searchService.dataDir,
      env: { WORKER_CONCURRENCY: '0' },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
  });

  it('completes after the restart and the gateway answers with its results', async () => {
    const accepted = await waitFor('the restarted service to accept a search', async () => {
      const response = await search(gateway.url, user, { query: 'coral' }, { Prefer: 'wait=1' });
      return response.status === 202 ? response : undefined;
    });
    expect(accepted.body.status).toBe('queued');
    const jobId: string = accepted.body.job_id;

    await searchService.kill();
    const whileDown = await api(gateway.url, 'GET', `/users/${user.id}/search/${jobId}`, { token: user.token });
    expect(whileDown.status).toBe(503);

    searchService = await startSearchService({ port: searchService.port, dataDir: searchService.dataDir });

    const finished = await waitFor(
      'the job accepted before the crash to complete',
      async () => {
        const response = await api(gateway.url, 'GET', `/users/${user.id}/search/${jobId}`, { token: user.token });
        return response.status === 200 && response.body.status === 'completed' ? response : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(finished.body).toMatchObject({ job_id: jobId, query: 'coral', result_count: 1 });
    expect(finished.body.results[0].matched_text).toContain('<mark>');
    const listed = await api(gateway.url, 'GET', '/search/jobs?status=completed', { token: user.token });
    expect(listed.body.jobs.map((job: { job_id: string }) => job.job_id)).toContain(jobId);
  });
});
