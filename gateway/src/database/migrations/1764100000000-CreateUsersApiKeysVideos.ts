import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { timestampType } from '../column-types';

export class CreateUsersApiKeysVideos1764100000000 implements MigrationInterface {
  name = 'CreateUsersApiKeysVideos1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'email', type: 'varchar', length: '254', isUnique: true },
          { name: 'name', type: 'varchar', length: '100', default: "''" },
          { name: 'password_hash', type: 'varchar', length: '100' },
          { name: 'created_at', type: timestamp },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'integer' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'key_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'prefix', type: 'varchar', length: '32' },
          { name: 'is_active', type: 'boolean', default: true },
          { name: 'rate_limit_per_minute', type: 'integer', isNullable: true },
          { name: 'daily_quota', type: 'integer', isNullable: true },
          { name: 'monthly_quota', type: 'integer', isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'last_used_at', type: timestamp, isNullable: true },
          { name: 'revoked_at', type: timestamp, isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ name: 'IDX_api_keys_user_created', columnNames: ['user_id', 'created_at'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'videos',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'owner_id', type: 'integer' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'text', default: "''" },
          { name: 'duration', type: 'integer', default: 0 },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
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
    // One index per sortable column, each led by the owner, so every list query stays within one tenant's rows.
    await queryRunner.createIndices('videos', [
      new TableIndex({ name: 'IDX_videos_owner_created', columnNames: ['owner_id', 'created_at'] }),
      new TableIndex({ name: 'IDX_videos_owner_title', columnNames: ['owner_id', 'title'] }),
      new TableIndex({ name: 'IDX_videos_owner_duration', columnNames: ['owner_id', 'duration'] }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'video_tags',
        columns: [
          { name: 'video_id', type: 'integer', isPrimary: true },
          { name: 'tag', type: 'varchar', length: '50', isPrimary: true },
          { name: 'position', type: 'integer' },
        ],
        foreignKeys: [
          {
            columnNames: ['video_id'],
            referencedTableName: 'videos',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ name: 'IDX_video_tags_tag', columnNames: ['tag', 'video_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('video_tags');
    await queryRunner.dropTable('videos');
    await queryRunner.dropTable('api_keys');
    await queryRunner.dropTable('users');
  }
}
