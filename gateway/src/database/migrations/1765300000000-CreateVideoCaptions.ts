import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from '../column-types';

/** One row of captions per video, gone with the video (and with its owner through the video). */
export class CreateVideoCaptions1765300000000 implements MigrationInterface {
  name = 'CreateVideoCaptions1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'video_captions',
        columns: [
          { name: 'video_id', type: 'integer', isPrimary: true },
          { name: 'owner_id', type: 'integer' },
          { name: 'language', type: 'varchar', length: '35', default: "''" },
          { name: 'format', type: 'varchar', length: '8' },
          { name: 'cue_count', type: 'integer' },
          { name: 'duration_ms', type: 'integer' },
          { name: 'cues', type: 'text' },
          { name: 'updated_at', type: timestampType(queryRunner) },
        ],
        foreignKeys: [
          {
            columnNames: ['video_id'],
            referencedTableName: 'videos',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('video_captions');
  }
}
