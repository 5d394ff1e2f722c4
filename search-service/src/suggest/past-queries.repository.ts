import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SearchJobEntity } from '@search/jobs/search-job.entity';
import { DataSource } from 'typeorm';

/** Past searches read per prefix: a common prefix of a busy owner may match this many, the rest are not counted. */
export const MAX_SCANNED_QUERIES = 5000;

export interface PastQuery {
  query: string;
  count: number;
}

/**
 * The first string after every string starting with `prefix`, in code point order, which is the order of both
 * SQLite's BINARY collation and PostgreSQL's "C" collation (the query_key column's): `key >= prefix AND key < next`
 * is then exactly "starts with" and reads one range of the (owner_id, query_key) index.
 */
export function prefixUpperBound(prefix: string): string {
  const points = [...prefix];
  const last = points.pop() as string;
  return points.join('') + String.fromCodePoint((last.codePointAt(0) as number) + 1);
}

@Injectable()
export class PastQueriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The owner's past queries that start with the (normalised, non-empty) prefix and found something, most searched
   * first. At most MAX_SCANNED_QUERIES jobs are read from the index range, so the cost stays bounded.
   */
  async startingWith(ownerId: number, prefix: string, limit: number): Promise<PastQuery[]> {
    const matching = this.dataSource
      .createQueryBuilder()
      .select('m.query_key', 'query_key')
      .addSelect('m.created_at', 'created_at')
      .from(SearchJobEntity, 'm')
      .where('m.owner_id = :ownerId')
      .andWhere('m.query_key >= :from AND m.query_key < :to')
      .andWhere("m.status = 'completed' AND m.result_count > 0")
      .limit(MAX_SCANNED_QUERIES);
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('p.query_key', 'query')
      .addSelect('COUNT(*)', 'count')
      .addSelect('MAX(p.created_at)', 'last_searched_at')
      .from(`(${matching.getQuery()})`, 'p')
      .setParameters({ ownerId, from: prefix, to: prefixUpperBound(prefix) })
      .groupBy('p.query_key')
      .orderBy('count', 'DESC')
      .addOrderBy('last_searched_at', 'DESC')
      .limit(limit)
      .getRawMany<{ query: string; count: string | number }>();
    return rows.map((row) => ({ query: row.query, count: Number(row.count) }));
  }
}
