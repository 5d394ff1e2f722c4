import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { RequestCursor } from './request-cursor';
import type { StatusClass } from './request-explorer.dto';

export interface RequestLogFilter {
  userId: number;
  from: string;
  to: string;
  apiKeyId?: string;
  method?: string;
  route?: string;
  status?: number;
  statusClass?: StatusClass;
  minLatencyMs?: number;
  maxLatencyMs?: number;
}

export interface RequestLogRow {
  id: number;
  occurredAt: string;
  requestId: string | null;
  method: string;
  route: string;
  status: number;
  latencyMs: number;
  upstreamMs: number | null;
  apiKeyId: string | null;
}

export interface ErrorGroupRow {
  method: string;
  route: string;
  status: number;
  count: number;
  lastSeenAt: string;
}

type RawRow = Record<string, string | number | null>;

const STATUS_RANGES: Record<StatusClass, [number, number]> = {
  '2xx': [200, 299],
  '3xx': [300, 399],
  '4xx': [400, 499],
  '5xx': [500, 599],
  error: [400, 599],
};
const MAX_ERROR_GROUPS = 50;

/** Reads of the raw request log, always one user's rows, on its (user_id, occurred_at) index. */
@Injectable()
export class RequestExplorerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, after `cursor`; `limit + 1` rows so that the caller knows whether a next page exists. */
  async page(filter: RequestLogFilter, cursor: RequestCursor | null, limit: number): Promise<RequestLogRow[]> {
    const query = this.filtered(filter).select(ROW_COLUMNS);
    if (cursor) {
      query.andWhere('(r.occurred_at < :at OR (r.occurred_at = :at AND r.id < :id))', {
        at: cursor.occurredAt,
        id: cursor.id,
      });
    }
    const rows = await query
      .orderBy('r.occurred_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1)
      .getRawMany<RawRow>();
    return rows.map(toRow);
  }

  /** The latest request answered with this id (a client may reuse its own ids). */
  async byRequestId(userId: number, requestId: string): Promise<RequestLogRow | null> {
    const row = await this.dataSource
      .createQueryBuilder()
      .from('request_logs', 'r')
      .select(ROW_COLUMNS)
      .where('r.user_id = :userId AND r.request_id = :requestId', { userId, requestId })
      .orderBy('r.occurred_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(1)
      .getRawOne<RawRow>();
    return row ? toRow(row) : null;
  }

  async errorGroups(filter: RequestLogFilter): Promise<ErrorGroupRow[]> {
    const rows = await this.filtered({ ...filter, statusClass: filter.statusClass ?? 'error' })
      .select('r.method', 'method')
      .addSelect('r.route', 'route')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .addSelect('MAX(r.occurred_at)', 'last_seen_at')
      .groupBy('r.method')
      .addGroupBy('r.route')
      .addGroupBy('r.status')
      .orderBy('count', 'DESC')
      .addOrderBy('last_seen_at', 'DESC')
      .limit(MAX_ERROR_GROUPS)
      .getRawMany<RawRow>();
    return rows.map((row) => ({
      method: String(row.method),
      route: String(row.route),
      status: Number(row.status),
      count: Number(row.count),
      lastSeenAt: String(row.last_seen_at),
    }));
  }

  private filtered(filter: RequestLogFilter): SelectQueryBuilder<RawRow> {
    const query = this.dataSource
      .createQueryBuilder()
      .from('request_logs', 'r')
      .where('r.user_id = :userId', { userId: filter.userId })
      .andWhere('r.occurred_at >= :from AND r.occurred_at < :to', { from: filter.from, to: filter.to });
    if (filter.apiKeyId !== undefined) {
      query.andWhere('r.api_key_id = :apiKeyId', { apiKeyId: filter.apiKeyId });
    }
    if (filter.method !== undefined) {
      query.andWhere('r.method = :method', { method: filter.method });
    }
    if (filter.route !== undefined) {
      query.andWhere('r.route = :route', { route: filter.route });
    }
    if (filter.status !== undefined) {
      query.andWhere('r.status = :status', { status: filter.status });
    }
    if (filter.statusClass !== undefined) {
      const [low, high] = STATUS_RANGES[filter.statusClass];
      query.andWhere('r.status BETWEEN :low AND :high', { low, high });
    }
    if (filter.minLatencyMs !== undefined) {
      query.andWhere('r.latency_ms >= :minLatency', { minLatency: filter.minLatencyMs });
    }
    if (filter.maxLatencyMs !== undefined) {
      query.andWhere('r.latency_ms <= :maxLatency', { maxLatency: filter.maxLatencyMs });
    }
    return query;
  }
}

const ROW_COLUMNS = [
  'r.id AS id',
  'r.occurred_at AS occurred_at',
  'r.request_id AS request_id',
  'r.method AS method',
  'r.route AS route',
  'r.status AS status',
  'r.latency_ms AS latency_ms',
  'r.upstream_ms AS upstream_ms',
  'r.api_key_id AS api_key_id',
];

function toRow(row: RawRow): RequestLogRow {
  return {
    id: Number(row.id),
    occurredAt: String(row.occurred_at),
    requestId: row.request_id === null ? null : String(row.request_id),
    method: String(row.method),
    route: String(row.route),
    status: Number(row.status),
    latencyMs: Number(row.latency_ms),
    upstreamMs: row.upstream_ms === null ? null : Number(row.upstream_ms),
    apiKeyId: row.api_key_id === null ? null : String(row.api_key_id),
  };
}
