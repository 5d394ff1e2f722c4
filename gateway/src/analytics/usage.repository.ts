import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BUCKET_COLUMNS, emptyHistogram, Histogram, mergeHistograms } from './rollups/latency-histogram';
import { RollupSegment } from './rollups/rollup-buckets';
import { ROLLUP_TABLES } from './rollups/rollup.writer';

export interface UsageFilter {
  userId: number;
  /** Restricts to one API key; undefined counts every call of the user, JWT calls included. */
  apiKeyId?: string;
}

export type UsageDimension = 'day' | 'endpoint' | 'status' | 'apiKey';

/** Counters summed over rollup rows that share the requested dimensions. */
export interface UsageAggregate {
  day: string | null;
  method: string | null;
  route: string | null;
  status: number | null;
  apiKeyId: string | null;
  requests: number;
  errors: number;
  latencySumMs: number;
  histogram: Histogram;
}

type RawRow = Record<string, string | number | null>;

/**
 * Aggregate reads over the usage rollups; never the raw request log. Each segment of a range is
 * one grouped query on the primary key's (user_id, bucket) prefix; segments are merged here.
 */
@Injectable()
export class UsageRepository {
  constructor(private readonly dataSource: DataSource) {}

  async aggregate(
    filter: UsageFilter,
    segments: readonly RollupSegment[],
    dimensions: readonly UsageDimension[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UsageAggregate[]> {
    const merged = new Map<string, UsageAggregate>();
    for (const segment of segments) {
      const rows = await this.querySegment(manager, filter, segment, dimensions);
      for (const row of rows) {
        const aggregate = toAggregate(row);
        const key = [aggregate.day, aggregate.method, aggregate.route, aggregate.status, aggregate.apiKeyId].join(
          '\u0000',
        );
        const existing = merged.get(key);
        if (existing) {
          existing.requests += aggregate.requests;
          existing.errors += aggregate.errors;
          existing.latencySumMs += aggregate.latencySumMs;
          mergeHistograms(existing.histogram, aggregate.histogram);
        } else {
          merged.set(key, aggregate);
        }
      }
    }
    return [...merged.values()];
  }

  private querySegment(
    manager: EntityManager,
    filter: UsageFilter,
    segment: RollupSegment,
    dimensions: readonly UsageDimension[],
  ): Promise<RawRow[]> {
    const query = manager
      .createQueryBuilder()
      .from(ROLLUP_TABLES[segment.granularity], 'r')
      .select('SUM(r.requests)', 'requests')
      .addSelect('SUM(r.errors)', 'errors')
      .addSelect('SUM(r.latency_sum_ms)', 'latency_sum_ms')
      .where('r.user_id = :userId', { userId: filter.userId })
      .andWhere('r.bucket >= :from AND r.bucket < :to', { from: segment.from, to: segment.to });
    BUCKET_COLUMNS.forEach((column) => query.addSelect(`SUM(r.${column})`, column));
    if (filter.apiKeyId !== undefined) {
      query.andWhere('r.api_key_id = :apiKeyId', { apiKeyId: filter.apiKeyId });
    }
    for (const dimension of dimensions) {
      groupBy(query, dimension, segment);
    }
    return query.getRawMany<RawRow>();
  }
}

function groupBy(query: SelectQueryBuilder<ObjectLiteral>, dimension: UsageDimension, segment: RollupSegment): void {
  switch (dimension) {
    case 'day': {
      const day = segment.granularity === 'day' ? 'r.bucket' : 'SUBSTR(r.bucket, 1, 10)';
      query.addSelect(day, 'day').addGroupBy(day);
      return;
    }
    case 'endpoint':
      query.addSelect('r.method', 'method').addSelect('r.route', 'route').addGroupBy('r.method').addGroupBy('r.route');
      return;
    case 'status':
      query.addSelect('r.status', 'status').addGroupBy('r.status');
      return;
    case 'apiKey':
      query.addSelect('r.api_key_id', 'api_key_id').addGroupBy('r.api_key_id');
      return;
  }
}

function toAggregate(row: RawRow): UsageAggregate {
  const histogram = emptyHistogram();
  BUCKET_COLUMNS.forEach((column, i) => {
    histogram[i] = Number(row[column] ?? 0);
  });
  return {
    day: row.day === undefined || row.day === null ? null : String(row.day),
    method: row.method === undefined || row.method === null ? null : String(row.method),
    route: row.route === undefined || row.route === null ? null : String(row.route),
    status: row.status === undefined || row.status === null ? null : Number(row.status),
    apiKeyId: row.api_key_id === undefined || row.api_key_id === null ? null : String(row.api_key_id),
    requests: Number(row.requests ?? 0),
    errors: Number(row.errors ?? 0),
    latencySumMs: Number(row.latency_sum_ms ?? 0),
    histogram,
  };
}
