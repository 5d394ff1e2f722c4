import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * The request explorer finds one request by the id it was answered with (X-Request-Id, also sent to the search
 * service) and splits its time between the gateway and the search service. Older rows have neither.
 */
export class AddRequestLogExplorerColumns1765400000000 implements MigrationInterface {
  name = 'AddRequestLogExplorerColumns1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('request_logs', [
      new TableColumn({ name: 'request_id', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'upstream_ms', type: 'double precision', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'request_logs',
      new TableIndex({ name: 'IDX_request_logs_user_request_id', columnNames: ['user_id', 'request_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('request_logs', 'IDX_request_logs_user_request_id');
    await queryRunner.dropColumn('request_logs', 'upstream_ms');
    await queryRunner.dropColumn('request_logs', 'request_id');
  }
}
