import { registerAs } from '@nestjs/config';
import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { join } from 'node:path';
import { validateEnv } from './validate-env';

class DatabaseEnv {
  @IsString()
  @MinLength(1)
  DATA_DIR: string = './data';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
}

/** `dataDir` is kept for PostgreSQL too: local files such as the index snapshot live there whatever the database. */
export type DatabaseConfig =
  { kind: 'sqlite'; dataDir: string; sqlitePath: string } | { kind: 'postgres'; dataDir: string; url: string };

export const databaseConfig = registerAs('database', (): DatabaseConfig => {
  const env = validateEnv(DatabaseEnv, { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL });
  if (env.DATABASE_URL) {
    return { kind: 'postgres', dataDir: env.DATA_DIR, url: env.DATABASE_URL };
  }
  return { kind: 'sqlite', dataDir: env.DATA_DIR, sqlitePath: join(env.DATA_DIR, 'search.sqlite') };
});
