import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from '../column-types';

/** Bulk imports: one row per import job, its counts, its error rows (JSON) and the outbox range it wrote. */
export class CreateVideoImports1765000000000 implements MigrationInterface {
  name = 'CreateVideoImports1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'video_imports',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'owner_id', type: 'integer' },
          { name: 'idempotency_key', type: 'varchar', length: '200', isNullable: true },
          { name: 'body_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'format', type: 'varchar', length: '8' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'total', type: 'integer', default: 0 },
          { name: 'done', type: 'integer', default: 0 },
          { name: 'failed', type: 'integer', default: 0 },
          { name: 'errors', type: 'text' },
          { name: 'errors_total', type: 'integer', default: 0 },
          { name: 'first_outbox_id', type: 'integer', isNullable: true },
          { name: 'last_outbox_id', type: 'integer', isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'started_at', type: timestamp, isNullable: true },
          { name: 'finished_at', type: timestamp, isNullable: true },
          { name: 'searchable_at', type: timestamp, isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['owner_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          { name: 'IDX_video_imports_owner', columnNames: ['owner_id', 'id'] },
          { name: 'UQ_video_imports_owner_key', columnNames: ['owner_id', 'idempotency_key'], isUnique: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('video_imports');
  }
}
