import { status } from '@grpc/grpc-js';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { createClients, SearchServiceClients, tokenMetadata, unary } from './support/grpc-clients';
import { RunningSearchService, startSearchService } from './support/search-service-process';

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

  it('stops gracefully on SIGTERM', async () => {
    await service.stop();
    expect(service.output()).toContain('Shutting down on SIGTERM');
  });
});
