import type { SearchFilters } from '@proto/gen/ts/videosearch/search/v1/common';
import {
  JobStatus,
  type ListJobsRequest,
  type RecordClickRequest,
  type SearchRequest,
  type SubmitSearchRequest,
} from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchException } from '@search/common/search.exception';
import type { AlgorithmDescription, FacetName, SortCriterion, SortField } from '@search/engine/search-engine';
import type { JobState } from './job-state';
import type { StoredFilters, StoredHighlight } from './search-job.entity';

export const MAX_QUERY_LENGTH = 500;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_WAIT_MS = 30_000;
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
export const MAX_OFFSET = 10_000;
export const DEFAULT_CROP_LENGTH = 30;
export const MAX_CROP_LENGTH = 200;
export const DEFAULT_HIGHLIGHT_PRE_TAG = '<mark>';
export const DEFAULT_HIGHLIGHT_POST_TAG = '</mark>';
const MAX_HIGHLIGHT_TAG_LENGTH = 50;
export const MAX_SORT_CRITERIA = 4;
/** The last result a page can show. */
export const MAX_CLICK_POSITION = MAX_OFFSET + MAX_LIMIT;
export const FACET_NAMES: readonly FacetName[] = ['tags', 'duration'];
export const SORT_FIELDS: readonly SortField[] = ['relevance', 'duration', 'created_at', 'title'];
const MAX_VIDEO_IDS = 1000;
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 100;
/** Ten days: a larger bound is a client bug, not a video. */
const MAX_DURATION_SECONDS = 864000;

