import { buildDataSourceOptions } from '@gateway/database/typeorm-options';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';

const POSTGRES_SERVER = 'postgres://postgres@127.0.0.1:5432';

export function postgresUrl(databaseName: string): string {
  return `${POSTGRES_SERVER}/${databaseName}`;
}

const DATABASE_PREFIX = 'gw_test_';
// A suite that times out before stop() leaves its database behind; later runs sweep those up.
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** A fresh, uniquely named database on the local PostgreSQL server. */
export async function createPostgresDatabase(): Promise<string> {
  const name = `${DATABASE_PREFIX}${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdminConnection(async (admin) => {
    await dropAbandonedDatabases(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  return name;
}

async function dropAbandonedDatabases(admin: DataSource): Promise<void> {
  const rows: Array<{ datname: string }> = await admin.query(
    `SELECT datname FROM pg_database WHERE datname LIKE '${DATABASE_PREFIX}%'`,
  );
  for (const { datname } of rows) {
    const createdAt = parseInt(datname.slice(DATABASE_PREFIX.length).split('_')[0], 36);
    if (Number.isFinite(createdAt) && Date.now() - createdAt > ABANDONED_AFTER_MS) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  await withAdminConnection((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export interface TestDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The gateway's database with every migration applied, outside the app: SQLite in a temporary
 * directory, or a fresh PostgreSQL database when TEST_DATABASE=postgres. For repository tests.
 */
export async function openTestDatabase(entities: NonNullable<DataSourceOptions['entities']>): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-db-'));
  const databaseName = process.env.TEST_DATABASE === 'postgres' ? await createPostgresDatabase() : null;
  const options = buildDataSourceOptions({
    url: databaseName ? postgresUrl(databaseName) : null,
    dataDir,
    busyTimeoutMs: 5000,
  });
  const dataSource = await new DataSource({ ...options, entities }).initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      rmSync(dataDir, { recursive: true, force: true });
      if (databaseName) {
        await dropPostgresDatabase(databaseName);
      }
    },
  };
}

async function withAdminConnection<T>(work: (admin: DataSource) => Promise<T>): Promise<T> {
  const admin = await new DataSource({ type: 'postgres', url: postgresUrl('postgres'), poolSize: 1 }).initialize();
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}
