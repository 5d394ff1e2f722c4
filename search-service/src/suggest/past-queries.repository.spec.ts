import { runMigrations } from '@search/database/migrate';
import { typeOrmOptions } from '@search/database/typeorm-options';
import { toQueryKey } from '@search/jobs/job-request.validator';
import { DataSource } from 'typeorm';
import { PastQueriesRepository, prefixUpperBound } from './past-queries.repository';

describe('PastQueriesRepository (SQLite, migrated)', () => {
  let dataSource: DataSource;
  let sut: PastQueriesRepository;
  let sequence = 0;

  beforeEach(async () => {
    const options = typeOrmOptions({ kind: 'sqlite', dataDir: '.', sqlitePath: ':memory:' });
    dataSource = new DataSource({ ...options, enableWAL: false } as typeof options);
    await dataSource.initialize();
    await runMigrations(dataSource);
    sut = new PastQueriesRepository(dataSource);
  });

  afterEach(() => dataSource.destroy());

  async function searched(query: string, times: number, { ownerId = 1, resultCount = 3 } = {}): Promise<void> {
    for (let index = 0; index < times; index += 1) {
      sequence += 1;
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, sequence)).toISOString();
      await dataSource.query(
        `INSERT INTO search_jobs (id, owner_id, query, query_key, algorithm, filters, "limit", status, result_count,
           attempts, created_at, updated_at) VALUES (?, ?, ?, ?, 'auto', '{}', 20, 'completed', ?, 1, ?, ?)`,
        [`job-${sequence}`, ownerId, query, toQueryKey(query), resultCount, at, at],
      );
    }
  }

  it("answers the owner's queries starting with the prefix that found something, most searched first", async () => {
    await searched('carbonara', 1);
    await searched('Carbonara sauce', 3);
    await searched('carrot cake', 2, { ownerId: 2 });
    await searched('carb free', 4, { resultCount: 0 });
    await searched('pasta carbonara', 5);
    await expect(sut.startingWith(1, 'carb', 10)).resolves.toEqual([
      { query: 'carbonara sauce', count: 3 },
      { query: 'carbonara', count: 1 },
    ]);
  });

  it('treats LIKE wildcards in the prefix as plain characters', async () => {
    await searched('100% pasta', 1);
    await searched('1000 pasta', 1);
    await expect(sut.startingWith(1, '100%', 10)).resolves.toEqual([{ query: '100% pasta', count: 1 }]);
  });

  it('stops at the limit', async () => {
    await searched('pasta a', 2);
    await searched('pasta b', 1);
    await expect(sut.startingWith(1, 'pasta', 1)).resolves.toEqual([{ query: 'pasta a', count: 2 }]);
  });
});

describe('prefixUpperBound', () => {
  it('raises the last code point', () => {
    expect(prefixUpperBound('carb')).toBe('carc');
    expect(prefixUpperBound('caf\u00e9')).toBe('caf\u00ea');
    expect(prefixUpperBound('a\u{1f355}')).toBe('a\u{1f356}');
  });
});
