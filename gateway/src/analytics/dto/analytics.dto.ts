import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class AnalyticsQueryDto {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD (whole UTC day) or ISO 8601 instant; default 29 days before end' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  start_date?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (inclusive) or ISO 8601 instant (exclusive); default today' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  end_date?: string;

  @ApiPropertyOptional({ description: 'Only this API key of the caller' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  api_key_id?: string;
}

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export const EXPORT_TYPES = ['usage', 'jobs'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportType = (typeof EXPORT_TYPES)[number];

export class ExportQueryDto extends AnalyticsQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;

  @ApiPropertyOptional({ enum: EXPORT_TYPES, default: 'usage' })
  @IsOptional()
  @IsIn(EXPORT_TYPES, { message: `type must be one of: ${EXPORT_TYPES.join(', ')}` })
  type?: ExportType;
}

export class PeriodDto {
  @ApiProperty() start_date: string;
  @ApiProperty() end_date: string;
}

export class LatencyDto {
  @ApiProperty({ nullable: true, type: Number }) avg: number | null;
  @ApiProperty({ nullable: true, type: Number }) p50: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90: number | null;
  @ApiProperty({ nullable: true, type: Number }) p95: number | null;
  @ApiProperty({ nullable: true, type: Number }) p99: number | null;
}

export class TotalsDto {
  @ApiProperty() today: number;
  @ApiProperty({ description: 'Since Monday 00:00 UTC' }) this_week: number;
  @ApiProperty({ description: 'Since the 1st of the month, 00:00 UTC' }) this_month: number;
  @ApiProperty() in_range: number;
}

export class StatusCountDto {
  @ApiProperty() status: number;
  @ApiProperty() count: number;
}

export class HistogramBucketDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Upper bound in ms; null for the overflow bucket' })
  le_ms: number | null;
  @ApiProperty() count: number;
}

export class EndpointSummaryDto {
  @ApiProperty() method: string;
  @ApiProperty({ example: '/api/v1/users/:userId/videos' }) route: string;
  @ApiProperty() requests: number;
  @ApiProperty() errors: number;
  @ApiProperty({ description: 'Percent, 0..100' }) error_rate: number;
}

export class UsageDto {
  @ApiProperty() period: PeriodDto;
  @ApiProperty() totals: TotalsDto;
  @ApiProperty() success_count: number;
  @ApiProperty() error_count: number;
  @ApiProperty({ description: 'Percent, 0..100' }) success_rate: number;
  @ApiProperty({ description: 'Percent, 0..100' }) error_rate: number;
  @ApiProperty({ type: [StatusCountDto] }) status_codes: StatusCountDto[];
  @ApiProperty() latency_ms: LatencyDto;
  @ApiProperty({ type: [HistogramBucketDto] }) latency_histogram: HistogramBucketDto[];
  @ApiProperty({ type: [EndpointSummaryDto] }) endpoints: EndpointSummaryDto[];
}

export class DailyUsageDto {
  @ApiProperty({ example: '2026-11-26' }) date: string;
  @ApiProperty() requests: number;
  @ApiProperty() errors: number;
  @ApiProperty({ description: 'Percent, 0..100' }) error_rate: number;
  @ApiProperty({ nullable: true, type: Number }) avg_latency_ms: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90_latency_ms: number | null;
  @ApiProperty({ nullable: true, type: Number }) p95_latency_ms: number | null;
}

export class DailyUsageListDto {
  @ApiProperty({ type: [DailyUsageDto] }) days: DailyUsageDto[];
}

export class EndpointUsageDto extends EndpointSummaryDto {
  @ApiProperty({ nullable: true, type: Number }) avg_latency_ms: number | null;
  @ApiProperty({ nullable: true, type: Number }) p50_latency_ms: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90_latency_ms: number | null;
  @ApiProperty({ nullable: true, type: Number }) p95_latency_ms: number | null;
  @ApiProperty({ nullable: true, type: Number }) p99_latency_ms: number | null;
}

export class EndpointUsageListDto {
  @ApiProperty({ type: [EndpointUsageDto] }) endpoints: EndpointUsageDto[];
}

export class ApiKeyInfoDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() is_active: boolean;
  @ApiProperty() created_at: string;
  @ApiProperty({ nullable: true, type: String }) last_used_at: string | null;
}

