import type { VideoSortField } from '@gateway/videos/dto/video.dto';
import { VideoCount } from '@gateway/videos/video-count.entity';
import { VideoCountsRepository } from '@gateway/videos/video-counts.repository';
import { VideoTag } from '@gateway/videos/video-tag.entity';
import { Video } from '@gateway/videos/video.entity';
import { VideosRepository } from '@gateway/videos/videos.repository';
import { openTestDatabase, TestDatabase } from './support/test-database';

const OWNER = 1;
const LIBRARY = 20_000;
const OWNERS = 5_000;
const INDEXES: Record<VideoSortField, string> = {
  created_at: 'IDX_videos_owner_created_id',
  title: 'IDX_videos_owner_title_lower_id',
  duration: 'IDX_videos_owner_duration_id',
};
const ORDERINGS = (['created_at', 'title', 'duration'] as const).flatMap((sort) =>
  (['asc', 'desc'] as const).map((order) => [sort, order] as const),
);

/**
 * The plans each database chooses for the list queries over a library large enough for the
 * PostgreSQL planner to prefer an index: every page is read in index order, never sorted.
 */
describe('Video list query plans', () => {
  let database: TestDatabase;
  let videos: VideosRepository;
  let counts: VideoCountsRepository;
  let isSqlite: boolean;

  beforeAll(async () => {
    database = await openTestDatabase([Video, VideoTag, VideoCount]);
    const { dataSource } = database;
    isSqlite = dataSource.options.type === 'better-sqlite3';
    videos = new VideosRepository(dataSource.getRepository(Video));
    counts = new VideoCountsRepository(dataSource.getRepository(VideoCount));
    await seed(database, isSqlite);
  }, 120_000);

  afterAll(async () => {
    await database.close();
  });

  /** Runs `read` and returns the plan of every statement it sent. */
  const plansOf = async (read: () => Promise<unknown>): Promise<string[]> => {
    const logger = database.dataSource.logger;
    const statements: Array<[string, unknown[]]> = [];
    const spy = jest.spyOn(logger, 'logQuery').mockImplementation((query, parameters) => {
      statements.push([query, Array.isArray(parameters) ? parameters : []]);
    });
    try {
      await read();
    } finally {
      spy.mockRestore();
    }
    const plans = [];
    for (const [query, parameters] of statements) {
      plans.push(await explain(query, parameters));
    }
    return plans;
  };

  const explain = async (query: string, parameters: unknown[]): Promise<string> => {
    if (isSqlite) {
      const rows: Array<{ detail: string }> = await database.dataSource.query(
        `EXPLAIN QUERY PLAN ${query}`,
        parameters,
      );
      return rows.map((row) => row.detail).join('\n');
    }
    const rows: Array<{ 'QUERY PLAN': string }> = await database.dataSource.query(`EXPLAIN ${query}`, parameters);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  const expectIndexOrder = (plan: string, sort: VideoSortField): void => {
    expect(plan).toContain(INDEXES[sort]);
    expect(plan).not.toMatch(isSqlite ? /TEMP B-TREE/ : /Sort|Seq Scan/);
  };

  /** The plan of a page statement, split into the videos' part and the tags subquery's part. */
  const splitTagsSubquery = (plan: string): [string, string] => {
    const at = plan.indexOf(isSqlite ? 'CORRELATED SCALAR SUBQUERY' : 'SubPlan');
    expect(at).toBeGreaterThan(0);
    return [plan.slice(0, at), plan.slice(at)];
  };

  it.each(ORDERINGS)(
    'reads a first, a cursor and an offset page of sort=%s order=%s, with its tags, in index order in one statement',
    async (sort, order) => {
      const middle = (
        await videos.page({ ownerId: OWNER, filters: {}, sort, order, offset: LIBRARY / 2, limit: 1 })
      )[0];

      for (const read of [{ offset: 0 }, { offset: 0, after: middle.position }, { offset: 40 }]) {
        const plans = await plansOf(() =>
          videos.page({ ownerId: OWNER, filters: {}, sort, order, limit: 21, ...read }),
        );

        // One statement: the page's tags come from a subquery per listed video, not from a second query.
        expect(plans).toHaveLength(1);
        const [pagePlan, tagsPlan] = splitTagsSubquery(plans[0]);
        expectIndexOrder(pagePlan, sort);
        if (read.after) {
          // The cursor is a range bound on the index, not a filter applied to rows read from its start.
          expect(pagePlan).toMatch(isSqlite ? /\(owner_id=\? AND \w+[<>]\?\)/ : /Index Cond: .*ROW\(/);
        }
        // Each video's tags are an index lookup; the only sort is of that one video's few tags, by position.
        expect(tagsPlan).toMatch(isSqlite ? /SEARCH vt USING .*INDEX .*\(video_id=\?\)/ : /Index .*video_tags/);
        expect(tagsPlan.replace(/USE TEMP B-TREE FOR json_group_array\(ORDER BY\)/, '')).not.toMatch(
          isSqlite ? /TEMP B-TREE|SCAN/ : /Sort|Seq Scan/,
        );
      }
    },
  );

  it.each(['created_at', 'title', 'duration'] as const)(
    'finds the anchors of sort=%s in one pass over its index, without sorting the library',
    async (sort) => {
      const [plan] = await plansOf(() => videos.positionsEvery(database.dataSource.manager, OWNER, sort, 100));

      expectIndexOrder(plan, sort);
    },
  );

  it('reads the stored total with one primary-key lookup', async () => {
    const [plan] = await plansOf(() => counts.state(OWNER));

    expect(plan).toMatch(isSqlite ? /USING INTEGER PRIMARY KEY|USING PRIMARY KEY/ : /Index Scan using "PK_/);
  });
});

/**
 * A library of LIBRARY videos for OWNER, a smaller one for a second owner, and many owners without
 * videos, so that the stored totals are a table worth an index lookup, not a scan.
 */
async function seed({ dataSource }: TestDatabase, isSqlite: boolean): Promise<void> {
  const timestamp = isSqlite
    ? "strftime('%Y-%m-%d %H:%M:%f', 1764000000 + n.i, 'unixepoch')"
    : 'to_timestamp(1764000000 + n.i)::timestamp';
  await dataSource.query(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${OWNERS}) ` +
      "INSERT INTO users (id, email, password_hash, created_at) SELECT n.i, 'user' || n.i || '@example.com', 'x', " +
      `${timestamp} FROM n`,
  );
  await dataSource.query(
    `WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < ${OWNERS}) ` +
      'INSERT INTO video_counts (owner_id, total, revision) SELECT n.i, 0, 0 FROM n',
  );
  for (const [ownerId, size] of [
    [OWNER, LIBRARY],
    [2, LIBRARY / 10],
  ]) {
    await dataSource.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${size}) ` +
        'INSERT INTO videos (owner_id, title, title_lower, description, duration, version, created_at, updated_at) ' +
        `SELECT ${ownerId}, 'Video ' || ((n.i * 7919) % ${size}), 'video ' || ((n.i * 7919) % ${size}), '', ` +
        `(n.i * 31) % 3600, 1, ${timestamp}, ${timestamp} FROM n`,
    );
    await dataSource.query(`INSERT INTO video_counts (owner_id, total, revision) VALUES (${ownerId}, ${size}, 1)`);
  }
  await dataSource.query(
    "INSERT INTO video_tags (video_id, tag, position) SELECT id, 'tagged', 0 FROM videos WHERE id % 5 = 0",
  );
  await dataSource.query(isSqlite ? 'ANALYZE' : 'VACUUM ANALYZE');
}
