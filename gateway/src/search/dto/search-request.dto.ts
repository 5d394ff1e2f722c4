import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
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
import { PureQuery } from '../../common/validation/pure-query';
import { toNumber, trim } from '../../common/validation/transforms';
import {
  CreatedBoundRule,
  CropLengthRule,
  DurationRule,
  ExplainRule,
  FACET_NAMES,
  FacetName,
  FacetsRule,
  HighlightTagRule,
  LimitRule,
  MAX_CROP_LENGTH,
  MAX_FILTER_TAGS,
  MAX_HIGHLIGHT_TAG_LENGTH,
  MAX_INT32,
  MAX_OFFSET,
  MAX_RESULT_LIMIT,
  MAX_SORT_CRITERIA,
  OffsetRule,
  SORT_FIELDS,
  SortRule,
  TagListRule,
  VideoIdsRule,
} from './search-validation';

export { MAX_FILTER_TAGS, MAX_RESULT_LIMIT, MAX_TAG_LENGTH } from './search-validation';
export const MAX_QUERY_LENGTH = 500;
export const MAX_VIDEO_IDS = 1000;
export const MAX_JOBS_PER_PAGE = 100;
export const JOB_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type JobStatusName = (typeof JOB_STATUSES)[number];

/** Every filter ANDs with the others; the tag lists compare case-insensitively. */
export class SearchFiltersDto {
  @ApiPropertyOptional({ description: 'Shortest duration, in seconds (inclusive)', example: 60 })
  @DurationRule('min_duration')
  min_duration?: number;

  @ApiPropertyOptional({ description: 'Longest duration, in seconds (inclusive)', example: 3600 })
  @DurationRule('max_duration')
  max_duration?: number;

  @ApiPropertyOptional({
    type: [String],
    description: `Any-of: at least one of these tags is on the video; at most ${MAX_FILTER_TAGS}`,
    example: ['tutorial', 'howto'],
  })
  @TagListRule('tags', 'any of them')
  tags?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: `All-of: every one of these tags is on the video; at most ${MAX_FILTER_TAGS}`,
    example: ['italian'],
  })
  @TagListRule('tags_all', 'all of them')
  tags_all?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: `None-of: videos with any of these tags are left out; at most ${MAX_FILTER_TAGS}`,
    example: ['draft'],
  })
  @TagListRule('tags_not', 'none of them')
  tags_not?: string[];

  @ApiPropertyOptional({
    description: 'Videos created at or after (ISO 8601 date or date-time)',
    example: '2026-01-01',
  })
  @CreatedBoundRule('created_after')
  created_after?: string;

  @ApiPropertyOptional({
    description: 'Videos created at or before (a bare date covers that whole day, UTC)',
    example: '2026-12-31',
  })
  @CreatedBoundRule('created_before')
  created_before?: string;
}

/** The options every search takes besides its text and filters (POST body, multi-search entries). */
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
  @VideoIdsRule(MAX_VIDEO_IDS)
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
  @LimitRule()
  limit?: number;

  @ApiPropertyOptional({ description: `Matches skipped before the first result, 0..${MAX_OFFSET}`, default: 0 })
  @OffsetRule()
  offset?: number;

  @ApiPropertyOptional({
    enum: FACET_NAMES,
    isArray: true,
    description:
      'Facets counted over every match, answered in `facet_distribution`: a count per tag, and duration buckets ' +
      '`0-60`, `60-300`, `300-1200`, `1200+` (seconds)',
    example: ['tags', 'duration'],
  })
  @FacetsRule()
  facets?: FacetName[];

  @ApiPropertyOptional({
    type: [String],
    description:
      `Up to ${MAX_SORT_CRITERIA} \`field:direction\` entries, field one of ${SORT_FIELDS.join(', ')}, direction ` +
      'asc or desc; later entries, then relevance, break ties. Relevance first when omitted.',
    example: ['duration:asc'],
  })
  @SortRule()
  sort?: string[];

  @ApiPropertyOptional({
    description: `Put before matched words in \`highlights\`, 1..${MAX_HIGHLIGHT_TAG_LENGTH} characters`,
    default: '<mark>',
  })
  @HighlightTagRule('highlight_pre_tag')
  highlight_pre_tag?: string;

  @ApiPropertyOptional({
    description: `Put after matched words in \`highlights\`, 1..${MAX_HIGHLIGHT_TAG_LENGTH} characters`,
    default: '</mark>',
  })
  @HighlightTagRule('highlight_post_tag')
  highlight_post_tag?: string;

  @ApiPropertyOptional({
    description: `Words kept around the best match in the description highlight, 1..${MAX_CROP_LENGTH}`,
    default: 30,
  })
  @CropLengthRule()
  crop_length?: number;

  @ApiPropertyOptional({
    description:
      'true adds an `explanation` to every result: how each query word matched, in which field, and the score ' +
      'parts that add up to `relevance_score`',
    default: false,
  })
  @ExplainRule()
  explain?: boolean;
}

/** `status=failed,cancelled` or repeated `status=` parameters. */
const toStatusList = ({ value }: { value: unknown }): unknown =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item: unknown) => (typeof item === 'string' ? item.split(',') : [item]))
    .map((item: unknown) => (typeof item === 'string' ? item.trim().toLowerCase() : item));

@PureQuery()
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
  @Transform(toNumber)
  @IsInt({ message: 'page must be a positive integer' })
  @Min(1, { message: 'page must be a positive integer' })
  @Max(MAX_INT32)
  page?: number;

  @ApiPropertyOptional({ description: `Jobs per page, 1..${MAX_JOBS_PER_PAGE}`, example: 20, default: 20 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: `per_page must be an integer between 1 and ${MAX_JOBS_PER_PAGE}` })
  @Min(1, { message: `per_page must be an integer between 1 and ${MAX_JOBS_PER_PAGE}` })
  @Max(MAX_JOBS_PER_PAGE, { message: `per_page must be an integer between 1 and ${MAX_JOBS_PER_PAGE}` })
  per_page?: number;
}
