import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser } from '../../auth/decorators/current-user.decorator';
import { RequirePermission } from '../../auth/permissions/require-permission.decorator';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { ErrorGroupsDto, LoggedRequestDto, RequestLogPageDto, RequestLogQueryDto } from './request-explorer.dto';
import { RequestExplorerService } from './request-explorer.service';

@ApiTags('analytics')
@ApiBearerAuth()
@ApiErrors({ 400: 'status_class must be one of: 2xx, 3xx, 4xx, 5xx, error', 401: 'Authentication required' })
@RequirePermission('analytics:read')
@Controller('analytics/requests')
export class RequestExplorerController {
  constructor(private readonly explorer: RequestExplorerService) {}

  @Get()
  @ApiOperation({
    summary: "The caller's requests, newest first: filter by key, method, route, status and latency, page by cursor",
    description:
      'Every API request is kept for REQUEST_LOG_RETENTION_DAYS (default 7) with its X-Request-Id and its time ' +
      'split between the gateway and the search service. Subscribe to `subscribe_requests` on Socket.IO for a live tail.',
  })
  @ApiOkResponse({ type: RequestLogPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: RequestLogQueryDto): Promise<RequestLogPageDto> {
    return this.explorer.list(user.id, query);
  }

  @Get('errors')
  @ApiOperation({ summary: "The caller's failed requests grouped by method, route and status, most frequent first" })
  @ApiOkResponse({ type: ErrorGroupsDto })
  errors(@CurrentUser() user: AuthenticatedUser, @Query() query: RequestLogQueryDto): Promise<ErrorGroupsDto> {
    return this.explorer.errors(user.id, query);
  }

  @Get(':requestId')
  @ApiOperation({ summary: 'One request by the X-Request-Id it was answered with' })
  @ApiOkResponse({ type: LoggedRequestDto })
  @ApiErrors({ 404: 'Request not found' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('requestId') requestId: string): Promise<LoggedRequestDto> {
    return this.explorer.get(user.id, requestId);
  }
}
