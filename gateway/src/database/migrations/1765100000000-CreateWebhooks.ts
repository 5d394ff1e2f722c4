import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from '../column-types';

export class CreateWebhooks1765100000000 implements MigrationInterface {
  name = 'CreateWebhooks1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'webhook_endpoints',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'owner_id', type: 'integer' },
          { name: 'url', type: 'text' },
          { name: 'events', type: 'text' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'secret', type: 'varchar', length: '128' },
          { name: 'previous_secret', type: 'varchar', length: '128', isNullable: true },
          { name: 'previous_secret_expires_at', type: timestamp, isNullable: true },
          { name: 'created_at', type: timestamp },
        ],
        foreignKeys: [
          {
            columnNames: ['owner_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ name: 'IDX_webhook_endpoints_owner', columnNames: ['owner_id', 'id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'endpoint_id', type: 'integer' },
          { name: 'owner_id', type: 'integer' },
          { name: 'event_id', type: 'varchar', length: '64' },
          { name: 'event', type: 'varchar', length: '32' },
          { name: 'dedupe_key', type: 'varchar', length: '255' },
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'response_code', type: 'integer', isNullable: true },
          { name: 'response_body', type: 'text', isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'next_attempt_at', type: timestamp, isNullable: true },
          { name: 'first_attempt_at', type: timestamp, isNullable: true },
          { name: 'claimed_until', type: timestamp, isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'delivered_at', type: timestamp, isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['endpoint_id'],
            referencedTableName: 'webhook_endpoints',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          // Publishing the same event twice (several gateways) queues it once per endpoint.
          { name: 'UQ_webhook_deliveries_dedupe', columnNames: ['endpoint_id', 'dedupe_key'], isUnique: true },
          { name: 'IDX_webhook_deliveries_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'IDX_webhook_deliveries_endpoint', columnNames: ['endpoint_id', 'id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropTable('webhook_endpoints');
  }
}
