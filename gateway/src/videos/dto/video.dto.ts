// The decorators alone, not the package's index: that loads Nest's core and the document builder, which the
// import's row-check workers (they load this DTO) paid for at every start. They need the metadata polyfill
// the index brought along.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger/dist/decorators/api-property.decorator';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import 'reflect-metadata';
import { PaginationDto } from '../../common/dto/pagination.dto';
import { IsOmittable } from '../../common/validation/omittable';
import { PureQuery } from '../../common/validation/pure-query';
import { toNumber } from '../../common/validation/transforms';

export const VIDEO_SORT_FIELDS = ['created_at', 'title', 'duration'] as const;
export type VideoSortField = (typeof VIDEO_SORT_FIELDS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** A filtered list counts its matches up to this many; past it the total is reported as a lower bound. */
export const FILTERED_COUNT_LIMIT = 1000;

const MAX_DURATION_SECONDS = 2_147_483_647;
const MAX_TAGS = 20;

const trimTags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((tag: unknown) => (typeof tag === 'string' ? tag.trim() : tag)) : value;

class VideoFieldsDto {
  @ApiProperty({ example: 'Intro to NestJS', maxLength: 200 })
  @IsNotEmpty({ message: 'title is required' })
  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;

  @ApiPropertyOptional({ example: 'Modules, providers and controllers in 10 minutes', maxLength: 10000, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(10000, { message: 'description must be at most 10000 characters' })
  description?: string;

  @ApiPropertyOptional({ description: 'Length in whole seconds', example: 600, minimum: 0, default: 0 })
  @IsOptional()
  @IsInt({ message: 'duration must be a whole number of seconds' })
  @Min(0, { message: 'duration must not be negative' })
  @Max(MAX_DURATION_SECONDS)
  duration?: number;

  @ApiPropertyOptional({ type: [String], example: ['nestjs', 'tutorial'], maxItems: MAX_TAGS })
  @IsOptional()
  @Transform(trimTags)
  @IsArray({ message: 'tags must be an array of strings' })
  @ArrayMaxSize(MAX_TAGS, { message: `tags must contain at most ${MAX_TAGS} items` })
  @IsString({ each: true, message: 'each tag must be a string' })
  @IsNotEmpty({ each: true, message: 'tags must not contain empty strings' })
  @MaxLength(50, { each: true, message: 'each tag must be at most 50 characters' })
  tags?: string[];
}

export class CreateVideoDto extends VideoFieldsDto {}

export class UpdateVideoDto {
  @ApiPropertyOptional({ example: 'Intro to NestJS (2nd edition)', maxLength: 200 })
  @IsOmittable()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOmittable()
  @IsString()
  @MaxLength(10000, { message: 'description must be at most 10000 characters' })
  description?: string;

  @ApiPropertyOptional({ description: 'Length in whole seconds', minimum: 0, example: 660 })
  @IsOmittable()
  @IsInt({ message: 'duration must be a whole number of seconds' })
  @Min(0, { message: 'duration must not be negative' })
  @Max(MAX_DURATION_SECONDS)
  duration?: number;

  @ApiPropertyOptional({ type: [String], example: ['nestjs'], maxItems: MAX_TAGS, description: 'Replaces all tags' })
  @IsOmittable()
  @Transform(trimTags)
  @IsArray({ message: 'tags must be an array of strings' })
  @ArrayMaxSize(MAX_TAGS, { message: `tags must contain at most ${MAX_TAGS} items` })
  @IsString({ each: true, message: 'each tag must be a string' })
  @IsNotEmpty({ each: true, message: 'tags must not contain empty strings' })
  @MaxLength(50, { each: true, message: 'each tag must be at most 50 characters' })
  tags?: string[];
}

@PureQuery()
export class ListVideosQueryDto {
  // No initializer: the service applies the default, so that a page sent together with a cursor shows.
  @ApiPropertyOptional({
    minimum: 1,
    default: 1,
    description:
      'Page number. Any page of an unfiltered list is an index seek; a filtered list is skipped through up ' +
      'to the page, so walk a long filtered list by next_cursor instead. Not allowed together with cursor.',
  })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'page must be a positive integer' })
  @Min(1, { message: 'page must be a positive integer' })
  page?: number;

  @ApiPropertyOptional({
    description:
      'Continues a list after the page whose next_cursor this is; every cursor page costs the same, ' +
      'however deep. Send the same sort and order as that request (a cursor of another order answers 400); ' +
      'per_page and the filters apply to the new page as sent. Not allowed together with page (400): ' +
      'the cursor already says where the page starts, and its page number is reported in pagination.page.',
    example: 'WzEsImNyZWF0ZWRfYXQiLCJkZXNjIiwiMjAyNi0xMS0yNlQxMDowMDowMC4wMDBaIiw0MiwyMF0',
  })
  @IsOptional()
  @IsString({ message: 'cursor must be a string' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'per_page must be an integer between 1 and 100' })
  @Min(1, { message: 'per_page must be an integer between 1 and 100' })
  @Max(100, { message: 'per_page must be an integer between 1 and 100' })
  per_page: number = 20;

  @ApiPropertyOptional({ enum: VIDEO_SORT_FIELDS, default: 'created_at' })
  @IsOptional()
  @IsIn(VIDEO_SORT_FIELDS, { message: `sort must be one of: ${VIDEO_SORT_FIELDS.join(', ')}` })
  sort: VideoSortField = 'created_at';

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(SORT_ORDERS, { message: 'order must be asc or desc' })
  order: SortOrder = 'desc';

  @ApiPropertyOptional({ description: 'Case-insensitive text contained in the title or description', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Seconds, inclusive' })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'min_duration must be a non-negative integer' })
  @Min(0, { message: 'min_duration must be a non-negative integer' })
  min_duration?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Seconds, inclusive' })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'max_duration must be a non-negative integer' })
  @Min(0, { message: 'max_duration must be a non-negative integer' })
  max_duration?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601; inclusive', example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'created_after must be an ISO 8601 date or date-time' })
  created_after?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601; inclusive', example: '2026-11-30T23:59:59Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'created_before must be an ISO 8601 date or date-time' })
  created_before?: string;

  @ApiPropertyOptional({ description: 'Only videos carrying exactly this tag', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;
}

export class VideoDto {
  @ApiProperty({ example: 42 })
  id: number;

  @ApiProperty({ example: 'Intro to NestJS' })
  title: string;

  @ApiProperty({ example: 'Modules, providers and controllers in 10 minutes' })
  description: string;

  @ApiProperty({ description: 'Seconds', example: 600 })
  duration: number;

  @ApiProperty({ type: [String], example: ['nestjs', 'tutorial'] })
  tags: string[];

  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:00:00.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:00:00.000Z' })
  updated_at: string;
}

export class VideoPaginationDto extends PaginationDto {
  @ApiPropertyOptional({
    enum: [true],
    description:
      `Only present, as true, when a filtered list has more than ${FILTERED_COUNT_LIMIT} matches: counting ` +
      'stopped there, so total and pages are lower bounds. Unfiltered totals are always exact.',
  })
  total_estimated?: true;
}

export class VideoListDto {
  @ApiProperty({ type: [VideoDto] })
  videos: VideoDto[];

  @ApiProperty({ type: VideoPaginationDto })
  pagination: VideoPaginationDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Send as cursor (with the same sort and order) for the next page; null on the last page',
    example: 'WzEsImNyZWF0ZWRfYXQiLCJkZXNjIiwiMjAyNi0xMS0yNlQxMDowMDowMC4wMDBaIiw0MiwyMF0',
  })
  next_cursor: string | null;
}
