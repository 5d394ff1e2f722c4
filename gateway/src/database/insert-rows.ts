import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** SQLite binds at most 32,766 parameters a statement and PostgreSQL 65,535: each statement stays under both. */
const MAX_PARAMETERS = 30_000;
/** Rows a PostgreSQL statement inserts from its column arrays: bounds the statement's memory, not its parameters. */
const MAX_ROWS_PER_ARRAY_STATEMENT = 5000;

export interface InsertRowsOptions<T> {
  /**
   * Values every row of the call has in common (owner, stamps, defaults): bound once a statement on PostgreSQL,
   * where as array elements each was converted, sent and parsed once a row.
   */
  shared?: Partial<T>;
  /** A generated column whose values come back, in row order. */
  returning?: keyof T & string;
}

/** `(?, ?), (?, ?)`: the placeholders of a multi-row VALUES list on SQLite. */
export function sqliteRowPlaceholders(rows: number, columns: number): string {
  const row = `(${new Array<string>(columns).fill('?').join(', ')})`;
  return new Array<string>(rows).fill(row).join(', ');
}

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
  options: InsertRowsOptions<T> = {},
): Promise<number[]> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(target);
  const columnOf = (property: string) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) {
      throw new Error(`${metadata.name} has no ${property} column`);
    }
    return column;
  };
  const columns = properties.map(columnOf);
  const shared = Object.entries(options.shared ?? {}).map(([property, raw]) => {
    const column = columnOf(property);
    return { column, value: driver.preparePersistentValue(raw, column) as unknown };
  });
  const returningColumn = options.returning ? metadata.findColumnWithPropertyName(options.returning) : undefined;
  const postgres = manager.connection.options.type === 'postgres';
  const into =
    `INSERT INTO ${driver.escape(metadata.tablePath)} ` +
    `(${[...columns, ...shared.map((item) => item.column)].map((column) => driver.escape(column.databaseName)).join(', ')})`;
  const tail = returningColumn ? ` RETURNING ${driver.escape(returningColumn.databaseName)}` : '';
  // PostgreSQL takes one array parameter per column: a handful of parameters and one small plan whatever the row
  // count, where a VALUES list grows the statement to parse and plan with every row.
  const arrays = columns.map((column, i) => `$${i + 1}::${driver.normalizeType(column)}[]`);
  const scalars = shared.map((item, i) => `, $${columns.length + i + 1}::${driver.normalizeType(item.column)}`);
  const arraySelect = `SELECT *${scalars.join('')} FROM unnest(${arrays.join(', ')})`;
  const sharedValues = shared.map((item) => item.value);
  const rowsPerStatement = postgres
    ? MAX_ROWS_PER_ARRAY_STATEMENT
    : Math.max(1, Math.floor(MAX_PARAMETERS / (columns.length + shared.length)));
  const value = (row: Partial<T>, column: (typeof columns)[number]): unknown =>
    driver.preparePersistentValue(row[column.propertyName as keyof T], column);
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    let sql: string;
    let parameters: unknown[];
    if (postgres) {
      parameters = [...columns.map((column) => chunk.map((row) => value(row, column))), ...sharedValues];
      sql = `${into} ${arraySelect}`;
    } else {
      parameters = [];
      for (const row of chunk) {
        for (const column of columns) {
          parameters.push(value(row, column));
        }
        parameters.push(...sharedValues);
      }
      sql = `${into} VALUES ${sqliteRowPlaceholders(chunk.length, columns.length + shared.length)}`;
    }
    const result: unknown = await manager.query(sql + tail, parameters);
    if (returningColumn) {
      const returned = (result as Array<Record<string, unknown>>).map((record) =>
        Number(record[returningColumn.databaseName]),
      );
      // Both databases number one statement's rows in the order they are given; sorting does not depend on RETURNING's.
      ids.push(...returned.sort((a, b) => a - b));
    }
  }
  return ids;
}
