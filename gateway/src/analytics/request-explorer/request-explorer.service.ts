import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { isAcceptedRequestId } from '../../observability/logging/request-id';
import { analyticsConfig, AnalyticsConfig } from '../analytics.config';
import { parseDateRange } from '../date-range';
import { roundMs } from '../rollups/latency-histogram';
import { decodeRequestCursor, encodeRequestCursor } from './request-cursor';
import {
  ErrorGroupsDto,
  LoggedRequestDto,
  RequestLogPageDto,
  RequestLogQueryDto,
  RequestTimingDto,
} from './request-explorer.dto';
import { RequestExplorerRepository, RequestLogFilter, RequestLogRow } from './request-explorer.repository';

const DEFAULT_PAGE_SIZE = 50;

/** One user's raw request log, as kept for REQUEST_LOG_RETENTION_DAYS: filtered, paginated by cursor, grouped. */
@Injectable()
export class RequestExplorerService {
  constructor(
    private readonly requests: RequestExplorerRepository,
    @Inject(analyticsConfig.KEY) private readonly config: AnalyticsConfig,
  ) {}

  async list(userId: number, query: RequestLogQueryDto): Promise<RequestLogPageDto> {
    const cursor = query.cursor === undefined ? null : decodeRequestCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.requests.page(this.filterOf(userId, query), cursor, limit);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      requests: page.map(toLoggedRequest),
      next_cursor:
        rows.length > limit && last ? encodeRequestCursor({ occurredAt: last.occurredAt, id: last.id }) : null,
      retention_days: this.config.retentionDays,
    };
  }

  async get(userId: number, requestId: string): Promise<LoggedRequestDto> {
    // No request was ever answered with an id the gateway would not accept.
    const row = isAcceptedRequestId(requestId) ? await this.requests.byRequestId(userId, requestId) : null;
    if (!row) {
      throw new NotFoundException('Request not found');
    }
    return toLoggedRequest(row);
  }

  async errors(userId: number, query: RequestLogQueryDto): Promise<ErrorGroupsDto> {
    const groups = await this.requests.errorGroups(this.filterOf(userId, query));
    return {
      groups: groups.map(({ method, route, status, count, lastSeenAt }) => ({
        method,
        route,
        status,
        count,
        last_seen_at: lastSeenAt,
      })),
    };
  }

  private filterOf(userId: number, query: RequestLogQueryDto): RequestLogFilter {
    const range = parseDateRange(query.start_date, query.end_date, new Date());
    return {
      userId,
      from: range.start.toISOString(),
      to: range.end.toISOString(),
      apiKeyId: query.api_key_id,
      method: query.method,
      route: query.route,
      status: query.status,
      statusClass: query.status_class,
      minLatencyMs: query.min_latency_ms,
      maxLatencyMs: query.max_latency_ms,
    };
  }
}

/** A row as the explorer shows it; the live tail shows entries not read back from the table the same way. */
export type LoggedRequestFields = Omit<RequestLogRow, 'id'>;

function timingOf(row: LoggedRequestFields): RequestTimingDto {
  const upstream = row.upstreamMs === null ? null : Math.min(row.upstreamMs, row.latencyMs);
  return {
    total_ms: roundMs(row.latencyMs),
    gateway_ms: roundMs(row.latencyMs - (upstream ?? 0)),
    search_service_ms: upstream === null ? null : roundMs(upstream),
  };
}

export function toLoggedRequest(row: LoggedRequestFields): LoggedRequestDto {
  return {
    request_id: row.requestId,
    occurred_at: row.occurredAt,
    method: row.method,
    route: row.route,
    status: row.status,
    api_key_id: row.apiKeyId,
    timing: timingOf(row),
  };
}
