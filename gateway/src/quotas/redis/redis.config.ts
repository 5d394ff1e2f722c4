import { ConfigType, registerAs } from '@nestjs/config';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { validateConfig } from '../../config/validate-config';

class RedisEnv {
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  // Namespaces every key and channel, so several deployments (or test runs) can share one Redis.
  @IsString()
  @MaxLength(64)
  REDIS_KEY_PREFIX = 'vsp:';
}

/** Redis is optional: without REDIS_URL the gateway keeps counters and rooms in memory. */
export const redisConfig = registerAs('redis', () => {
  const env = validateConfig(RedisEnv, process.env);
  return { url: env.REDIS_URL ?? null, keyPrefix: env.REDIS_KEY_PREFIX };
});

export type RedisConfig = ConfigType<typeof redisConfig>;
