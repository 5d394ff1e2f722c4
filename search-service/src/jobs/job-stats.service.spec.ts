import { runMigrations } from '@search/database/migrate';
import { typeOrmOptions } from '@search/database/typeorm-options';
import { DataSource } from 'typeorm';
import type { JobRecorder } from './job-recorder';
import { toQueryKey } from './job-request.validator';
import type { JobState } from './job-state';
import { clickRates, JobStatsService } from './job-stats.service';
import { JobsRepository } from './jobs.repository';
import { SearchClicksRepository } from './search-clicks.repository';
import type { SearchJobEntity } from './search-job.entity';

/** The figures come from grouped SQL, so they are checked on a migrated in-memory SQLite database. */
describe('JobStatsService (SQLite, migrated)', () => {
  let dataSource: DataSource;
  let clicks: SearchClicksRepository;
  let sut: JobStatsService;
  let sequence = 0;

  beforeEach(async () => {
    const options = typeOrmOptions({ kind: 'sqlite', dataDir: '.', sqlitePath: ':memory:' });
    dataSource = new DataSource({ ...options, enableWAL: false } as typeof options);
    await dataSource.initialize();
    await runMigrations(dataSource);
    clicks = new SearchClicksRepository(dataSource);
    const recorder = { drain: jest.fn().mockResolvedValue(undefined) } as unknown as JobRecorder;
    sut = new JobStatsService(new JobsRepository(dataSource), clicks, recorder);
  });

  afterEach(() => dataSource.destroy());

  async function job(
    query: string,
    createdAt: string,
    resultCount: number,
    ownerId = 1,
    status: JobState = 'completed',
  ) {
    sequence += 1;
    const id = `job-${sequence}`;
    const entity: SearchJobEntity = {
      id,
      ownerId,
      query,
      queryKey: toQueryKey(query),
      algorithm: 'auto',
      filters: { videoIds: [], tags: [] },
      limit: 20,
      offset: 0,
      facets: [],
      sort: [],
      highlight: null,
      status,
      resultCount,
      estimatedTotalHits: resultCount,
      facetDistribution: null,
      results: null,
      error: null,
      attempts: 1,
      createdAt,
      startedAt: createdAt,
      completedAt: createdAt,
      updatedAt: createdAt,
      durationMs: 1,
      explain: false,
      claimedBy: null,
      claimedAt: null,
    };
    await new JobsRepository(dataSource).insert(entity);
    return id;
  }

  async function click(jobId: string, position: number, clickedAt: string, ownerId = 1) {
    await clicks.insert({ jobId, ownerId, videoId: 1, position, clickedAt });
  }

  const request = (overrides = {}) => ({ ownerId: 1, createdAfter: '', createdBefore: '', limit: 0, ...overrides });

  it('counts clicks, the share of searches clicked, the mean click position and the share that found nothing', async () => {
    const clickedTwice = await job('pasta', '2026-03-01T10:00:00.000Z', 5);
    const clickedOnce = await job('Pasta', '2026-03-01T11:00:00.000Z', 5);
    await job('pasta', '2026-03-02T09:00:00.000Z', 5);
    await job('zebra', '2026-03-02T10:00:00.000Z', 0);
    await click(clickedTwice, 1, '2026-03-01T10:00:01.000Z');
    await click(clickedTwice, 3, '2026-03-01T10:00:02.000Z');
    await click(clickedOnce, 2, '2026-03-01T11:00:01.000Z');

    const stats = await sut.stats(request());

    expect(stats).toMatchObject({ totalJobs: 4, clicks: 3, clickThroughRate: 0.5, avgClickPosition: 2 });
    expect(stats.noResultRate).toBe(0.25);
    expect(stats.queries).toEqual([
      expect.objectContaining({ query: 'pasta', count: 3, clicks: 3, avgClickPosition: 2, noResultRate: 0 }),
      expect.objectContaining({ query: 'zebra', count: 1, clicks: 0, clickThroughRate: 0, noResultRate: 1 }),
    ]);
    expect(stats.queries[0].clickThroughRate).toBeCloseTo(2 / 3);
    expect(stats.zeroResultQueries).toEqual([expect.objectContaining({ query: 'zebra', count: 1, noResultRate: 1 })]);
    expect(stats.daily).toEqual([
      { date: '2026-03-01', searches: 2, clicks: 3, clickThroughRate: 1, avgClickPosition: 2, noResultRate: 0 },
      { date: '2026-03-02', searches: 2, clicks: 0, clickThroughRate: 0, avgClickPosition: 0, noResultRate: 0.5 },
    ]);
  });

  it("keeps to the owner's jobs and clicks and to the created range", async () => {
    const mine = await job('pasta', '2026-03-01T10:00:00.000Z', 5);
    const theirs = await job('pasta', '2026-03-01T10:00:00.000Z', 5, 2);
    await job('pasta', '2026-02-01T10:00:00.000Z', 5);
    await click(mine, 1, '2026-03-01T10:00:01.000Z');
    await click(theirs, 4, '2026-03-01T10:00:01.000Z', 2);

    const stats = await sut.stats(request({ createdAfter: '2026-03-01' }));

    expect(stats).toMatchObject({ totalJobs: 1, clicks: 1, clickThroughRate: 1, avgClickPosition: 1 });
    expect(stats.daily.map((day) => day.date)).toEqual(['2026-03-01']);
  });

  it('answers zeros, not NaN, for an owner without searches', async () => {
    const stats = await sut.stats(request());
    expect(stats).toMatchObject({ totalJobs: 0, clicks: 0, clickThroughRate: 0, avgClickPosition: 0, noResultRate: 0 });
    expect(stats.queries).toEqual([]);
    expect(stats.daily).toEqual([]);
  });
});

describe('clickRates', () => {
  it('divides by the searches and by the clicks', () => {
    expect(clickRates({ searches: 4, clickedSearches: 1, clicks: 2, positionSum: 7, noResults: 2 })).toEqual({
      clicks: 2,
      clickThroughRate: 0.25,
      avgClickPosition: 3.5,
      noResultRate: 0.5,
    });
  });
});
