import { runMigrations } from '@search/database/migrate';
import { MIGRATIONS, typeOrmOptions } from '@search/database/typeorm-options';
import { toSearchJob } from '@search/jobs/job.mapper';
import { JobsRepository } from '@search/jobs/jobs.repository';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/** A database written before issue 13's columns existed, migrated in place: its jobs still read and map. */
describe('AddSearchOptionsSettingsClicks migration (SQLite)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'search-migration-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function open(migrations: typeof MIGRATIONS): Promise<DataSource> {
    const options = typeOrmOptions({ kind: 'sqlite', dataDir: dir, sqlitePath: join(dir, 'search.sqlite') });
    return new DataSource({ ...options, migrations }).initialize();
  }

  it('keeps an older job readable: first page, no facet, relevance order, its result count as its total', async () => {
    const before = await open(MIGRATIONS.slice(0, 2));
    await runMigrations(before);
    const results = [{ videoId: 3, title: 'Tom & Jerry', relevanceScore: 1, matchedText: 'x', matchedFields: [] }];
    await before.query(
      `INSERT INTO search_jobs (id, owner_id, query, algorithm, filters, "limit", status, result_count, results,
         attempts, created_at, updated_at)
       VALUES ('old-1', 7, '  Old PASTA ', 'auto', '{"videoIds":[],"tags":["food"]}', 20, 'completed', 1, ?, 1,
         '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      [JSON.stringify(results)],
    );
    await before.destroy();

    const after = await open(MIGRATIONS);
    await runMigrations(after);
    const job = await new JobsRepository(after).findById('old-1');
    const keys: Array<{ query_key: string }> = await after.query(
      "SELECT query_key FROM search_jobs WHERE id = 'old-1'",
    );
    await after.destroy();

    expect(keys[0].query_key).toBe('old pasta');
    expect(job).toMatchObject({ offset: 0, facets: [], sort: [], highlight: null, estimatedTotalHits: 1 });
    expect(toSearchJob(job!, true)).toMatchObject({
      offset: 0,
      facets: [],
      sort: [],
      estimatedTotalHits: 1,
      facetDistribution: {},
      filters: { tags: ['food'], tagsAll: [], tagsNot: [], createdAfter: '', createdBefore: '' },
      results: [{ videoId: 3, highlights: { title: 'Tom &amp; Jerry', description: '', tags: [] } }],
    });
  });
});
