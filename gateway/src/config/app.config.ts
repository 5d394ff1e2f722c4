import { ConfigType, registerAs } from '@nestjs/config';
import bytes from 'bytes';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

const DEFAULT_CORS_ORIGINS = 'http://localhost:3000,http://localhost:4200,http://127.0.0.1:4200';

class AppEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 5000;

  @IsString()
  @IsNotEmpty()
  HOST = '0.0.0.0';

  @IsString()
  @IsNotEmpty()
  DATA_DIR = './data';

  @IsString()
  @IsNotEmpty()
  CORS_ORIGINS = DEFAULT_CORS_ORIGINS;

  // A size such as "1mb", "100kb" or a byte count.
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, { message: 'BODY_LIMIT must be a size such as 1mb, 100kb or 65536' })
  BODY_LIMIT = '1mb';
}

export const appConfig = registerAs('app', () => {
  const env = validateConfig(AppEnv, process.env);
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
    /** Largest request body accepted, in bytes. */
    bodyLimit: bytes.parse(env.BODY_LIMIT) ?? 0,
  };
});

export type AppConfig = ConfigType<typeof appConfig>;
