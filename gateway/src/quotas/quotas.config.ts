import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { validateConfig } from '../config/validate-config';

// Defaults are sized for a developer integrating and bulk-importing a library (a few thousand calls a minute);
// tighter plans are set per key at creation or through these variables.
class QuotasEnv {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE = 6000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  DAILY_QUOTA = 1_000_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  MONTHLY_QUOTA = 20_000_000;

  // Per client IP, for public routes (register, login, docs); not counted against any quota.
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 1200;

  // How long a key's own limits are cached before they are read again.
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  QUOTA_KEY_LIMITS_CACHE_MS = 30_000;
}

export const quotasConfig = registerAs('quotas', () => {
  const env = validateConfig(QuotasEnv, process.env);
  return {
    defaults: { perMinute: env.RATE_LIMIT_PER_MINUTE, daily: env.DAILY_QUOTA, monthly: env.MONTHLY_QUOTA },
    publicPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
    keyLimitsCacheMs: env.QUOTA_KEY_LIMITS_CACHE_MS,
  };
});

export type QuotasConfig = ConfigType<typeof quotasConfig>;
