import { type ServiceError, status } from '@grpc/grpc-js';
import { HealthCheckResponse_ServingStatus as ServingStatus } from '@proto/gen/ts/grpc/health/v1/health';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { createClients, SearchServiceClients, tokenMetadata, unary } from './support/grpc-clients';
import { JobEventRecorder } from './support/job-events';
import { removeSearchServiceData, RunningSearchService, startSearchService } from './support/search-service-process';

interface Job {
  id: string;
  ownerId: number;
  status: JobStatus;
  results: Array<{ videoId: number; title: string; relevanceScore: number; matchedText: string }>;
  resultCount: number;
  attempts: number;
  algorithm: string;
}

function video(ownerId: number, videoId: number, title: string, version = 1, extra: object = {}) {
  return {
    ownerId,
    videoId,
    version,
    title,
    description: `${title} explained`,
    tags: ['demo'],
    duration: 120,
    ...extra,
  };
}

jest.setTimeout(60000);

describe('search service over gRPC (built process)', () => {
  let service: RunningSearchService;
  let clients: SearchServiceClients;
  let call: <T>(client: 'search' | 'index', method: string, request: object) => Promise<T>;

  beforeAll(async () => {
    service = await startSearchService({ env: { JOB_POLL_INTERVAL_MS: '200' } });
    clients = createClients(service.url);
    call = (client, method, request) => unary(clients[client], method, request, tokenMetadata(service.token));
  });

  afterAll(async () => {
    clients?.close();
    await service?.stop();
    if (service) {
      await removeSearchServiceData(service.dataDir);
    }
  });

  async function waitForJob(ownerId: number, jobId: string, wanted: JobStatus): Promise<Job> {
    const deadline = Date.now() + 10000;
    for (;;) {
      const job = await call<Job>('search', 'getJob', { jobId, ownerId });
      if (job.status === wanted || Date.now() > deadline) {
        return job;
      }
      await new Promise((wait) => setTimeout(wait, 50));
    }
  }

  describe('service token', () => {
    it('refuses a call without the token with UNAUTHENTICATED', async () => {
      await expect(unary(clients.search, 'listAlgorithms', {})).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    });

    it('refuses a wrong token', async () => {
      await expect(unary(clients.index, 'getIndexStats', {}, tokenMetadata('wrong'))).rejects.toMatchObject({
        code: status.UNAUTHENTICATED,
      });
    });

    it('keeps the health check open', async () => {
      await expect(unary(clients.health, 'check', {})).resolves.toEqual({ status: ServingStatus.SERVING });
      await expect(unary(clients.health, 'check', { service: 'videosearch.search.v1.SearchService' })).resolves.toEqual(
        { status: ServingStatus.SERVING },
      );
      await expect(unary(clients.health, 'check', { service: 'nope' })).rejects.toMatchObject({
        code: status.NOT_FOUND,
      });
    });

    it('answers a health check for a 100 KB service name with NOT_FOUND, and the connection keeps working', async () => {
      const error = await unary(clients.health, 'check', { service: 'x'.repeat(100_000) }).catch(
        (caught: ServiceError) => caught,
      );

      expect(error).toMatchObject({ code: status.NOT_FOUND });
      expect((error as ServiceError).details.length).toBeLessThanOrEqual(1000);
      await expect(unary(clients.health, 'check', {})).resolves.toEqual({ status: ServingStatus.SERVING });
    });

    it('answers with the token', async () => {
      const reply = await call<{ algorithms: Array<{ name: string; isDefault: boolean }> }>(
        'search',
        'listAlgorithms',
        {},
      );
      expect(reply.algorithms.map((algorithm) => algorithm.name)).toEqual(
        expect.arrayContaining(['text', 'fuzzy', 'prefix', 'phonetic']),
      );
      expect(reply.algorithms.filter((algorithm) => algorithm.isDefault)).toHaveLength(1);
    });
  });

  describe('indexing and searching', () => {
    beforeAll(async () => {
      await call('index', 'upsertVideos', {
        videos: [
          video(1, 1, 'Running shoes review'),
          video(1, 2, 'Cooking pasta at home'),
          video(2, 1, 'Running a marathon'),
        ],
      });
    });

    it('finds an owner’s videos and never another owner’s', async () => {
      const submitted = await call<Job>('search', 'submitSearch', { ownerId: 2, query: 'running' });
      expect(submitted.status).toBe(JobStatus.JOB_STATUS_QUEUED);
      const done = await waitForJob(2, submitted.id, JobStatus.JOB_STATUS_COMPLETED);
      expect(done.status).toBe(JobStatus.JOB_STATUS_COMPLETED);
      expect(done.results.map((result) => [result.videoId, result.title])).toEqual([[1, 'Running a marathon']]);
      expect(done.results[0].matchedText).toContain('<mark>');

      const mine = await call<Job>('search', 'submitSearch', { ownerId: 1, query: 'running' });
      const mineDone = await waitForJob(1, mine.id, JobStatus.JOB_STATUS_COMPLETED);
      expect(mineDone.results.map((result) => result.title)).toEqual(['Running shoes review']);
    });

    it('ignores an older version and keeps deletes as tombstones', async () => {
      await expect(call('index', 'upsertVideos', { videos: [video(3, 7, 'Guitar lesson', 5)] })).resolves.toEqual({
        applied: 1,
        skipped: 0,
      });
      await expect(call('index', 'upsertVideos', { videos: [video(3, 7, 'Old guitar title', 4)] })).resolves.toEqual({
        applied: 0,
        skipped: 1,
      });
      await expect(
        call('index', 'deleteVideos', { videos: [{ ownerId: 3, videoId: 7, version: 6 }] }),
      ).resolves.toEqual({ applied: 1, skipped: 0 });
      await expect(call('index', 'upsertVideos', { videos: [video(3, 7, 'Guitar lesson', 5)] })).resolves.toEqual({
        applied: 0,
        skipped: 1,
      });
      const stats = await call<{ documents: number }>('index', 'getIndexStats', { ownerId: 3 });
      expect(stats.documents).toBe(0);
    });

    it('reindex removes the owner’s videos that were not sent', async () => {
      await call('index', 'upsertVideos', { videos: [video(4, 1, 'Keep alpha'), video(4, 2, 'Drop alpha')] });
      await call('index', 'reindexOwner', {
        ownerId: 4,
        reindexId: 'r1',
        videos: [video(4, 1, 'Keep alpha')],
        lastBatch: false,
      });
      await call('index', 'reindexOwner', {
        ownerId: 4,
        reindexId: 'r1',
        videos: [video(4, 3, 'New alpha')],
        lastBatch: true,
      });
      const job = await call<Job>('search', 'submitSearch', { ownerId: 4, query: 'alpha', algorithm: 'text' });
      const done = await waitForJob(4, job.id, JobStatus.JOB_STATUS_COMPLETED);
      expect(done.results.map((result) => result.videoId).sort()).toEqual([1, 3]);
      await expect(call('index', 'getIndexStats', { ownerId: 4 })).resolves.toMatchObject({ documents: 2 });
    });

    it('rejects bad input with INVALID_ARGUMENT', async () => {
      const bad = [
        { ownerId: 1, query: '   ' },
        { ownerId: 1, query: 'x'.repeat(501) },
        { ownerId: 1, query: 'ok', algorithm: 'quantum' },
        { ownerId: 1, query: 'ok', limit: 101 },
        { ownerId: 1, query: 'ok', filters: { minDuration: 10, maxDuration: 5 } },
        { ownerId: 0, query: 'ok' },
      ];
      for (const request of bad) {
        await expect(call('search', 'submitSearch', request)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
      }
      await expect(call('index', 'upsertVideos', { videos: [video(0, 1, 'no owner')] })).rejects.toMatchObject({
        code: status.INVALID_ARGUMENT,
      });
    });
  });

  describe('jobs', () => {
    it('streams every state change of a job to a watcher and ends when the watcher cancels', async () => {
      const watcher = new JobEventRecorder(clients.search, { ownerId: 1 }, service.token);
      const everyone = new JobEventRecorder(clients.search, { ownerId: 0 }, service.token);
      await new Promise((wait) => setTimeout(wait, 200));
      const job = await call<Job>('search', 'submitSearch', { ownerId: 1, query: 'pasta' });
      const completed = await watcher.next(
        (event) => event.jobId === job.id && event.status === JobStatus.JOB_STATUS_COMPLETED,
      );
      expect(completed.resultCount).toBe(1);
      expect(watcher.events.filter((event) => event.jobId === job.id).map((event) => event.status)).toEqual([
        JobStatus.JOB_STATUS_QUEUED,
        JobStatus.JOB_STATUS_PROCESSING,
        JobStatus.JOB_STATUS_COMPLETED,
      ]);
      await everyone.next((event) => event.jobId === job.id && event.status === JobStatus.JOB_STATUS_COMPLETED);
      watcher.cancel();
      everyone.cancel();

      const fetched = await call<Job>('search', 'getJob', { jobId: job.id, ownerId: 1 });
      expect(fetched).toMatchObject({ status: JobStatus.JOB_STATUS_COMPLETED, resultCount: 1, attempts: 1 });
      const light = await call<Job>('search', 'getJob', { jobId: job.id, ownerId: 1, omitResults: true });
      expect(light.results).toEqual([]);
    });

    it('replays current jobs with include_current, marked resync', async () => {
      const job = await call<Job>('search', 'submitSearch', { ownerId: 1, query: 'shoes' });
      await waitForJob(1, job.id, JobStatus.JOB_STATUS_COMPLETED);
      const watcher = new JobEventRecorder(
        clients.search,
        { ownerId: 1, includeCurrent: true, since: new Date(Date.now() - 60000).toISOString() },
        service.token,
      );
      const replayed = await watcher.next((event) => event.jobId === job.id);
      expect(replayed).toMatchObject({ resync: true, status: JobStatus.JOB_STATUS_COMPLETED });
      watcher.cancel();
    });

    it('hides another owner’s job (NOT_FOUND) and refuses to cancel or retry a completed job', async () => {
      const job = await call<Job>('search', 'submitSearch', { ownerId: 1, query: 'running' });
      await waitForJob(1, job.id, JobStatus.JOB_STATUS_COMPLETED);
      await expect(call('search', 'getJob', { jobId: job.id, ownerId: 2 })).rejects.toMatchObject({
        code: status.NOT_FOUND,
      });
      await expect(call('search', 'cancelJob', { jobId: job.id, ownerId: 2 })).rejects.toMatchObject({
        code: status.NOT_FOUND,
      });
      await expect(call('search', 'cancelJob', { jobId: job.id, ownerId: 1 })).rejects.toMatchObject({
        code: status.FAILED_PRECONDITION,
      });
      await expect(call('search', 'retryJob', { jobId: job.id, ownerId: 1 })).rejects.toMatchObject({
        code: status.FAILED_PRECONDITION,
      });
    });

    it('lists an owner’s jobs newest first without results, and aggregates stats', async () => {
      const page = await call<{ jobs: Job[]; total: number; page: number; perPage: number }>('search', 'listJobs', {
        ownerId: 1,
        statuses: [JobStatus.JOB_STATUS_COMPLETED],
        queryContains: 'RUN',
        perPage: 1,
      });
      expect(page.total).toBeGreaterThanOrEqual(2);
      expect(page.jobs).toHaveLength(1);
      expect(page.jobs[0].results).toEqual([]);
      expect(page).toMatchObject({ page: 1, perPage: 1 });

      const stats = await call<{
        totalJobs: number;
        topQueries: Array<{ query: string; count: number }>;
        p95DurationMs: number;
      }>('search', 'getJobStats', { ownerId: 1 });
      expect(stats.topQueries[0]).toMatchObject({ query: 'running', count: 2 });
      expect(stats.totalJobs).toBeGreaterThanOrEqual(4);
      expect(stats.p95DurationMs).toBeGreaterThanOrEqual(0);
    });
  });
});
