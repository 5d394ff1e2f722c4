import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { toBoolean, toNumber } from '../../common/validation/transforms';

/**
 * Validation rules shared by the JSON body of POST search (and each multi-search entry) and the query
 * parameters of instant search, so both refuse the same inputs with the same words. Messages name the
 * bare field; the validation exception factory prefixes nested paths (`filters.tags_all ...`).
 */

export const MAX_INT32 = 2_147_483_647;
export const MAX_FILTER_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_RESULT_LIMIT = 100;
export const MAX_OFFSET = 10_000;
export const MAX_CROP_LENGTH = 200;
export const MAX_HIGHLIGHT_TAG_LENGTH = 50;
export const MAX_SORT_CRITERIA = 4;
export const FACET_NAMES = ['tags', 'duration'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export const SORT_FIELDS = ['relevance', 'duration', 'created_at', 'title'] as const;
const SORT_PATTERN = new RegExp(`^(${SORT_FIELDS.join('|')}):(asc|desc)$`);

/**
 * Decorators in reading order, first check first. applyDecorators applies its list in order, which is the
 * reverse of stacked decorators; the validation exception factory reports the first check written.
 */
function rules(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

/** `a,b` or repeated parameters (`tags=a&tags=b`) as one list; empty items dropped. */
export const toList = ({ value }: { value: unknown }): unknown =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item: unknown) => (typeof item === 'string' ? item.split(',') : [item]))
    .map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
    .filter((item: unknown) => item !== '');

export const toNumberList = (params: { value: unknown }): unknown =>
  (toList(params) as unknown[]).map((item) => toNumber({ value: item }));

export function TagListRule(field: string, meaning: string): PropertyDecorator {
  const message = `${field} must be at most ${MAX_FILTER_TAGS} non-empty tags (${meaning}) of up to ${MAX_TAG_LENGTH} characters`;
  return rules(
    IsOptional(),
    IsArray({ message: `${field} must be an array` }),
    ArrayMaxSize(MAX_FILTER_TAGS, { message }),
    IsString({ each: true, message }),
    IsNotEmpty({ each: true, message }),
    MaxLength(MAX_TAG_LENGTH, { each: true, message }),
  );
}

export function DurationRule(field: string): PropertyDecorator {
  const message = `${field} must be an integer number of seconds`;
  return rules(IsOptional(), IsInt({ message }), Min(0, { message }), Max(MAX_INT32, { message }));
}

export function CreatedBoundRule(field: string): PropertyDecorator {
  return rules(
    IsOptional(),
    IsISO8601({ strict: true }, { message: `${field} must be an ISO 8601 date (YYYY-MM-DD) or date-time` }),
  );
}

export function VideoIdsRule(maxIds: number): PropertyDecorator {
  const message = 'video_ids must be an array of positive integers';
  return rules(
    IsOptional(),
    IsArray({ message }),
    ArrayMaxSize(maxIds, { message: `video_ids may hold at most ${maxIds} ids` }),
    IsInt({ each: true, message }),
    Min(1, { each: true, message }),
    Max(MAX_INT32, { each: true, message }),
  );
}

export function LimitRule(): PropertyDecorator {
  const message = `limit must be an integer from 1 to ${MAX_RESULT_LIMIT}`;
  return rules(IsOptional(), IsInt({ message }), Min(1, { message }), Max(MAX_RESULT_LIMIT, { message }));
}

export function OffsetRule(): PropertyDecorator {
  const message = `offset must be an integer from 0 to ${MAX_OFFSET}`;
  return rules(IsOptional(), IsInt({ message }), Min(0, { message }), Max(MAX_OFFSET, { message }));
}

export function FacetsRule(): PropertyDecorator {
  const message = `facets must be a list of: ${FACET_NAMES.join(', ')}`;
  return rules(
    IsOptional(),
    IsArray({ message }),
    ArrayMaxSize(FACET_NAMES.length, { message }),
    IsIn(FACET_NAMES, { each: true, message }),
  );
}

export function SortRule(): PropertyDecorator {
  const message =
    `sort must be a list of at most ${MAX_SORT_CRITERIA} "field:direction" entries, field one of ` +
    `${SORT_FIELDS.join(', ')} and direction asc or desc`;
  return rules(
    IsOptional(),
    IsArray({ message }),
    ArrayMaxSize(MAX_SORT_CRITERIA, { message }),
    IsString({ each: true, message }),
    Matches(SORT_PATTERN, { each: true, message }),
  );
}

export function HighlightTagRule(field: string): PropertyDecorator {
  const message = `${field} must be 1 to ${MAX_HIGHLIGHT_TAG_LENGTH} characters`;
  return rules(
    IsOptional(),
    IsString({ message }),
    IsNotEmpty({ message }),
    MaxLength(MAX_HIGHLIGHT_TAG_LENGTH, { message }),
  );
}

export function CropLengthRule(): PropertyDecorator {
  const message = `crop_length must be an integer number of words from 1 to ${MAX_CROP_LENGTH}`;
  return rules(IsOptional(), IsInt({ message }), Min(1, { message }), Max(MAX_CROP_LENGTH, { message }));
}

/** A video id the request cannot do without; a missing one reads as not a positive integer, like a bad one. */
export function RequiredVideoIdRule(field: string): PropertyDecorator {
  const message = `${field} must be a positive integer (a video id)`;
  return rules(IsInt({ message }), Min(1, { message }), Max(MAX_INT32, { message }));
}

export function ExplainRule(): PropertyDecorator {
  return rules(IsOptional(), IsBoolean({ message: 'explain must be true or false' }));
}

/** For query parameters: the list transform runs before the rules. */
export const QueryList = (): PropertyDecorator => Transform(toList);
export const QueryNumber = (): PropertyDecorator => Transform(toNumber);
export const QueryNumberList = (): PropertyDecorator => Transform(toNumberList);
export const QueryBoolean = (): PropertyDecorator => Transform(toBoolean);
