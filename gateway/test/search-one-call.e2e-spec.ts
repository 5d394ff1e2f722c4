import { io, Socket } from 'socket.io-client';
import request from 'supertest';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { until } from './support/until';

interface Caller {
  id: number;
  token: string;
}

interface JobUpdate {
  job_id: string;
  status: string;
  result_count: number;
}

/** Sums the gateway's gRPC client calls of one method, whatever their status code. */
function grpcCalls(metrics: string, method: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`grpc_client_calls_total{method="SearchService/${method}"`))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

/** Issue 11: a synchronous REST search is one Search call; its job is a job like any other. */
describe('Search in one round trip (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let caller: Caller;
  let videoId: number;
  const sockets: Socket[] = [];

  const auth = () => ({ Authorization: `Bearer ${caller.token}` });
  const post = (path: string) => request(gateway.url).post(`/api/v1${path}`).set(auth());
  const get = (path: string) => request(gateway.url).get(`/api/v1${path}`).set(auth());
  const metrics = async () => (await request(gateway.url).get('/metrics')).text;

  beforeAll(async () => {
    // Records wait up to a second before they are written: the reads below find jobs the table does not hold yet.
    search = await startSearchService({ env: { JOB_RECORD_FLUSH_MS: '1000' } });
    gateway = await startGateway({ env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token } });
    const { body } = await request(gateway.url)
      .post('/api/v1/auth/register')
      .send({ email: `one-call-${Date.now()}@example.com`, password: 'correct horse battery' })
      .expect(201);
    caller = { id: body.user.id, token: body.token };
    videoId = (
      await post(`/users/${caller.id}/videos`)
        .send({ title: 'Zeppelin over the harbour', description: 'An airship at dawn', duration: 90 })
        .expect(201)
    ).body.id;
    // The index follows the videos through the outbox, asynchronously.
    await until(async () => {
      const { body: job } = await post(`/users/${caller.id}/search`).send({ query: 'airship' });
      return job.result_count === 1 ? job : undefined;
    });
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await gateway?.stop();
    await search?.stop();
  });

  it('answers a REST search with one gRPC call, and lists that one job with its results afterwards', async () => {
    const before = await metrics();
    const answer = await post(`/users/${caller.id}/search`).send({ query: 'zeppelin harbour' }).expect(200);
    const after = await metrics();
    expect(answer.body).toMatchObject({ status: 'completed', result_count: 1, results: [{ video_id: videoId }] });
    expect(grpcCalls(after, 'Search') - grpcCalls(before, 'Search')).toBe(1);
    for (const method of ['SubmitSearch', 'GetJob', 'ListAlgorithms']) {
      expect(grpcCalls(after, method) - grpcCalls(before, method)).toBe(0);
    }

    const listed = await get('/search/jobs?q=zeppelin%20harbour').expect(200);
    expect(listed.body.jobs).toEqual([
      expect.objectContaining({ job_id: answer.body.job_id, status: 'completed', result_count: 1 }),
    ]);
    const details = await get(`/search/jobs/${answer.body.job_id}/details`).expect(200);
    expect(details.body.results).toEqual(answer.body.results);
    expect(details.body).toMatchObject({ query: 'zeppelin harbour', completed_at: answer.body.completed_at });
  });

  it('reads a job answered at once right away, then refuses to retry or cancel it as any completed job (409)', async () => {
    const answer = await post(`/users/${caller.id}/search`).send({ query: 'zeppelin' }).expect(200);
    const jobId: string = answer.body.job_id;
    const read = await get(`/users/${caller.id}/search/${jobId}`).expect(200);
    expect(read.body).toMatchObject({ job_id: jobId, status: 'completed', result_count: 1 });

    const retried = await post(`/search/jobs/${jobId}/retry`).expect(409);
    expect(retried.body.error).toBe('Only failed or cancelled jobs can be retried; this job is completed');
    const cancelled = await post(`/search/jobs/${jobId}/cancel`).expect(409);
    expect(cancelled.body.error).toBe('Only queued or processing jobs can be cancelled; this job is completed');
  });

  it('answers 202 with the job id and status for Prefer: wait=0, and the job completes in the background', async () => {
    const accepted = await post(`/users/${caller.id}/search`).set('Prefer', 'wait=0').send({ query: 'dawn' });
    expect(accepted.status).toBe(202);
    expect(accepted.headers['preference-applied']).toBe('wait=0');
    expect(accepted.body).toEqual({ job_id: expect.any(String), status: 'queued' });
    const done = await until(async () => {
      const { body } = await get(`/users/${caller.id}/search/${accepted.body.job_id}`);
      return body.status === 'completed' ? body : undefined;
    });
    expect(done).toMatchObject({ result_count: 1, results: [{ video_id: videoId }] });
  });

  it("relays a job answered at once to the owner's Socket.IO room as job_update", async () => {
    const socket = io(gateway.url, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: caller.token },
      forceNew: true,
    });
    sockets.push(socket);
    const updates: JobUpdate[] = [];
    socket.on('job_update', (update: JobUpdate) => updates.push(update));
    await new Promise((resolve) => socket.once('authenticated', resolve));
    expect(await socket.timeout(5000).emitWithAck('subscribe_jobs')).toEqual({ subscribed: true });

    const answer = await post(`/users/${caller.id}/search`).send({ query: 'airship dawn' }).expect(200);
    const update = await until(() => updates.find((candidate) => candidate.job_id === answer.body.job_id));
    expect(update).toMatchObject({ status: 'completed', result_count: 1 });
  });
});
