import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Issue 13's search options on the jobs (offset, facets, sort, highlight, the answer's total and facet counts, the
 * normalised query suggestions match), per-owner search settings, and result clicks. Jobs written before keep
 * working: the new columns default to what those jobs meant (first page, no facet, relevance order, the engine's
 * highlight defaults), their total is their result count, and their query key is filled in here.
 */
export class AddSearchOptionsSettingsClicks1764960000000 implements MigrationInterface {
  name = 'AddSearchOptionsSettingsClicks1764960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    // Byte order on PostgreSQL too (SQLite's default), so that a prefix is one range of the index.
    const codePointOrder = postgres ? { collation: 'C' } : {};
    await queryRunner.addColumns('search_jobs', [
      new TableColumn({ name: 'query_key', type: 'text', default: "''", ...codePointOrder }),
      new TableColumn({ name: 'offset', type: 'integer', default: 0 }),
      new TableColumn({ name: 'facets', type: 'text', default: "'[]'" }),
      new TableColumn({ name: 'sort', type: 'text', default: "'[]'" }),
      new TableColumn({ name: 'highlight', type: 'text', isNullable: true }),
      new TableColumn({ name: 'estimated_total_hits', type: 'integer', default: 0 }),
      new TableColumn({ name: 'facet_distribution', type: 'text', isNullable: true }),
    ]);
    await queryRunner.query(
      'UPDATE search_jobs SET query_key = LOWER(TRIM(query)), estimated_total_hits = result_count',
    );
    await queryRunner.createIndex(
      'search_jobs',
      new TableIndex({ name: 'idx_search_jobs_owner_query_key', columnNames: ['owner_id', 'query_key'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'search_settings',
        columns: [
          { name: 'owner_id', type: 'integer', isPrimary: true },
          { name: 'settings', type: 'text' },
          { name: 'version', type: 'integer' },
          { name: 'updated_at', type: 'varchar', length: '32' },
        ],
        indices: [{ name: 'idx_search_settings_updated', columnNames: ['updated_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'search_clicks',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'job_id', type: 'varchar', length: '36' },
          { name: 'owner_id', type: 'integer' },
          { name: 'video_id', type: 'integer' },
          { name: 'position', type: 'integer' },
          { name: 'clicked_at', type: 'varchar', length: '32' },
        ],
        indices: [{ name: 'idx_search_clicks_owner_job', columnNames: ['owner_id', 'job_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('search_clicks');
    await queryRunner.dropTable('search_settings');
    await queryRunner.dropIndex('search_jobs', 'idx_search_jobs_owner_query_key');
    for (const column of [
      'facet_distribution',
      'estimated_total_hits',
      'highlight',
      'sort',
      'facets',
      'offset',
      'query_key',
    ]) {
      await queryRunner.dropColumn('search_jobs', column);
    }
  }
}
