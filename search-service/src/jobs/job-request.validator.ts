import type { SearchFilters } from '@proto/gen/ts/videosearch/search/v1/common';
import {
  JobStatus,
  type ListJobsRequest,
  type SearchRequest,
  type SubmitSearchRequest,
} from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchException } from '@search/common/search.exception';
import type { AlgorithmDescription } from '@search/engine/search-engine';
import type { JobState } from './job-state';
import type { StoredFilters } from './search-job.entity';

export const MAX_QUERY_LENGTH = 500;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_WAIT_MS = 30_000;
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
const MAX_VIDEO_IDS = 1000;
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 100;
/** Ten days: a larger bound is a client bug, not a video. */
const MAX_DURATION_SECONDS = 864000;

export interface NewJob {
  ownerId: number;
  query: string;
  algorithm: string;
  filters: StoredFilters;
  limit: number;
}

export interface JobListQuery {
  ownerId: number;
  states: JobState[];
  createdAfter?: string;
  createdBefore?: string;
  queryContains?: string;
  page: number;
  perPage: number;
}

export function assertOwner(ownerId: number): void {
  if (!Number.isInteger(ownerId) || ownerId <= 0) {
    throw SearchException.invalidArgument('owner_id must be a positive integer');
  }
}

/** Accepts any ISO 8601 date or date-time; stores and compares the canonical UTC form. */
export function parseTimestamp(value: string, field: string): string | undefined {
  if (value === '') {
    return undefined;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw SearchException.invalidArgument(`${field} must be an ISO 8601 date`);
  }
  return new Date(time).toISOString();
}

function validateDuration(value: number | undefined, field: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Number.isInteger(value) || value < 0 || value > MAX_DURATION_SECONDS) {
    throw SearchException.invalidArgument(`filters.${field} must be an integer from 0 to ${MAX_DURATION_SECONDS}`);
  }
  return value;
}

function validateFilters(filters: SearchFilters | undefined): StoredFilters {
  const videoIds = filters?.videoIds ?? [];
  const tags = (filters?.tags ?? []).map((tag) => tag.trim());
  if (videoIds.length > MAX_VIDEO_IDS || videoIds.some((id) => !Number.isInteger(id) || id <= 0)) {
    throw SearchException.invalidArgument(`video_ids must be at most ${MAX_VIDEO_IDS} positive integers`);
  }
  if (tags.length > MAX_TAGS || tags.some((tag) => tag === '' || tag.length > MAX_TAG_LENGTH)) {
    throw SearchException.invalidArgument(
      `filters.tags must be at most ${MAX_TAGS} non-empty tags of up to ${MAX_TAG_LENGTH} characters`,
    );
  }
  const minDuration = validateDuration(filters?.minDuration, 'min_duration');
  const maxDuration = validateDuration(filters?.maxDuration, 'max_duration');
  if (minDuration !== undefined && maxDuration !== undefined && minDuration > maxDuration) {
    throw SearchException.invalidArgument('filters.min_duration must not exceed filters.max_duration');
  }
  return { videoIds: [...new Set(videoIds)], tags, minDuration, maxDuration };
}

export function validateSubmit(request: SubmitSearchRequest, algorithms: AlgorithmDescription[]): NewJob {
  assertOwner(request.ownerId);
  const query = request.query.trim();
  if (query.length < 1 || query.length > MAX_QUERY_LENGTH) {
    throw SearchException.invalidArgument(`query must be 1 to ${MAX_QUERY_LENGTH} characters`);
  }
  const requested = request.algorithm.trim();
  const algorithm = requested === '' ? algorithms.find((candidate) => candidate.isDefault) : undefined;
  const resolved = algorithm?.name ?? requested;
  if (!algorithms.some((candidate) => candidate.name === resolved)) {
    const names = algorithms.map((candidate) => candidate.name).join(', ');
    throw SearchException.invalidArgument(`Unknown algorithm "${requested}"; expected one of: ${names}`);
  }
  const limit = request.limit === 0 ? DEFAULT_LIMIT : request.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw SearchException.invalidArgument(`limit must be 1 to ${MAX_LIMIT}`);
  }
  return { ownerId: request.ownerId, query, algorithm: resolved, filters: validateFilters(request.filters), limit };
}

export function validateSearch(
  request: SearchRequest,
  algorithms: AlgorithmDescription[],
): { job: NewJob; waitMs: number } {
  if (!request.search) {
    throw SearchException.invalidArgument('search is required');
  }
  const job = validateSubmit(request.search, algorithms);
  if (!Number.isInteger(request.waitMs) || request.waitMs < 0 || request.waitMs > MAX_WAIT_MS) {
    throw SearchException.invalidArgument(`wait_ms must be 0 to ${MAX_WAIT_MS}`);
  }
  return { job, waitMs: request.waitMs };
}

const STATE_BY_STATUS: Record<JobStatus, JobState | undefined> = {
  [JobStatus.JOB_STATUS_UNSPECIFIED]: undefined,
  [JobStatus.JOB_STATUS_QUEUED]: 'queued',
  [JobStatus.JOB_STATUS_PROCESSING]: 'processing',
  [JobStatus.JOB_STATUS_COMPLETED]: 'completed',
  [JobStatus.JOB_STATUS_FAILED]: 'failed',
  [JobStatus.JOB_STATUS_CANCELLED]: 'cancelled',
};

export function validateListQuery(request: ListJobsRequest): JobListQuery {
  assertOwner(request.ownerId);
  const states = request.statuses.map((status) => {
    const state = STATE_BY_STATUS[status];
    if (state === undefined) {
      throw SearchException.invalidArgument(`Unknown job status ${status}`);
    }
    return state;
  });
  const page = request.page === 0 ? 1 : request.page;
  const perPage = request.perPage === 0 ? DEFAULT_PER_PAGE : request.perPage;
  if (!Number.isInteger(page) || page < 1) {
    throw SearchException.invalidArgument('page must be a positive integer');
  }
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw SearchException.invalidArgument(`per_page must be 1 to ${MAX_PER_PAGE}`);
  }
  const createdAfter = parseTimestamp(request.createdAfter, 'created_after');
  const createdBefore = parseTimestamp(request.createdBefore, 'created_before');
  if (createdAfter && createdBefore && createdAfter > createdBefore) {
    throw SearchException.invalidArgument('created_after must not be later than created_before');
  }
  const queryContains = request.queryContains.trim();
  if (queryContains.length > MAX_QUERY_LENGTH) {
    throw SearchException.invalidArgument(`query_contains must be at most ${MAX_QUERY_LENGTH} characters`);
  }
  return {
    ownerId: request.ownerId,
    states: [...new Set(states)],
    createdAfter,
    createdBefore,
    queryContains: queryContains === '' ? undefined : queryContains,
    page,
    perPage,
  };
}
