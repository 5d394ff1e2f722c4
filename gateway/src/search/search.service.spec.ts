import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { JobStatus, SearchJob } from '@proto/gen/ts/videosearch/search/v1/search';
import { AlgorithmCatalog } from './algorithm-catalog.service';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { SearchConfig } from './search.config';
import { SearchCaller, SearchService } from './search.service';

const JOB_ID = '0b6b1f4e-54f5-4a52-8a3b-1f7b0d1e9c2a';

function job(status: JobStatus, overrides: Partial<SearchJob> = {}): SearchJob {
  return {
    id: JOB_ID,
    ownerId: 7,
    query: 'pasta',
    algorithm: 'auto',
    filters: { videoIds: [], tags: [], tagsAll: [], tagsNot: [], createdAfter: '', createdBefore: '' },
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
    offset: 0,
    estimatedTotalHits: 0,
    facetDistribution: {},
    facets: [],
    sort: [],
    explain: false,
    ...overrides,
  };
}

const owner: SearchCaller = { id: 7, forcedFilters: null };
/** A search token of the same owner that may only see videos tagged `public`. */
const token: SearchCaller = { id: 7, forcedFilters: { tags: ['public'] } };

describe(SearchService.name, () => {
  let sut: SearchService;
  let client: jest.Mocked<
    Pick<SearchGrpcClient, 'search' | 'getJob' | 'listAlgorithms' | 'suggest' | 'recordClick' | 'retryJob'>
  >;

  beforeEach(() => {
    client = {
      search: jest.fn().mockResolvedValue({ job: job(JobStatus.JOB_STATUS_QUEUED) }),
      getJob: jest.fn(),
      suggest: jest.fn(),
      recordClick: jest.fn(),
      retryJob: jest.fn(),
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
              highlights: undefined,
              moments: [],
              explanation: undefined,
            },
          ],
        }),
      });
      const outcome = await sut.search(owner, { query: 'pasta' }, undefined);
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
      await expect(sut.search(owner, { query: 'pasta' }, undefined)).resolves.toEqual({
        finished: false,
        accepted: { job_id: JOB_ID, status: 'queued' },
        preferenceApplied: null,
      });
      client.search.mockResolvedValue({ job: job(JobStatus.JOB_STATUS_PROCESSING) });
      await expect(sut.search(owner, { query: 'pasta' }, undefined)).resolves.toMatchObject({
        finished: false,
        accepted: { status: 'processing' },
      });
    });

    it.each([
      ['wait=10', 10_000, 'wait=10'],
      ['wait=0', 0, 'wait=0'],
      ['respond-async', 0, 'respond-async'],
    ])('hands Prefer: %s to the service as its wait budget and says so', async (prefer, waitMs, applied) => {
      const outcome = await sut.search(owner, { query: 'pasta' }, prefer);
      expect(client.search).toHaveBeenCalledWith(expect.objectContaining({ waitMs }));
      expect(outcome.preferenceApplied).toBe(applied);
    });

    it('returns a job that failed within the wait whole, with its error', async () => {
      client.search.mockResolvedValue({ job: job(JobStatus.JOB_STATUS_FAILED, { error: 'index unavailable' }) });
      await expect(sut.search(owner, { query: 'pasta' }, undefined)).resolves.toMatchObject({
        finished: true,
        job: { status: 'failed', error: 'index unavailable' },
      });
    });

    it('refuses an unknown algorithm, listing the valid ones, without searching', async () => {
      await expect(sut.search(owner, { query: 'pasta', algorithm: 'magic' }, undefined)).rejects.toThrow(
        new BadRequestException('Unknown algorithm "magic"; valid algorithms: auto, fuzzy'),
      );
      expect(client.search).not.toHaveBeenCalled();
    });

    it('checks named algorithms against one cached list, not a call per search', async () => {
      await sut.search(owner, { query: 'pasta', algorithm: 'fuzzy' }, undefined);
      await sut.search(owner, { query: 'pasta', algorithm: 'auto' }, undefined);
      expect(client.listAlgorithms).toHaveBeenCalledTimes(1);
      expect(client.search).toHaveBeenCalledTimes(2);
    });

    it('leaves the algorithm to the service when the list cannot be fetched', async () => {
      client.listAlgorithms.mockRejectedValue(new Error('down'));
      await sut.search(owner, { query: 'pasta', algorithm: 'fuzzy' }, undefined);
      expect(client.search).toHaveBeenCalledWith(
        expect.objectContaining({ search: expect.objectContaining({ algorithm: 'fuzzy' }) }),
      );
    });

    it('fails loudly when the service answers without a job', async () => {
      client.search.mockResolvedValue({ job: undefined });
      await expect(sut.search(owner, { query: 'pasta' }, undefined)).rejects.toThrow(
        'The search service answered a search without its job',
      );
    });
  });

  describe('listJobs', () => {
    it('refuses a date range that ends before it starts', async () => {
      await expect(sut.listJobs(owner, { start_date: '2026-11-20', end_date: '2026-11-10' })).rejects.toThrow(
        new BadRequestException('start_date must not be after end_date'),
      );
    });

    it('accepts a single day', async () => {
      const listJobs = jest.fn().mockResolvedValue({ jobs: [], total: 0, page: 1, perPage: 20 });
      Object.assign(client, { listJobs });
      await expect(sut.listJobs(owner, { start_date: '2026-11-20', end_date: '2026-11-20' })).resolves.toMatchObject({
        jobs: [],
        pagination: { total: 0, pages: 0 },
      });
      expect(listJobs).toHaveBeenCalledWith(expect.objectContaining({ ownerId: 7 }));
    });

    it("refuses a search token with filters, whose owner's other searches may reach outside them", async () => {
      await expect(sut.listJobs(token, {})).rejects.toThrow(
        new ForbiddenException('Listing search jobs is not available to a search token with filters'),
      );
    });
  });

  describe('getJob', () => {
    it("passes the service's not-found through", async () => {
      client.getJob.mockRejectedValue(new NotFoundException('Search job not found'));
      await expect(sut.getJob(owner, JOB_ID)).rejects.toThrow('Search job not found');
      expect(client.getJob).toHaveBeenCalledWith({ jobId: JOB_ID, ownerId: 7, omitResults: false });
    });
  });

  describe('search tokens', () => {
    it("ANDs the token's filters onto the request's own", async () => {
      await sut.search(token, { query: 'pasta', filters: { tags: ['private'] } }, undefined);
      expect(client.search).toHaveBeenCalledWith(
        expect.objectContaining({
          search: expect.objectContaining({
            filters: expect.objectContaining({ tags: ['public'], tagsAll: ['private'] }),
          }),
        }),
      );
    });

    it('hides a job whose filters reach outside the token as not found', async () => {
      client.getJob.mockResolvedValue(job(JobStatus.JOB_STATUS_COMPLETED));
      await expect(sut.getJob(token, JOB_ID)).rejects.toThrow(new NotFoundException('Search job not found'));
      await expect(sut.getJob(owner, JOB_ID)).resolves.toMatchObject({ job_id: JOB_ID });
    });

    it('retries only a job within the token', async () => {
      client.getJob.mockResolvedValue(job(JobStatus.JOB_STATUS_FAILED));
      await expect(sut.retryJob(token, JOB_ID)).rejects.toThrow(NotFoundException);
      expect(client.retryJob).not.toHaveBeenCalled();
    });
  });

  describe('instant', () => {
    it('runs the query parameters as one search with the configured wait and answers the job as it stands', async () => {
      client.search.mockResolvedValue({ job: job(JobStatus.JOB_STATUS_COMPLETED, { estimatedTotalHits: 9 }) });
      await expect(sut.instant(owner, { q: 'pas', tags: ['food'], offset: 5 })).resolves.toMatchObject({
        status: 'completed',
        estimated_total_hits: 9,
      });
      expect(client.search).toHaveBeenCalledWith({
        search: expect.objectContaining({
          query: 'pas',
          offset: 5,
          filters: expect.objectContaining({ tags: ['food'] }),
        }),
        waitMs: 2000,
      });
    });
  });

  describe('multiSearch', () => {
    it('answers every query in the order asked', async () => {
      client.search.mockImplementation(({ search }) =>
        Promise.resolve({ job: job(JobStatus.JOB_STATUS_COMPLETED, { query: search?.query ?? '' }) }),
      );
      const { results } = await sut.multiSearch(owner, [{ query: 'one' }, { query: 'two' }]);
      expect(results.map((result) => result.query)).toEqual(['one', 'two']);
    });

    it('names the bad entry and runs none of them', async () => {
      const refusal = await sut
        .multiSearch(owner, [{ query: 'ok' }, { query: 'x', limit: 500 }])
        .catch((error: BadRequestException) => error.getResponse());
      expect(refusal).toEqual({
        error: 'queries[1].limit must be an integer from 1 to 100',
        details: ['queries[1].limit must be an integer from 1 to 100'],
      });
      await expect(sut.multiSearch(owner, [{ query: 'ok', algorithm: 'magic' }])).rejects.toThrow(
        new BadRequestException('queries[0]: Unknown algorithm "magic"; valid algorithms: auto, fuzzy'),
      );
      await expect(sut.multiSearch(owner, ['pasta'])).rejects.toThrow(
        new BadRequestException('queries[0] must be a search object'),
      );
      expect(client.search).not.toHaveBeenCalled();
    });
  });

  describe('suggest', () => {
    it("lists the service's completions once each, best first", async () => {
      client.suggest.mockResolvedValue({
        suggestions: [
          { text: 'carbonara', source: 'query', count: 3 },
          { text: 'carbonara', source: 'vocabulary', count: 2 },
          { text: 'carb', source: 'vocabulary', count: 1 },
        ],
      });
      await expect(sut.suggest(owner, { q: 'car' })).resolves.toEqual({ suggestions: ['carbonara', 'carb'] });
      expect(client.suggest).toHaveBeenCalledWith({ ownerId: 7, prefix: 'car', limit: 10 });
    });

    it('refuses a token with filters, whose words could come from outside them', async () => {
      await expect(sut.suggest(token, { q: 'car' })).rejects.toThrow(ForbiddenException);
      expect(client.suggest).not.toHaveBeenCalled();
    });

    it('serves a token without filters, which sees the whole library anyway', async () => {
      client.suggest.mockResolvedValue({ suggestions: [] });
      await expect(sut.suggest({ id: 7, forcedFilters: {} }, { q: 'car', limit: 3 })).resolves.toEqual({
        suggestions: [],
      });
    });
  });

  describe('recordClick', () => {
    it("records the click on the owner's job", async () => {
      client.recordClick.mockResolvedValue({
        jobId: JOB_ID,
        videoId: 3,
        position: 2,
        clickedAt: '2026-11-26T10:00:01Z',
      });
      await expect(sut.recordClick(owner, JOB_ID, { video_id: 3, position: 2 })).resolves.toEqual({
        job_id: JOB_ID,
        video_id: 3,
        position: 2,
        clicked_at: '2026-11-26T10:00:01Z',
      });
      expect(client.recordClick).toHaveBeenCalledWith({ jobId: JOB_ID, ownerId: 7, videoId: 3, position: 2 });
    });
  });
});
