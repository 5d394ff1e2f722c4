import type { QueryRunner } from 'typeorm';

/**
 * Column types for migrations that must run unchanged on SQLite and PostgreSQL. Timestamps use
 * the type TypeORM maps a `Date` property to on each driver, so entities need no explicit type.
 */
export function timestampType(queryRunner: QueryRunner): string {
  return queryRunner.connection.driver.normalizeType({ type: Date });
}
