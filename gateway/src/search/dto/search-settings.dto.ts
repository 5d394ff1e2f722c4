import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';

/** Bounds of the search service (proto/videosearch/search/v1/index.proto), checked here for a clear 400 sooner. */
export const MAX_SETTINGS_WORD_LENGTH = 50;
export const MAX_SYNONYM_KEYS = 1000;
export const MAX_SYNONYMS_PER_WORD = 50;
export const MAX_STOP_WORDS = 1000;
export const MAX_TYPO_WORD_SIZE = 32;
export const MAX_FIELD_WEIGHT = 10;

const SYNONYMS_MESSAGE =
  `synonyms must map each word to an array of 1 to ${MAX_SYNONYMS_PER_WORD} non-empty words ` +
  `of up to ${MAX_SETTINGS_WORD_LENGTH} characters`;

function isWord(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_SETTINGS_WORD_LENGTH;
}

export function isSynonymMap(value: unknown): value is Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_SYNONYM_KEYS &&
    entries.every(
      ([word, list]) =>
        isWord(word) &&
        Array.isArray(list) &&
        list.length >= 1 &&
        list.length <= MAX_SYNONYMS_PER_WORD &&
        list.every(isWord),
    )
  );
}

const IsSynonymMap = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isSynonymMap', validator: { validate: isSynonymMap } }, options);

export class TypoToleranceDto {
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'typo_tolerance.enabled must be a boolean' })
  enabled?: boolean;

  @ApiPropertyOptional({ description: `Words at least this long match with one typo, 1..${MAX_TYPO_WORD_SIZE}` })
  @IsOptional()
  @IsInt({ message: `min_word_size_one_typo must be an integer from 1 to ${MAX_TYPO_WORD_SIZE}` })
  @Min(1, { message: `min_word_size_one_typo must be an integer from 1 to ${MAX_TYPO_WORD_SIZE}` })
  @Max(MAX_TYPO_WORD_SIZE, { message: `min_word_size_one_typo must be an integer from 1 to ${MAX_TYPO_WORD_SIZE}` })
  min_word_size_one_typo?: number;

  @ApiPropertyOptional({
    description: `Words at least this long match with two typos, min_word_size_one_typo..${MAX_TYPO_WORD_SIZE}`,
  })
  @IsOptional()
  @IsInt({ message: `min_word_size_two_typos must be an integer from 1 to ${MAX_TYPO_WORD_SIZE}` })
  @Min(1, { message: `min_word_size_two_typos must be an integer from 1 to ${MAX_TYPO_WORD_SIZE}` })
  @Max(MAX_TYPO_WORD_SIZE, { message: `min_word_size_two_typos must be an integer from 1 to ${MAX_TYPO_WORD_SIZE}` })
  min_word_size_two_typos?: number;
}

const weightMessage = (field: string) => `${field} must be a number from 0 to ${MAX_FIELD_WEIGHT}`;

/** All three weights together: a weight left out would read as 0 on the wire, silencing that field. */
export class FieldWeightsDto {
  @ApiProperty({ example: 2.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: weightMessage('title') })
  @Min(0, { message: weightMessage('title') })
  @Max(MAX_FIELD_WEIGHT, { message: weightMessage('title') })
  title: number;

  @ApiProperty({ example: 0.75 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: weightMessage('description') })
  @Min(0, { message: weightMessage('description') })
  @Max(MAX_FIELD_WEIGHT, { message: weightMessage('description') })
  description: number;

  @ApiProperty({ example: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: weightMessage('tags') })
  @Min(0, { message: weightMessage('tags') })
  @Max(MAX_FIELD_WEIGHT, { message: weightMessage('tags') })
  tags: number;
}

/** PUT body: replaces the settings as a whole; an omitted field takes its default, so `{}` resets them. */
export class SearchSettingsInputDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description:
      'One-way: a query word (the key) also finds each listed word. Multi-way: list the words under each other.',
    example: { car: ['automobile', 'auto'], automobile: ['car'] },
  })
  @IsOptional()
  @IsObject({ message: SYNONYMS_MESSAGE })
  @IsSynonymMap({ message: SYNONYMS_MESSAGE })
  synonyms?: Record<string, string[]>;

  @ApiPropertyOptional({
    type: [String],
    description: 'Query words to ignore, besides the built-in English stop words',
    example: ['video', 'clip'],
  })
  @IsOptional()
  @IsArray({ message: 'stop_words must be an array of words' })
  @ArrayMaxSize(MAX_STOP_WORDS, { message: `stop_words takes at most ${MAX_STOP_WORDS} words` })
  @IsString({ each: true, message: 'stop_words must be an array of words' })
  @IsNotEmpty({ each: true, message: 'stop_words must not hold empty words' })
  @MaxLength(MAX_SETTINGS_WORD_LENGTH, {
    each: true,
    message: `stop_words must be words of up to ${MAX_SETTINGS_WORD_LENGTH} characters`,
  })
  stop_words?: string[];

  @ApiPropertyOptional({ type: TypoToleranceDto })
  @IsOptional()
  @IsObject({ message: 'typo_tolerance must be an object' })
  @ValidateNested()
  @Type(() => TypoToleranceDto)
  typo_tolerance?: TypoToleranceDto;

  @ApiPropertyOptional({ type: FieldWeightsDto, description: 'Relative weights, 0..10 each, one above 0' })
  @IsOptional()
  @IsObject({ message: 'field_weights must be an object' })
  @ValidateNested()
  @Type(() => FieldWeightsDto)
  field_weights?: FieldWeightsDto;
}

export class TypoToleranceSettingsDto {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ example: 4 }) min_word_size_one_typo: number;
  @ApiProperty({ example: 8 }) min_word_size_two_typos: number;
}

export class FieldWeightSettingsDto {
  @ApiProperty({ example: 2.5 }) title: number;
  @ApiProperty({ example: 0.75 }) description: number;
  @ApiProperty({ example: 1 }) tags: number;
}

export class SearchSettingsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { car: ['automobile'] },
  })
  synonyms: Record<string, string[]>;

  @ApiProperty({ type: [String], example: ['video'] })
  stop_words: string[];

  @ApiProperty({ type: TypoToleranceSettingsDto })
  typo_tolerance: TypoToleranceSettingsDto;

  @ApiProperty({ type: FieldWeightSettingsDto })
  field_weights: FieldWeightSettingsDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while on the defaults' })
  updated_at: string | null;
}
