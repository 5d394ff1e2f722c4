import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PaginationDto } from '../../common/dto/pagination.dto';
import { ExplanationDto } from './explanation.dto';
import { JOB_STATUSES, JobStatusName } from './search-request.dto';

const MATCHED_FIELDS = ['title', 'description', 'tags', 'captions'] as const;
export type MatchedField = (typeof MATCHED_FIELDS)[number];

export class SearchHighlightsDto {
  @ApiProperty({
    description: 'The title, matched words between the highlight tags',
    example: '<mark>Pasta</mark> night',
  })
  title: string;

  @ApiProperty({
    description: 'The description cropped to crop_length words around the best match, matched words marked',
    example: '... a quick <mark>pasta</mark> for weeknights ...',
  })
  description: string;

  @ApiProperty({ type: [String], description: 'Every tag, matched words marked', example: ['<mark>pasta</mark>'] })
  tags: string[];
}

export class MomentDto {
  @ApiProperty({ description: 'Seconds from the start of the video (millisecond precision)', example: 252.5 })
  start: number;

  @ApiProperty({ description: 'Seconds from the start of the video', example: 256 })
  end: number;

  @ApiProperty({ description: 'The start as [h:]mm:ss', example: '04:12' })
  t: string;

  @ApiProperty({
    description: "The matching cue's text, matched words between the highlight tags",
    example: 'now feed the sourdough <mark>starter</mark> every day',
  })
  text: string;
}

export class SearchResultDto {
  @ApiProperty({ example: 42 })
  video_id: number;

  @ApiProperty({ example: 'Cooking pasta at home' })
  title: string;

  @ApiProperty({ description: 'Normalised to 0..1; results are sorted by it, descending', example: 0.93 })
  relevance_score: number;

  @ApiProperty({
    description: 'Snippet of the best matching field, matched words wrapped in <mark></mark>',
    example: '<mark>Cooking</mark> <mark>pasta</mark> at home',
  })
  matched_text: string;

  @ApiProperty({ enum: MATCHED_FIELDS, isArray: true, example: ['title', 'description'] })
  matched_fields: MatchedField[];

  @ApiPropertyOptional({ type: SearchHighlightsDto, description: 'Each field with its matched words marked' })
  highlights?: SearchHighlightsDto;

  @ApiProperty({
    type: [MomentDto],
    description: "Where the query matched the video's captions, best first; empty when it matched none",
  })
  moments: MomentDto[];

  @ApiPropertyOptional({
    type: ExplanationDto,
    description: 'Only when the search asked to explain: why the result scored its relevance_score',
  })
  explanation?: ExplanationDto;
}

export class JobFiltersDto {
  @ApiPropertyOptional({ type: [Number], example: [1, 2] })
  video_ids?: number[];

  @ApiPropertyOptional({ example: 60 })
  min_duration?: number;

  @ApiPropertyOptional({ example: 3600 })
  max_duration?: number;

  @ApiPropertyOptional({ type: [String], example: ['tutorial'] })
  tags?: string[];

  @ApiPropertyOptional({ type: [String], example: ['italian'] })
  tags_all?: string[];

  @ApiPropertyOptional({ type: [String], example: ['draft'] })
  tags_not?: string[];

  @ApiPropertyOptional({ format: 'date-time' })
  created_after?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  created_before?: string;
}

/** Per requested facet, value to number of matching videos (over every match, not only the page). */
export class FacetDistributionDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { pasta: 3, italian: 2 },
  })
  tags?: Record<string, number>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Always the four buckets, in seconds',
    example: { '0-60': 1, '60-300': 4, '300-1200': 0, '1200+': 0 },
  })
  duration?: Record<string, number>;
}

/** A job as listed: everything but the results. */
export class SearchJobSummaryDto {
  @ApiProperty({ format: 'uuid', example: '2f1c7a56-3c1e-4c55-9a43-6f0f3a1f9b1e' })
  job_id: string;

  @ApiProperty({ enum: JOB_STATUSES, example: 'completed' })
  status: JobStatusName;

  @ApiProperty({ example: 'cooking pasta' })
  query: string;

  @ApiProperty({ example: 'auto' })
  algorithm: string;

  @ApiProperty({ type: JobFiltersDto })
  filters: JobFiltersDto;

  @ApiProperty({ example: 3 })
  result_count: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the job failed', example: null })
  error: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  started_at: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completed_at: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Processing time in milliseconds', example: 12.5 })
  duration_ms: number | null;

  @ApiProperty({ description: 'Whether the results carry an explanation', example: false })
  explain: boolean;
}

export class SearchJobDto extends SearchJobSummaryDto {
  @ApiProperty({ type: [SearchResultDto], description: 'Empty until the job completes' })
  results: SearchResultDto[];

  @ApiProperty({ description: 'Every match, not only this page', example: 42 })
  estimated_total_hits: number;

  @ApiProperty({ description: 'Matches skipped before the first result', example: 0 })
  offset: number;

  @ApiProperty({ description: 'The page size the search used', example: 20 })
  limit: number;

  @ApiPropertyOptional({ type: FacetDistributionDto, description: 'Only when the search asked for facets' })
  facet_distribution?: FacetDistributionDto;
}

export class PartDifferenceDto {
  @ApiProperty({
    description: '"word:<query word>", "proximity", "exact_match_bonus", "captions" or "rank_cap"',
    example: 'word:pasta',
  })
  part: string;

