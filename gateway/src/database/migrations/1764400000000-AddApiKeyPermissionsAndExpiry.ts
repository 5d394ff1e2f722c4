import { MigrationInterface, QueryRunner } from 'typeorm';
import { timestampType } from '../column-types';

// Frozen here because a migration must not change after it ran: every permission there was when
// keys gained them, so the keys created before keep doing everything they did.
const ALL_PERMISSIONS = 'search,videos:read,videos:write,analytics:read,keys:manage';

/**
 * API keys get `permissions` (comma-separated names, every permission for existing keys) and an
 * optional `expires_at`. Plain ALTER TABLE ... ADD COLUMN, native on SQLite and PostgreSQL, so
 * SQLite does not rebuild the table.
 */
export class AddApiKeyPermissionsAndExpiry1764400000000 implements MigrationInterface {
  name = 'AddApiKeyPermissionsAndExpiry1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE api_keys ADD COLUMN permissions varchar(200) NOT NULL DEFAULT '${ALL_PERMISSIONS}'`,
    );
    await queryRunner.query(`ALTER TABLE api_keys ADD COLUMN expires_at ${timestampType(queryRunner)} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE api_keys DROP COLUMN expires_at');
    await queryRunner.query('ALTER TABLE api_keys DROP COLUMN permissions');
  }
}
