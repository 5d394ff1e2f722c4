import { registerAs } from '@nestjs/config';
import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { validateEnv } from './validate-env';

/** Shared with the gateway's development default so that `npm start` works without any setup. */
export const DEVELOPMENT_SERVICE_TOKEN = 'dev-service-token-change-me';

const MIN_PRODUCTION_TOKEN_LENGTH = 16;

class AuthEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  @IsOptional()
  @IsString()
  @MinLength(1)
  SERVICE_TOKEN?: string;
}

export const authConfig = registerAs('auth', () => {
  const env = validateEnv(AuthEnv, { NODE_ENV: process.env.NODE_ENV, SERVICE_TOKEN: process.env.SERVICE_TOKEN });
  if (env.NODE_ENV === 'production') {
    if (!env.SERVICE_TOKEN || env.SERVICE_TOKEN === DEVELOPMENT_SERVICE_TOKEN) {
      throw new Error(
        'Invalid configuration: SERVICE_TOKEN must be set (and not the development default) in production',
      );
    }
    if (env.SERVICE_TOKEN.length < MIN_PRODUCTION_TOKEN_LENGTH) {
      throw new Error(
        `Invalid configuration: SERVICE_TOKEN must be at least ${MIN_PRODUCTION_TOKEN_LENGTH} characters`,
      );
    }
  }
  return { serviceToken: env.SERVICE_TOKEN ?? DEVELOPMENT_SERVICE_TOKEN };
});

export type AuthConfig = ReturnType<typeof authConfig>;
