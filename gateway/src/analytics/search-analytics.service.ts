import { Injectable } from '@nestjs/common';
import { DailySearchStats, JobStatus, QueryCount } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchGrpcClient } from '../search/grpc/search-grpc.client';
import { jobStatusToRest } from '../search/search.mapper';
import { DateRange, daysIn, parseDateRange } from './date-range';
import {
  AnalyticsQueryDto,
  JobsByStatusDto,
  QueryCountDto,
  SearchAnalyticsDto,
  SearchClickStatsDto,
  SearchDayStatsDto,
  SearchQueryStatsDto,
} from './dto/analytics.dto';
import { roundMs } from './rollups/latency-histogram';

const TOP_QUERIES = 10;

/** Search analytics come from the search service, which owns the jobs (GetJobStats). */
@Injectable()
export class SearchAnalyticsService {
  constructor(private readonly search: SearchGrpcClient) {}

  async stats(userId: number, query: AnalyticsQueryDto): Promise<SearchAnalyticsDto> {
    const range = parseDateRange(query.start_date, query.end_date, new Date());
    const stats = await this.search.getJobStats({
      ownerId: userId,
      ...createdBounds(range),
      limit: TOP_QUERIES,
    });
    const byStatus: JobsByStatusDto = { queued: 0, processing: 0, completed: 0, failed: 0, cancelled: 0 };
    for (const { status, count } of stats.byStatus) {
      if (status !== JobStatus.JOB_STATUS_UNSPECIFIED) {
        byStatus[jobStatusToRest(status)] += count;
      }
    }
    const hasLatency = byStatus.completed > 0;
    return {
      period: { start_date: range.startLabel, end_date: range.endLabel },
      total_jobs: stats.totalJobs,
      by_status: byStatus,
      top_queries: stats.topQueries.map(toQueryCount),
      zero_result_queries: stats.zeroResultQueries.map(toQueryCount),
      latency_ms: {
        avg: hasLatency ? roundMs(stats.avgDurationMs) : null,
        p50: hasLatency ? roundMs(stats.p50DurationMs) : null,
        p90: hasLatency ? roundMs(stats.p90DurationMs) : null,
        p95: hasLatency ? roundMs(stats.p95DurationMs) : null,
        p99: hasLatency ? roundMs(stats.p99DurationMs) : null,
      },
      ...toClickStats(stats),
      queries: stats.queries.map(toQueryStats),
      daily: everyDay(range, stats.daily),
    };
  }
}

interface ClickFigures {
  clicks: number;
  clickThroughRate: number;
  avgClickPosition: number;
  noResultRate: number;
}

/** The service sends 0 for the position of searches without clicks; the REST answer says null. */
function toClickStats(figures: ClickFigures): SearchClickStatsDto {
  return {
    clicks: figures.clicks,
    click_through_rate: roundRate(figures.clickThroughRate),
    average_click_position: figures.clicks > 0 ? Math.round(figures.avgClickPosition * 100) / 100 : null,
    no_result_rate: roundRate(figures.noResultRate),
  };
}

function toQueryStats(count: QueryCount): SearchQueryStatsDto {
  return { query: count.query, count: count.count, ...toClickStats(count) };
}

/** One row per UTC day of the range, days without searches as zeros, so charts need not fill gaps. */
function everyDay(range: DateRange, daily: DailySearchStats[]): SearchDayStatsDto[] {
  const byDate = new Map(daily.map((day) => [day.date, day]));
  return daysIn(range).map((date) => {
    const day = byDate.get(date);
    return day
      ? { date, searches: day.searches, ...toClickStats(day) }
      : { date, searches: 0, clicks: 0, click_through_rate: 0, average_click_position: null, no_result_rate: 0 };
  });
}

function roundRate(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}

/** The search service bounds `created_at` inclusively on both ends; our ranges end exclusively. */
export function createdBounds(range: DateRange): { createdAfter: string; createdBefore: string } {
  return {
    createdAfter: range.start.toISOString(),
    createdBefore: new Date(range.end.getTime() - 1).toISOString(),
  };
}

function toQueryCount(count: QueryCount): QueryCountDto {
  return {
    query: count.query,
    count: count.count,
    avg_result_count: Math.round(count.avgResultCount * 100) / 100,
    last_searched_at: count.lastSearchedAt || null,
  };
}
