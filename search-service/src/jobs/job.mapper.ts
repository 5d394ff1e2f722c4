import {
  Explanation,
  FacetCounts,
  JobEvent,
  JobStatus,
  Moment,
  SearchJob,
  SearchResult,
} from '@proto/gen/ts/videosearch/search/v1/search';
import type { EngineExplanation, EngineMoment, SortCriterion } from '@search/engine/search-engine';
import { escapeHtml } from '@search/engine/snippet/snippet-builder';
import type { JobState } from './job-state';
import type { SearchJobEntity, StoredFacetDistribution, StoredResult } from './search-job.entity';

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

export function toSearchResult(result: StoredResult): SearchResult {
  return {
    videoId: result.videoId,
    title: result.title,
    relevanceScore: result.relevanceScore,
    matchedText: result.matchedText,
    matchedFields: result.matchedFields,
    // Results stored before highlights existed: the title as its highlight would render it, with no marks.
    highlights: result.highlights ?? {
      title: escapeHtml(result.title),
      description: '',
      tags: [],
    },
    moments: (result.moments ?? []).map(toMoment),
    explanation: result.explanation ? toExplanation(result.explanation) : undefined,
  };
}

/** The optional `proximity` becomes the proto's explicit field (undefined outside the reranked head). */
/** Explanations stored before per-word caption cues existed have none. */
function toExplanation(explanation: EngineExplanation): Explanation {
  return {
    ...explanation,
    proximity: explanation.proximity,
    words: explanation.words.map((word) => ({ ...word, captionCue: word.captionCue ?? undefined })),
  };
}

function toMoment(moment: EngineMoment): Moment {
  return {
    start: moment.startMs / 1000,
    end: moment.endMs / 1000,
    t: formatTimestamp(moment.startMs),
    text: moment.text,
  };
}

/** `m:ss` under ten minutes reads oddly beside `mm:ss`; players show `04:12` and `1:02:03`. */
export function formatTimestamp(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}`
    : `${String(minutes).padStart(2, '0')}:${rest}`;
}

function toFacetDistribution(distribution: StoredFacetDistribution | null): Record<string, FacetCounts> {
  return Object.fromEntries(Object.entries(distribution ?? {}).map(([facet, counts]) => [facet, { counts }]));
}

export function formatSort(sort: readonly SortCriterion[]): string[] {
  return sort.map((criterion) => `${criterion.field}:${criterion.direction}`);
}

/** Without results, the facet distribution is left out too: both are the heavy part of a job. */
export function toSearchJob(job: SearchJobEntity, includeResults: boolean): SearchJob {
  const { filters } = job;
  return {
    id: job.id,
    ownerId: job.ownerId,
    query: job.query,
    algorithm: job.algorithm,
    filters: {
      videoIds: filters.videoIds,
      minDuration: filters.minDuration,
      maxDuration: filters.maxDuration,
      tags: filters.tags,
      tagsAll: filters.tagsAll ?? [],
      tagsNot: filters.tagsNot ?? [],
      createdAfter: filters.createdAfter ?? '',
      createdBefore: filters.createdBefore ?? '',
    },
    status: toJobStatus(job.status),
    resultCount: job.resultCount,
    results: includeResults ? (job.results ?? []).map(toSearchResult) : [],
    error: job.error ?? '',
    createdAt: job.createdAt,
    startedAt: job.startedAt ?? '',
    completedAt: job.completedAt ?? '',
    durationMs: job.durationMs ?? 0,
    attempts: job.attempts,
    limit: job.limit,
    offset: job.offset,
    estimatedTotalHits: job.estimatedTotalHits,
    facetDistribution: includeResults ? toFacetDistribution(job.facetDistribution) : {},
    facets: job.facets,
    sort: formatSort(job.sort),
    explain: job.explain,
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
