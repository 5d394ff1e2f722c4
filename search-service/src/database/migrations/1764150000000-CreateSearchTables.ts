import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Written with the schema API (no raw SQL) so the same migration runs on SQLite and PostgreSQL. */
export class CreateSearchTables1764150000000 implements MigrationInterface {
  name = 'CreateSearchTables1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'documents',
        columns: [
          { name: 'owner_id', type: 'integer', isPrimary: true },
          { name: 'video_id', type: 'integer', isPrimary: true },
          { name: 'version', type: 'bigint' },
          { name: 'title', type: 'text' },
          { name: 'description', type: 'text' },
          { name: 'tags', type: 'text' },
          { name: 'duration', type: 'integer' },
          { name: 'deleted', type: 'boolean' },
          { name: 'reindex_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'updated_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'search_jobs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_id', type: 'integer' },
          { name: 'query', type: 'text' },
          { name: 'algorithm', type: 'varchar', length: '64' },
          { name: 'filters', type: 'text' },
          { name: 'limit', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'result_count', type: 'integer', default: 0 },
          { name: 'results', type: 'text', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'started_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'completed_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'updated_at', type: 'varchar', length: '32' },
          { name: 'duration_ms', type: 'double precision', isNullable: true },
          { name: 'claimed_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'claimed_at', type: 'varchar', length: '32', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'search_jobs',
      new TableIndex({ name: 'idx_search_jobs_owner_created', columnNames: ['owner_id', 'created_at'] }),
    );
    await queryRunner.createIndex(
      'search_jobs',
      new TableIndex({ name: 'idx_search_jobs_status_created', columnNames: ['status', 'created_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('search_jobs');
    await queryRunner.dropTable('documents');
  }
}
