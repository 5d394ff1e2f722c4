import type { LoggedRequestDto, RequestExplorerControllerListData } from '@video-search/sdk/angular';
import { withoutBlanks } from '../../core/http/query-params';

export type RequestQuery = NonNullable<RequestExplorerControllerListData['query']>;
export type StatusClass = NonNullable<RequestQuery['status_class']>;
export const STATUS_CLASSES: readonly StatusClass[] = ['2xx', '3xx', '4xx', '5xx', 'error'];

/** What the filter form holds: strings as typed, so a cleared field means "no filter". */
export interface RequestFilters {
  apiKeyId: string;
  route: string;
  /** A status code ("404") or a class ("4xx", "error"). */
  status: string;
  minLatencyMs: string;
  maxLatencyMs: string;
  /** `datetime-local` values, in the browser's time zone. */
  from: string;
  to: string;
}

export const EMPTY_FILTERS: RequestFilters = {
  apiKeyId: '',
  route: '',
  status: '',
  minLatencyMs: '',
  maxLatencyMs: '',
  from: '',
  to: '',
};

/** The form as the explorer's query; blank and unparsable fields are left out so the API's defaults apply. */
export function toRequestQuery(filters: RequestFilters, cursor?: string | null): RequestQuery {
  const status = filters.status.trim().toLowerCase();
  const statusClass = STATUS_CLASSES.find((value) => value === status);
  return withoutBlanks({
    api_key_id: filters.apiKeyId,
    route: filters.route.trim(),
    status: statusClass ? undefined : toNumber(status),
    status_class: statusClass,
    min_latency_ms: toNumber(filters.minLatencyMs),
    max_latency_ms: toNumber(filters.maxLatencyMs),
    start_date: toInstant(filters.from),
    end_date: toInstant(filters.to),
    cursor: cursor ?? undefined,
  });
}

/** Whether a request the live tail brought in belongs in a list shown with these filters. */
export function matchesFilters(request: LoggedRequestDto, query: RequestQuery): boolean {
  const latency = request.timing.total_ms;
  return (
    (query.api_key_id === undefined || request.api_key_id === query.api_key_id) &&
    (query.route === undefined || request.route === query.route) &&
    (query.status === undefined || request.status === query.status) &&
    (query.status_class === undefined || inClass(request.status, query.status_class)) &&
    (query.min_latency_ms === undefined || latency >= query.min_latency_ms) &&
    (query.max_latency_ms === undefined || latency <= query.max_latency_ms) &&
    (query.start_date === undefined || request.occurred_at >= query.start_date) &&
    (query.end_date === undefined || request.occurred_at < query.end_date)
  );
}

/**
 * Tailed requests on top of the list, newest first. A batch comes newest last; a request already listed (a page
 * loaded after it was logged) is kept once. Nothing is trimmed from the bottom: the next page's cursor follows the
 * last loaded row, so trimming would make "Load more" skip the rows cut.
 */
export function mergeTail(listed: readonly LoggedRequestDto[], batch: readonly LoggedRequestDto[]): LoggedRequestDto[] {
  const seen = new Set(listed.map(keyOf));
  const fresh = batch.filter((request) => !seen.has(keyOf(request))).reverse();
  return [...fresh, ...listed];
}

function keyOf(request: LoggedRequestDto): string {
  return request.request_id ?? `${request.occurred_at} ${request.method} ${request.route} ${request.status}`;
}

function inClass(status: number, statusClass: StatusClass): boolean {
  return statusClass === 'error' ? status >= 400 : Math.floor(status / 100) === Number(statusClass[0]);
}

function toNumber(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') {
    return undefined;
  }
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}

function toInstant(local: string): string | undefined {
  if (!local) {
    return undefined;
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
