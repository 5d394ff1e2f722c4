import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { toNumber, trim } from '../../common/validation/transforms';
import { AnalyticsQueryDto } from '../dto/analytics.dto';

export const MAX_REQUESTS_PER_PAGE = 200;
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'error'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];
export const LOGGED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const MAX_LATENCY_MS = 3_600_000;

export class RequestLogQueryDto extends AnalyticsQueryDto {
  @ApiPropertyOptional({ enum: LOGGED_METHODS })
  @IsOptional()
  @IsIn(LOGGED_METHODS, { message: `method must be one of: ${LOGGED_METHODS.join(', ')}` })
  method?: (typeof LOGGED_METHODS)[number];

  @ApiPropertyOptional({ description: 'A route template, as listed', example: '/api/v1/users/:userId/search' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'route must be a route template' })
  @MaxLength(255, { message: 'route must be at most 255 characters' })
  route?: string;

  @ApiPropertyOptional({ description: 'One status code', example: 429 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'status must be an HTTP status code (100 to 599)' })
  @Min(100, { message: 'status must be an HTTP status code (100 to 599)' })
  @Max(599, { message: 'status must be an HTTP status code (100 to 599)' })
  status?: number;

  @ApiPropertyOptional({ enum: STATUS_CLASSES, description: '`error` is every status from 400' })
  @IsOptional()
  @IsIn(STATUS_CLASSES, { message: `status_class must be one of: ${STATUS_CLASSES.join(', ')}` })
  status_class?: StatusClass;

  @ApiPropertyOptional({ description: 'Inclusive lower bound on the latency, in milliseconds' })
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({}, { message: `min_latency_ms must be a number from 0 to ${MAX_LATENCY_MS}` })
  @Min(0, { message: `min_latency_ms must be a number from 0 to ${MAX_LATENCY_MS}` })
  @Max(MAX_LATENCY_MS, { message: `min_latency_ms must be a number from 0 to ${MAX_LATENCY_MS}` })
  min_latency_ms?: number;

  @ApiPropertyOptional({ description: 'Inclusive upper bound on the latency, in milliseconds' })
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({}, { message: `max_latency_ms must be a number from 0 to ${MAX_LATENCY_MS}` })
  @Min(0, { message: `max_latency_ms must be a number from 0 to ${MAX_LATENCY_MS}` })
  @Max(MAX_LATENCY_MS, { message: `max_latency_ms must be a number from 0 to ${MAX_LATENCY_MS}` })
  max_latency_ms?: number;

  @ApiPropertyOptional({ description: 'The next_cursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'cursor is malformed; use a next_cursor exactly as a list returned it' })
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_REQUESTS_PER_PAGE })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: `limit must be an integer from 1 to ${MAX_REQUESTS_PER_PAGE}` })
  @Min(1, { message: `limit must be an integer from 1 to ${MAX_REQUESTS_PER_PAGE}` })
  @Max(MAX_REQUESTS_PER_PAGE, { message: `limit must be an integer from 1 to ${MAX_REQUESTS_PER_PAGE}` })
  limit?: number;
}

export class RequestTimingDto {
  @ApiProperty({ description: 'From the request reaching the gateway to the answer' }) total_ms: number;
  @ApiProperty({ description: 'total_ms less the time in search service calls' }) gateway_ms: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Time in calls to the search service, summed; null for rows recorded before it was measured',
  })
  search_service_ms: number | null;
}

export class LoggedRequestDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The X-Request-Id of the answer, also sent to the search service (its logs carry it)',
  })
  request_id: string | null;
  @ApiProperty() occurred_at: string;
  @ApiProperty() method: string;
  @ApiProperty({ description: 'The matched route template, never the raw path' }) route: string;
  @ApiProperty() status: number;
  @ApiProperty({ nullable: true, type: String, description: 'Null for JWT calls' }) api_key_id: string | null;
  @ApiProperty({ type: RequestTimingDto }) timing: RequestTimingDto;
}

export class RequestLogPageDto {
  @ApiProperty({ type: [LoggedRequestDto], description: 'Newest first' }) requests: LoggedRequestDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Null on the last page' }) next_cursor: string | null;
  @ApiProperty({ description: 'Days the request log keeps (REQUEST_LOG_RETENTION_DAYS)' }) retention_days: number;
}

export class ErrorGroupDto {
  @ApiProperty() method: string;
  @ApiProperty() route: string;
  @ApiProperty() status: number;
  @ApiProperty() count: number;
  @ApiProperty() last_seen_at: string;
}

export class ErrorGroupsDto {
  @ApiProperty({ type: [ErrorGroupDto], description: 'Most frequent first, at most 50' }) groups: ErrorGroupDto[];
}
