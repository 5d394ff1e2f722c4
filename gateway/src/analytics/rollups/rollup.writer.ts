import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqliteRowPlaceholders } from '../../database/insert-rows';
import { isErrorStatus, RequestLogEntry } from '../request-log/request-log-entry';
import { addToHistogram, BUCKET_COLUMNS, emptyHistogram, Histogram } from './latency-histogram';
import { dayKey, MINUTE_MS, minuteKey, RollupGranularity } from './rollup-buckets';

export const ROLLUP_TABLES: Record<RollupGranularity, string> = {
  minute: 'usage_rollups_minute',
  day: 'usage_rollups_day',
};

/** The counters a flush adds to one rollup row. */
export interface RollupDelta {
  userId: number;
  bucket: string;
  apiKeyId: string;
  method: string;
  route: string;
  status: number;
  requests: number;
  errors: number;
  latencySumMs: number;
  latencyMaxMs: number;
  histogram: Histogram;
}

const KEY_COLUMNS = ['user_id', 'bucket', 'api_key_id', 'method', 'route', 'status'];
const SUM_COLUMNS = ['requests', 'errors', 'latency_sum_ms', ...BUCKET_COLUMNS];
const ROLLUP_COLUMNS = [...KEY_COLUMNS, 'status_class', 'latency_max_ms', ...SUM_COLUMNS];
const LOG_COLUMNS = [
  'occurred_at',
  'user_id',
  'api_key_id',
  'method',
  'route',
  'status',
  'latency_ms',
  'request_id',
  'upstream_ms',
];
// Rows per statement, well under SQLite's 32766 and PostgreSQL's 65535 bound parameters.
const ROLLUP_ROWS_PER_STATEMENT = 200;
const LOG_ROWS_PER_STATEMENT = 1000;

/** Sums entries into one delta per rollup row; anonymous requests have no owner to roll up under. */
export function aggregateEntries(entries: readonly RequestLogEntry[], granularity: RollupGranularity): RollupDelta[] {
  const toBucket = granularity === 'minute' ? minuteKey : dayKey;
  const deltas = new Map<string, RollupDelta>();
  // A batch spans a second or so: its entries share a minute, hence a bucket of either granularity.
  let lastMinute = Number.NaN;
  let bucket = '';
  for (const entry of entries) {
    if (entry.userId === null) {
      continue;
    }
    const minute = Math.floor(entry.occurredAt.getTime() / MINUTE_MS);
    if (minute !== lastMinute) {
      lastMinute = minute;
      bucket = toBucket(entry.occurredAt);
    }
    const apiKeyId = entry.apiKeyId ?? '';
    const key = `${entry.userId}\u0000${bucket}\u0000${apiKeyId}\u0000${entry.method}\u0000${entry.route}\u0000${entry.status}`;
    let delta = deltas.get(key);
    if (!delta) {
      delta = {
        userId: entry.userId,
        bucket,
        apiKeyId,
        method: entry.method,
        route: entry.route,
        status: entry.status,
        requests: 0,
        errors: 0,
        latencySumMs: 0,
        latencyMaxMs: 0,
        histogram: emptyHistogram(),
      };
      deltas.set(key, delta);
    }
    delta.requests += 1;
    delta.errors += isErrorStatus(entry.status) ? 1 : 0;
    delta.latencySumMs += entry.latencyMs;
    delta.latencyMaxMs = Math.max(delta.latencyMaxMs, entry.latencyMs);
    addToHistogram(delta.histogram, entry.latencyMs);
  }
  return [...deltas.values()];
}

/**
 * Writes a batch of requests: the raw rows plus additive upserts into both rollup tables, inside
 * the caller's transaction. Upserts add to the stored counters in SQL, so several gateways
 * flushing into one PostgreSQL database never lose each other's counts.
 */
@Injectable()
export class RollupWriter {
  async write(manager: EntityManager, entries: readonly RequestLogEntry[]): Promise<void> {
    await this.insertLogs(manager, entries);
    for (const granularity of ['minute', 'day'] as const) {
      await this.upsertRollups(manager, granularity, aggregateEntries(entries, granularity));
    }
  }

  private async insertLogs(manager: EntityManager, entries: readonly RequestLogEntry[]): Promise<void> {
    for (let offset = 0; offset < entries.length; offset += LOG_ROWS_PER_STATEMENT) {
      const chunk = entries.slice(offset, offset + LOG_ROWS_PER_STATEMENT);
      const values: unknown[] = [];
      for (const entry of chunk) {
        values.push(
          entry.occurredAt.toISOString(),
          entry.userId,
          entry.apiKeyId,
          entry.method,
          entry.route,
          entry.status,
          entry.latencyMs,
          entry.requestId,
          entry.upstreamMs,
        );
      }
      const sql = `INSERT INTO request_logs (${LOG_COLUMNS.join(', ')}) VALUES ${rowsOfPlaceholders(manager, chunk.length, LOG_COLUMNS.length)}`;
      await manager.query(sql, values);
    }
  }

  private async upsertRollups(
    manager: EntityManager,
    granularity: RollupGranularity,
    deltas: readonly RollupDelta[],
  ): Promise<void> {
    const table = ROLLUP_TABLES[granularity];
    const updates = [
      ...SUM_COLUMNS.map((column) => `${column} = ${table}.${column} + excluded.${column}`),
      `latency_max_ms = CASE WHEN excluded.latency_max_ms > ${table}.latency_max_ms THEN excluded.latency_max_ms ELSE ${table}.latency_max_ms END`,
    ];
    for (let offset = 0; offset < deltas.length; offset += ROLLUP_ROWS_PER_STATEMENT) {
      const chunk = deltas.slice(offset, offset + ROLLUP_ROWS_PER_STATEMENT);
      const values = chunk.flatMap((delta) => [
        delta.userId,
        delta.bucket,
        delta.apiKeyId,
        delta.method,
        delta.route,
        delta.status,
        Math.floor(delta.status / 100),
        delta.latencyMaxMs,
        delta.requests,
        delta.errors,
        delta.latencySumMs,
        ...delta.histogram,
      ]);
      const sql =
        `INSERT INTO ${table} (${ROLLUP_COLUMNS.join(', ')}) VALUES ${rowsOfPlaceholders(manager, chunk.length, ROLLUP_COLUMNS.length)} ` +
        `ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
      await manager.query(sql, values);
    }
  }
}

/** `(?, ?), (?, ?)` on SQLite, `($1, $2), ($3, $4)` on PostgreSQL. */
function rowsOfPlaceholders(manager: EntityManager, rows: number, columns: number): string {
  if (manager.connection.driver.options.type !== 'postgres') {
    return sqliteRowPlaceholders(rows, columns);
  }
  const placeholders: string[] = [];
  for (let row = 0; row < rows; row += 1) {
    const cells: string[] = [];
    for (let column = 1; column <= columns; column += 1) {
      cells.push(`$${row * columns + column}`);
    }
    placeholders.push(`(${cells.join(', ')})`);
  }
  return placeholders.join(', ');
}
