import { SearchFilters } from '@proto/gen/ts/videosearch/search/v1/common';
import {
  AlgorithmInfo,
  JobEvent,
  JobStatus,
  ListJobsRequest,
  ListJobsResponse,
  SearchJob,
  SearchRequest,
  SearchResult,
  SubmitSearchRequest,
} from '@proto/gen/ts/videosearch/search/v1/search';
import { JobStatusName, ListJobsQueryDto, SubmitSearchDto } from './dto/search-request.dto';
import {
  AlgorithmDto,
  JobFiltersDto,
  JobUpdateDto,
  MatchedField,
  SearchAcceptedDto,
  SearchJobDto,
  SearchJobListDto,
  SearchJobSummaryDto,
  SearchResultDto,
} from './dto/search-response.dto';

/** The one place proto messages and REST DTOs meet. */

const DEFAULT_PAGE = 1;
const DEFAULT_PER_PAGE = 20;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function jobStatusToRest(status: JobStatus): JobStatusName {
  switch (status) {
    case JobStatus.JOB_STATUS_QUEUED:
      return 'queued';
    case JobStatus.JOB_STATUS_PROCESSING:
      return 'processing';
    case JobStatus.JOB_STATUS_COMPLETED:
      return 'completed';
    case JobStatus.JOB_STATUS_FAILED:
      return 'failed';
    case JobStatus.JOB_STATUS_CANCELLED:
      return 'cancelled';
    case JobStatus.JOB_STATUS_UNSPECIFIED:
      throw new Error('The search service sent a job without a status');
  }
}

export function jobStatusFromRest(status: JobStatusName): JobStatus {
  switch (status) {
    case 'queued':
      return JobStatus.JOB_STATUS_QUEUED;
    case 'processing':
      return JobStatus.JOB_STATUS_PROCESSING;
    case 'completed':
      return JobStatus.JOB_STATUS_COMPLETED;
    case 'failed':
      return JobStatus.JOB_STATUS_FAILED;
    case 'cancelled':
      return JobStatus.JOB_STATUS_CANCELLED;
  }
}

export function isTerminalStatus(status: JobStatus): boolean {
  return (
    status === JobStatus.JOB_STATUS_COMPLETED ||
    status === JobStatus.JOB_STATUS_FAILED ||
    status === JobStatus.JOB_STATUS_CANCELLED
  );
}

export function toSubmitSearchRequest(ownerId: number, dto: SubmitSearchDto): SubmitSearchRequest {
  return {
    ownerId,
    query: dto.query,
    algorithm: dto.algorithm ?? '',
    filters: {
      videoIds: dto.video_ids ?? [],
      minDuration: dto.filters?.min_duration,
      maxDuration: dto.filters?.max_duration,
      tags: dto.filters?.tags ?? [],
    },
    limit: dto.limit ?? 0,
  };
}

export function toSearchRequest(ownerId: number, dto: SubmitSearchDto, waitMs: number): SearchRequest {
  return { search: toSubmitSearchRequest(ownerId, dto), waitMs };
}

export function toListJobsRequest(ownerId: number, query: ListJobsQueryDto): ListJobsRequest {
  return {
    ownerId,
    statuses: (query.status ?? []).map(jobStatusFromRest),
    createdAfter: query.start_date ? startOf(query.start_date) : '',
    createdBefore: query.end_date ? endOf(query.end_date) : '',
    queryContains: query.q ?? '',
    page: query.page ?? DEFAULT_PAGE,
    perPage: query.per_page ?? DEFAULT_PER_PAGE,
  };
}

/** A bare date bounds from the start of that day (UTC). */
function startOf(date: string): string {
  return DATE_ONLY.test(date) ? `${date}T00:00:00.000Z` : new Date(date).toISOString();
}

/** A bare date as an upper bound covers the whole day (UTC). */
function endOf(date: string): string {
  return DATE_ONLY.test(date) ? `${date}T23:59:59.999Z` : new Date(date).toISOString();
}

export function toResultDto(result: SearchResult): SearchResultDto {
  return {
    video_id: result.videoId,
    title: result.title,
    relevance_score: result.relevanceScore,
    matched_text: result.matchedText,
    matched_fields: result.matchedFields.filter(isMatchedField),
  };
}

function isMatchedField(field: string): field is MatchedField {
  return field === 'title' || field === 'description' || field === 'tags';
}

export function toFiltersDto(filters: SearchFilters | undefined): JobFiltersDto {
  const dto: JobFiltersDto = {};
  if (filters?.videoIds.length) {
    dto.video_ids = filters.videoIds;
  }
  if (filters?.minDuration !== undefined) {
    dto.min_duration = filters.minDuration;
  }
  if (filters?.maxDuration !== undefined) {
    dto.max_duration = filters.maxDuration;
  }
  if (filters?.tags.length) {
    dto.tags = filters.tags;
  }
  return dto;
}

export function toJobSummaryDto(job: SearchJob): SearchJobSummaryDto {
  return {
    job_id: job.id,
    status: jobStatusToRest(job.status),
    query: job.query,
    algorithm: job.algorithm,
    filters: toFiltersDto(job.filters),
    result_count: job.resultCount,
    error: job.error || null,
    created_at: job.createdAt,
    started_at: job.startedAt || null,
    completed_at: job.completedAt || null,
    duration_ms: isTerminalStatus(job.status) ? job.durationMs : null,
  };
}

export function toJobDto(job: SearchJob): SearchJobDto {
  return { ...toJobSummaryDto(job), results: job.results.map(toResultDto) };
}

export function toAcceptedDto(job: Pick<SearchJob, 'id' | 'status'>): SearchAcceptedDto {
  return { job_id: job.id, status: jobStatusToRest(job.status) };
}

export function toJobListDto(response: ListJobsResponse): SearchJobListDto {
  const perPage = response.perPage || DEFAULT_PER_PAGE;
  return {
    jobs: response.jobs.map(toJobSummaryDto),
    pagination: {
      page: response.page || DEFAULT_PAGE,
      per_page: perPage,
      total: response.total,
      pages: Math.ceil(response.total / perPage),
    },
  };
}

export function toAlgorithmDto(algorithm: AlgorithmInfo): AlgorithmDto {
  return { name: algorithm.name, description: algorithm.description, is_default: algorithm.isDefault };
}

export function toJobUpdateDto(event: JobEvent): JobUpdateDto {
  return {
    job_id: event.jobId,
    user_id: event.ownerId,
    status: jobStatusToRest(event.status),
    result_count: event.resultCount,
    duration_ms: isTerminalStatus(event.status) ? event.durationMs : null,
    error: event.error || null,
    query: event.query,
    algorithm: event.algorithm,
    occurred_at: event.occurredAt,
  };
}
