import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const MAX_QUERY_LENGTH = 500;
export const MAX_VIDEO_IDS = 1000;
export const MAX_FILTER_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_RESULT_LIMIT = 100;
export const MAX_JOBS_PER_PAGE = 100;
export const JOB_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type JobStatusName = (typeof JOB_STATUSES)[number];

const MAX_INT32 = 2_147_483_647;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class SearchFiltersDto {
  @ApiPropertyOptional({ description: 'Shortest duration, in seconds (inclusive)', example: 60 })
  @IsOptional()
  @IsInt({ message: 'filters.min_duration must be an integer number of seconds' })
  @Min(0)
  @Max(MAX_INT32)
  min_duration?: number;

  @ApiPropertyOptional({ description: 'Longest duration, in seconds (inclusive)', example: 3600 })
  @IsOptional()
  @IsInt({ message: 'filters.max_duration must be an integer number of seconds' })
  @Min(0)
  @Max(MAX_INT32)
  max_duration?: number;

  @ApiPropertyOptional({
    type: [String],
    description: `Every tag must be present on the video (case-insensitive); at most ${MAX_FILTER_TAGS}`,
    example: ['tutorial'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FILTER_TAGS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_TAG_LENGTH, { each: true })
  tags?: string[];
}

export class SubmitSearchDto {
  @ApiProperty({
    description: `Free text, trimmed, 1..${MAX_QUERY_LENGTH} characters`,
    example: 'cooking pasta',
    minLength: 1,
    maxLength: MAX_QUERY_LENGTH,
  })
  @Transform(trim)
  @IsString({ message: 'query is required' })
  @IsNotEmpty({ message: 'query is required' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `query must be at most ${MAX_QUERY_LENGTH} characters` })
  query: string;

  @ApiPropertyOptional({
    type: [Number],
    description: `Only search these videos (at most ${MAX_VIDEO_IDS})`,
    example: [1, 2, 3],
  })
  @IsOptional()
  @IsArray({ message: 'video_ids must be an array of positive integers' })
  @ArrayMaxSize(MAX_VIDEO_IDS, { message: `video_ids may hold at most ${MAX_VIDEO_IDS} ids` })
  @IsInt({ each: true, message: 'video_ids must be an array of positive integers' })
  @Min(1, { each: true, message: 'video_ids must be an array of positive integers' })
  @Max(MAX_INT32, { each: true, message: 'video_ids must be an array of positive integers' })
  video_ids?: number[];

  @ApiPropertyOptional({
    description: 'A name from GET /api/v1/search/algorithms; the default when omitted',
    example: 'auto',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  algorithm?: string;

  @ApiPropertyOptional({ type: SearchFiltersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SearchFiltersDto)
  filters?: SearchFiltersDto;

  @ApiPropertyOptional({ description: `Maximum number of results, 1..${MAX_RESULT_LIMIT}`, example: 20, default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RESULT_LIMIT)
  limit?: number;
}

/** `status=failed,cancelled` or repeated `status=` parameters. */
const toStatusList = ({ value }: { value: unknown }): unknown =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item: unknown) => (typeof item === 'string' ? item.split(',') : [item]))
    .map((item: unknown) => (typeof item === 'string' ? item.trim().toLowerCase() : item));

export class ListJobsQueryDto {
  @ApiPropertyOptional({
    description: 'One status or a comma-separated list',
    example: 'completed,failed',
    enum: JOB_STATUSES,
    isArray: true,
  })
  @IsOptional()
  @Transform(toStatusList)
  @IsIn(JOB_STATUSES, { each: true, message: `status must be one of: ${JOB_STATUSES.join(', ')}` })
  status?: JobStatusName[];

  @ApiPropertyOptional({ description: 'Jobs created at or after (YYYY-MM-DD or ISO 8601)', example: '2026-11-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'start_date must be a date (YYYY-MM-DD) or an ISO 8601 timestamp' })
  start_date?: string;

  @ApiPropertyOptional({
    description: 'Jobs created at or before (YYYY-MM-DD covers the whole day, or ISO 8601)',
    example: '2026-11-30',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'end_date must be a date (YYYY-MM-DD) or an ISO 8601 timestamp' })
  end_date?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of the query text', example: 'pasta' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MAX_QUERY_LENGTH)
  q?: string;

  @ApiPropertyOptional({ description: '1-based page', example: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a positive integer' })
  @Min(1, { message: 'page must be a positive integer' })
  @Max(MAX_INT32)
  page?: number;

  @ApiPropertyOptional({ description: `Jobs per page, 1..${MAX_JOBS_PER_PAGE}`, example: 20, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `per_page must be an integer between 1 and ${MAX_JOBS_PER_PAGE}` })
  @Min(1, { message: `per_page must be an integer between 1 and ${MAX_JOBS_PER_PAGE}` })
  @Max(MAX_JOBS_PER_PAGE, { message: `per_page must be an integer between 1 and ${MAX_JOBS_PER_PAGE}` })
  per_page?: number;
}
