import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { toNumber } from '../../common/validation/transforms';
import { ALERT_METRICS, AlertMetric } from '../alert-rule.entity';

export const MAX_WINDOW_MINUTES = 1440;
export const DEFAULT_WINDOW_MINUTES = 15;
export const MAX_ALERT_EVENTS = 200;

export class CreateAlertRuleDto {
  @ApiProperty({
    enum: ALERT_METRICS,
    description:
      '`error_rate`: percent of requests answered 400 or above; `p95_latency_ms`; `quota_use`: percent of the ' +
      'daily or monthly quota used, whichever is higher',
  })
  @IsIn(ALERT_METRICS, { message: `metric must be one of: ${ALERT_METRICS.join(', ')}` })
  metric: AlertMetric;

  @ApiProperty({ description: 'Fires at or above it: percent (0..100) or milliseconds', example: 5 })
  @IsNumber({}, { message: 'threshold must be a number' })
  @Min(0, { message: 'threshold must not be negative' })
  @Max(3_600_000, { message: 'threshold must be at most 3600000' })
  threshold: number;

  @ApiPropertyOptional({ description: "One of the caller's API keys; without it, the caller's JWT calls" })
  @IsOptional()
  @IsString({ message: 'api_key_id must be an API key id' })
  @MaxLength(36, { message: 'API key not found' })
  api_key_id?: string;

  @ApiPropertyOptional({ default: DEFAULT_WINDOW_MINUTES, minimum: 1, maximum: MAX_WINDOW_MINUTES })
  @IsOptional()
  @IsInt({ message: `window_minutes must be an integer from 1 to ${MAX_WINDOW_MINUTES}` })
  @Min(1, { message: `window_minutes must be an integer from 1 to ${MAX_WINDOW_MINUTES}` })
  @Max(MAX_WINDOW_MINUTES, { message: `window_minutes must be an integer from 1 to ${MAX_WINDOW_MINUTES}` })
  window_minutes?: number;
}

export class QuotaForecastDto {
  @ApiProperty({ enum: ['daily', 'monthly'], description: 'The quota that runs out first' }) window: string;
  @ApiProperty({ description: 'The rate over the rule window' }) requests_per_minute: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the quota runs out at this rate; null when it resets first',
  })
  runs_out_at: string | null;
}

export class AlertRuleDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ALERT_METRICS }) metric: string;
  @ApiProperty() threshold: number;
  @ApiProperty({ nullable: true, type: String }) api_key_id: string | null;
  @ApiProperty() window_minutes: number;
  @ApiProperty({ enum: ['ok', 'firing'] }) state: string;
  @ApiProperty({ nullable: true, type: Number, description: 'At the last evaluation; null without traffic' })
  value: number | null;
  @ApiProperty({ nullable: true, type: String }) evaluated_at: string | null;
  @ApiPropertyOptional({ type: QuotaForecastDto, nullable: true, description: 'quota_use rules only' })
  forecast?: QuotaForecastDto | null;
  @ApiProperty() created_at: string;
}

export class AlertRuleListDto {
  @ApiProperty({ type: [AlertRuleDto] }) rules: AlertRuleDto[];
}

export class AlertEventDto {
  @ApiProperty() id: number;
  @ApiProperty() rule_id: string;
  @ApiProperty({ enum: ALERT_METRICS }) metric: string;
  @ApiProperty({ nullable: true, type: String }) api_key_id: string | null;
  @ApiProperty({ enum: ['firing', 'resolved'] }) state: string;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
  @ApiProperty() threshold: number;
  @ApiProperty({ example: 'error rate 12.3 %, at or above 10 %' }) message: string;
  @ApiProperty() occurred_at: string;
}

export class AlertEventListDto {
  @ApiProperty({ type: [AlertEventDto], description: 'Newest first' }) events: AlertEventDto[];
}

export class AlertEventsQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_ALERT_EVENTS })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: `limit must be an integer from 1 to ${MAX_ALERT_EVENTS}` })
  @Min(1, { message: `limit must be an integer from 1 to ${MAX_ALERT_EVENTS}` })
  @Max(MAX_ALERT_EVENTS, { message: `limit must be an integer from 1 to ${MAX_ALERT_EVENTS}` })
  limit?: number;
}
