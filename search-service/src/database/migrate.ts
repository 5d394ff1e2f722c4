import type { DataSource } from 'typeorm';

/** Arbitrary but fixed: identifies "search-service migrations" among PostgreSQL advisory locks. */
const MIGRATION_LOCK_KEY = 725_311_004;

/**
 * Runs pending migrations. On PostgreSQL, replicas starting together would race to create the same tables, so the
 * run holds a session-level advisory lock: the others wait, then find nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockHolder.release();
  }
}
