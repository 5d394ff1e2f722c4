import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay, the import completion check and the pending gauge only ever look for undelivered events. A partial
 * index of those (by id) stays as small as the backlog, and marking an event delivered removes one entry instead
 * of moving it within an index of every event ever written.
 */
export class IndexOnlyUndeliveredOutboxEvents1765200000000 implements MigrationInterface {
  name = 'IndexOnlyUndeliveredOutboxEvents1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_outbox_undelivered" ON "outbox_events" ("id") WHERE "delivered_at" IS NULL',
    );
    await queryRunner.query('DROP INDEX "IDX_outbox_pending"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_outbox_pending" ON "outbox_events" ("delivered_at", "id")');
    await queryRunner.query('DROP INDEX "IDX_outbox_undelivered"');
  }
}
