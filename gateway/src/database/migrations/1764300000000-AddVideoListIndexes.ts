import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

// Frozen here because a migration must not change after it ran; fresh objects, as TypeORM mutates them.
const previousIndexes = (): TableIndex[] => [
  new TableIndex({ name: 'IDX_videos_owner_created', columnNames: ['owner_id', 'created_at'] }),
  new TableIndex({ name: 'IDX_videos_owner_title', columnNames: ['owner_id', 'title'] }),
  new TableIndex({ name: 'IDX_videos_owner_duration', columnNames: ['owner_id', 'duration'] }),
];
const listIndexes = (): TableIndex[] => [
  new TableIndex({ name: 'IDX_videos_owner_created_id', columnNames: ['owner_id', 'created_at', 'id'] }),
  new TableIndex({ name: 'IDX_videos_owner_title_lower_id', columnNames: ['owner_id', 'title_lower', 'id'] }),
  new TableIndex({ name: 'IDX_videos_owner_duration_id', columnNames: ['owner_id', 'duration', 'id'] }),
];

/**
 * One index per list order, each ending in the id tie-breaker, so a page is read straight off the
 * index on both databases: no sort of the owner's rows, and keyset cursors become index range seeks.
 *
 * The case-insensitive title order reads a stored `title_lower` rather than an index on LOWER(title):
 * on SQLite the gateway overrides lower() with a Unicode-aware function, so an expression index would
 * hold keys that any other SQLite client computes differently; a plain column keeps one folding (the
 * gateway's) on both databases and needs no expression matching by either planner.
 */
export class AddVideoListIndexes1764300000000 implements MigrationInterface {
  name = 'AddVideoListIndexes1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const titleLower = { name: 'title_lower', type: 'text' };
    await queryRunner.addColumn('videos', new TableColumn({ ...titleLower, isNullable: true }));
    await queryRunner.query('UPDATE videos SET title_lower = LOWER(title)');
    await queryRunner.changeColumn('videos', 'title_lower', new TableColumn({ ...titleLower, isNullable: false }));

    await queryRunner.dropIndices('videos', previousIndexes());
    await queryRunner.createIndices('videos', listIndexes());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndices('videos', listIndexes());
    // Native on both databases; TypeORM's SQLite dropColumn rebuilds the table, and dropping the old one
    // outside runMigrations (which switches foreign keys off) would cascade-delete every video's tags.
    await queryRunner.query('ALTER TABLE videos DROP COLUMN title_lower');
    await queryRunner.createIndices('videos', previousIndexes());
  }
}
