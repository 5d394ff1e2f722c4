import type { EntityManager } from 'typeorm';

/**
 * Runs SQL written once with `:name` parameters (`:...name` for a list) on either database: the
 * driver turns them into its own placeholders. For hot reads, where the query builder's per-request
 * work would cost more than the statement itself.
 */
export function queryNamed<T>(manager: EntityManager, sql: string, parameters: Record<string, unknown>): Promise<T> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  return manager.query<T>(query, values);
}
