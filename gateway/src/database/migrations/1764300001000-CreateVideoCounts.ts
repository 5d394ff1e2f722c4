import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Each owner's number of videos, kept by the same transaction that creates or deletes a video, so an
 * unfiltered list reads its exact total with one primary-key lookup instead of counting the library,
 * and every gateway sharing the database sees the same figure. `revision` goes up with every write that
 * can move a video within a list order, so a gateway knows when what it derived from an order is stale.
 */
export class CreateVideoCounts1764300001000 implements MigrationInterface {
  name = 'CreateVideoCounts1764300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'video_counts',
        columns: [
          { name: 'owner_id', type: 'integer', isPrimary: true },
          { name: 'total', type: 'integer', default: 0 },
          { name: 'revision', type: 'integer', default: 0 },
        ],
        foreignKeys: [
          {
            columnNames: ['owner_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.query(
      'INSERT INTO video_counts (owner_id, total) SELECT owner_id, COUNT(*) FROM videos GROUP BY owner_id',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('video_counts');
  }
}
