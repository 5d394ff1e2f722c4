import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import type { StatsRange } from './jobs.repository';
import { SearchClickEntity } from './search-click.entity';
import { SearchJobEntity } from './search-job.entity';

/** Searches, clicks and empty answers of a group of jobs (all of them, one query, or one day). */
export interface ClickFigures {
  searches: number;
  /** Searches with at least one click. */
  clickedSearches: number;
  clicks: number;
  /** Sum of the clicks' positions, for their mean. */
  positionSum: number;
  /** Completed searches that found nothing. */
  noResults: number;
}

export interface QueryFigures extends ClickFigures {
  query: string;
  avgResultCount: number;
  lastSearchedAt: string;
}

export interface DayFigures extends ClickFigures {
  /** YYYY-MM-DD (UTC). */
  date: string;
}

type Numeric = string | number | null;

interface RawFigures {
  searches: Numeric;
  clicked_searches: Numeric;
  clicks: Numeric;
  position_sum: Numeric;
  no_results: Numeric;
}

function toFigures(row: RawFigures | undefined): ClickFigures {
  return {
    searches: Number(row?.searches ?? 0),
    clickedSearches: Number(row?.clicked_searches ?? 0),
    clicks: Number(row?.clicks ?? 0),
    positionSum: Number(row?.position_sum ?? 0),
    noResults: Number(row?.no_results ?? 0),
  };
}

@Injectable()
export class SearchClicksRepository {
  private readonly clicks: Repository<SearchClickEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.clicks = dataSource.getRepository(SearchClickEntity);
  }

  async insert(click: SearchClickEntity): Promise<void> {
    await this.clicks.insert(click);
  }

  async totals(range: StatsRange): Promise<ClickFigures> {
    return toFigures(await this.jobsWithClicks(range).getRawOne<RawFigures>());
  }

  /** The most searched queries (case-insensitive), most searched first, then most recent. */
  async byQuery(range: StatsRange, limit: number, zeroResultsOnly: boolean): Promise<QueryFigures[]> {
    const query = this.jobsWithClicks(range)
      .addSelect('LOWER(j.query)', 'query')
      .addSelect("AVG(CASE WHEN j.status = 'completed' THEN j.result_count END)", 'avg_result_count')
      .addSelect('MAX(j.created_at)', 'last_searched_at');
    if (zeroResultsOnly) {
      query.andWhere("j.status = 'completed' AND j.result_count = 0");
    }
    const rows = await query
      .groupBy('LOWER(j.query)')
      .orderBy('searches', 'DESC')
      .addOrderBy('last_searched_at', 'DESC')
      .limit(limit)
      .getRawMany<RawFigures & { query: string; avg_result_count: Numeric; last_searched_at: string }>();
    return rows.map((row) => ({
      ...toFigures(row),
      query: row.query,
      avgResultCount: Number(row.avg_result_count ?? 0),
      lastSearchedAt: row.last_searched_at,
    }));
  }

  /** The latest `days` days with searches, oldest first. */
  async byDay(range: StatsRange, days: number): Promise<DayFigures[]> {
    const rows = await this.jobsWithClicks(range)
      .addSelect('SUBSTR(j.created_at, 1, 10)', 'day')
      .groupBy('SUBSTR(j.created_at, 1, 10)')
      .orderBy('day', 'DESC')
      .limit(days)
      .getRawMany<RawFigures & { day: string }>();
    return rows.reverse().map((row) => ({ ...toFigures(row), date: row.day }));
  }

  /**
   * The owner's jobs in the range, each joined to its click count and position sum: one pass over the jobs by
   * (owner_id, created_at) and one over the owner's clicks by (owner_id, job_id). A click comes after its job, so
   * clicks before the range's start are skipped too.
   */
  private jobsWithClicks(range: StatsRange): SelectQueryBuilder<SearchJobEntity> {
    const query = this.dataSource
      .createQueryBuilder()
      .from(SearchJobEntity, 'j')
      .leftJoin(
        (clicks) => {
          clicks
            .select('k.job_id', 'job_id')
            .addSelect('COUNT(*)', 'clicks')
            .addSelect('SUM(k.position)', 'position_sum')
            .from(SearchClickEntity, 'k')
            .where('k.owner_id = :ownerId')
            .groupBy('k.job_id');
          if (range.createdAfter !== undefined) {
            clicks.andWhere('k.clicked_at >= :createdAfter');
          }
          return clicks;
        },
        'c',
        'c.job_id = j.id',
      )
      .select('COUNT(*)', 'searches')
      .addSelect('SUM(CASE WHEN c.clicks > 0 THEN 1 ELSE 0 END)', 'clicked_searches')
      .addSelect('SUM(c.clicks)', 'clicks')
      .addSelect('SUM(c.position_sum)', 'position_sum')
      .addSelect("SUM(CASE WHEN j.status = 'completed' AND j.result_count = 0 THEN 1 ELSE 0 END)", 'no_results')
      .where('j.owner_id = :ownerId', { ownerId: range.ownerId });
    if (range.createdAfter !== undefined) {
      query.andWhere('j.created_at >= :createdAfter', { createdAfter: range.createdAfter });
    }
    if (range.createdBefore !== undefined) {
      query.andWhere('j.created_at <= :createdBefore', { createdBefore: range.createdBefore });
    }
    return query;
  }
}
