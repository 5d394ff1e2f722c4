import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { validateConfig } from '../config/validate-config';

class AnalyticsEnv {
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  REQUEST_LOG_FLUSH_MS = 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  REQUEST_LOG_BATCH_SIZE = 500;

  // Beyond this many unflushed entries (database down) the oldest are dropped, bounding memory.
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(10_000_000)
  REQUEST_LOG_MAX_BUFFER = 100_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  REQUEST_LOG_RETENTION_DAYS = 7;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  ROLLUP_MINUTE_RETENTION_DAYS = 7;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  ANALYTICS_PRUNE_INTERVAL_MS = 3_600_000;
}

export const analyticsConfig = registerAs('analytics', () => {
  const env = validateConfig(AnalyticsEnv, process.env);
  return {
    flushMs: env.REQUEST_LOG_FLUSH_MS,
    batchSize: env.REQUEST_LOG_BATCH_SIZE,
    maxBuffer: env.REQUEST_LOG_MAX_BUFFER,
    retentionDays: env.REQUEST_LOG_RETENTION_DAYS,
    minuteRollupRetentionDays: env.ROLLUP_MINUTE_RETENTION_DAYS,
    pruneIntervalMs: env.ANALYTICS_PRUNE_INTERVAL_MS,
  };
});

export type AnalyticsConfig = ConfigType<typeof analyticsConfig>;
