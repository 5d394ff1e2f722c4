import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The video's creation time, which created_after/created_before filters and the created_at sort read. Rows written
 * before it stay NULL until the gateway's next upsert or reindex of the video (they then fail a created_* filter).
 */
export class AddDocumentCreatedAt1764950000000 implements MigrationInterface {
  name = 'AddDocumentCreatedAt1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'documents',
      new TableColumn({ name: 'created_at', type: 'varchar', length: '32', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('documents', 'created_at');
  }
}
