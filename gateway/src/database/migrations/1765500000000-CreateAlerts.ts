import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from '../column-types';

/** Alert rules per API key and the history of their firing (issue 15). */
export class CreateAlerts1765500000000 implements MigrationInterface {
  name = 'CreateAlerts1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    const owner = { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] };
    await queryRunner.createTable(
      new Table({
        name: 'alert_rules',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'integer' },
          { name: 'api_key_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'metric', type: 'varchar', length: '32' },
          { name: 'threshold', type: 'double precision' },
          { name: 'window_minutes', type: 'integer' },
          { name: 'state', type: 'varchar', length: '8' },
          { name: 'last_value', type: 'double precision', isNullable: true },
          { name: 'last_evaluated_at', type: timestamp, isNullable: true },
          { name: 'created_at', type: timestamp },
        ],
        foreignKeys: [{ ...owner, onDelete: 'CASCADE' }],
        indices: [{ name: 'IDX_alert_rules_user', columnNames: ['user_id', 'created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'alert_events',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'rule_id', type: 'varchar', length: '36' },
          { name: 'user_id', type: 'integer' },
          { name: 'api_key_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'metric', type: 'varchar', length: '32' },
          { name: 'state', type: 'varchar', length: '8' },
          { name: 'value', type: 'double precision', isNullable: true },
          { name: 'threshold', type: 'double precision' },
          { name: 'message', type: 'text' },
          { name: 'occurred_at', type: timestamp },
        ],
        foreignKeys: [{ ...owner, onDelete: 'CASCADE' }],
        indices: [{ name: 'IDX_alert_events_user', columnNames: ['user_id', 'id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('alert_events');
    await queryRunner.dropTable('alert_rules');
  }
}
