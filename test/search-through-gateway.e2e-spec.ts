import request from 'supertest';
import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, createVideo, register, search, searchIds } from './support/platform-api';
import { waitFor } from './support/wait-for';

// Two processes to start and an index to fill; each wait inside is bounded on its own.
jest.setTimeout(60_000);

/** The built search service and gateway as real processes: search through REST, end to end. */
describe('search through the gateway', () => {
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  let alice: ApiUser;
  let bob: ApiUser;
  let aliceTitleMatch: number;
  let aliceDescriptionMatch: number;
  let bobVideo: number;

  beforeAll(async () => {
    searchService = await startSearchService();
    gateway = await startGatewayProcess({ searchUrl: searchService.url, serviceToken: searchService.token });
    alice = await register(gateway.url);
    bob = await register(gateway.url);
    aliceTitleMatch = await createVideo(gateway.url, alice, {
      title: 'Volcano eruption explained',
      description: 'Lava, ash and magma chambers',
      tags: ['science'],
      duration: 600,
    });
    aliceDescriptionMatch = await createVideo(gateway.url, alice, {
      title: 'Island holiday vlog',
      description: 'We hiked up to the rim of an active volcano',
      tags: ['travel'],
      duration: 1200,
    });
    await createVideo(gateway.url, alice, { title: 'Sourdough bread at home', description: 'Flour, water, salt' });
    bobVideo = await createVideo(gateway.url, bob, { title: 'Volcano documentary', description: 'Bob only' });
    // The index follows the videos through the outbox, asynchronously.
    await waitFor('both volcano videos of alice to be indexed', async () => {
      const ids = await searchIds(gateway.url, alice, 'volcano');
      return ids?.length === 2 ? ids : undefined;
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
  });

  it('answers 200 with ranked, highlighted results: a title match above a description-only match', async () => {
    const response = await search(gateway.url, alice, { query: 'volcano' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'completed', query: 'volcano', result_count: 2, error: null });
    expect(response.body.job_id).toMatch(/^[0-9a-f-]{36}$/);
    const [first, second] = response.body.results;
    expect([first.video_id, second.video_id]).toEqual([aliceTitleMatch, aliceDescriptionMatch]);
    expect(first.relevance_score).toBeGreaterThan(second.relevance_score);
    for (const result of response.body.results) {
      expect(result.relevance_score).toBeGreaterThan(0);
      expect(result.relevance_score).toBeLessThanOrEqual(1);
      expect(result.matched_text).toMatch(/<mark>volcano<\/mark>/i);
    }
    expect(first.matched_fields).toContain('title');
    expect(second.matched_fields).toEqual(['description']);
    expect(response.body.completed_at).toEqual(expect.any(String));
  });

  it('records one REST search as exactly one job, listed afterwards with its results', async () => {
    const answer = await search(gateway.url, alice, { query: 'magma chambers' });
    expect(answer.status).toBe(200);
    const listed = await api(gateway.url, 'GET', '/search/jobs?q=magma%20chambers', { token: alice.token });
    expect(listed.body.jobs).toEqual([
      expect.objectContaining({ job_id: answer.body.job_id, status: 'completed', result_count: 1 }),
    ]);
    const details = await api(gateway.url, 'GET', `/search/jobs/${answer.body.job_id}/details`, {
      token: alice.token,
    });
    expect(details.body.results).toEqual(answer.body.results);
    expect(details.body.results.map((result: { video_id: number }) => result.video_id)).toEqual([aliceTitleMatch]);
  });

  it("never returns another owner's videos", async () => {
    expect(await searchIds(gateway.url, bob, 'volcano')).toEqual([bobVideo]);
    expect(await searchIds(gateway.url, alice, 'documentary')).toEqual([]);
  });

  it('restricts a search to video_ids and filters', async () => {
    expect(
      (await search(gateway.url, alice, { query: 'volcano', video_ids: [aliceDescriptionMatch] })).body.results.map(
        (result: { video_id: number }) => result.video_id,
      ),
    ).toEqual([aliceDescriptionMatch]);
    const filtered = await search(gateway.url, alice, { query: 'volcano', filters: { tags: ['science'] } });
    expect(filtered.body.results.map((result: { video_id: number }) => result.video_id)).toEqual([aliceTitleMatch]);
  });

  it('tolerates a typo with the default algorithm', async () => {
    expect(await searchIds(gateway.url, alice, 'volcanoe')).toContain(aliceTitleMatch);
  });

  it('answers 202 with the job id at once for Prefer: wait=0, and the job can be read back', async () => {
    const accepted = await search(gateway.url, alice, { query: 'volcano' }, { Prefer: 'wait=0' });
    expect(accepted.status).toBe(202);
    expect(accepted.headers['preference-applied']).toBe('wait=0');
    expect(Object.keys(accepted.body).sort()).toEqual(['job_id', 'status']);
    const done = await waitFor('the accepted job to complete', async () => {
      const job = await api(gateway.url, 'GET', `/users/${alice.id}/search/${accepted.body.job_id}`, {
        token: alice.token,
      });
      return job.body.status === 'completed' ? job : undefined;
    });
    expect(done.body).toMatchObject({ job_id: accepted.body.job_id, result_count: 2 });
    expect(done.body.results).toHaveLength(2);
  });

  it("hides one owner's job from another (404)", async () => {
    const job = await search(gateway.url, alice, { query: 'volcano' });
    const peek = await api(gateway.url, 'GET', `/users/${bob.id}/search/${job.body.job_id}`, { token: bob.token });
    expect(peek.status).toBe(404);
    expect(peek.body).toEqual({ error: 'Search job not found' });
    const details = await api(gateway.url, 'GET', `/search/jobs/${job.body.job_id}/details`, { token: bob.token });
    expect(details.status).toBe(404);
    const foreignPath = await api(gateway.url, 'GET', `/users/${alice.id}/search/${job.body.job_id}`, {
      token: bob.token,
    });
    expect(foreignPath.status).toBe(403);
  });

  it("lists the caller's jobs with filters and pagination", async () => {
    const listed = await api(gateway.url, 'GET', '/search/jobs?status=completed&q=volc&per_page=2', {
      token: alice.token,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.jobs).toHaveLength(2);
    expect(listed.body.jobs[0]).not.toHaveProperty('results');
    expect(listed.body.pagination).toMatchObject({ page: 1, per_page: 2 });
    expect(listed.body.pagination.total).toBeGreaterThanOrEqual(3);
    const bobs = await api(gateway.url, 'GET', '/search/jobs', { token: bob.token });
    expect(bobs.body.jobs.every((job: { query: string }) => job.query === 'volcano')).toBe(true);
    expect(bobs.body.pagination.total).toBe(1);
  });

  it('refuses to retry or cancel a job the search answered at once, as any completed job (409)', async () => {
    const job = await search(gateway.url, alice, { query: 'volcano' });
    const retried = await api(gateway.url, 'POST', `/search/jobs/${job.body.job_id}/retry`, { token: alice.token });
    expect(retried.status).toBe(409);
    const cancelled = await api(gateway.url, 'POST', `/search/jobs/${job.body.job_id}/cancel`, { token: alice.token });
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error).toEqual(expect.any(String));
  });

  it('validates the request at the edge', async () => {
    expect((await search(gateway.url, alice, {})).status).toBe(400);
    expect((await search(gateway.url, alice, { query: '   ' })).body).toMatchObject({ error: 'query is required' });
    expect((await search(gateway.url, alice, { query: 'x'.repeat(501) })).status).toBe(400);
    expect((await search(gateway.url, alice, { query: 'volcano', video_ids: [0] })).status).toBe(400);
    const unknown = await search(gateway.url, alice, { query: 'volcano', algorithm: 'magic' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('Unknown algorithm "magic"; valid algorithms: auto, text, fuzzy, prefix, phonetic');
    const badJob = await api(gateway.url, 'GET', `/users/${alice.id}/search/not-a-job`, { token: alice.token });
    expect(badJob.status).toBe(404);
  });

  it('lists the algorithms', async () => {
    const response = await api(gateway.url, 'GET', '/search/algorithms', { token: alice.token });
    expect(response.body.algorithms.map((algorithm: { name: string }) => algorithm.name)).toEqual([
      'auto',
      'text',
      'fuzzy',
      'prefix',
      'phonetic',
    ]);
    expect(response.body.algorithms.filter((algorithm: { is_default: boolean }) => algorithm.is_default)).toHaveLength(
      1,
    );
  });

  it('reports the search service in /health and the system status', async () => {
    const health = await request(gateway.url).get('/health').timeout(5000);
    expect(health.body.checks.search_service.status).toBe('up');
    const status = await api(gateway.url, 'GET', '/system/status', { token: alice.token });
    expect(status.body).toMatchObject({
      status: 'operational',
      services: { database: { status: 'up' }, search_service: { status: 'up' } },
      circuit_breaker: { state: 'closed' },
      index: { documents: 3, pending_changes: 0 },
    });
  });

  it("rebuilds the caller's index from their videos", async () => {
    const response = await api(gateway.url, 'POST', `/users/${alice.id}/search/reindex`, { token: alice.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ videos: 3, batches: 1 });
    expect(await searchIds(gateway.url, alice, 'volcano')).toEqual([aliceTitleMatch, aliceDescriptionMatch]);
  });
});
