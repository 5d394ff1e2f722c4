import { Injectable } from '@nestjs/common';
import type {
  DailySearchStats,
  JobStats,
  JobStatsRequest,
  QueryCount,
} from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchException } from '@search/common/search.exception';
import { JobRecorder } from './job-recorder';
import { assertOwner, parseTimestamp } from './job-request.validator';
import { JOB_STATES } from './job-state';
import { toJobStatus } from './job.mapper';
import { JobsRepository, StatsRange } from './jobs.repository';
import { ClickFigures, DayFigures, QueryFigures, SearchClicksRepository } from './search-clicks.repository';

const DEFAULT_TOP = 10;
const MAX_TOP = 100;
/** Days of the daily series, the latest ones with searches. */
export const MAX_DAYS = 90;

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Rates over the searches of the group; the mean click position is 0 without clicks (proto3 has no null). */
export function clickRates(
  figures: ClickFigures,
): Pick<QueryCount, 'clicks' | 'clickThroughRate' | 'avgClickPosition' | 'noResultRate'> {
  const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    clicks: figures.clicks,
    clickThroughRate: ratio(figures.clickedSearches, figures.searches),
    avgClickPosition: ratio(figures.positionSum, figures.clicks),
    noResultRate: ratio(figures.noResults, figures.searches),
  };
}

function toQueryCount(row: QueryFigures): QueryCount {
  return {
    query: row.query,
    count: row.searches,
    avgResultCount: row.avgResultCount,
    lastSearchedAt: row.lastSearchedAt,
    ...clickRates(row),
  };
}

function toDailyStats(row: DayFigures): DailySearchStats {
  return { date: row.date, searches: row.searches, ...clickRates(row) };
}

@Injectable()
export class JobStatsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly clicks: SearchClicksRepository,
    private readonly recorder: JobRecorder,
  ) {}

  /** Counts this process's answered searches too: their pending records are written first. */
  async stats(request: JobStatsRequest): Promise<JobStats> {
    assertOwner(request.ownerId);
    const limit = request.limit === 0 ? DEFAULT_TOP : request.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TOP) {
      throw SearchException.invalidArgument(`limit must be 1 to ${MAX_TOP}`);
    }
    const range: StatsRange = {
      ownerId: request.ownerId,
      createdAfter: parseTimestamp(request.createdAfter, 'created_after'),
      createdBefore: parseTimestamp(request.createdBefore, 'created_before'),
    };
    await this.recorder.drain();
    const [counts, top, zero, durations, totals, daily] = await Promise.all([
      this.jobs.countByStatus(range),
      this.clicks.byQuery(range, limit, false),
      this.clicks.byQuery(range, limit, true),
      this.jobs.completedDurations(range),
      this.clicks.totals(range),
      this.clicks.byDay(range, MAX_DAYS),
    ]);
    const countOf = new Map(counts.map((row) => [row.status, row.count]));
    const total = durations.reduce((sum, value) => sum + value, 0);
    const topQueries = top.map(toQueryCount);
    return {
      totalJobs: counts.reduce((sum, row) => sum + row.count, 0),
      byStatus: JOB_STATES.map((state) => ({ status: toJobStatus(state), count: countOf.get(state) ?? 0 })),
      topQueries,
      zeroResultQueries: zero.map(toQueryCount),
      avgDurationMs: durations.length === 0 ? 0 : total / durations.length,
      p50DurationMs: percentile(durations, 0.5),
      p90DurationMs: percentile(durations, 0.9),
      p95DurationMs: percentile(durations, 0.95),
      p99DurationMs: percentile(durations, 0.99),
      ...clickRates(totals),
      queries: topQueries,
      daily: daily.map(toDailyStats),
    };
  }
}
