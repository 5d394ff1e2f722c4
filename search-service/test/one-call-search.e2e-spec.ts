import { status } from '@grpc/grpc-js';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { createClients, SearchServiceClients, tokenMetadata, unary } from './support/grpc-clients';
import { JobEventRecorder } from './support/job-events';
import { removeSearchServiceData, RunningSearchService, startSearchService } from './support/search-service-process';

interface Job {
  id: string;
  ownerId: number;
  status: JobStatus;
  results: Array<{ videoId: number; title: string; matchedText: string }>;
  resultCount: number;
  attempts: number;
}

const OWNER = 31;
/** Records wait up to this long before their batch is written, so the reads below find unwritten jobs. */
const FLUSH_MS = '1000';

function video(videoId: number, title: string) {
  return { ownerId: OWNER, videoId, version: 1, title, description: '', tags: [], duration: 60 };
}

const searchRequest = (query: string, waitMs: number) => ({ search: { ownerId: OWNER, query }, waitMs });

jest.setTimeout(60000);

describe('Search in one call (built process)', () => {
  let service: RunningSearchService;
  let clients: SearchServiceClients;
  let call: <T>(client: 'search' | 'index', method: string, request: object) => Promise<T>;

  beforeAll(async () => {
    service = await startSearchService({ env: { JOB_RECORD_FLUSH_MS: FLUSH_MS, JOB_POLL_INTERVAL_MS: '200' } });
    clients = createClients(service.url);
    call = (client, method, request) => unary(clients[client], method, request, tokenMetadata(service.token));
    await call('index', 'upsertVideos', {
      videos: [video(1, 'Lighthouse keeper diaries'), video(2, 'Lighthouse restoration'), video(3, 'Tea ceremony')],
    });
  });

  afterAll(async () => {
    clients?.close();
    await service?.stop();
    if (service) {
      await removeSearchServiceData(service.dataDir);
    }
  });

  it('answers with the completed job and its results, readable with GetJob at once', async () => {
    const { job } = await call<{ job: Job }>('search', 'search', searchRequest('lighthouse keeper', 2000));
    expect(job).toMatchObject({ ownerId: OWNER, status: JobStatus.JOB_STATUS_COMPLETED, attempts: 1 });
    expect(job.results.map((result) => result.videoId)).toEqual([1, 2]);
    expect(job.results[0].matchedText).toContain('<mark>');

    const read = await call<Job>('search', 'getJob', { jobId: job.id, ownerId: OWNER });
    expect(read).toMatchObject({ id: job.id, status: JobStatus.JOB_STATUS_COMPLETED, resultCount: 2 });
    expect(read.results).toEqual(job.results);
    await expect(call('search', 'getJob', { jobId: job.id, ownerId: OWNER + 1 })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('lists and counts a job answered at once, and announces it on WatchJobs once written', async () => {
    const watcher = new JobEventRecorder(clients.search, { ownerId: OWNER }, service.token);
    await new Promise((wait) => setTimeout(wait, 200));
    const { job } = await call<{ job: Job }>('search', 'search', searchRequest('tea ceremony', 2000));

    const page = await call<{ jobs: Job[]; total: number }>('search', 'listJobs', {
      ownerId: OWNER,
      queryContains: 'tea ceremony',
    });
    expect(page.jobs.map((listed) => [listed.id, listed.status])).toEqual([[job.id, JobStatus.JOB_STATUS_COMPLETED]]);
    const stats = await call<{ topQueries: Array<{ query: string; count: number }> }>('search', 'getJobStats', {
      ownerId: OWNER,
    });
    expect(stats.topQueries).toContainEqual(expect.objectContaining({ query: 'tea ceremony', count: 1 }));

    const announced = await watcher.next((event) => event.jobId === job.id);
    expect(announced).toMatchObject({ status: JobStatus.JOB_STATUS_COMPLETED, resultCount: 1, resync: false });
    expect(watcher.events.filter((event) => event.jobId === job.id)).toHaveLength(1);
    watcher.cancel();
  });

  it('refuses to cancel or retry a job answered at once, as any completed job', async () => {
    const { job } = await call<{ job: Job }>('search', 'search', searchRequest('restoration', 2000));
    await expect(call('search', 'cancelJob', { jobId: job.id, ownerId: OWNER })).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: 'Only queued or processing jobs can be cancelled; this job is completed',
    });
    await expect(call('search', 'retryJob', { jobId: job.id, ownerId: OWNER })).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: 'Only failed or cancelled jobs can be retried; this job is completed',
    });
  });

  it('answers a caller that does not wait with the durable queued job, which a worker then runs', async () => {
    const { job } = await call<{ job: Job }>('search', 'search', searchRequest('lighthouse', 0));
    expect(job).toMatchObject({ status: JobStatus.JOB_STATUS_QUEUED, results: [], attempts: 0 });
    let current = job;
    for (let tries = 0; current.status !== JobStatus.JOB_STATUS_COMPLETED && tries < 100; tries += 1) {
      await new Promise((wait) => setTimeout(wait, 50));
      current = await call<Job>('search', 'getJob', { jobId: job.id, ownerId: OWNER });
    }
    expect(current).toMatchObject({ status: JobStatus.JOB_STATUS_COMPLETED, resultCount: 2, attempts: 1 });
  });

  it('refuses bad input with INVALID_ARGUMENT', async () => {
    for (const request of [
      { waitMs: 100 },
      searchRequest('lighthouse', 30001),
      searchRequest('lighthouse', -5),
      searchRequest('   ', 100),
      { search: { ownerId: 0, query: 'lighthouse' }, waitMs: 100 },
      { search: { ownerId: OWNER, query: 'lighthouse', algorithm: 'quantum' }, waitMs: 100 },
    ]) {
      await expect(call('search', 'search', request)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    }
  });
});

describe('Search in one call across a graceful restart (built process)', () => {
  let service: RunningSearchService | undefined;

  afterAll(async () => {
    await service?.stop();
    if (service) {
      await removeSearchServiceData(service.dataDir);
    }
  });

  it('writes the records still waiting when it stops, so the restarted service knows the jobs', async () => {
    const first = await startSearchService({ env: { JOB_RECORD_FLUSH_MS: FLUSH_MS } });
    service = first;
    const before = createClients(first.url);
    const metadata = tokenMetadata(first.token);
    await unary(before.index, 'upsertVideos', { videos: [video(1, 'Glacier expedition')] }, metadata);
    const answered = await Promise.all(
      ['glacier', 'expedition', 'glacier expedition'].map((query) =>
        unary<{ job: Job }>(before.search, 'search', searchRequest(query, 2000), metadata),
      ),
    );
    before.close();
    await first.stop();

    service = await startSearchService({ dataDir: first.dataDir });
    const after = createClients(service.url);
    try {
      for (const { job } of answered) {
        await expect(
          unary<Job>(after.search, 'getJob', { jobId: job.id, ownerId: OWNER }, metadata),
        ).resolves.toMatchObject({ id: job.id, status: JobStatus.JOB_STATUS_COMPLETED, resultCount: 1 });
      }
    } finally {
      after.close();
    }
  });
});
