/**
 * REST shapes of the gateway (`/api/v1`). JSON is snake_case. Shapes the gateway documents exactly are the SDK's
 * models, generated from its OpenAPI document (sdk/src/generated, `npm run sdk:generate`); the rest are the
 * dashboard's own views of an answer (narrower query types, enums as unions).
 */
import type {
  AlgorithmDto,
  ApiKeyComparisonDto,
  ApiKeyComparisonRowDto,
  ApiKeyDto,
  AuthResponseDto,
  CaptionCueDto,
  CaptionsDto,
  CaptionsSummaryDto,
  CircuitBreakerDto,
  CreatedApiKeyDto,
  CreateVideoDto,
  DailyUsageDto,
  EndpointUsageDto,
  HealthResponseDto,
  LatencyDto,
  MomentDto,
  PaginationDto,
  QueryCountDto,
  QuotaStatusDto,
  QuotaWindowDto,
  SearchAnalyticsDto,
  SearchDayStatsDto,
  SearchQueryStatsDto,
  SearchResultDto,
  SystemStatusDto,
  UsageDto,
  UserDto,
  VideoDto,
} from '@video-search/sdk/models';

export type User = UserDto;

export type AuthResponse = AuthResponseDto;

export type Pagination = PaginationDto;

export type Video = VideoDto;

export type VideoInput = CreateVideoDto;

/** A video's captions with every cue (`GET …/videos/:videoId/captions`). */
export type Captions = CaptionsDto;

/** Seconds, `t` the start as [h:]mm:ss, `text` plain. */
export type CaptionCue = CaptionCueDto;

/** The answer of an upload: the captions without their cues. */
export type CaptionsSummary = CaptionsSummaryDto;

export type VideoSort = 'created_at' | 'title' | 'duration';
export type SortOrder = 'asc' | 'desc';

export interface VideoListQuery {
  page: number;
  per_page: number;
  sort: VideoSort;
  order: SortOrder;
  q?: string;
  tag?: string;
  min_duration?: number | null;
  max_duration?: number | null;
  created_after?: string;
  created_before?: string;
}

export interface VideoList {
  videos: Video[];
  pagination: Pagination;
}

export type JobStatus = 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';

export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'processing', 'completed', 'failed', 'cancelled'];

export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

/** `moments`: where the query matched the captions, best first (empty when they did not match). */
export type SearchResult = SearchResultDto;

export type SearchMoment = MomentDto;

export type MatchedField = SearchResultDto['matched_fields'][number];

export interface SearchFilters {
  min_duration?: number;
  max_duration?: number;
  tags?: string[];
}

export interface SearchRequest {
  query: string;
  video_ids?: number[];
  algorithm?: string;
  filters?: SearchFilters;
  limit?: number;
  explain?: boolean;
}

/** 200 when the job finished within the wait budget, otherwise 202 with only `job_id` and `status`. */
export interface SearchSubmission {
  job_id: string;
  status: JobStatus;
  results?: SearchResult[];
  result_count?: number;
  algorithm?: string;
  duration_ms?: number | null;
  created_at?: string;
  completed_at?: string | null;
}

export interface SearchJob {
  job_id: string;
  status: JobStatus;
  query: string;
  algorithm: string;
  filters: SearchFilters | null;
  results?: SearchResult[];
  result_count: number;
  error: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  duration_ms: number | null;
  /** Whether the results carry an explanation. */
  explain?: boolean;
}

export interface JobListQuery {
  page: number;
  per_page: number;
  status?: JobStatus | '';
  start_date?: string;
  end_date?: string;
  q?: string;
}

export interface JobList {
  jobs: SearchJob[];
  pagination: Pagination;
}

export type SearchAlgorithm = AlgorithmDto;

export interface ApiKeyLimits {
  rate_limit_per_minute: number | null;
  daily_quota: number | null;
  monthly_quota: number | null;
}

/** What an API key may do; a key is created with all of them unless told otherwise. */
export const API_KEY_PERMISSIONS = ['search', 'videos:read', 'videos:write', 'analytics:read', 'keys:manage'] as const;
export type ApiKeyPermission = (typeof API_KEY_PERMISSIONS)[number];

export interface ApiKeyInput {
  name: string;
  rate_limit_per_minute?: number;
  daily_quota?: number;
  monthly_quota?: number;
  /** Omitted: every permission. */
  permissions?: ApiKeyPermission[];
  /** ISO 8601 instant in the future; omitted: the key never expires. */
  expires_at?: string;
}

export type CreatedApiKey = CreatedApiKeyDto;

/** `expired`: expires_at has passed (the key answers 401 `API key expired`); revoked keys are listed only with include_revoked=true. */
export type ApiKey = ApiKeyDto;

export interface DateRange {
  start_date?: string;
  end_date?: string;
}

export interface AnalyticsQuery extends DateRange {
  api_key_id?: string;
}

export type LatencySummary = LatencyDto;

/** Rates in analytics responses are percentages, 0..100. */
export type EndpointUsage = EndpointUsageDto;

export type UsageSummary = UsageDto;

export type DailyUsage = DailyUsageDto;

export type ApiKeyUsageRow = ApiKeyComparisonRowDto;

export type ApiKeyAnalytics = ApiKeyComparisonDto;

export type QueryStat = QueryCountDto;

/** Click-through figures of one query or one day; rates are 0..1, positions 1-based (null without clicks). */
export type SearchQueryClickStats = SearchQueryStatsDto;

export type SearchDayClickStats = SearchDayStatsDto;

export type SearchAnalytics = SearchAnalyticsDto;

export type QuotaWindow = QuotaWindowDto;

export type Quota = QuotaStatusDto;

export type ExportFormat = 'csv' | 'json';
export type ExportType = 'usage' | 'jobs';

export type BreakerState = CircuitBreakerDto['state'];

export type CircuitBreaker = CircuitBreakerDto;

export type SystemStatus = SystemStatusDto;

export type Health = HealthResponseDto;
