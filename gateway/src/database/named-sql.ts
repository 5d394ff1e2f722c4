import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { QueryFailedError, type EntityManager, type ObjectLiteral, type Repository } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Runs SQL written once with `:name` parameters (`:...name` for a list) on either database: the
 * driver turns them into its own placeholders. For hot reads, where the query builder's per-request
 * work would cost more than the statement itself.
 */
export function queryNamed<T>(manager: EntityManager, sql: string, parameters: Record<string, unknown>): Promise<T> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  if (manager.connection.options.type === 'postgres' && !manager.queryRunner && /^SELECT /.test(query)) {
    manager.connection.logger.logQuery(query, values);
    return readPrepared<T>((manager.connection.driver as PostgresDriver).master as Pool, query, values);
  }
  return manager.query<T>(query, values);
}

/** Statement names by SQL text: a statement's text is written once in code, so the set is small and bounded. */
const statementNames = new Map<string, string>();

/**
 * A read outside a transaction on PostgreSQL, as a named prepared statement straight on the pool: each connection
 * parses and plans the statement once instead of on every request, and TypeORM's query runner (a pooled connection
 * taken and released, its events) is skipped. The statement is still logged by TypeORM's logger, and the rows come
 * back as TypeORM's `query` would return them.
 */
async function readPrepared<T>(pool: Pool, query: string, values: unknown[]): Promise<T> {
  let name = statementNames.get(query);
  if (!name) {
    name = `named_${createHash('sha1').update(query).digest('hex').slice(0, 16)}`;
    statementNames.set(query, name);
  }
  try {
    const result = await pool.query({ name, text: query, values });
    return result.rows as T;
  } catch (error) {
    throw new QueryFailedError(query, values, error as Error);
  }
}

/** Raw SQL bypasses column conversion: a date column's value as the driver stores it, back to a Date. */
export function hydrateDate(manager: EntityManager, column: ColumnMetadata, raw: unknown): Date {
  const value: unknown = manager.connection.driver.prepareHydratedValue(raw, column);
  return value instanceof Date ? value : new Date(String(value));
}

/** A Date as the driver stores it in this column, for a raw SQL parameter. */
export function persistDate(manager: EntityManager, column: ColumnMetadata, date: Date): unknown {
  return manager.connection.driver.preparePersistentValue(date, column);
}

/** The metadata of an entity's column, for the conversions above; fails at start when it is missing. */
export function columnOf(repository: Repository<ObjectLiteral>, property: string): ColumnMetadata {
  const column = repository.metadata.findColumnWithPropertyName(property);
  if (!column) {
    throw new Error(`${repository.metadata.name} has no ${property} column`);
  }
  return column;
}
