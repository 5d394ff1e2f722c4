import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/permissions/require-permission.decorator';
import { ApiErrors } from '../common/http/api-errors.decorator';
import {
  AnalyticsQueryDto,
  ApiKeyComparisonDto,
  DailyUsageListDto,
  EndpointUsageListDto,
  ExportQueryDto,
  SearchAnalyticsDto,
  UsageDto,
} from './dto/analytics.dto';
import { NoResultDiagnosisDto, NoResultQueryParamDto } from './dto/no-result-diagnosis.dto';
import { ExportService } from './export/export.service';
import { NoResultDoctorService } from './no-result-doctor.service';
import { SearchAnalyticsService } from './search-analytics.service';
import { UsageService } from './usage.service';

const RANGE_ERRORS = {
  400: 'end_date must not be before start_date',
  401: 'Authentication required',
  404: 'API key not found',
};

@ApiTags('analytics')
@ApiBearerAuth()
@ApiErrors(RANGE_ERRORS)
@RequirePermission('analytics:read')
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly usage: UsageService,
    private readonly searchAnalytics: SearchAnalyticsService,
    private readonly exports: ExportService,
    private readonly doctor: NoResultDoctorService,
  ) {}

  @Get('usage')
  @ApiOperation({ summary: "The caller's usage: totals, success and error rates, status codes, latency, endpoints" })
  @ApiOkResponse({ type: UsageDto })
  summary(@CurrentUser() user: AuthenticatedUser, @Query() query: AnalyticsQueryDto): Promise<UsageDto> {
    return this.usage.summary(user.id, query);
  }

  @Get('usage/daily')
  @ApiOperation({ summary: 'One row per UTC day in the range, days without traffic as zeros' })
  @ApiOkResponse({ type: DailyUsageListDto })
  daily(@CurrentUser() user: AuthenticatedUser, @Query() query: AnalyticsQueryDto): Promise<DailyUsageListDto> {
    return this.usage.daily(user.id, query);
  }

  @Get('usage/endpoints')
  @ApiOperation({ summary: 'Usage per route template and method, with latency percentiles' })
  @ApiOkResponse({ type: EndpointUsageListDto })
  endpoints(@CurrentUser() user: AuthenticatedUser, @Query() query: AnalyticsQueryDto): Promise<EndpointUsageListDto> {
    return this.usage.endpoints(user.id, query);
  }

  @Get('api-keys')
  @ApiOperation({ summary: "The caller's API keys side by side, with the most and least used" })
  @ApiOkResponse({ type: ApiKeyComparisonDto })
  apiKeys(@CurrentUser() user: AuthenticatedUser, @Query() query: AnalyticsQueryDto): Promise<ApiKeyComparisonDto> {
    return this.usage.compareApiKeys(user.id, query);
  }

  @Get('search')
  @ApiOperation({
    summary: 'Search jobs by status, top and zero-result queries, latency, click-through and no-result rates',
  })
  @ApiOkResponse({ type: SearchAnalyticsDto })
  @ApiErrors({ 503: 'Search service unavailable' })
  search(@CurrentUser() user: AuthenticatedUser, @Query() query: AnalyticsQueryDto): Promise<SearchAnalyticsDto> {
    return this.searchAnalytics.stats(user.id, query);
  }

  @Get('search/no-results/:query/diagnosis')
  @ApiOperation({
    summary: 'Why a query finds nothing, and the settings changes that would answer it',
    description:
      'Says why (words absent from the library, every word a stop word, typos beyond the tolerance, filters ' +
      'excluding every match) and proposes fixes (a synonym, a stop-word change, a looser typo setting). Each fix ' +
      'is measured by replaying your no-result searches of the last 30 days with it, and carries your whole settings ' +
      'with the fix applied: PUT them to /users/{id}/search/settings to apply it. Reads only; changes nothing.',
  })
  @ApiOkResponse({ type: NoResultDiagnosisDto })
  @ApiErrors({ 400: 'query must be at most 500 characters', 503: 'Search service unavailable' })
  diagnoseNoResults(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: NoResultQueryParamDto,
  ): Promise<NoResultDiagnosisDto> {
    return this.doctor.diagnose(user.id, params.query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Download daily usage or search jobs as CSV or JSON' })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'An attachment named <type>-<start>-<end>.<format>' })
  export(@CurrentUser() user: AuthenticatedUser, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    return this.exports.export(user.id, query);
  }
}
