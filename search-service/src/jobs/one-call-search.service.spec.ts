import { JobStatus, type SearchRequest } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchExceptionCode } from '@search/common/search.exception';
import type { JobsConfig } from '@search/config/jobs.config';
import type { EngineHit, EngineSearchResult, EngineSettings, SearchEngine } from '@search/engine/search-engine';
import type { SearchSettingsCache } from '@search/settings/search-settings.cache';
import { jobIdTime } from './job-id';
import type { JobOutcomeWaiter } from './job-outcome.waiter';
import type { JobRecorder } from './job-recorder';
import type { JobsRepository } from './jobs.repository';
import type { JobsService } from './jobs.service';
import { OneCallSearchService } from './one-call-search.service';
import type { SearchJobEntity } from './search-job.entity';

const HIT: EngineHit = {
  videoId: 3,
  title: 'Cats at play',
  score: 0.9,
  matchedText: '<mark>Cats</mark> at play',
  matchedFields: ['title'],
  highlights: { title: '<mark>Cats</mark> at play', description: '', tags: [] },
};

const ANSWER: EngineSearchResult = { hits: [HIT], totalHits: 7, facetDistribution: { duration: { '0-60': 7 } } };

function request(waitMs: number, overrides: Partial<NonNullable<SearchRequest['search']>> = {}): SearchRequest {
  return {
    search: {
      ownerId: 1,
      query: ' cats ',
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
      ...overrides,
    },
    waitMs,
  };
}

function queued(): SearchJobEntity {
  return {
    id: 'queued-1',
    ownerId: 1,
    query: 'cats',
    algorithm: 'auto',
    filters: { videoIds: [], tags: [] },
    limit: 20,
    queryKey: 'cats',
    offset: 0,
    facets: [],
    sort: [],
    highlight: null,
    status: 'queued',
    resultCount: 0,
    estimatedTotalHits: 0,
    facetDistribution: null,
    results: null,
    error: null,
    attempts: 0,
    createdAt: '2026-11-26T10:00:00.000Z',
    startedAt: null,
    completedAt: null,
    updatedAt: '2026-11-26T10:00:00.000Z',
    durationMs: null,
    explain: false,
    claimedBy: null,
    claimedAt: null,
  };
}

