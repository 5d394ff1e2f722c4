import request from 'supertest';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

describe('Search analytics and job export (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let caller: { id: number; token: string };
  const jobIds: string[] = [];

  const auth = () => ({ Authorization: `Bearer ${caller.token}` });

  /** Submits a search and waits (bounded) until it has finished, however loaded the machine is. */
  const searchAndWait = async (query: string): Promise<{ job_id: string; result_count: number }> => {
    const submitted = await request(gateway.url)
      .post(`/api/v1/users/${caller.id}/search`)
      .set(auth())
      .set('Prefer', 'wait=10')
      .send({ query });
    expect([200, 202]).toContain(submitted.status);
    const deadline = Date.now() + 20_000;
    let job = submitted.body;
    while (job.status !== 'completed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await request(gateway.url).get(`/api/v1/users/${caller.id}/search/${submitted.body.job_id}`).set(auth()))
        .body;
    }
    expect(job.status).toBe('completed');
    return job;
  };

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({ env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token } });
    const { body } = await request(gateway.url)
      .post('/api/v1/auth/register')
      .send({ email: `search-stats-${Date.now()}@example.com`, password: 'correct horse battery' })
      .expect(201);
    caller = { id: body.user.id, token: body.token };
    await request(gateway.url)
      .post(`/api/v1/users/${caller.id}/videos`)
      .set(auth())
      .send({ title: 'Cats playing piano', description: 'A cat, a piano and a song', duration: 60 })
      .expect(201);
    // The index follows the videos through the outbox; wait until a search finds the video.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = await searchAndWait('piano');
      jobIds.push(found.job_id);
      if (found.result_count > 0 || Date.now() > deadline) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const query of ['piano', '=cmd|calc', 'zebra crossing']) {
      jobIds.push((await searchAndWait(query)).job_id);
    }
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
  });

  it('reports jobs by status, top and zero-result queries and search latency', async () => {
    const { body } = await request(gateway.url).get('/api/v1/analytics/search').set(auth()).expect(200);
    expect(body.total_jobs).toBe(jobIds.length);
    expect(body.by_status).toEqual({ queued: 0, processing: 0, completed: jobIds.length, failed: 0, cancelled: 0 });
    expect(body.top_queries[0]).toMatchObject({ query: 'piano', count: jobIds.length - 2 });
    expect(body.top_queries[0].avg_result_count).toBeGreaterThan(0);
    expect(body.zero_result_queries.map((q: { query: string }) => q.query)).toEqual(
      expect.arrayContaining(['zebra crossing', '=cmd|calc']),
    );
    expect(body.latency_ms.p90).toBeGreaterThanOrEqual(body.latency_ms.p50);
    expect(body.latency_ms.p95).toBeGreaterThanOrEqual(body.latency_ms.p90);
  });

  it('counts nothing outside the requested range', async () => {
    const { body } = await request(gateway.url)
      .get('/api/v1/analytics/search?start_date=2020-01-01&end_date=2020-01-31')
      .set(auth())
      .expect(200);
    expect(body.total_jobs).toBe(0);
    expect(body.latency_ms).toEqual({ avg: null, p50: null, p90: null, p95: null, p99: null });
  });

  it('exports the jobs as CSV with formula-looking queries neutralised', async () => {
    const response = await request(gateway.url).get('/api/v1/analytics/export?type=jobs').set(auth()).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="jobs-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'job_id,status,query,algorithm,result_count,duration_ms,error,created_at,started_at,completed_at',
    );
    expect(lines).toHaveLength(jobIds.length + 1);
    expect(response.text).toContain(",'=cmd|calc,");
    jobIds.forEach((id) => expect(response.text).toContain(id));
  });

  it('exports the jobs as JSON', async () => {
    const response = await request(gateway.url)
      .get('/api/v1/analytics/export?type=jobs&format=json')
      .set(auth())
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(response.body as string);
    expect(body).toMatchObject({ total: jobIds.length, truncated: false });
    expect(body.jobs.map((job: { job_id: string }) => job.job_id).sort()).toEqual([...jobIds].sort());
  });
});
