import { Injectable } from '@nestjs/common';
import { JobStatus, QueryCount } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchGrpcClient } from '../search/grpc/search-grpc.client';
import { jobStatusToRest } from '../search/search.mapper';
import { DateRange, parseDateRange } from './date-range';
import { AnalyticsQueryDto, JobsByStatusDto, QueryCountDto, SearchAnalyticsDto } from './dto/analytics.dto';
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
        p95: hasLatency ? roundMs(stats.p95DurationMs) : null,
        p99: hasLatency ? roundMs(stats.p99DurationMs) : null,
      },
    };
  }
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