export interface NewJob {
  ownerId: number;
  query: string;
  queryKey: string;
  algorithm: string;
  filters: StoredFilters;
  limit: number;
  offset: number;
  facets: FacetName[];
  sort: SortCriterion[];
  highlight: StoredHighlight;
  explain: boolean;
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

/** Past queries are matched and counted case-insensitively, whatever the spacing. */
export function toQueryKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
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

function validateTags(values: string[] | undefined, field: string): string[] {
  const tags = (values ?? []).map((tag) => tag.trim());
  if (tags.length > MAX_TAGS || tags.some((tag) => tag === '' || tag.length > MAX_TAG_LENGTH)) {
    throw SearchException.invalidArgument(
      `filters.${field} must be at most ${MAX_TAGS} non-empty tags of up to ${MAX_TAG_LENGTH} characters`,
    );
  }
  return tags;
}

function validateFilters(filters: SearchFilters | undefined): StoredFilters {
  const videoIds = filters?.videoIds ?? [];
  if (videoIds.length > MAX_VIDEO_IDS || videoIds.some((id) => !Number.isInteger(id) || id <= 0)) {
    throw SearchException.invalidArgument(`video_ids must be at most ${MAX_VIDEO_IDS} positive integers`);
  }
  const tags = validateTags(filters?.tags, 'tags');
  const tagsAll = validateTags(filters?.tagsAll, 'tags_all');
  const tagsNot = validateTags(filters?.tagsNot, 'tags_not');
  const minDuration = validateDuration(filters?.minDuration, 'min_duration');
  const maxDuration = validateDuration(filters?.maxDuration, 'max_duration');
  if (minDuration !== undefined && maxDuration !== undefined && minDuration > maxDuration) {
    throw SearchException.invalidArgument('filters.min_duration must not exceed filters.max_duration');
  }
  const createdAfter = parseTimestamp(filters?.createdAfter ?? '', 'filters.created_after');
  // A bare date as the upper bound takes in that whole day, as "inclusive" reads.
  const before = filters?.createdBefore ?? '';
  const createdBefore = parseTimestamp(
    /^\d{4}-\d{2}-\d{2}$/.test(before) ? `${before}T23:59:59.999Z` : before,
    'filters.created_before',
  );
  if (createdAfter !== undefined && createdBefore !== undefined && createdAfter > createdBefore) {
    throw SearchException.invalidArgument('filters.created_after must not be later than filters.created_before');
  }
  const stored: StoredFilters = { videoIds: [...new Set(videoIds)], tags, minDuration, maxDuration };
  // Only the filters given are stored, so the jobs of plain searches stay as small as before.
  if (tagsAll.length > 0) {
    stored.tagsAll = tagsAll;
  }
  if (tagsNot.length > 0) {
    stored.tagsNot = tagsNot;
  }
  if (createdAfter !== undefined) {
    stored.createdAfter = createdAfter;
  }
  if (createdBefore !== undefined) {
    stored.createdBefore = createdBefore;
  }
  return stored;
}

function validateFacets(values: string[]): FacetName[] {
  const facets = new Set<FacetName>();
  for (const value of values) {
    const name = value.trim().toLowerCase() as FacetName;
    if (!FACET_NAMES.includes(name)) {
      throw SearchException.invalidArgument(`Unknown facet "${value}"; expected one of: ${FACET_NAMES.join(', ')}`);
    }
    facets.add(name);
  }
  return [...facets];
}

/** "field" or "field:direction"; a field alone sorts ascending, except relevance (most relevant first). */
export function parseSort(values: string[]): SortCriterion[] {
  if (values.length > MAX_SORT_CRITERIA) {
    throw SearchException.invalidArgument(`sort takes at most ${MAX_SORT_CRITERIA} criteria`);
  }
  const sort: SortCriterion[] = [];
  for (const value of values) {
    const [rawField, rawDirection, ...rest] = value.trim().toLowerCase().split(':');
    const field = rawField.trim() as SortField;
    if (!SORT_FIELDS.includes(field) || rest.length > 0) {
      throw SearchException.invalidArgument(
        `Unknown sort "${value}"; expected field[:asc|desc] with field one of: ${SORT_FIELDS.join(', ')}`,
      );
    }
    const direction = rawDirection === undefined ? (field === 'relevance' ? 'desc' : 'asc') : rawDirection.trim();
    if (direction !== 'asc' && direction !== 'desc') {
      throw SearchException.invalidArgument(`Bad sort direction in "${value}"; expected asc or desc`);
    }
    if (sort.some((criterion) => criterion.field === field)) {
      throw SearchException.invalidArgument(`sort names ${field} more than once`);
    }
    sort.push({ field, direction });
  }
  return sort;
}

function validateHighlight(request: SubmitSearchRequest): StoredHighlight {
  for (const [field, value] of [
    ['highlight_pre_tag', request.highlightPreTag ?? ''],
    ['highlight_post_tag', request.highlightPostTag ?? ''],
  ] as const) {
    if (value.length > MAX_HIGHLIGHT_TAG_LENGTH) {
      throw SearchException.invalidArgument(`${field} must be at most ${MAX_HIGHLIGHT_TAG_LENGTH} characters`);
    }
  }
  const cropLength = (request.cropLength ?? 0) === 0 ? DEFAULT_CROP_LENGTH : request.cropLength;
  if (!Number.isInteger(cropLength) || cropLength < 1 || cropLength > MAX_CROP_LENGTH) {
    throw SearchException.invalidArgument(
      `crop_length must be 1 to ${MAX_CROP_LENGTH} (0 selects ${DEFAULT_CROP_LENGTH})`,
    );
  }
  return {
    preTag: request.highlightPreTag || DEFAULT_HIGHLIGHT_PRE_TAG,
    postTag: request.highlightPostTag || DEFAULT_HIGHLIGHT_POST_TAG,
    cropLength,
  };
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
  const offset = request.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw SearchException.invalidArgument(`offset must be 0 to ${MAX_OFFSET}`);
  }
  return {
    ownerId: request.ownerId,
    query,
    queryKey: toQueryKey(query),
    algorithm: resolved,
    filters: validateFilters(request.filters),
    limit,
    offset,
    facets: validateFacets(request.facets ?? []),
    sort: parseSort(request.sort ?? []),
    highlight: validateHighlight(request),
    explain: request.explain ?? false,
  };
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

/** The click's own fields; the job is checked by the caller (NOT_FOUND when it is not the owner's). */
export function validateClick(request: RecordClickRequest): void {
  assertOwner(request.ownerId);
  if (!Number.isInteger(request.videoId) || request.videoId <= 0) {
    throw SearchException.invalidArgument('video_id must be a positive integer');
  }
  if (!Number.isInteger(request.position) || request.position < 1 || request.position > MAX_CLICK_POSITION) {
    throw SearchException.invalidArgument(`position must be 1 to ${MAX_CLICK_POSITION} (1 is the first result)`);
  }
}
