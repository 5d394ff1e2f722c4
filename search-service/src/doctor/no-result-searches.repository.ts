import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobState } from '@search/jobs/job-state';
import { SearchJobEntity, StoredFilters } from '@search/jobs/search-job.entity';
import { DataSource, Repository, SelectQueryBuilder } from 'typeorm';

/** One distinct question an owner asked that found nothing: the same words, algorithm and filters. */
export interface NoResultQuestion {
  query: string;
  algorithm: string;
  filters: StoredFilters;
  searches: number;
}

/** One no-result search of a given query. */
export interface NoResultSearch {
  algorithm: string;
  filters: StoredFilters;
  createdAt: string;
}

export interface AnsweredSearch {
  query: string;
  queryKey: string;
  createdAt: string;
}

const COMPLETED: JobState = 'completed';

/** Read-only views of the search jobs table for the no-result doctor. */
@Injectable()
export class NoResultSearchesRepository {
  private readonly jobs: Repository<SearchJobEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.jobs = dataSource.getRepository(SearchJobEntity);
  }

  /** The owner's no-result searches since `since`. */
  count(ownerId: number, since: string): Promise<number> {
    return this.noResults(ownerId, since).getCount();
  }

  /** The most frequent distinct no-result questions since `since`, up to `limit`. */
  async questions(ownerId: number, since: string, limit: number): Promise<NoResultQuestion[]> {
    const rows = await this.noResults(ownerId, since)
      .select('MAX(j.query)', 'query')
      .addSelect('j.algorithm', 'algorithm')
      .addSelect('j.filters', 'filters')
      .addSelect('COUNT(*)', 'searches')
      .groupBy('j.query_key')
      .addGroupBy('j.algorithm')
      .addGroupBy('j.filters')
      .orderBy('searches', 'DESC')
      .addOrderBy('MAX(j.created_at)', 'DESC')
      .limit(limit)
      .getRawMany<{ query: string; algorithm: string; filters: string; searches: string | number }>();
    return rows.map((row) => ({
      query: row.query,
      algorithm: row.algorithm,
      filters: JSON.parse(row.filters) as StoredFilters,
      searches: Number(row.searches),
    }));
  }

  /** The latest no-result searches of one query (by its key) since `since`, newest first. */
  async ofQuery(ownerId: number, queryKey: string, since: string, limit: number): Promise<NoResultSearch[]> {
    const rows = await this.noResults(ownerId, since)
      .select(['j.algorithm', 'j.filters', 'j.createdAt'])
      .andWhere('j.query_key = :queryKey', { queryKey })
      .orderBy('j.created_at', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map(({ algorithm, filters, createdAt }) => ({ algorithm, filters, createdAt }));
  }

  countOfQuery(ownerId: number, queryKey: string, since: string): Promise<number> {
    return this.noResults(ownerId, since).andWhere('j.query_key = :queryKey', { queryKey }).getCount();
  }

  /** Searches that found something between the bounds (inclusive), oldest first, up to `limit`. */
  async answeredBetween(ownerId: number, from: string, to: string, limit: number): Promise<AnsweredSearch[]> {
    const rows = await this.jobs
      .createQueryBuilder('j')
      .select(['j.query', 'j.queryKey', 'j.createdAt'])
      .where('j.owner_id = :ownerId', { ownerId })
      .andWhere('j.status = :completed', { completed: COMPLETED })
      .andWhere('j.result_count > 0')
      .andWhere('j.created_at >= :from AND j.created_at <= :to', { from, to })
      .orderBy('j.created_at', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(({ query, queryKey, createdAt }) => ({ query, queryKey, createdAt }));
  }

  private noResults(ownerId: number, since: string): SelectQueryBuilder<SearchJobEntity> {
    return this.jobs
      .createQueryBuilder('j')
      .where('j.owner_id = :ownerId', { ownerId })
      .andWhere('j.status = :completed', { completed: COMPLETED })
      .andWhere('j.result_count = 0')
      .andWhere('j.created_at >= :since', { since });
  }
}
