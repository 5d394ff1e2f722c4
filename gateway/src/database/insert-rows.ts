import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** SQLite binds at most 32,766 parameters a statement and PostgreSQL 65,535: each statement stays under both. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts rows with multi-row INSERT statements written here, each value converted by the driver as TypeORM
 * converts it (dates, booleans), and returns the generated ids in row order. TypeORM's insert builder copies
 * its whole parameter map for every value it adds, so its cost grows with the square of a statement's size;
 * a bulk import writes thousands of rows a transaction.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  properties: ReadonlyArray<keyof T & string>,
  rows: ReadonlyArray<Partial<T>>,
  returning?: keyof T & string,
): Promise<number[]> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) {
      throw new Error(`${metadata.name} has no ${property} column`);
    }
    return column;
  });
  const returningColumn = returning ? metadata.findColumnWithPropertyName(returning) : undefined;
  const postgres = manager.connection.options.type === 'postgres';
  const head =
    `INSERT INTO ${driver.escape(metadata.tablePath)} ` +
    `(${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES `;
  const tail = returningColumn ? ` RETURNING ${driver.escape(returningColumn.databaseName)}` : '';
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const parameters: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        parameters.push(driver.preparePersistentValue(row[column.propertyName as keyof T], column));
        return postgres ? `$${parameters.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    const result: unknown = await manager.query(head + tuples.join(', ') + tail, parameters);
    if (returningColumn) {
      const returned = (result as Array<Record<string, unknown>>).map((record) =>
        Number(record[returningColumn.databaseName]),
      );
      // Both databases number one statement's rows in VALUES order; sorting does not depend on RETURNING's order.
      ids.push(...returned.sort((a, b) => a - b));
    }
  }
  return ids;
}
