import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Pinned queries and the history of their checks (issue 15's relevance gate). */
export class CreateSearchPins1765500000000 implements MigrationInterface {
  name = 'CreateSearchPins1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'search_pins',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_id', type: 'integer' },
          { name: 'query', type: 'text' },
          { name: 'expected_video_ids', type: 'text' },
          { name: 'mode', type: 'varchar', length: '8' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'last_score', type: 'text', isNullable: true },
        ],
        indices: [{ name: 'idx_search_pins_owner_created', columnNames: ['owner_id', 'created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'search_pin_checks',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_id', type: 'integer' },
          { name: 'checked_at', type: 'varchar', length: '32' },
          { name: 'reason', type: 'varchar', length: '16' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'figures', type: 'text' },
        ],
        indices: [{ name: 'idx_search_pin_checks_owner_checked', columnNames: ['owner_id', 'checked_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('search_pin_checks');
    await queryRunner.dropTable('search_pins');
  }
}
