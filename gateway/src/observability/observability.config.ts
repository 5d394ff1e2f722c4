import { ConfigType, registerAs } from '@nestjs/config';
import { IsIn } from 'class-validator';
import { validateConfig } from '../config/validate-config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

class ObservabilityEnv {
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';
}

export const observabilityConfig = registerAs('observability', () => {
  const env = validateConfig(ObservabilityEnv, { LOG_LEVEL: process.env.LOG_LEVEL });
  return { logLevel: env.LOG_LEVEL };
});

export type ObservabilityConfig = ConfigType<typeof observabilityConfig>;
