import { validateConfig } from '@gateway/config/validate-config';
import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

class AlertsEnv {
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  ALERT_EVALUATION_INTERVAL_MS = 30_000;
}

export const alertsConfig = registerAs('alerts', () => {
  const env = validateConfig(AlertsEnv, process.env);
  return { evaluationIntervalMs: env.ALERT_EVALUATION_INTERVAL_MS };
});

export type AlertsConfig = ConfigType<typeof alertsConfig>;
