import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { validateConfig } from '../config/validate-config';

class RealtimeEnv {
  // At most one analytics_update per user per interval, across every gateway sharing Redis.
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  ANALYTICS_UPDATE_INTERVAL_MS = 5000;

  // A socket that has not authenticated by then is disconnected.
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  SOCKET_AUTH_TIMEOUT_MS = 10_000;
}

export const realtimeConfig = registerAs('realtime', () => {
  const env = validateConfig(RealtimeEnv, process.env);
  return { analyticsUpdateIntervalMs: env.ANALYTICS_UPDATE_INTERVAL_MS, authTimeoutMs: env.SOCKET_AUTH_TIMEOUT_MS };
});

export type RealtimeConfig = ConfigType<typeof realtimeConfig>;
