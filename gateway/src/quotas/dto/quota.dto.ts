import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class QuotaQueryDto {
  @ApiPropertyOptional({ description: "One of the caller's API keys; default: the credential of this request" })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  api_key_id?: string;
}

export class RateLimitStatusDto {
  @ApiProperty({ description: 'Requests allowed per minute' }) limit: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ description: 'Start of the next minute (UTC)' }) reset_at: string;
}

export class QuotaWindowDto {
  @ApiProperty() limit: number;
  @ApiProperty() used: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ description: 'Next UTC midnight (daily) or the 1st of next month (monthly)' }) reset_at: string;
}

export class QuotaStatusDto {
  @ApiProperty({ enum: ['user', 'api_key'], description: 'JWT calls count per user, API key calls per key' })
  scope: 'user' | 'api_key';
  @ApiProperty({ enum: ['memory', 'redis'], description: 'Where the counters live' })
  storage: 'memory' | 'redis';
  @ApiProperty() rate_limit: RateLimitStatusDto;
  @ApiProperty() daily: QuotaWindowDto;
  @ApiProperty() monthly: QuotaWindowDto;
}
