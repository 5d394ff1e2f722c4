import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PaginationDto } from '../../common/dto/pagination.dto';
import { JOB_STATUSES, JobStatusName } from './search-request.dto';

const MATCHED_FIELDS = ['title', 'description', 'tags'] as const;
export type MatchedField = (typeof MATCHED_FIELDS)[number];

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
}

export class SearchJobDto extends SearchJobSummaryDto {
  @ApiProperty({ type: [SearchResultDto], description: 'Empty until the job completes' })
  results: SearchResultDto[];
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
