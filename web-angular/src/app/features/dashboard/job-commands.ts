/**
 * Shell commands that ask a job's question again: curl against the gateway's REST API, grpcurl against the search
 * service (README, "gRPC and grpcurl"). Both keep the job's query, algorithm, filters and explain flag.
 */
import { JobFiltersDto } from '@video-search/sdk/models';

export interface JobQuestion {
  query: string;
  algorithm: string;
  filters: JobFiltersDto | null;
  explain?: boolean;
}

export const GRPC_ADDRESS = 'localhost:50051';
export const GRPC_SEARCH_METHOD = 'videosearch.search.v1.SearchService/Search';
const GRPC_WAIT_MS = 2000;

/** Single-quoted for POSIX shells: a quote inside closes, escapes and reopens the string. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Filters without empty lists and blanks, so the command shows only what narrowed the search. */
function presentFilters(filters: JobFiltersDto | null): Partial<JobFiltersDto> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters ?? {})) {
    const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);
    if (!empty) {
      kept[key] = value;
    }
  }
  return kept;
}

/** The POST search body: the REST API takes `video_ids` beside the filters, not inside them. */
export function restSearchBody(job: JobQuestion): Record<string, unknown> {
  const { video_ids: videoIds, ...filters } = presentFilters(job.filters);
  const body: Record<string, unknown> = { query: job.query };
  if (job.algorithm) {
    body['algorithm'] = job.algorithm;
  }
  if (videoIds?.length) {
    body['video_ids'] = videoIds;
  }
  if (Object.keys(filters).length) {
    body['filters'] = filters;
  }
  if (job.explain) {
    body['explain'] = true;
  }
  return body;
}

export function curlCommand(job: JobQuestion, userId: number, origin: string): string {
  return [
    `curl -X POST ${shellQuote(`${origin}/api/v1/users/${userId}/search`)}`,
    `-H 'Authorization: Bearer $TOKEN'`,
    `-H 'Content-Type: application/json'`,
    `-d ${shellQuote(JSON.stringify(restSearchBody(job)))}`,
  ].join(' \\\n  ');
}

/** The gRPC SearchRequest: `owner_id` names the library, `video_ids` travels inside the filters. */
export function grpcSearchRequest(job: JobQuestion, userId: number): Record<string, unknown> {
  const search: Record<string, unknown> = { owner_id: userId, query: job.query };
  if (job.algorithm) {
    search['algorithm'] = job.algorithm;
  }
  const filters = presentFilters(job.filters);
  if (Object.keys(filters).length) {
    search['filters'] = filters;
  }
  if (job.explain) {
    search['explain'] = true;
  }
  return { search, wait_ms: GRPC_WAIT_MS };
}

export function grpcurlCommand(job: JobQuestion, userId: number, address = GRPC_ADDRESS): string {
  return [
    `grpcurl -plaintext -H 'x-service-token: $SERVICE_TOKEN'`,
    `-d ${shellQuote(JSON.stringify(grpcSearchRequest(job, userId)))}`,
    `${address} ${GRPC_SEARCH_METHOD}`,
  ].join(' \\\n  ');
}
