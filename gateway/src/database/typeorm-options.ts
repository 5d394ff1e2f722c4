import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from './database.config';

// Matches compiled migrations in dist and TypeScript sources under ts-jest; never declaration files.
const MIGRATIONS_GLOB = join(__dirname, 'migrations', '*.{ts,js}');

/** Connection, pragmas and migrations, without entities; shared by the app and repository tests. */
export function buildDataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    synchronize: false,
    migrationsRun: true,
    migrations: [MIGRATIONS_GLOB],
    migrationsTransactionMode: 'each' as const,
  };
  if (config.url) {
    return { ...common, type: 'postgres', url: config.url };
  }
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: join(dataDir, 'gateway.sqlite'),
    timeout: config.busyTimeoutMs,
    prepareDatabase: (db: Database) => {
      db.pragma('journal_mode = WAL');
      db.pragma(`busy_timeout = ${config.busyTimeoutMs}`);
      // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commits.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // SQLite's built-in lower() folds ASCII only; case-insensitive filters and sorts must treat "Ä" like "ä".
      db.function('lower', { deterministic: true }, (value: unknown) =>
        typeof value === 'string' ? value.toLowerCase() : value,
      );
    },
  };
}

export function buildTypeOrmOptions(config: DatabaseConfig): TypeOrmModuleOptions {
  return { ...buildDataSourceOptions(config), autoLoadEntities: true };
}
