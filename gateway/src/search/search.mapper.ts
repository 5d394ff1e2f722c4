import { SearchFilters } from '@proto/gen/ts/videosearch/search/v1/common';
import { SearchSettings, Suggestion } from '@proto/gen/ts/videosearch/search/v1/index';
import {
  AlgorithmInfo,
  Click,
  Explanation,
  FacetCounts,
  FieldMatch,
  Highlights,
  HitChange,
  JobEvent,
  JobReplay,
  JobStatus,
  ListJobsRequest,
  ListJobsResponse,
  Moment,
  PartDifference,
  ResultComparison,
  SearchJob,
  SearchRequest,
  SearchResult,
  SubmitSearchRequest,
  WordExplanation,
} from '@proto/gen/ts/videosearch/search/v1/search';
import { ExplanationDto, FieldMatchDto, WordExplanationDto } from './dto/explanation.dto';
import { InstantSearchQueryDto } from './dto/search-options.dto';
import { JobStatusName, ListJobsQueryDto, SubmitSearchDto } from './dto/search-request.dto';
import {
  AlgorithmDto,
  ClickDto,
  FacetDistributionDto,
  HitChangeDto,
  HitChangeName,
  JobFiltersDto,
  JobReplayDto,
  JobUpdateDto,
  MatchedField,
  MomentDto,
  PartDifferenceDto,
  ResultComparisonDto,
  SearchAcceptedDto,
  SearchHighlightsDto,
  SearchJobDto,
  SearchJobListDto,
  SearchJobSummaryDto,
  SearchResultDto,
} from './dto/search-response.dto';
import { SearchSettingsDto, SearchSettingsInputDto } from './dto/search-settings.dto';

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
      tagsAll: dto.filters?.tags_all ?? [],
      tagsNot: dto.filters?.tags_not ?? [],
      createdAfter: dto.filters?.created_after ?? '',
      createdBefore: dto.filters?.created_before ?? '',
    },
    limit: dto.limit ?? 0,
    offset: dto.offset ?? 0,
    facets: dto.facets ?? [],
    sort: dto.sort ?? [],
    highlightPreTag: dto.highlight_pre_tag ?? '',
    highlightPostTag: dto.highlight_post_tag ?? '',
    cropLength: dto.crop_length ?? 0,
    explain: dto.explain ?? false,
  };
}

/** Instant search's query parameters as the POST body they stand for. */
export function instantQueryToSearch(query: InstantSearchQueryDto): SubmitSearchDto {
  const { q, video_ids, min_duration, max_duration, tags, tags_all, tags_not, created_after, created_before, ...rest } =
    query;
  const filters = { min_duration, max_duration, tags, tags_all, tags_not, created_after, created_before };
  return { ...rest, query: q, video_ids, filters };
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
  const dto: SearchResultDto = {
    video_id: result.videoId,
    title: result.title,
    relevance_score: result.relevanceScore,
    matched_text: result.matchedText,
    matched_fields: result.matchedFields.filter(isMatchedField),
    moments: result.moments.map(toMomentDto),
  };
  if (result.highlights) {
    dto.highlights = toHighlightsDto(result.highlights);
  }
  if (result.explanation) {
    dto.explanation = toExplanationDto(result.explanation);
  }
  return dto;
}

export function toExplanationDto(explanation: Explanation): ExplanationDto {
  const parts = explanation.parts;
  const dto: ExplanationDto = {
    words: explanation.words.map(toWordExplanationDto),
    normalization: explanation.normalization,
    coverage: explanation.coverage,
    coverage_factor: explanation.coverageFactor,
    fields_score: explanation.fieldsScore,
    caption_score: explanation.captionScore,
    caption_cue: explanation.captionCue,
    parts: {
      words: parts?.words ?? 0,
      proximity: parts?.proximity ?? 0,
      exact_match_bonus: parts?.exactMatchBonus ?? 0,
      captions: parts?.captions ?? 0,
      rank_cap: parts?.rankCap ?? 0,
    },
    score: explanation.score,
  };
  if (explanation.proximity) {
    const { pairScore, asTypedShare, kept } = explanation.proximity;
    dto.proximity = { pair_score: pairScore, as_typed_share: asTypedShare, kept };
  }
  return dto;
}

function toWordExplanationDto(word: WordExplanation): WordExplanationDto {
  return {
    word: word.word,
    kind: word.kind,
    matched: word.matched,
    typo_distance: word.typoDistance,
    expansion_weight: word.expansionWeight,
    idf: word.idf,
    fields: word.fields.map(toFieldMatchDto),
    term_frequency: word.termFrequency,
    raw_score: word.rawScore,
    part: word.part,
    caption_cue: word.captionCue
      ? {
          start_ms: word.captionCue.startMs,
          end_ms: word.captionCue.endMs,
          text: word.captionCue.text,
          matched: word.captionCue.matched,
        }
      : null,
  };
}

function toFieldMatchDto(match: FieldMatch): FieldMatchDto {
  return { field: match.field, frequency: match.frequency, weight: match.weight, length_norm: match.lengthNorm };
}

export function toComparisonDto(comparison: ResultComparison): ResultComparisonDto {
  if (!comparison.a || !comparison.b) {
    throw new Error('The search service sent a comparison without both results');
  }
  return {
    a: toResultDto(comparison.a),
    b: toResultDto(comparison.b),
    score_difference: comparison.scoreDifference,
    differences: comparison.differences.map(toPartDifferenceDto),
    summary: comparison.summary,
  };
}

