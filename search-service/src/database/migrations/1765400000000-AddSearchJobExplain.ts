import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** A job that asked to explain keeps asking on a retry; older jobs did not ask. */
export class AddSearchJobExplain1765400000000 implements MigrationInterface {
  name = 'AddSearchJobExplain1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('search_jobs', new TableColumn({ name: 'explain', type: 'boolean', default: false }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('search_jobs', 'explain');
  }
}
