import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { trim } from '../../common/validation/transforms';
import { MAX_QUERY_LENGTH, MAX_VIDEO_IDS, SubmitSearchDto } from './search-request.dto';
import {
  CreatedBoundRule,
  CropLengthRule,
  DurationRule,
  ExplainRule,
  FacetName,
  FacetsRule,
  HighlightTagRule,
  LimitRule,
  MAX_INT32,
  OffsetRule,
  QueryBoolean,
  QueryList,
  QueryNumber,
  QueryNumberList,
  RequiredVideoIdRule,
  SortRule,
  TagListRule,
  VideoIdsRule,
} from './search-validation';

export const MAX_MULTI_SEARCH_QUERIES = 10;
export const MAX_SUGGEST_PREFIX_LENGTH = 100;
export const MAX_SUGGESTIONS = 20;
export const DEFAULT_SUGGESTIONS = 10;

/** Instant search: POST search's options as query parameters, lists comma-separated. */
export class InstantSearchQueryDto {
  @ApiProperty({ description: `What was typed so far, trimmed, 1..${MAX_QUERY_LENGTH} characters`, example: 'carb' })
  @Transform(trim)
  @IsString({ message: 'q is required' })
  @IsNotEmpty({ message: 'q is required' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `q must be at most ${MAX_QUERY_LENGTH} characters` })
  q: string;

  @ApiPropertyOptional({ example: 'auto' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  algorithm?: string;

  @ApiPropertyOptional({ example: 20 })
  @QueryNumber()
  @LimitRule()
  limit?: number;

  @ApiPropertyOptional({ example: 0 })
  @QueryNumber()
  @OffsetRule()
  offset?: number;

  @ApiPropertyOptional({ description: 'Comma-separated: tags, duration', example: 'tags,duration' })
  @QueryList()
  @FacetsRule()
  facets?: FacetName[];

  @ApiPropertyOptional({ description: 'Comma-separated `field:direction` entries', example: 'duration:asc' })
  @QueryList()
  @SortRule()
  sort?: string[];

  @ApiPropertyOptional({ description: 'Comma-separated video ids', example: '1,2,3' })
  @QueryNumberList()
  @VideoIdsRule(MAX_VIDEO_IDS)
  video_ids?: number[];

  @ApiPropertyOptional({ description: 'Comma-separated; any of them', example: 'pasta,pizza' })
  @QueryList()
  @TagListRule('tags', 'any of them')
  tags?: string[];

  @ApiPropertyOptional({ description: 'Comma-separated; all of them', example: 'italian' })
  @QueryList()
  @TagListRule('tags_all', 'all of them')
  tags_all?: string[];

  @ApiPropertyOptional({ description: 'Comma-separated; none of them', example: 'draft' })
  @QueryList()
  @TagListRule('tags_not', 'none of them')
  tags_not?: string[];

  @ApiPropertyOptional({ example: 60 })
  @QueryNumber()
  @DurationRule('min_duration')
  min_duration?: number;

  @ApiPropertyOptional({ example: 3600 })
  @QueryNumber()
  @DurationRule('max_duration')
  max_duration?: number;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @CreatedBoundRule('created_after')
  created_after?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @CreatedBoundRule('created_before')
  created_before?: string;

  @ApiPropertyOptional({ example: '<em>' })
  @HighlightTagRule('highlight_pre_tag')
  highlight_pre_tag?: string;

  @ApiPropertyOptional({ example: '</em>' })
  @HighlightTagRule('highlight_post_tag')
  highlight_post_tag?: string;

  @ApiPropertyOptional({ example: 30 })
  @QueryNumber()
  @CropLengthRule()
  crop_length?: number;

  @ApiPropertyOptional({ description: 'true adds an `explanation` to every result', example: true })
  @QueryBoolean()
  @ExplainRule()
  explain?: boolean;
}

export class SuggestQueryDto {
  @ApiProperty({ description: `The prefix typed so far, 1..${MAX_SUGGEST_PREFIX_LENGTH} characters`, example: 'carb' })
  @Transform(trim)
  @IsString({ message: 'q is required' })
  @IsNotEmpty({ message: 'q is required' })
  @MaxLength(MAX_SUGGEST_PREFIX_LENGTH, { message: `q must be at most ${MAX_SUGGEST_PREFIX_LENGTH} characters` })
  q: string;

  @ApiPropertyOptional({ description: `1..${MAX_SUGGESTIONS}`, example: 8, default: DEFAULT_SUGGESTIONS })
  @QueryNumber()
  @IsOptional()
  @IsInt({ message: `limit must be an integer from 1 to ${MAX_SUGGESTIONS}` })
  @Min(1, { message: `limit must be an integer from 1 to ${MAX_SUGGESTIONS}` })
  @Max(MAX_SUGGESTIONS, { message: `limit must be an integer from 1 to ${MAX_SUGGESTIONS}` })
  limit?: number;
}

/**
 * The entries are validated one by one after this (see multi-search.ts), so that a refusal names the
 * entry as `queries[2].limit ...`.
 */
export class MultiSearchDto {
  @ApiProperty({
    type: [SubmitSearchDto],
    description: `1..${MAX_MULTI_SEARCH_QUERIES} searches, each a POST search body; answered in order`,
  })
  @IsArray({ message: `queries must be an array of 1 to ${MAX_MULTI_SEARCH_QUERIES} searches` })
  @ArrayMinSize(1, { message: `queries must be an array of 1 to ${MAX_MULTI_SEARCH_QUERIES} searches` })
  @ArrayMaxSize(MAX_MULTI_SEARCH_QUERIES, {
    message: `queries must be an array of 1 to ${MAX_MULTI_SEARCH_QUERIES} searches`,
  })
  queries: unknown[];
}

export class RecordClickDto {
  @ApiProperty({ description: 'A video the search returned', example: 42 })
  @IsInt({ message: 'video_id must be a positive integer' })
  @Min(1, { message: 'video_id must be a positive integer' })
  @Max(MAX_INT32, { message: 'video_id must be a positive integer' })
  video_id: number;

  @ApiProperty({ description: '1-based rank of the result in the page the user saw', example: 1 })
  @IsInt({ message: 'position must be an integer of at least 1' })
  @Min(1, { message: 'position must be an integer of at least 1' })
  @Max(MAX_INT32, { message: 'position must be an integer of at least 1' })
  position: number;
}

export class CompareResultsQueryDto {
  @ApiProperty({ description: "One video of the job's matches", example: 42 })
  @QueryNumber()
  @RequiredVideoIdRule('a')
  a: number;

  @ApiProperty({ description: "Another video of the job's matches", example: 7 })
  @QueryNumber()
  @RequiredVideoIdRule('b')
  b: number;
}
