import { CreateUsersApiKeysVideos1764100000000 } from '@gateway/database/migrations/1764100000000-CreateUsersApiKeysVideos';
import { CreateOutboxEvents1764100001000 } from '@gateway/database/migrations/1764100001000-CreateOutboxEvents';
import { CreateRequestLogsAndUsageRollups1764200000000 } from '@gateway/database/migrations/1764200000000-CreateRequestLogsAndUsageRollups';
import { AddVideoListIndexes1764300000000 } from '@gateway/database/migrations/1764300000000-AddVideoListIndexes';
import { CreateVideoCounts1764300001000 } from '@gateway/database/migrations/1764300001000-CreateVideoCounts';
import { buildDataSourceOptions } from '@gateway/database/typeorm-options';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createPostgresDatabase, dropPostgresDatabase, postgresUrl } from './support/test-database';

const EARLIER = [
  CreateUsersApiKeysVideos1764100000000,
  CreateOutboxEvents1764100001000,
  CreateRequestLogsAndUsageRollups1764200000000,
];
const LIST_MIGRATIONS = [AddVideoListIndexes1764300000000, CreateVideoCounts1764300001000];

/** The list migrations run over a database that already holds videos, as an upgraded deployment's does. */
describe('Video list migrations', () => {
  let dataDir: string;
  let databaseName: string | null;
  let dataSource: DataSource;
  let placeholder: (index: number) => string;

  const open = async (migrations: Array<new () => unknown>): Promise<DataSource> => {
    const options = buildDataSourceOptions({
      url: databaseName ? postgresUrl(databaseName) : null,
      dataDir,
      busyTimeoutMs: 5000,
    });
    return new DataSource({ ...options, migrations: migrations as never, migrationsRun: false }).initialize();
  };

  const indexNames = async (): Promise<string[]> => {
    const rows: Array<{ name: string }> = await dataSource.query(
      databaseName
        ? "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'videos'"
        : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'videos'",
    );
    return rows.map((row) => row.name).filter((name) => name.startsWith('IDX_'));
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gateway-migrations-'));
    databaseName = process.env.TEST_DATABASE === 'postgres' ? await createPostgresDatabase() : null;
    placeholder = (index) => (databaseName ? `$${index}` : '?');

    dataSource = await open(EARLIER);
    await dataSource.runMigrations({ transaction: 'each' });
    for (const [id, email] of [
      [1, 'one@example.com'],
      [2, 'two@example.com'],
      [3, 'none@example.com'],
    ] as const) {
      await dataSource.query(
        `INSERT INTO users (id, email, password_hash, created_at) VALUES (${placeholder(1)}, ${placeholder(2)}, 'x', CURRENT_TIMESTAMP)`,
        [id, email],
      );
    }
    const videos: Array<[number, string]> = [
      [1, 'Ärger im Büro'],
      [1, 'MIXED Case'],
      [1, 'plain'],
      [2, 'ÇA VA'],
    ];
    for (const [ownerId, title] of videos) {
      await dataSource.query(
        'INSERT INTO videos (owner_id, title, description, duration, version, created_at, updated_at) ' +
          `VALUES (${placeholder(1)}, ${placeholder(2)}, '', 0, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
        [ownerId, title],
      );
    }
    await dataSource.query(
      "INSERT INTO video_tags (video_id, tag, position) VALUES (1, 'a', 0), (1, 'b', 1), (4, 'c', 0)",
    );
    await dataSource.destroy();

    dataSource = await open([...EARLIER, ...LIST_MIGRATIONS]);
    await dataSource.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseName) {
      await dropPostgresDatabase(databaseName);
    }
  });

  it('fills the lower-cased title of existing videos, Unicode included', async () => {
    const rows: Array<{ title: string; title_lower: string }> = await dataSource.query(
      'SELECT title, title_lower FROM videos ORDER BY id',
    );

    expect(rows.map((row) => row.title_lower)).toEqual(['ärger im büro', 'mixed case', 'plain', 'ça va']);
  });

  it("counts each owner's existing videos", async () => {
    const rows: Array<{ owner_id: number; total: number; revision: number }> = await dataSource.query(
      'SELECT owner_id, total, revision FROM video_counts ORDER BY owner_id',
    );

    expect(rows.map((row) => [Number(row.owner_id), Number(row.total), Number(row.revision)])).toEqual([
      [1, 3, 0],
      [2, 1, 0],
    ]);
  });

  it('replaces the sort indexes by ones that end in the id', async () => {
    expect((await indexNames()).sort()).toEqual([
      'IDX_videos_owner_created_id',
      'IDX_videos_owner_duration_id',
      'IDX_videos_owner_title_lower_id',
    ]);
  });

  const countOf = async (table: string): Promise<number> => {
    const [{ count }] = await dataSource.query<Array<{ count: number | string }>>(
      `SELECT COUNT(*) AS count FROM ${table}`,
    );
    return Number(count);
  };

  it('keeps every video and tag through the table rebuild', async () => {
    expect(await countOf('videos')).toBe(4);
    expect(await countOf('video_tags')).toBe(3);
  });

  it('undoes both migrations, back to the earlier indexes', async () => {
    await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.undoLastMigration({ transaction: 'each' });

    expect((await indexNames()).sort()).toEqual([
      'IDX_videos_owner_created',
      'IDX_videos_owner_duration',
      'IDX_videos_owner_title',
    ]);
    const columns: Array<Record<string, unknown>> = await dataSource.query(
      databaseName
        ? "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'videos'"
        : 'PRAGMA table_info(videos)',
    );
    expect(columns.map((column) => column.name)).not.toContain('title_lower');
    expect(await countOf('videos')).toBe(4);
    expect(await countOf('video_tags')).toBe(3);
  });
});