  @ApiProperty({ description: "The part of a's score", example: 0.41 })
  a: number;

  @ApiProperty({ description: "The part of b's score", example: 0.12 })
  b: number;

  @ApiProperty({ description: 'a - b', example: 0.29 })
  difference: number;
}

export class ResultComparisonDto {
  @ApiProperty({ type: SearchResultDto, description: 'Video a, with its explanation' })
  a: SearchResultDto;

  @ApiProperty({ type: SearchResultDto, description: 'Video b, with its explanation' })
  b: SearchResultDto;

  @ApiProperty({ description: "a's relevance_score minus b's", example: 0.31 })
  score_difference: number;

  @ApiProperty({
    type: [PartDifferenceDto],
    description: 'Every score part either side has, largest absolute difference first; they add up to score_difference',
  })
  differences: PartDifferenceDto[];

  @ApiProperty({
    description: 'Which video ranks higher and the part that decides it most',
    example: 'Video 42 scores 0.31 above video 7, mostly from "pasta" (+0.29).',
  })
  summary: string;
}

export const HIT_CHANGES = ['moved', 'new', 'lost', 'unchanged'] as const;
export type HitChangeName = (typeof HIT_CHANGES)[number];

export class HitChangeDto {
  @ApiProperty({ example: 42 })
  video_id: number;

  @ApiProperty({ example: 'Pasta carbonara' })
  title: string;

  @ApiProperty({ enum: HIT_CHANGES, example: 'moved' })
  change: HitChangeName;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Rank in the recorded answer (offset included); null when it was not there',
    example: 3,
  })
  before_position: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Rank now; null when it is gone', example: 1 })
  after_position: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.71 })
  before_score: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.93 })
  after_score: number | null;
}

export class ReplayPageDto {
  @ApiProperty({ type: [SearchResultDto] })
  results: SearchResultDto[];

  @ApiProperty({ example: 42 })
  estimated_total_hits: number;
}

export class ReplaySummaryDto {
  @ApiProperty({ example: 2 })
  moved: number;

  @ApiProperty({ example: 1 })
  new: number;

  @ApiProperty({ example: 1 })
  lost: number;

  @ApiProperty({ example: 6 })
  unchanged: number;
}

export class JobReplayDto {
  @ApiProperty({ format: 'uuid' })
  job_id: string;

  @ApiProperty({ example: 'cooking pasta' })
  query: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the recorded answer was made' })
  completed_at: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the replay ran' })
  replayed_at: string;

  @ApiProperty({ type: ReplayPageDto, description: 'The page the job answered when it ran' })
  before: ReplayPageDto;

  @ApiProperty({ type: ReplayPageDto, description: "The same page of the same question, against today's index" })
  after: ReplayPageDto;

  @ApiProperty({
    type: [HitChangeDto],
    description: "One per video on either page: the new page's order, then the lost hits in their old order",
  })
  changes: HitChangeDto[];

  @ApiProperty({ type: ReplaySummaryDto })
  summary: ReplaySummaryDto;
}

export class MultiSearchResultDto {
  @ApiProperty({ type: [SearchJobDto], description: 'One answer per query, in the order asked' })
  results: SearchJobDto[];
}

export class SuggestionsDto {
  @ApiProperty({ type: [String], description: 'Best first', example: ['carbonara', 'carbon steel'] })
  suggestions: string[];
}

export class ClickDto {
  @ApiProperty({ format: 'uuid' })
  job_id: string;

  @ApiProperty({ example: 42 })
  video_id: number;

  @ApiProperty({ example: 1 })
  position: number;

  @ApiProperty({ format: 'date-time' })
  clicked_at: string;
}

export class SearchAcceptedDto {
  @ApiProperty({ format: 'uuid', example: '2f1c7a56-3c1e-4c55-9a43-6f0f3a1f9b1e' })
  job_id: string;

  @ApiProperty({ enum: JOB_STATUSES, example: 'processing' })
  status: JobStatusName;
}

export class SearchJobListDto {
  @ApiProperty({ type: [SearchJobSummaryDto] })
  jobs: SearchJobSummaryDto[];

  @ApiProperty({ type: PaginationDto })
  pagination: PaginationDto;
}

export class AlgorithmDto {
  @ApiProperty({ example: 'fuzzy' })
  name: string;

  @ApiProperty({ example: 'Typo tolerant: edit distance over the index vocabulary' })
  description: string;

  @ApiProperty({ example: false })
  is_default: boolean;
}

export class AlgorithmListDto {
  @ApiProperty({ type: [AlgorithmDto] })
  algorithms: AlgorithmDto[];
}

export class ReindexResultDto {
  @ApiProperty({ format: 'uuid' })
  reindex_id: string;

  @ApiProperty({ description: 'Videos sent to the search service', example: 120 })
  videos: number;

  @ApiProperty({ description: 'Batches sent', example: 2 })
  batches: number;

  @ApiProperty({ description: 'Documents the index changed', example: 118 })
  applied: number;

  @ApiProperty({ description: 'Documents skipped because the index already held a newer version', example: 2 })
  skipped: number;
}

/** The `job_update` payload shape, for consumers of the job event stream that speak REST. */
export interface JobUpdateDto {
  job_id: string;
  user_id: number;
  status: JobStatusName;
  result_count: number;
  duration_ms: number | null;
  error: string | null;
  query: string;
  algorithm: string;
  occurred_at: string;
}
