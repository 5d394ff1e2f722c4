import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

const ROLLUP_TABLES = ['usage_rollups_minute', 'usage_rollups_day'];
// Latency histogram buckets h00..h39; frozen here because a migration must not change after it ran.
const BUCKET_COLUMNS = Array.from({ length: 40 }, (_, i) => `h${String(i).padStart(2, '0')}`);

/**
 * The request log and its per-minute / per-day rollups. A rollup row's primary key starts with
 * the user and the bucket, the filter every analytics query uses. Histogram buckets are plain
 * integer columns so that flushes can add to them atomically with one portable upsert.
 */
export class CreateRequestLogsAndUsageRollups1764200000000 implements MigrationInterface {
  name = 'CreateRequestLogsAndUsageRollups1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const isSqlite = queryRunner.connection.driver.options.type === 'better-sqlite3';
    await queryRunner.createTable(
      new Table({
        name: 'request_logs',
        columns: [
          {
            name: 'id',
            type: isSqlite ? 'integer' : 'bigint',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'occurred_at', type: 'varchar', length: '24' },
          { name: 'user_id', type: 'integer', isNullable: true },
          { name: 'api_key_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'method', type: 'varchar', length: '10' },
          { name: 'route', type: 'varchar', length: '255' },
          { name: 'status', type: 'integer' },
          { name: 'latency_ms', type: 'double precision' },
        ],
        indices: [
          { name: 'IDX_request_logs_occurred_at', columnNames: ['occurred_at'] },
          { name: 'IDX_request_logs_user_occurred_at', columnNames: ['user_id', 'occurred_at'] },
        ],
      }),
    );

    for (const name of ROLLUP_TABLES) {
      await queryRunner.createTable(
        new Table({
          name,
          columns: [
            { name: 'user_id', type: 'integer', isPrimary: true },
            { name: 'bucket', type: 'varchar', length: '16', isPrimary: true },
            // '' rather than NULL for JWT calls: NULLs never collide in a unique key, which would break the upsert.
            { name: 'api_key_id', type: 'varchar', length: '36', isPrimary: true },
            { name: 'method', type: 'varchar', length: '10', isPrimary: true },
            { name: 'route', type: 'varchar', length: '255', isPrimary: true },
            { name: 'status', type: 'integer', isPrimary: true },
            { name: 'status_class', type: 'integer' },
            { name: 'requests', type: 'integer', default: 0 },
            { name: 'errors', type: 'integer', default: 0 },
            { name: 'latency_sum_ms', type: 'double precision', default: 0 },
            { name: 'latency_max_ms', type: 'double precision', default: 0 },
            ...BUCKET_COLUMNS.map((column): TableColumnOptions => ({ name: column, type: 'integer', default: 0 })),
          ],
          indices: [{ name: `IDX_${name}_bucket`, columnNames: ['bucket'] }],
        }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [...ROLLUP_TABLES].reverse()) {
      await queryRunner.dropTable(name);
    }
    await queryRunner.dropTable('request_logs');
  }
}
