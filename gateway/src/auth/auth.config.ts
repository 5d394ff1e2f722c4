import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { validateConfig } from '../config/validate-config';

// Only ever used outside production, where tokens signed with it guard nothing of value.
export const DEVELOPMENT_JWT_SECRET = 'video-search-platform-development-secret-do-not-use-in-production';

class AuthEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/^\d+(ms|s|m|h|d|w|y)?$/, { message: 'JWT_EXPIRES_IN must look like 3600, 30m, 24h or 7d' })
  JWT_EXPIRES_IN = '24h';

  // How often API keys' last_used_at is written back; uses in between are coalesced in memory.
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(300000)
  API_KEY_LAST_USED_FLUSH_MS = 5000;

  // Verified credentials kept in memory, so a valid JWT or API key costs no verification or
  // database lookup per request. Revocations evict at once (on every gateway, through Redis).
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  CREDENTIAL_CACHE_MAX = 10_000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  CREDENTIAL_CACHE_TTL_MS = 60_000;
}

export const authConfig = registerAs('auth', () => {
  const env = validateConfig(AuthEnv, process.env);
  if (env.NODE_ENV === 'production' && (!env.JWT_SECRET || env.JWT_SECRET === DEVELOPMENT_JWT_SECRET)) {
    throw new Error(
      'Invalid configuration: JWT_SECRET must be set to a private random value of at least 32 characters when NODE_ENV=production',
    );
  }
  return {
    jwtSecret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    jwtExpiresIn: toExpiresIn(env.JWT_EXPIRES_IN),
    apiKeyLastUsedFlushMs: env.API_KEY_LAST_USED_FLUSH_MS,
    credentialCacheMax: env.CREDENTIAL_CACHE_MAX,
    credentialCacheTtlMs: env.CREDENTIAL_CACHE_TTL_MS,
  };
});

export type AuthConfig = ConfigType<typeof authConfig>;

type ExpiresIn = number | `${number}${'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'y'}`;

// jsonwebtoken reads a bare numeric string as milliseconds; a bare number here means seconds.
function toExpiresIn(value: string): ExpiresIn {
  return /^\d+$/.test(value) ? Number(value) : (value as ExpiresIn);
}
