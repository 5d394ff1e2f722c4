import type { EntityManager, ObjectLiteral, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Runs SQL written once with `:name` parameters (`:...name` for a list) on either database: the
 * driver turns them into its own placeholders. For hot reads, where the query builder's per-request
 * work would cost more than the statement itself.
 */
export function queryNamed<T>(manager: EntityManager, sql: string, parameters: Record<string, unknown>): Promise<T> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  return manager.query<T>(query, values);
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