export class ApiKeyUsageDto extends UsageDto {
  @ApiProperty() api_key: ApiKeyInfoDto;
}

export class ApiKeyComparisonRowDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() is_active: boolean;
  @ApiProperty({ nullable: true, type: String }) last_used_at: string | null;
  @ApiProperty() requests: number;
  @ApiProperty() errors: number;
  @ApiProperty({ description: 'Percent, 0..100' }) error_rate: number;
  @ApiProperty({ description: 'Percent of the requests made with any of the caller’s keys, 0..100' }) share: number;
}

export class ApiKeyComparisonDto {
  @ApiProperty({ type: [ApiKeyComparisonRowDto] }) api_keys: ApiKeyComparisonRowDto[];
  @ApiProperty({ nullable: true, type: String }) most_used_id: string | null;
  @ApiProperty({ nullable: true, type: String }) least_used_id: string | null;
}

export class QueryCountDto {
  @ApiProperty() query: string;
  @ApiProperty() count: number;
  @ApiProperty() avg_result_count: number;
  @ApiProperty({ nullable: true, type: String }) last_searched_at: string | null;
}

export class JobsByStatusDto {
  @ApiProperty() queued: number;
  @ApiProperty() processing: number;
  @ApiProperty() completed: number;
  @ApiProperty() failed: number;
  @ApiProperty() cancelled: number;
}

/** Click-through figures of a set of searches; rates are 0..1 (unlike the request analytics' percentages). */
export class SearchClickStatsDto {
  @ApiProperty({ description: 'Results opened' }) clicks: number;
  @ApiProperty({ description: 'Searches with at least one click, over searches (0..1)' }) click_through_rate: number;
  @ApiProperty({ nullable: true, type: Number, description: '1-based; null without clicks' })
  average_click_position: number | null;
  @ApiProperty({ description: 'Searches that found nothing, over searches (0..1)' }) no_result_rate: number;
}

export class SearchQueryStatsDto extends SearchClickStatsDto {
  @ApiProperty() query: string;
  @ApiProperty({ description: 'Times searched' }) count: number;
}

export class SearchDayStatsDto extends SearchClickStatsDto {
  @ApiProperty({ example: '2026-11-26' }) date: string;
  @ApiProperty() searches: number;
}

export class SearchAnalyticsDto extends SearchClickStatsDto {
  @ApiProperty() period: PeriodDto;
  @ApiProperty() total_jobs: number;
  @ApiProperty() by_status: JobsByStatusDto;
  @ApiProperty({ type: [QueryCountDto] }) top_queries: QueryCountDto[];
  @ApiProperty({ type: [QueryCountDto] }) zero_result_queries: QueryCountDto[];
  @ApiProperty({ description: 'Processing time of completed jobs' }) latency_ms: LatencyDto;
  @ApiProperty({ type: [SearchQueryStatsDto], description: 'The most searched queries with their click figures' })
  queries: SearchQueryStatsDto[];
  @ApiProperty({ type: [SearchDayStatsDto], description: 'Every UTC day of the range, oldest first' })
  daily: SearchDayStatsDto[];
}

/** The `analytics_update` socket event: the user's figures for today (UTC) after a flush. */
export class TodayUsageDto {
  @ApiProperty() user_id: number;
  @ApiProperty({ example: '2026-11-26' }) date: string;
  @ApiProperty() requests_today: number;
  @ApiProperty() errors_today: number;
  @ApiProperty({ description: 'Percent, 0..100' }) error_rate_today: number;
  @ApiProperty({ nullable: true, type: Number }) avg_latency_ms_today: number | null;
  @ApiProperty() occurred_at: string;
}
