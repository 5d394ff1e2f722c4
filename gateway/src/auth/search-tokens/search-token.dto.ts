import { SearchFiltersDto, SubmitSearchDto } from '@gateway/search/dto/search-request.dto';
import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import type { ForcedSearchFilters } from '../authenticated-user';

export const MAX_SEARCH_TOKEN_SECONDS = 86_400;
export const DEFAULT_SEARCH_TOKEN_SECONDS = 3600;

/**
 * The filters a search token forces on every search: the search request's own filters and its
 * `video_ids`, with their validation inherited from the search DTOs (one set of rules for both).
 */
export class SearchTokenFiltersDto extends IntersectionType(
  SearchFiltersDto,
  PickType(SubmitSearchDto, ['video_ids'] as const),
) {}

export class CreateSearchTokenDto {
  @ApiPropertyOptional({
    description: `Lifetime in seconds, 1..${MAX_SEARCH_TOKEN_SECONDS}`,
    example: 600,
    default: DEFAULT_SEARCH_TOKEN_SECONDS,
    minimum: 1,
    maximum: MAX_SEARCH_TOKEN_SECONDS,
  })
  @IsOptional()
  @IsInt({ message: `expires_in must be an integer number of seconds between 1 and ${MAX_SEARCH_TOKEN_SECONDS}` })
  @Min(1, { message: `expires_in must be an integer number of seconds between 1 and ${MAX_SEARCH_TOKEN_SECONDS}` })
  @Max(MAX_SEARCH_TOKEN_SECONDS, {
    message: `expires_in must be an integer number of seconds between 1 and ${MAX_SEARCH_TOKEN_SECONDS}`,
  })
  expires_in?: number;

  @ApiPropertyOptional({
    type: SearchTokenFiltersDto,
    description: "Applied to every search the token makes, on top of (ANDed with) the request's own filters",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SearchTokenFiltersDto)
  filters?: SearchTokenFiltersDto;
}

export class SearchTokenDto {
  @ApiProperty({
    description: 'A signed token to send as `Authorization: Bearer <token>`; it may only search',
    example: 'eyJhbGciOiJIUzI1NiIs...',
  })
  token: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T11:00:00.000Z' })
  expires_at: string;

  @ApiProperty({ type: SearchTokenFiltersDto, description: 'The filters forced on its searches ({} for none)' })
  filters: ForcedSearchFilters;
}
