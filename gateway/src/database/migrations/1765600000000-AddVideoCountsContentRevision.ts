import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `revision` moves only with writes that can reorder a list (page anchors depend on nothing else); a list page
 * also shows descriptions, tags and update times, so a gateway keeping pages needs a figure that moves with every
 * write to any of the owner's videos. It starts at 0, which no page kept by a gateway before it existed carries.
 */
export class AddVideoCountsContentRevision1765600000000 implements MigrationInterface {
  name = 'AddVideoCountsContentRevision1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'video_counts',
      new TableColumn({ name: 'content_revision', type: 'integer', isNullable: false, default: 0 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('video_counts', 'content_revision');
  }
}
