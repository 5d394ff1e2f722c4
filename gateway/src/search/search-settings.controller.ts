import type { AuthenticatedUser } from '@gateway/auth/authenticated-user';
import { CurrentUser } from '@gateway/auth/decorators/current-user.decorator';
import { OwnerGuard } from '@gateway/auth/guards/owner.guard';
import { RequirePermission } from '@gateway/auth/permissions/require-permission.decorator';
import { ApiErrors } from '@gateway/common/http/api-errors.decorator';
import { Body, Controller, Get, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiSearchUnavailable } from './api-search-unavailable.decorator';
import { ForceQueryDto } from './dto/search-pins.dto';
import { SearchSettingsDto, SearchSettingsInputDto } from './dto/search-settings.dto';
import { SearchSettingsService } from './search-settings.service';

/** Registered before SearchController, whose `search/:jobId` would otherwise be tried for `search/settings`. */
@ApiTags('search')
@ApiBearerAuth()
@ApiParam({ name: 'userId', type: Number, description: "The caller's own user id" })
@ApiErrors({ 400: 'userId must be a positive integer', 401: 'Authentication required', 403: 'Unauthorized' })
@ApiSearchUnavailable()
@UseGuards(OwnerGuard)
@Controller('users/:userId/search/settings')
export class SearchSettingsController {
  constructor(private readonly settings: SearchSettingsService) {}

  @Get()
  @RequirePermission('search')
  @ApiOperation({ summary: "The caller's search settings; the defaults until saved (updated_at null)" })
  @ApiOkResponse({ type: SearchSettingsDto })
  get(@CurrentUser() user: AuthenticatedUser): Promise<SearchSettingsDto> {
    return this.settings.get(user.id);
  }

  @Put()
  @RequirePermission('videos:write')
  @ApiOperation({
    summary: "Replace the caller's search settings",
    description:
      'Synonyms (one-way; list words under each other for multi-way), stop words, typo tolerance and field ' +
      'weights. An omitted field takes its default, so `{}` resets them. Applied to the next search, no reindex. ' +
      'Checked against the pinned queries first: a change that makes one worse (lower reciprocal rank or recall, or ' +
      'out of its pinned order) answers 409 with `report` and changes nothing, unless `?force=true`.',
  })
  @ApiOkResponse({ type: SearchSettingsDto })
  @ApiErrors({
    400: 'typo_tolerance.min_word_size_two_typos must not be below typo_tolerance.min_word_size_one_typo',
    409: 'The change makes 1 pinned query worse ("pasta"); force it to apply anyway',
  })
  replace(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: SearchSettingsInputDto,
    @Query() query: ForceQueryDto,
  ): Promise<SearchSettingsDto> {
    return this.settings.replace(user.id, dto, query.force === true);
  }
}
