import { BadRequestException, NotFoundException } from '@nestjs/common';
import { JobStatus, SearchJob } from '@proto/gen/ts/videosearch/search/v1/search';
import { AlgorithmCatalog } from './algorithm-catalog.service';
import { SearchGrpcClient } from './grpc/search-grpc.client';
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
  let client: jest.Mocked<Pick<SearchGrpcClient, 'search' | 'getJob' | 'listAlgorithms'>>;

  beforeEach(() => {
    client = {
      search: jest.fn().mockResolvedValue({ job: job(JobStatus.JOB_STATUS_QUEUED) }),
      getJob: jest.fn(),
      listAlgorithms: jest.fn().mockResolvedValue({
        algorithms: [
          { name: 'auto', description: 'default', isDefault: true },
          { name: 'fuzzy', description: 'typos', isDefault: false },
        ],
      }),
    };
    sut = new SearchService(
      client as unknown as SearchGrpcClient,
      new AlgorithmCatalog(client as unknown as SearchGrpcClient),
      { waitMs: 2000 } as SearchConfig,
    );
  });

  describe('search', () => {
    it('answers with the whole job from the one Search call when it completed within the wait', async () => {
      client.search.mockResolvedValue({
        job: job(JobStatus.JOB_STATUS_COMPLETED, {
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
      });
      const outcome = await sut.search(7, { query: 'pasta' }, undefined);
      expect(outcome).toMatchObject({
        finished: true,
        preferenceApplied: null,
        job: { status: 'completed', result_count: 1, results: [{ video_id: 3 }] },
      });
      expect(client.search).toHaveBeenCalledTimes(1);
      expect(client.search).toHaveBeenCalledWith({
        search: expect.objectContaining({ ownerId: 7, query: 'pasta' }),
        waitMs: 2000,
      });
      expect(client.getJob).not.toHaveBeenCalled();
      expect(client.listAlgorithms).not.toHaveBeenCalled();
    });

    it('answers with the id and status when the job is still queued or running after the wait', async () => {
      await expect(sut.search(7, { query: 'pasta' }, undefined)).resolves.toEqual({
        finished: false,
        accepted: { job_id: JOB_ID, status: 'queued' },
        preferenceApplied: null,
      });
      client.search.mockResolvedValue({ job: job(JobStatus.JOB_STATUS_PROCESSING) });
      await expect(sut.search(7, { query: 'pasta' }, undefined)).resolves.toMatchObject({
        finished: false,
        accepted: { status: 'processing' },
      });
    });

    it.each([
      ['wait=10', 10_000, 'wait=10'],
      ['wait=0', 0, 'wait=0'],
      ['respond-async', 0, 'respond-async'],
    ])('hands Prefer: %s to the service as its wait budget and says so', async (prefer, waitMs, applied) => {
      const outcome = await sut.search(7, { query: 'pasta' }, prefer);
      expect(client.search).toHaveBeenCalledWith(expect.objectContaining({ waitMs }));
      expect(outcome.preferenceApplied).toBe(applied);
    });

    it('returns a job that failed within the wait whole, with its error', async () => {
      client.search.mockResolvedValue({ job: job(JobStatus.JOB_STATUS_FAILED, { error: 'index unavailable' }) });
      await expect(sut.search(7, { query: 'pasta' }, undefined)).resolves.toMatchObject({
        finished: true,
        job: { status: 'failed', error: 'index unavailable' },
      });
    });

    it('refuses an unknown algorithm, listing the valid ones, without searching', async () => {
      await expect(sut.search(7, { query: 'pasta', algorithm: 'magic' }, undefined)).rejects.toThrow(
        new BadRequestException('Unknown algorithm "magic"; valid algorithms: auto, fuzzy'),
      );
      expect(client.search).not.toHaveBeenCalled();
    });

    it('checks named algorithms against one cached list, not a call per search', async () => {
      await sut.search(7, { query: 'pasta', algorithm: 'fuzzy' }, undefined);
      await sut.search(7, { query: 'pasta', algorithm: 'auto' }, undefined);
      expect(client.listAlgorithms).toHaveBeenCalledTimes(1);
      expect(client.search).toHaveBeenCalledTimes(2);
    });

    it('leaves the algorithm to the service when the list cannot be fetched', async () => {
      client.listAlgorithms.mockRejectedValue(new Error('down'));
      await sut.search(7, { query: 'pasta', algorithm: 'fuzzy' }, undefined);
      expect(client.search).toHaveBeenCalledWith(
        expect.objectContaining({ search: expect.objectContaining({ algorithm: 'fuzzy' }) }),
      );
    });

    it('fails loudly when the service answers without a job', async () => {
      client.search.mockResolvedValue({ job: undefined });
      await expect(sut.search(7, { query: 'pasta' }, undefined)).rejects.toThrow(
        'The search service answered a search without its job',
      );
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