describe('OneCallSearchService', () => {
  let config: JobsConfig;
  let engine: { search: jest.Mock<EngineSearchResult>; algorithms: () => ReturnType<SearchEngine['algorithms']> };
  let settings: { forOwner: jest.Mock<EngineSettings | undefined, [number]> };
  let recorder: { record: jest.Mock<void, [SearchJobEntity]>; hasRoom: boolean };
  let jobs: { enqueue: jest.Mock };
  let repository: { findById: jest.Mock };
  let waiter: { waitForFinish: jest.Mock };
  let sut: OneCallSearchService;

  beforeEach(() => {
    config = { workerConcurrency: 4 } as JobsConfig;
    engine = {
      search: jest.fn().mockReturnValue(ANSWER),
      algorithms: () => [{ name: 'auto', description: 'default', isDefault: true }],
    };
    recorder = { record: jest.fn(), hasRoom: true };
    jobs = { enqueue: jest.fn().mockResolvedValue(queued()) };
    repository = { findById: jest.fn() };
    waiter = { waitForFinish: jest.fn().mockResolvedValue(undefined) };
    settings = { forOwner: jest.fn().mockReturnValue(undefined) };
    sut = new OneCallSearchService(
      config,
      engine as unknown as SearchEngine,
      recorder as unknown as JobRecorder,
      jobs as unknown as JobsService,
      repository as unknown as JobsRepository,
      waiter as unknown as JobOutcomeWaiter,
      settings as unknown as SearchSettingsCache,
    );
  });

  describe('when the caller waits', () => {
    it('answers with the completed job and its results without touching the database', async () => {
      const reply = await sut.search(request(2000));
      expect(reply.job).toMatchObject({
        ownerId: 1,
        query: 'cats',
        algorithm: 'auto',
        status: JobStatus.JOB_STATUS_COMPLETED,
        resultCount: 1,
        attempts: 1,
        results: [{ videoId: 3, title: 'Cats at play', relevanceScore: 0.9, matchedFields: ['title'] }],
      });
      expect(engine.search).toHaveBeenCalledWith(expect.objectContaining({ ownerId: 1, text: 'cats', limit: 20 }));
      expect(jobs.enqueue).not.toHaveBeenCalled();
      expect(repository.findById).not.toHaveBeenCalled();
    });

    it("answers with the total, the facet counts and the highlights, having searched with the owner's settings", async () => {
      const ownerSettings = { synonyms: { car: ['auto'] } } as unknown as EngineSettings;
      settings.forOwner.mockReturnValue(ownerSettings);
      const reply = await sut.search(request(2000, { facets: ['duration'], sort: ['duration:desc'], offset: 5 }));
      expect(settings.forOwner).toHaveBeenCalledWith(1);
      expect(engine.search).toHaveBeenCalledWith(
        expect.objectContaining({
          settings: ownerSettings,
          facets: ['duration'],
          sort: [{ field: 'duration', direction: 'desc' }],
          offset: 5,
        }),
      );
      expect(reply.job).toMatchObject({
        estimatedTotalHits: 7,
        offset: 5,
        facets: ['duration'],
        sort: ['duration:desc'],
        facetDistribution: { duration: { counts: { '0-60': 7 } } },
        results: [{ highlights: HIT.highlights }],
      });
    });

    it('hands the finished job to the recorder under the id it answered with', async () => {
      const reply = await sut.search(request(2000));
      expect(recorder.record).toHaveBeenCalledTimes(1);
      const recorded = recorder.record.mock.calls[0][0];
      expect(recorded).toMatchObject({ id: reply.job?.id, status: 'completed', resultCount: 1, claimedBy: null });
      expect(jobIdTime(recorded.id)).toBe(Date.parse(recorded.createdAt));
      expect(recorded.completedAt! >= recorded.startedAt!).toBe(true);
      expect(recorded.durationMs).toBeGreaterThanOrEqual(0);
    });

    it('answers and records a failed job when the engine throws, so it can be retried', async () => {
      engine.search.mockImplementation(() => {
        throw new Error('index unavailable');
      });
      const reply = await sut.search(request(2000));
      expect(reply.job).toMatchObject({ status: JobStatus.JOB_STATUS_FAILED, error: 'index unavailable' });
      expect(recorder.record).toHaveBeenCalledWith(expect.objectContaining({ status: 'failed', results: null }));
    });
  });

  describe('falls back to the durable queued path', () => {
    it.each([
      ['the caller does not wait', () => request(0)],
      [
        'this replica runs no workers',
        () => {
          config.workerConcurrency = 0;
          return request(2000);
        },
      ],
      [
        'the recorder has no room (the database falls behind)',
        () => {
          recorder.hasRoom = false;
          return request(2000);
        },
      ],
    ])('when %s', async (_case, make) => {
      const reply = await sut.search(make());
      expect(jobs.enqueue).toHaveBeenCalledWith(expect.objectContaining({ ownerId: 1, query: 'cats' }));
      expect(engine.search).not.toHaveBeenCalled();
      expect(recorder.record).not.toHaveBeenCalled();
      expect(reply.job?.id).toBe('queued-1');
    });

    it('answers a caller that does not wait with the queued job at once', async () => {
      const reply = await sut.search(request(0));
      expect(reply.job).toMatchObject({ status: JobStatus.JOB_STATUS_QUEUED });
      expect(repository.findById).not.toHaveBeenCalled();
    });

    it('waits within the budget for a worker and answers with the job as it then stands', async () => {
      recorder.hasRoom = false;
      repository.findById.mockResolvedValue({
        ...queued(),
        status: 'completed',
        resultCount: 1,
        results: [{ videoId: 3, title: 'Cats', relevanceScore: 1, matchedText: 'Cats', matchedFields: ['title'] }],
      });
      const reply = await sut.search(request(1500));
      expect(waiter.waitForFinish).toHaveBeenCalledWith('queued-1', 1500);
      expect(waiter.waitForFinish.mock.invocationCallOrder[0]).toBeLessThan(
        repository.findById.mock.invocationCallOrder[0],
      );
      expect(reply.job).toMatchObject({ status: JobStatus.JOB_STATUS_COMPLETED, results: [{ videoId: 3 }] });
    });

    it('answers with the still-queued job when no worker finished it within the budget', async () => {
      config.workerConcurrency = 0;
      repository.findById.mockResolvedValue(queued());
      const reply = await sut.search(request(1000));
      expect(reply.job).toMatchObject({ id: 'queued-1', status: JobStatus.JOB_STATUS_QUEUED, results: [] });
    });
  });

  describe('validation', () => {
    it.each([
      ['a missing search', { search: undefined, waitMs: 0 }],
      ['a negative wait', request(-1)],
      ['a wait over 30 s', request(30_001)],
      ['a search without an owner', request(10, { ownerId: 0 })],
      ['an empty query', request(10, { query: '  ' })],
    ])('refuses %s with INVALID_ARGUMENT before searching', (_case, invalid) => {
      expect(() => sut.search(invalid)).toThrow(expect.objectContaining({ code: SearchExceptionCode.InvalidArgument }));
      expect(engine.search).not.toHaveBeenCalled();
      expect(jobs.enqueue).not.toHaveBeenCalled();
    });
  });
});
