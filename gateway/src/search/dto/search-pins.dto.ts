import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { toBoolean, toNumber, trim } from '../../common/validation/transforms';
import { MAX_QUERY_LENGTH } from './search-request.dto';
import { SearchSettingsInputDto } from './search-settings.dto';

/** Bounds of the search service (proto/videosearch/search/v1/index.proto), checked here for a clear 400 sooner. */
export const MAX_EXPECTED_VIDEOS = 10;
export const MAX_PIN_CHECKS = 200;
export const PIN_MODES = ['ordered', 'set'] as const;

export class CreatePinDto {
  @ApiProperty({ description: `The query, trimmed, 1..${MAX_QUERY_LENGTH} characters`, example: 'pasta carbonara' })
  @Transform(trim)
  @IsString({ message: 'query is required' })
  @IsNotEmpty({ message: 'query is required' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `query must be at most ${MAX_QUERY_LENGTH} characters` })
  query: string;

  @ApiProperty({ type: [Number], description: `1..${MAX_EXPECTED_VIDEOS} distinct video ids`, example: [12, 7] })
  @IsArray({ message: 'expected_video_ids must be an array of video ids' })
  @ArrayMinSize(1, { message: `expected_video_ids must list 1 to ${MAX_EXPECTED_VIDEOS} videos` })
  @ArrayMaxSize(MAX_EXPECTED_VIDEOS, { message: `expected_video_ids must list 1 to ${MAX_EXPECTED_VIDEOS} videos` })
  @IsInt({ each: true, message: 'expected_video_ids must be positive integers (video ids)' })
  @Min(1, { each: true, message: 'expected_video_ids must be positive integers (video ids)' })
  @Max(2_147_483_647, { each: true, message: 'expected_video_ids must be positive integers (video ids)' })
  @ArrayUnique({ message: 'expected_video_ids must not list a video twice' })
  expected_video_ids: number[];

  @ApiPropertyOptional({
    enum: PIN_MODES,
    default: 'set',
    description: '`ordered`: these videos first, in this order; `set`: among the top results, in any order',
  })
  @IsOptional()
  @IsIn(PIN_MODES, { message: 'mode must be "ordered" or "set"' })
  mode?: (typeof PIN_MODES)[number];
}

export class PinScoreDto {
  @ApiProperty({ description: '1 / rank of the first expected video (ordered: of the first listed), 0 when absent' })
  reciprocal_rank: number;
  @ApiProperty({ description: 'Share of the expected videos within the scored results' }) recall: number;
  @ApiProperty({ type: [Number], description: '1-based rank of each expected video, in pin order; 0 when absent' })
  positions: number[];
  @ApiProperty({ description: 'Whether the expected videos found appear in the pinned order (true for a set)' })
  in_order: boolean;
}

export class PinDto {
  @ApiProperty() id: string;
  @ApiProperty() query: string;
  @ApiProperty({ type: [Number] }) expected_video_ids: number[];
  @ApiProperty({ enum: PIN_MODES }) mode: string;
  @ApiProperty() created_at: string;
  @ApiProperty({ type: PinScoreDto, description: 'Today, with the current settings' }) health: PinScoreDto;
}

export class PinListDto {
  @ApiProperty({ type: [PinDto] }) pins: PinDto[];
  @ApiProperty({ description: 'Mean reciprocal rank over the pins; 0 without pins' }) mrr: number;
  @ApiProperty({ description: 'Mean recall over the pins' }) recall: number;
  @ApiProperty({ description: 'Results each pinned query is scored on', example: 20 }) depth: number;
}

export class CheckPinsDto {
  @ApiPropertyOptional({
    type: SearchSettingsInputDto,
    description:
      'Candidate settings: what this settings change would do to the pins (nothing is saved). Without them: ' +
      'today against the last recorded check (what new videos or a reindex did).',
  })
  @IsOptional()
  @IsObject({ message: 'settings must be an object' })
  @ValidateNested()
  @Type(() => SearchSettingsInputDto)
  settings?: SearchSettingsInputDto;

  @ApiPropertyOptional({ description: 'Without settings: record the check in the history', default: false })
  @IsOptional()
  @IsBoolean({ message: 'record must be true or false' })
  record?: boolean;
}

export class PinComparisonDto {
  @ApiProperty({ type: PinDto }) pin: PinDto;
  @ApiProperty({ type: PinScoreDto }) before: PinScoreDto;
  @ApiProperty({ type: PinScoreDto }) after: PinScoreDto;
  @ApiProperty({ enum: ['worse', 'better', 'same'] }) verdict: string;
}

export class PinReportDto {
  @ApiProperty({ type: [PinComparisonDto] }) pins: PinComparisonDto[];
  @ApiProperty() mrr_before: number;
  @ApiProperty() mrr_after: number;
  @ApiProperty() recall_before: number;
  @ApiProperty() recall_after: number;
  @ApiProperty({ description: 'Pins scoring worse after' }) regressions: number;
  @ApiProperty() improvements: number;
  @ApiProperty({ example: 20 }) depth: number;
}

export class PinCheckDto {
  @ApiProperty() id: string;
  @ApiProperty() checked_at: string;
  @ApiProperty({ enum: ['settings', 'manual', 'reindex', 'import'] }) reason: string;
  @ApiProperty({
    enum: ['passed', 'refused', 'forced', 'regressed'],
    description: 'refused: a settings change turned down; forced: applied despite regressions',
  })
  outcome: string;
  @ApiProperty({ description: 'Mean reciprocal rank the pins were left with' }) mrr: number;
  @ApiProperty() recall: number;
  @ApiProperty() pins: number;
  @ApiProperty() regressions: number;
}

export class PinHistoryDto {
  @ApiProperty({ type: [PinCheckDto], description: 'Newest first' }) checks: PinCheckDto[];
}

export class PinHistoryQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_PIN_CHECKS })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: `limit must be an integer from 1 to ${MAX_PIN_CHECKS}` })
  @Min(1, { message: `limit must be an integer from 1 to ${MAX_PIN_CHECKS}` })
  @Max(MAX_PIN_CHECKS, { message: `limit must be an integer from 1 to ${MAX_PIN_CHECKS}` })
  limit?: number;
}

export class ForceQueryDto {
  @ApiPropertyOptional({
    description: 'Apply the settings even when they make pinned queries worse (409 otherwise)',
    default: false,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;
}
