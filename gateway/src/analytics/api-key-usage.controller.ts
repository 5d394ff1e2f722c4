import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/permissions/require-permission.decorator';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { AnalyticsQueryDto, ApiKeyUsageDto, DailyUsageListDto } from './dto/analytics.dto';
import { UsageService } from './usage.service';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiErrors({ 400: 'end_date must not be before start_date', 401: 'Authentication required', 404: 'API key not found' })
@RequirePermission('analytics:read')
@Controller('auth/api-keys/:id/usage')
export class ApiKeyUsageController {
  constructor(private readonly usage: UsageService) {}

  @Get()
  @ApiOperation({ summary: "One API key's usage, with the key's details and last use" })
  @ApiOkResponse({ type: ApiKeyUsageDto })
  summary(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query() query: AnalyticsQueryDto,
  ): Promise<ApiKeyUsageDto> {
    return this.usage.apiKeySummary(user.id, id, query);
  }

  @Get('daily')
  @ApiOperation({ summary: "One API key's requests per UTC day" })
  @ApiOkResponse({ type: DailyUsageListDto })
  daily(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query() query: AnalyticsQueryDto,
  ): Promise<DailyUsageListDto> {
    return this.usage.apiKeyDaily(user.id, id, query);
  }
}
