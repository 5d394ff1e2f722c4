import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

type EnvClass<T extends object> = new () => T;

/**
 * Turns raw environment variables into a typed, validated object. Startup fails on the first
 * call with every bad variable listed, so a misconfigured deployment never half-starts.
 */
export function validateConfig<T extends object>(
  envClass: EnvClass<T>,
  env: NodeJS.ProcessEnv | Record<string, string | undefined>,
): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const instance = plainToInstance(envClass, present, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(instance, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    throw new Error(`Invalid configuration: ${errors.map(describe).join('; ')}`);
  }
  return instance;
}

function describe(error: ValidationError): string {
  // Reversed: class-validator lists the last decorator first, and the type check reads best first.
  const reasons = Object.values(error.constraints ?? {})
    .reverse()
    .join(', ');
  return `${error.property} (${reasons})`;
}
