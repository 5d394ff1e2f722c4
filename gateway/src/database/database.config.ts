import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from '../config/validate-config';

class DatabaseEnv {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @IsNotEmpty()
  DATA_DIR = './data';

  // How long SQLite waits on a locked database before failing a statement.
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60000)
  SQLITE_BUSY_TIMEOUT_MS = 5000;
}

export const databaseConfig = registerAs('database', () => {
  const env = validateConfig(DatabaseEnv, process.env);
  return {
    url: env.DATABASE_URL ?? null,
    dataDir: env.DATA_DIR,
    busyTimeoutMs: env.SQLITE_BUSY_TIMEOUT_MS,
  };
});

export type DatabaseConfig = ConfigType<typeof databaseConfig>;
