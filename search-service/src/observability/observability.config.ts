import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { validateEnv } from '../config/validate-env';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

class ObservabilityEnv {
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** 0 turns the metrics listener off. */
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT: number = 9464;

  @IsString()
  @MinLength(1)
  METRICS_HOST: string = '127.0.0.1';
}

export const observabilityConfig = registerAs('observability', () => {
  const env = validateEnv(ObservabilityEnv, {
    LOG_LEVEL: process.env.LOG_LEVEL,
    METRICS_PORT: process.env.METRICS_PORT,
    METRICS_HOST: process.env.METRICS_HOST,
  });
  return { logLevel: env.LOG_LEVEL, metricsPort: env.METRICS_PORT, metricsHost: env.METRICS_HOST };
});

export type ObservabilityConfig = ReturnType<typeof observabilityConfig>;
