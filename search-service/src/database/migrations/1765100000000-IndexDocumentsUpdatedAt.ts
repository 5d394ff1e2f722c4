import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Replicas on a shared database follow each other's writes by `updated_at` every second; without an index each
 * poll scans and sorts the whole table, which slowed indexing as the library grew (a bulk import of 100,000 rows).
 */
export class IndexDocumentsUpdatedAt1765100000000 implements MigrationInterface {
  name = 'IndexDocumentsUpdatedAt1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'documents',
      new TableIndex({ name: 'idx_documents_updated_at', columnNames: ['updated_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('documents', 'idx_documents_updated_at');
  }
}
