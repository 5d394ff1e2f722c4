import { JobEvent, JobStatus, SearchJob } from '@proto/gen/ts/videosearch/search/v1/search';
import type { JobState } from './job-state';
import type { SearchJobEntity } from './search-job.entity';

const STATUS_BY_STATE: Record<JobState, JobStatus> = {
  queued: JobStatus.JOB_STATUS_QUEUED,
  processing: JobStatus.JOB_STATUS_PROCESSING,
  completed: JobStatus.JOB_STATUS_COMPLETED,
  failed: JobStatus.JOB_STATUS_FAILED,
  cancelled: JobStatus.JOB_STATUS_CANCELLED,
};

export function toJobStatus(state: JobState): JobStatus {
  return STATUS_BY_STATE[state];
}

export function toSearchJob(job: SearchJobEntity, includeResults: boolean): SearchJob {
  return {
    id: job.id,
    ownerId: job.ownerId,
    query: job.query,
    algorithm: job.algorithm,
    filters: {
      videoIds: job.filters.videoIds,
      minDuration: job.filters.minDuration,
      maxDuration: job.filters.maxDuration,
      tags: job.filters.tags,
    },
    status: toJobStatus(job.status),
    resultCount: job.resultCount,
    results: includeResults ? (job.results ?? []) : [],
    error: job.error ?? '',
    createdAt: job.createdAt,
    startedAt: job.startedAt ?? '',
    completedAt: job.completedAt ?? '',
    durationMs: job.durationMs ?? 0,
    attempts: job.attempts,
    limit: job.limit,
  };
}

export function toJobEvent(job: SearchJobEntity, resync: boolean): JobEvent {
  return {
    jobId: job.id,
    ownerId: job.ownerId,
    status: toJobStatus(job.status),
    resultCount: job.resultCount,
    durationMs: job.durationMs ?? 0,
    error: job.error ?? '',
    query: job.query,
    algorithm: job.algorithm,
    occurredAt: job.updatedAt,
    resync,
  };
}