export function toReplayDto(replay: JobReplay): JobReplayDto {
  const job = replay.job;
  if (!job) {
    throw new Error('The search service sent a replay without its job');
  }
  return {
    job_id: job.id,
    query: job.query,
    completed_at: job.completedAt || null,
    replayed_at: replay.replayedAt,
    before: { results: job.results.map(toResultDto), estimated_total_hits: job.estimatedTotalHits },
    after: { results: replay.results.map(toResultDto), estimated_total_hits: replay.estimatedTotalHits },
    changes: replay.changes.map(toHitChangeDto),
    summary: { moved: replay.moved, new: replay.added, lost: replay.lost, unchanged: replay.unchanged },
  };
}

function toHitChangeDto(change: HitChange): HitChangeDto {
  const before = change.beforePosition > 0;
  const after = change.afterPosition > 0;
  return {
    video_id: change.videoId,
    title: change.title,
    change: change.change as HitChangeName,
    before_position: before ? change.beforePosition : null,
    after_position: after ? change.afterPosition : null,
    before_score: before ? change.beforeScore : null,
    after_score: after ? change.afterScore : null,
  };
}

function toPartDifferenceDto(difference: PartDifference): PartDifferenceDto {
  return { part: difference.part, a: difference.a, b: difference.b, difference: difference.difference };
}

function toMomentDto(moment: Moment): MomentDto {
  return { start: moment.start, end: moment.end, t: moment.t, text: moment.text };
}

function toHighlightsDto(highlights: Highlights): SearchHighlightsDto {
  return { title: highlights.title, description: highlights.description, tags: highlights.tags };
}

/** Only the facets the search asked for; none at all (no field) when it asked for none. */
function toFacetDistributionDto(job: SearchJob): FacetDistributionDto | undefined {
  const distribution = job.facetDistribution;
  const names = new Set([...job.facets, ...Object.keys(distribution)]);
  if (names.size === 0) {
    return undefined;
  }
  const dto: FacetDistributionDto = {};
  for (const name of names) {
    if (name === 'tags' || name === 'duration') {
      dto[name] = countsOf(distribution[name]);
    }
  }
  return dto;
}

function countsOf(facet: FacetCounts | undefined): Record<string, number> {
  return { ...(facet?.counts ?? {}) };
}

function isMatchedField(field: string): field is MatchedField {
  return field === 'title' || field === 'description' || field === 'tags' || field === 'captions';
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
  if (filters?.tagsAll.length) {
    dto.tags_all = filters.tagsAll;
  }
  if (filters?.tagsNot.length) {
    dto.tags_not = filters.tagsNot;
  }
  if (filters?.createdAfter) {
    dto.created_after = filters.createdAfter;
  }
  if (filters?.createdBefore) {
    dto.created_before = filters.createdBefore;
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
    explain: job.explain,
  };
}

export function toJobDto(job: SearchJob): SearchJobDto {
  const dto: SearchJobDto = {
    ...toJobSummaryDto(job),
    results: job.results.map(toResultDto),
    estimated_total_hits: job.estimatedTotalHits,
    offset: job.offset,
    limit: job.limit,
  };
  const facets = toFacetDistributionDto(job);
  if (facets) {
    dto.facet_distribution = facets;
  }
  return dto;
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

export function toClickDto(click: Click): ClickDto {
  return { job_id: click.jobId, video_id: click.videoId, position: click.position, clicked_at: click.clickedAt };
}

/** Best first, as the service ranks them; a word that is also a past query is listed once. */
export function toSuggestionTexts(suggestions: Suggestion[]): string[] {
  return [...new Set(suggestions.map((suggestion) => suggestion.text))];
}

export function toSearchSettingsDto(settings: SearchSettings): SearchSettingsDto {
  return {
    synonyms: Object.fromEntries(Object.entries(settings.synonyms).map(([word, list]) => [word, list.words])),
    stop_words: settings.stopWords,
    typo_tolerance: {
      enabled: settings.typoTolerance?.enabled ?? true,
      min_word_size_one_typo: settings.typoTolerance?.minWordSizeOneTypo ?? 0,
      min_word_size_two_typos: settings.typoTolerance?.minWordSizeTwoTypos ?? 0,
    },
    field_weights: {
      title: settings.fieldWeights?.title ?? 0,
      description: settings.fieldWeights?.description ?? 0,
      tags: settings.fieldWeights?.tags ?? 0,
    },
    updated_at: settings.updatedAt || null,
  };
}

/**
 * The PUT body as the service's whole settings. An omitted part travels unset (the service's defaults);
 * a typo size left out travels as 0, which the service reads as its default too.
 */
export function toSearchSettings(ownerId: number, dto: SearchSettingsInputDto): SearchSettings {
  const typo = dto.typo_tolerance;
  return {
    ownerId,
    synonyms: Object.fromEntries(Object.entries(dto.synonyms ?? {}).map(([word, words]) => [word, { words }])),
    stopWords: dto.stop_words ?? [],
    typoTolerance: typo
      ? {
          enabled: typo.enabled ?? true,
          minWordSizeOneTypo: typo.min_word_size_one_typo ?? 0,
          minWordSizeTwoTypos: typo.min_word_size_two_typos ?? 0,
        }
      : undefined,
    fieldWeights: dto.field_weights
      ? { title: dto.field_weights.title, description: dto.field_weights.description, tags: dto.field_weights.tags }
      : undefined,
    updatedAt: '',
  };
}
