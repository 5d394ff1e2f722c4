import { validateConfig } from '@gateway/config/validate-config';
import { registerAs } from '@nestjs/config';
import { IsInt, Max, Min } from 'class-validator';

class OutboxRelayEnv {
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBOX_BATCH_SIZE: number = 500;

  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS: number = 500;

  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OUTBOX_MAX_BACKOFF_MS: number = 30_000;

  @IsInt()
  @Min(1)
  @Max(24 * 365)
  OUTBOX_RETENTION_HOURS: number = 24;
}

export interface OutboxRelayConfig {
  batchSize: number;
  pollIntervalMs: number;
  maxBackoffMs: number;
  /** How long delivered events are kept (for operators to inspect) before they are deleted. */
  retentionMs: number;
}

export const outboxRelayConfig = registerAs('outboxRelay', (): OutboxRelayConfig => {
  const env = validateConfig(OutboxRelayEnv, {
    OUTBOX_BATCH_SIZE: process.env.OUTBOX_BATCH_SIZE,
    OUTBOX_POLL_INTERVAL_MS: process.env.OUTBOX_POLL_INTERVAL_MS,
    OUTBOX_MAX_BACKOFF_MS: process.env.OUTBOX_MAX_BACKOFF_MS,
    OUTBOX_RETENTION_HOURS: process.env.OUTBOX_RETENTION_HOURS,
  });
  return {
    batchSize: env.OUTBOX_BATCH_SIZE,
    pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
    maxBackoffMs: env.OUTBOX_MAX_BACKOFF_MS,
    retentionMs: env.OUTBOX_RETENTION_HOURS * 3_600_000,
  };
});
