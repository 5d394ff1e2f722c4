import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

type EnvClass<T> = new () => T;

/**
 * Turns the raw environment into a typed, validated object, failing at start with every bad variable
 * listed: a misconfigured service must refuse to boot rather than misbehave later.
 */
export function validateEnv<T extends object>(cls: EnvClass<T>, raw: Record<string, string | undefined>): T {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const instance = plainToInstance(cls, present, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    const details = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration: ${details.join('; ')}`);
  }
  return instance;
}
