import { status } from '@grpc/grpc-js';
import { HealthCheckResponse_ServingStatus as ServingStatus } from '@proto/gen/ts/grpc/health/v1/health';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { createClients, SearchServiceClients, tokenMetadata, unary } from './support/grpc-clients';
import { JobEventRecorder } from './support/job-events';
import { removeSearchServiceData, RunningSearchService, startSearchService } from './support/search-service-process';

interface Job {
  id: string;
  status: JobStatus;
  attempts: number;
  resultCount: number;
}

/** Workers off: jobs stay queued, so cancel and retry can be exercised deterministically. */
jest.setTimeout(60000);

describe('cancel and retry (no workers)', () => {
  let service: RunningSearchService;
  let clients: SearchServiceClients;
  let call: <T>(method: string, request: object) => Promise<T>;

  beforeAll(async () => {
    service = await startSearchService({ env: { WORKER_CONCURRENCY: '0' } });
    clients = createClients(service.url);
    call = (method, request) => unary(clients.search, method, request, tokenMetadata(service.token));
  });

  afterAll(async () => {
    clients?.close();
    await service?.stop();
    if (service) {
      await removeSearchServiceData(service.dataDir);
    }
  });

  it('cancels a queued job once, then retries it back to queued; a queued job cannot be retried', async () => {
    const job = await call<Job>('submitSearch', { ownerId: 9, query: 'anything' });
    await expect(call('retryJob', { jobId: job.id, ownerId: 9 })).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
    });
    await expect(call<Job>('cancelJob', { jobId: job.id, ownerId: 9 })).resolves.toMatchObject({
      status: JobStatus.JOB_STATUS_CANCELLED,
    });
    await expect(call('cancelJob', { jobId: job.id, ownerId: 9 })).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
    });
    await expect(call<Job>('retryJob', { jobId: job.id, ownerId: 9 })).resolves.toMatchObject({
      status: JobStatus.JOB_STATUS_QUEUED,
      attempts: 0,
    });
    await expect(call('getJob', { jobId: 'not-a-job', ownerId: 9 })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('takes the durable queued path for Search on a replica without workers, answering after the wait', async () => {
    const started = Date.now();
    const { job } = await call<{ job: Job }>('search', { search: { ownerId: 9, query: 'anything' }, waitMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(job).toMatchObject({ status: JobStatus.JOB_STATUS_QUEUED, attempts: 0 });
    await expect(call<Job>('getJob', { jobId: job.id, ownerId: 9 })).resolves.toMatchObject({
      status: JobStatus.JOB_STATUS_QUEUED,
    });
  });

  it('refuses WatchJobs without the token', async () => {
    const refused = new JobEventRecorder(clients.search, { ownerId: 0 }, undefined);
    await expect(refused.finished()).resolves.toMatchObject({ code: status.UNAUTHENTICATED });
  });

  it('stops gracefully on SIGTERM: health turns NOT_SERVING, open watch streams end, a waiting search answers', async () => {
    const watcher = new JobEventRecorder(clients.search, { ownerId: 0 }, service.token);
    const waiting = unary<{ job: Job }>(
      clients.search,
      'search',
      { search: { ownerId: 9, query: 'anything' }, waitMs: 20000 },
      tokenMetadata(service.token),
      30000,
    );
    const health: number[] = [];
    const healthStream = (clients.health.watch as (request: object) => NodeJS.EventEmitter).call(clients.health, {});
    healthStream.on('data', (reply: { status: number }) => health.push(reply.status));
    healthStream.on('error', () => undefined);
    await new Promise((wait) => setTimeout(wait, 200));
    const started = Date.now();
    await service.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    // Nothing will run the job any more; the caller gets it as it stands instead of waiting out its budget.
    await expect(waiting).resolves.toMatchObject({ job: { status: JobStatus.JOB_STATUS_QUEUED } });
    await expect(watcher.finished()).resolves.toMatchObject({ code: status.OK });
    expect(service.output()).toContain('Shutting down on SIGTERM');
    expect(health).toEqual([ServingStatus.SERVING, ServingStatus.NOT_SERVING]);
  });
});
