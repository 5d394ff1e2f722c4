import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/permissions/require-permission.decorator';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { AlertsService } from './alerts.service';
import {
  AlertEventListDto,
  AlertEventsQueryDto,
  AlertRuleDto,
  AlertRuleListDto,
  CreateAlertRuleDto,
} from './dto/alert.dto';

@ApiTags('alerts')
@ApiBearerAuth()
@ApiErrors({ 401: 'Authentication required' })
@RequirePermission('analytics:read')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Post()
  @ApiOperation({
    summary: 'Alert on a key’s error rate, p95 latency or quota use',
    description:
      'Evaluated every ALERT_EVALUATION_INTERVAL_MS over the last window_minutes. Starting and stopping to fire is ' +
      'recorded (GET /alerts/events), sent to the dashboard as the Socket.IO `alert` event and to the webhooks ' +
      'subscribed to `alert.fired` / `alert.resolved`. quota_use rules carry a forecast of when the quota runs out.',
  })
  @ApiCreatedResponse({ type: AlertRuleDto })
  @ApiErrors({ 400: 'metric must be one of: error_rate, p95_latency_ms, quota_use', 404: 'API key not found' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateAlertRuleDto): Promise<AlertRuleDto> {
    return this.alerts.create(user.id, dto);
  }

  @Get()
  @ApiOperation({ summary: "The caller's alert rules with their state, value and quota forecast" })
  @ApiOkResponse({ type: AlertRuleListDto })
  list(@CurrentUser() user: AuthenticatedUser): Promise<AlertRuleListDto> {
    return this.alerts.list(user.id);
  }

  @Get('events')
  @ApiOperation({ summary: 'Rules starting and stopping to fire, newest first' })
  @ApiOkResponse({ type: AlertEventListDto })
  events(@CurrentUser() user: AuthenticatedUser, @Query() query: AlertEventsQueryDto): Promise<AlertEventListDto> {
    return this.alerts.history(user.id, query.limit);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an alert rule (its events stay in the history)' })
  @ApiNoContentResponse()
  @ApiErrors({ 404: 'Alert rule not found' })
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('Alert rule not found') }))
    id: string,
  ): Promise<void> {
    await this.alerts.remove(user.id, id);
  }
}
