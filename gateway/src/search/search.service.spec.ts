import { BadRequestException, NotFoundException } from '@nestjs/common';
import { JobStatus, SearchJob } from '@proto/gen/ts/videosearch/search/v1/search';
import { AlgorithmCatalog } from './algorithm-catalog.service';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { JobWaiter } from './job-waiter.service';
import { SearchConfig } from './search.config';
import { SearchService } from './search.service';

const JOB_ID = '0b6b1f4e-54f5-4a52-8a3b-1f7b0d1e9c2a';

function job(status: JobStatus, overrides: Partial<SearchJob> = {}): SearchJob {
  return {
    id: JOB_ID,
    ownerId: 7,
    query: 'pasta',
    algorithm: 'auto',
    filters: { videoIds: [], tags: [] },
    status,
    resultCount: 0,
    results: [],
    error: '',
    createdAt: '2026-11-26T10:00:00.000Z',
    startedAt: '',
    completedAt: '',
    durationMs: 0,
    attempts: 0,
    limit: 20,
    ...overrides,
  };
}

describe(SearchService.name, () => {
  let sut: SearchService;
  let client: jest.Mocked<Pick<SearchGrpcClient, 'submitSearch' | 'getJob' | 'listAlgorithms'>>;
  let waiter: jest.Mocked<Pick<JobWaiter, 'waitForFinish'>>;

  beforeEach(() => {
    client = {
      submitSearch: jest.fn().mockResolvedValue(job(JobStatus.JOB_STATUS_QUEUED)),
      getJob: jest.fn(),
      listAlgorithms: jest.fn().mockResolvedValue({
        algorithms: [
          { name: 'auto', description: 'default', isDefault: true },
          { name: 'fuzzy', description: 'typos', isDefault: false },
        ],
      }),
    };
    waiter = { waitForFinish: jest.fn() };
    sut = new SearchService(
      client as unknown as SearchGrpcClient,
      waiter as unknown as JobWaiter,
      new AlgorithmCatalog(client as unknown as SearchGrpcClient),
      { waitMs: 2000 } as SearchConfig,
    );
  });

  describe('search', () => {
    it('answers with the whole job when it completes within the wait', async () => {
      waiter.waitForFinish.mockResolvedValue(JobStatus.JOB_STATUS_COMPLETED);
      client.getJob.mockResolvedValue(
        job(JobStatus.JOB_STATUS_COMPLETED, {
          resultCount: 1,
          results: [
            {
              videoId: 3,
              title: 'Pasta',
              relevanceScore: 1,
              matchedText: '<mark>Pasta</mark>',
              matchedFields: ['title'],
            },
          ],
        }),
      );
      const outcome = await sut.search(7, { query: 'pasta' }, undefined);
      expect(outcome).toMatchObject({
        finished: true,
        preferenceApplied: null,
        job: { status: 'completed', result_count: 1 },
      });
      expect(client.submitSearch).toHaveBeenCalledWith(expect.objectContaining({ ownerId: 7, query: 'pasta' }));
      expect(waiter.waitForFinish).toHaveBeenCalledWith(JOB_ID, 7, 2000);
      expect(client.getJob).toHaveBeenCalledWith({ jobId: JOB_ID, ownerId: 7, omitResults: false });
    });

    it('answers with the id and status when the job is still running after the wait', async () => {
      waiter.waitForFinish.mockResolvedValue(null);
      await expect(sut.search(7, { query: 'pasta' }, undefined)).resolves.toEqual({
        finished: false,
        accepted: { job_id: JOB_ID, status: 'queued' },
        preferenceApplied: null,
      });
      expect(client.getJob).not.toHaveBeenCalled();
    });

    it('honours Prefer: wait and says so', async () => {
      waiter.waitForFinish.mockResolvedValue(null);
      const outcome = await sut.search(7, { query: 'pasta' }, 'wait=10');
      expect(waiter.waitForFinish).toHaveBeenCalledWith(JOB_ID, 7, 10_000);
      expect(outcome.preferenceApplied).toBe('wait=10');
    });

    it('returns a job that failed within the wait whole, with its error', async () => {
      waiter.waitForFinish.mockResolvedValue(JobStatus.JOB_STATUS_FAILED);
      client.getJob.mockResolvedValue(job(JobStatus.JOB_STATUS_FAILED, { error: 'index unavailable' }));
      await expect(sut.search(7, { query: 'pasta' }, undefined)).resolves.toMatchObject({
        finished: true,
        job: { status: 'failed', error: 'index unavailable' },
      });
    });

    it('still hands out the job id when the finished job cannot be read back', async () => {
      waiter.waitForFinish.mockResolvedValue(JobStatus.JOB_STATUS_COMPLETED);
      client.getJob.mockRejectedValue(new Error('Search service unavailable'));
      await expect(sut.search(7, { query: 'pasta' }, undefined)).resolves.toMatchObject({
        finished: false,
        accepted: { job_id: JOB_ID, status: 'completed' },
      });
    });

    it('refuses an unknown algorithm, listing the valid ones, without submitting', async () => {
      await expect(sut.search(7, { query: 'pasta', algorithm: 'magic' }, undefined)).rejects.toThrow(
        new BadRequestException('Unknown algorithm "magic"; valid algorithms: auto, fuzzy'),
      );
      expect(client.submitSearch).not.toHaveBeenCalled();
    });

    it('leaves the algorithm to the service when the list cannot be fetched', async () => {
      client.listAlgorithms.mockRejectedValue(new Error('down'));
      waiter.waitForFinish.mockResolvedValue(null);
      await sut.search(7, { query: 'pasta', algorithm: 'fuzzy' }, undefined);
      expect(client.submitSearch).toHaveBeenCalledWith(expect.objectContaining({ algorithm: 'fuzzy' }));
    });
  });

  describe('listJobs', () => {
    it('refuses a date range that ends before it starts', async () => {
      await expect(sut.listJobs(7, { start_date: '2026-11-20', end_date: '2026-11-10' })).rejects.toThrow(
        new BadRequestException('start_date must not be after end_date'),
      );
    });

    it('accepts a single day', async () => {
      const listJobs = jest.fn().mockResolvedValue({ jobs: [], total: 0, page: 1, perPage: 20 });
      Object.assign(client, { listJobs });
      await expect(sut.listJobs(7, { start_date: '2026-11-20', end_date: '2026-11-20' })).resolves.toMatchObject({
        jobs: [],
        pagination: { total: 0, pages: 0 },
      });
      expect(listJobs).toHaveBeenCalledWith(expect.objectContaining({ ownerId: 7 }));
    });
  });

  describe('getJob', () => {
    it("passes the service's not-found through", async () => {
      client.getJob.mockRejectedValue(new NotFoundException('Search job not found'));
      await expect(sut.getJob(7, JOB_ID)).rejects.toThrow('Search job not found');
      expect(client.getJob).toHaveBeenCalledWith({ jobId: JOB_ID, ownerId: 7, omitResults: false });
    });
  });
});
