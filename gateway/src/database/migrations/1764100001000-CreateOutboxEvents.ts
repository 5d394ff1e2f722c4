import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from '../column-types';

export class CreateOutboxEvents1764100001000 implements MigrationInterface {
  name = 'CreateOutboxEvents1764100001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'outbox_events',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'type', type: 'varchar', length: '16' },
          { name: 'owner_id', type: 'integer' },
          { name: 'video_id', type: 'integer' },
          { name: 'version', type: 'integer' },
          { name: 'payload', type: 'text' },
          { name: 'created_at', type: timestamp },
          { name: 'delivered_at', type: timestamp, isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: timestamp },
          { name: 'last_error', type: 'text', isNullable: true },
        ],
        // The relay scans undelivered events in id order; delivered rows stay out of its way.
        indices: [{ name: 'IDX_outbox_pending', columnNames: ['delivered_at', 'id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox_events');
  }
}
