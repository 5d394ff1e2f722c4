import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Caption cues travel with the video's document, so they share its version, its row and its tombstone. */
export class AddDocumentCaptions1765300000000 implements MigrationInterface {
  name = 'AddDocumentCaptions1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('documents', [
      new TableColumn({ name: 'captions', type: 'text', isNullable: true }),
      new TableColumn({ name: 'captions_language', type: 'varchar', length: '35', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('documents', ['captions_language', 'captions']);
  }
}
