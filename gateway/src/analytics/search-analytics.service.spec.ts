import { JobStats } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchGrpcClient } from '../search/grpc/search-grpc.client';
import { SearchAnalyticsService } from './search-analytics.service';

function stats(overrides: Partial<JobStats> = {}): JobStats {
  return {
    totalJobs: 4,
    byStatus: [],
    topQueries: [],
    zeroResultQueries: [],
    avgDurationMs: 0,
    p50DurationMs: 0,
    p90DurationMs: 0,
    p95DurationMs: 0,
    p99DurationMs: 0,
    clicks: 0,
    clickThroughRate: 0,
    avgClickPosition: 0,
    noResultRate: 0,
    queries: [],
    daily: [],
    ...overrides,
  };
}

describe(SearchAnalyticsService.name, () => {
  let sut: SearchAnalyticsService;
  let getJobStats: jest.Mock;

  beforeEach(() => {
    getJobStats = jest.fn();
    sut = new SearchAnalyticsService({ getJobStats } as unknown as SearchGrpcClient);
  });

  it('adds click-through, click position and no-result figures, overall and per query', async () => {
    getJobStats.mockResolvedValue(
      stats({
        clicks: 3,
        clickThroughRate: 2 / 3,
        avgClickPosition: 5 / 3,
        noResultRate: 0.25,
        queries: [
          {
            query: 'pasta',
            count: 3,
            avgResultCount: 2,
            lastSearchedAt: '2026-11-26T10:00:00.000Z',
            clicks: 3,
            clickThroughRate: 2 / 3,
            avgClickPosition: 5 / 3,
            noResultRate: 0,
          },
          {
            query: 'zzz',
            count: 1,
            avgResultCount: 0,
            lastSearchedAt: '',
            clicks: 0,
            clickThroughRate: 0,
            avgClickPosition: 0,
            noResultRate: 1,
          },
        ],
      }),
    );

    const answer = await sut.stats(7, { start_date: '2026-11-25', end_date: '2026-11-26' });

    expect(answer).toMatchObject({
      clicks: 3,
      click_through_rate: 0.6667,
      average_click_position: 1.67,
      no_result_rate: 0.25,
      queries: [
        {
          query: 'pasta',
          count: 3,
          clicks: 3,
          click_through_rate: 0.6667,
          average_click_position: 1.67,
          no_result_rate: 0,
        },
        { query: 'zzz', count: 1, clicks: 0, click_through_rate: 0, average_click_position: null, no_result_rate: 1 },
      ],
    });
  });

  it('lists every day of the range, days without searches as zeros', async () => {
    getJobStats.mockResolvedValue(
      stats({
        daily: [
          { date: '2026-11-26', searches: 2, clicks: 1, clickThroughRate: 0.5, avgClickPosition: 2, noResultRate: 0 },
        ],
      }),
    );

    const { daily } = await sut.stats(7, { start_date: '2026-11-25', end_date: '2026-11-26' });

    expect(daily).toEqual([
      {
        date: '2026-11-25',
        searches: 0,
        clicks: 0,
        click_through_rate: 0,
        average_click_position: null,
        no_result_rate: 0,
      },
      {
        date: '2026-11-26',
        searches: 2,
        clicks: 1,
        click_through_rate: 0.5,
        average_click_position: 2,
        no_result_rate: 0,
      },
    ]);
  });
});
