import { validateConfig } from '@gateway/config/validate-config';
import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';

const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const raw = obj[key];
  return raw === 'true' ? true : raw === 'false' ? false : raw;
};

class WebhooksEnv {
  @IsString()
  NODE_ENV: string = 'development';

  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  @IsInt()
  @Min(1)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS: number = 30_000;

  @IsInt()
  @Min(1)
  @Max(7 * 86_400_000)
  WEBHOOK_RETRY_WINDOW_MS: number = 86_400_000;

  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_POLL_INTERVAL_MS: number = 1000;

  @IsBoolean()
  @Transform(toBoolean)
  WEBHOOK_ALLOW_LOCALHOST: boolean = false;

  @IsInt()
  @Min(1)
  @Max(3650)
  WEBHOOK_DELIVERY_RETENTION_DAYS: number = 30;
}

export interface WebhooksConfig {
  production: boolean;
  timeoutMs: number;
  retryBaseMs: number;
  retryWindowMs: number;
  pollIntervalMs: number;
  allowLocalhost: boolean;
  /** Finished deliveries (succeeded, or failed for good) older than this are deleted. */
  deliveryRetentionMs: number;
}

export const webhooksConfig = registerAs('webhooks', (): WebhooksConfig => {
  const env = validateConfig(WebhooksEnv, {
    NODE_ENV: process.env.NODE_ENV,
    WEBHOOK_TIMEOUT_MS: process.env.WEBHOOK_TIMEOUT_MS,
    WEBHOOK_RETRY_BASE_MS: process.env.WEBHOOK_RETRY_BASE_MS,
    WEBHOOK_RETRY_WINDOW_MS: process.env.WEBHOOK_RETRY_WINDOW_MS,
    WEBHOOK_POLL_INTERVAL_MS: process.env.WEBHOOK_POLL_INTERVAL_MS,
    WEBHOOK_ALLOW_LOCALHOST: process.env.WEBHOOK_ALLOW_LOCALHOST,
    WEBHOOK_DELIVERY_RETENTION_DAYS: process.env.WEBHOOK_DELIVERY_RETENTION_DAYS,
  });
  const production = env.NODE_ENV === 'production';
  if (production && env.WEBHOOK_ALLOW_LOCALHOST) {
    throw new Error('Invalid configuration: WEBHOOK_ALLOW_LOCALHOST must not be true when NODE_ENV=production');
  }
  return {
    production,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
    retryWindowMs: env.WEBHOOK_RETRY_WINDOW_MS,
    pollIntervalMs: env.WEBHOOK_POLL_INTERVAL_MS,
    allowLocalhost: env.WEBHOOK_ALLOW_LOCALHOST,
    deliveryRetentionMs: env.WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000,
  };
});
