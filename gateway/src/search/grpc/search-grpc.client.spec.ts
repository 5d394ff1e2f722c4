import { Metadata, status as Status } from '@grpc/grpc-js';
import { NotFoundException } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { NEVER, Observable, of, throwError } from 'rxjs';
import { SearchResiliencePolicy } from '../resilience/search-resilience.policy';
import { SearchUnavailableException } from '../search-unavailable.exception';
import { SearchConfig } from '../search.config';
import { SearchGrpcClient } from './search-grpc.client';

type Call = (request: unknown, metadata: Metadata, options: { deadline?: Date }) => Observable<unknown>;

const config = { serviceToken: 'secret-token', timeoutMs: 100 } as SearchConfig;

const mockCall = (reply: () => Observable<unknown>) => jest.fn<ReturnType<Call>, Parameters<Call>>(reply);

function grpcError(code: Status) {
  return Object.assign(new Error(Status[code]), { code, details: Status[code] });
}

describe(SearchGrpcClient.name, () => {
  let sut: SearchGrpcClient;
  let services: Record<string, Record<string, jest.Mock<ReturnType<Call>, Parameters<Call>>>>;
  let unsubscribed: boolean;

  beforeEach(() => {
    unsubscribed = false;
    services = {
      SearchService: {
        getJob: mockCall(() => of({ id: 'j', status: JobStatus.JOB_STATUS_COMPLETED })),
        search: mockCall(() => of({ job: { id: 'j', status: JobStatus.JOB_STATUS_COMPLETED } })),
        watchJobs: mockCall(() => NEVER),
      },
      IndexService: { upsertVideos: mockCall(() => of({ applied: 1, skipped: 0 })) },
      Health: { check: mockCall(() => of({ status: 1 })) },
    };
    const client = { getService: (name: string) => services[name] } as unknown as ClientGrpc;
    const policy = new SearchResiliencePolicy({
      timeoutMs: config.timeoutMs,
      retryAttempts: 1,
      breakerThreshold: 5,
      breakerHalfOpenMs: 1000,
      bulkheadLimit: 10,
      bulkheadQueue: 10,
    });
    sut = new SearchGrpcClient(client, config, policy);
    sut.onModuleInit();
  });

  it('sends the service token and a deadline with every call', async () => {
    const before = Date.now();
    await sut.getJob({ jobId: 'j', ownerId: 1, omitResults: true });
    const [request, metadata, options] = services.SearchService.getJob.mock.calls[0];
    expect(request).toEqual({ jobId: 'j', ownerId: 1, omitResults: true });
    expect(metadata.get('x-service-token')).toEqual(['secret-token']);
    expect(options.deadline?.getTime()).toBeGreaterThanOrEqual(before + config.timeoutMs);
    expect(options.deadline?.getTime()).toBeLessThanOrEqual(Date.now() + config.timeoutMs);
  });

  it('retries a read once the service was briefly unavailable', async () => {
    services.SearchService.getJob
      .mockReturnValueOnce(throwError(() => grpcError(Status.UNAVAILABLE)))
      .mockReturnValueOnce(of({ id: 'j', status: JobStatus.JOB_STATUS_COMPLETED }));
    await expect(sut.getJob({ jobId: 'j', ownerId: 1, omitResults: false })).resolves.toMatchObject({ id: 'j' });
    expect(services.SearchService.getJob).toHaveBeenCalledTimes(2);
  });

  const searchRequest = (waitMs: number) => ({
    search: {
      ownerId: 1,
      query: 'q',
      algorithm: '',
      filters: undefined,
      limit: 0,
      offset: 0,
      facets: [],
      sort: [],
      highlightPreTag: '',
      highlightPostTag: '',
      cropLength: 0,
      explain: false,
    },
    waitMs,
  });

  it('never retries a search', async () => {
    services.SearchService.search.mockReturnValue(throwError(() => grpcError(Status.UNAVAILABLE)));
    await expect(sut.search(searchRequest(0))).rejects.toBeInstanceOf(SearchUnavailableException);
    expect(services.SearchService.search).toHaveBeenCalledTimes(1);
  });

  it("gives a search a deadline that also covers the service's wait", async () => {
    const before = Date.now();
    await sut.search(searchRequest(2000));
    const [, , options] = services.SearchService.search.mock.calls[0];
    expect(options.deadline?.getTime()).toBeGreaterThanOrEqual(before + config.timeoutMs + 2000);
    expect(options.deadline?.getTime()).toBeLessThanOrEqual(Date.now() + config.timeoutMs + 2000);
  });

  it("answers an unknown job with the REST contract's message", async () => {
    services.SearchService.getJob.mockReturnValue(throwError(() => grpcError(Status.NOT_FOUND)));
    await expect(sut.getJob({ jobId: 'j', ownerId: 2, omitResults: false })).rejects.toEqual(
      new NotFoundException('Search job not found'),
    );
  });

  it('cancels a call that outlives its deadline and answers 503', async () => {
    services.IndexService.upsertVideos.mockReturnValue(
      new Observable(() => () => {
        unsubscribed = true;
      }),
    );
    const started = Date.now();
    await expect(sut.upsertVideos({ videos: [] })).rejects.toBeInstanceOf(SearchUnavailableException);
    expect(Date.now() - started).toBeLessThan(config.timeoutMs + 100);
    expect(unsubscribed).toBe(true);
  });

  it('retries a read whose attempt timed out, then answers 503', async () => {
    services.SearchService.getJob.mockReturnValue(NEVER);
    await expect(sut.getJob({ jobId: 'j', ownerId: 1, omitResults: false })).rejects.toBeInstanceOf(
      SearchUnavailableException,
    );
    expect(services.SearchService.getJob).toHaveBeenCalledTimes(2);
  });

  it('reads the standard health check', async () => {
    await expect(sut.isServing()).resolves.toBe(true);
    services.Health.check.mockReturnValue(of({ status: 2 }));
    await expect(sut.isServing()).resolves.toBe(false);
    expect(services.Health.check.mock.calls[0][0]).toEqual({ service: '' });
  });

  it('opens the job event stream with the token and no deadline', () => {
    sut.watchJobs({ ownerId: 0, includeCurrent: true, since: '' }).subscribe();
    const [, metadata, options] = services.SearchService.watchJobs.mock.calls[0];
    expect(metadata.get('x-service-token')).toEqual(['secret-token']);
    expect(options.deadline).toBeUndefined();
  });
});
