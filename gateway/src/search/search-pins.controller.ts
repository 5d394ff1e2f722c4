import type { AuthenticatedUser } from '@gateway/auth/authenticated-user';
import { CurrentUser } from '@gateway/auth/decorators/current-user.decorator';
import { OwnerGuard } from '@gateway/auth/guards/owner.guard';
import { RequirePermission } from '@gateway/auth/permissions/require-permission.decorator';
import { ApiErrors } from '@gateway/common/http/api-errors.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiSearchUnavailable } from './api-search-unavailable.decorator';
import {
  CheckPinsDto,
  CreatePinDto,
  PinDto,
  PinHistoryDto,
  PinHistoryQueryDto,
  PinListDto,
  PinReportDto,
} from './dto/search-pins.dto';
import { PinIdPipe } from './job-id.pipe';
import { SearchPinsService } from './search-pins.service';

/** Registered before SearchController, whose `search/:jobId` would otherwise be tried for `search/pins`. */
@ApiTags('search')
@ApiBearerAuth()
@ApiParam({ name: 'userId', type: Number, description: "The caller's own user id" })
@ApiErrors({ 400: 'userId must be a positive integer', 401: 'Authentication required', 403: 'Unauthorized' })
@ApiSearchUnavailable()
@UseGuards(OwnerGuard)
@Controller('users/:userId/search/pins')
export class SearchPinsController {
  constructor(private readonly pins: SearchPinsService) {}

  @Post()
  @RequirePermission('videos:write')
  @ApiOperation({
    summary: 'Pin the expected results of a key query',
    description:
      'Every settings change is then checked against the pins: one that makes a pinned query worse is refused ' +
      'unless forced. `health` scores the pin today (reciprocal rank, recall and order in the top results).',
  })
  @ApiCreatedResponse({ type: PinDto })
  @ApiErrors({ 400: 'expected_video_ids must list 1 to 10 videos', 409: 'An owner can pin at most 100 queries' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreatePinDto): Promise<PinDto> {
    return this.pins.create(user.id, dto);
  }

  @Get()
  @RequirePermission('search')
  @ApiOperation({ summary: 'The pinned queries, oldest first, each with its health today, and their means' })
  @ApiOkResponse({ type: PinListDto })
  list(@CurrentUser() user: AuthenticatedUser): Promise<PinListDto> {
    return this.pins.list(user.id);
  }

  @Post('check')
  @HttpCode(200)
  @RequirePermission('search')
  @ApiOperation({
    summary: 'Score every pin before and after',
    description:
      'With `settings`: today against those settings, what the change would do (nothing is saved). Without: the ' +
      'last recorded check against today, what new videos, an import or a reindex did; `record: true` adds it to ' +
      'the history.',
  })
  @ApiOkResponse({ type: PinReportDto })
  @ApiErrors({ 400: 'field_weights must give at least one field a weight above 0' })
  check(@CurrentUser() user: AuthenticatedUser, @Body() dto: CheckPinsDto): Promise<PinReportDto> {
    return this.pins.check(user.id, dto);
  }

  @Get('history')
  @RequirePermission('search')
  @ApiOperation({ summary: "The pins' recorded checks, newest first: their health over time" })
  @ApiOkResponse({ type: PinHistoryDto })
  @ApiErrors({ 400: 'limit must be an integer from 1 to 200' })
  history(@CurrentUser() user: AuthenticatedUser, @Query() query: PinHistoryQueryDto): Promise<PinHistoryDto> {
    return this.pins.history(user.id, query.limit);
  }

  @Delete(':pinId')
  @HttpCode(204)
  @RequirePermission('videos:write')
  @ApiOperation({ summary: 'Unpin a query' })
  @ApiNoContentResponse()
  @ApiErrors({ 404: 'Pin not found' })
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('pinId', PinIdPipe) pinId: string): Promise<void> {
    await this.pins.delete(user.id, pinId);
  }
}
