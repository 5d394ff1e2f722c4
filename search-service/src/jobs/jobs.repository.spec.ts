import { runMigrations } from '@search/database/migrate';
import { typeOrmOptions } from '@search/database/typeorm-options';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobsRepository } from './jobs.repository';
import { SearchJobEntity } from './search-job.entity';

/** Real SQL on an in-memory SQLite database built by the real migration: the claim logic lives in the WHERE clauses. */
describe('JobsRepository (SQLite, migrated)', () => {
  let dataSource: DataSource;
  let sut: JobsRepository;

  beforeEach(async () => {
    const options = typeOrmOptions({ kind: 'sqlite', dataDir: '.', sqlitePath: ':memory:' });
    dataSource = new DataSource({ ...options, enableWAL: false } as typeof options);
    await dataSource.initialize();
    await runMigrations(dataSource);
    sut = new JobsRepository(dataSource);
  });

  afterEach(() => dataSource.destroy());

  async function queued(count: number, ownerId = 1): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString();
      const job: SearchJobEntity = {
        id: randomUUID(),
        ownerId,
        query: `query ${index}`,
        algorithm: 'auto',
        filters: { videoIds: [], tags: [] },
        limit: 20,
        queryKey: `query ${index}`,
        offset: 0,
        facets: [],
        sort: [],
        highlight: null,
        status: 'queued',
        resultCount: 0,
        estimatedTotalHits: 0,
        facetDistribution: null,
        results: null,
        error: null,
        attempts: 0,
        createdAt,
        startedAt: null,
        completedAt: null,
        updatedAt: createdAt,
        durationMs: null,
        explain: false,
        claimedBy: null,
        claimedAt: null,
      };
      await sut.insert(job);
      ids.push(job.id);
    }
    return ids;
  }

  describe('insertMany', () => {
    function completed(index: number): SearchJobEntity {
      const at = new Date(Date.UTC(2026, 0, 2, 0, 0, index)).toISOString();
      return {
        id: randomUUID(),
        ownerId: 1,
        query: `answered ${index}`,
        algorithm: 'auto',
        filters: { videoIds: [index], tags: ['a'] },
        limit: 20,
        queryKey: `answered ${index}`,
        offset: 0,
        facets: [],
        sort: [],
        highlight: null,
        status: 'completed',
        resultCount: 1,
        estimatedTotalHits: 1,
        facetDistribution: null,
        results: [
          { videoId: index, title: 't', relevanceScore: 1, matchedText: '<mark>t</mark>', matchedFields: ['title'] },
        ],
        error: null,
        attempts: 1,
        createdAt: at,
        startedAt: at,
        completedAt: at,
        updatedAt: at,
        durationMs: 0.25,
        explain: false,
        claimedBy: null,
        claimedAt: null,
      };
    }

    it('writes the largest batch allowed in one statement, results and filters included', async () => {
      const batch = Array.from({ length: 1000 }, (_, index) => completed(index));
      await sut.insertMany(batch);
      const [listed, total] = await sut.list({ ownerId: 1, states: ['completed'], page: 1, perPage: 1 });
      expect(total).toBe(1000);
      expect(listed[0].query).toBe('answered 999');
      await expect(sut.findById(batch[7].id)).resolves.toEqual(batch[7]);
    });

    it('skips jobs already written, so a batch whose commit went unacknowledged can be written again', async () => {
      const batch = [completed(1), completed(2)];
      await sut.insertMany(batch.slice(0, 1));
      await expect(sut.insertMany(batch)).resolves.toBeUndefined();
      const [, total] = await sut.list({ ownerId: 1, states: [], page: 1, perPage: 10 });
      expect(total).toBe(2);
    });
  });

  describe('claimQueued', () => {
    it('claims the oldest queued jobs, stamping the claimer and counting the attempt', async () => {
      const ids = await queued(3);
      const claimed = await sut.claimQueued('worker-a', 2);
      expect(claimed.map((job) => job.id)).toEqual(ids.slice(0, 2));
      expect(claimed[0]).toMatchObject({ status: 'processing', claimedBy: 'worker-a', attempts: 1 });
      expect(claimed[0].startedAt).not.toBeNull();
    });

    it('never hands the same job to two concurrent claimers', async () => {
      await queued(20);
      const batches = await Promise.all(['a', 'b', 'c', 'd'].map((worker) => sut.claimQueued(worker, 20)));
      const ids = batches.flat().map((job) => job.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    });

    it('does not claim jobs in any other state', async () => {
      const [id] = await queued(1);
      await sut.transition(id, 'cancel');
      await expect(sut.claimQueued('worker-a', 5)).resolves.toEqual([]);
    });
  });

  describe('transition', () => {
    it('applies only from a source state', async () => {
      const [id] = await queued(1);
      await expect(sut.transition(id, 'complete')).resolves.toBe(false);
      await expect(sut.transition(id, 'cancel')).resolves.toBe(true);
      await expect(sut.transition(id, 'cancel')).resolves.toBe(false);
      await expect(sut.transition(id, 'retry')).resolves.toBe(true);
      await expect(sut.findById(id)).resolves.toMatchObject({ status: 'queued' });
    });

    it('refuses the outcome of a run that was cancelled and retried meanwhile', async () => {
      await queued(1);
      const [firstRun] = await sut.claimQueued('worker-a', 1);
      await sut.transition(firstRun.id, 'cancel');
      await sut.transition(firstRun.id, 'retry');
      const [secondRun] = await sut.claimQueued('worker-a', 1);
      expect(secondRun.attempts).toBe(2);
      const stale = { claimedBy: 'worker-a', attempts: 1 };
      await expect(sut.transition(firstRun.id, 'complete', { resultCount: 9 }, stale)).resolves.toBe(false);
      const current = { claimedBy: 'worker-a', attempts: 2 };
      await expect(sut.transition(firstRun.id, 'complete', { resultCount: 1 }, current)).resolves.toBe(true);
      await expect(sut.findById(firstRun.id)).resolves.toMatchObject({ status: 'completed', resultCount: 1 });
    });
  });

  describe('findAbandoned', () => {
    it('finds every processing job, or only those claimed before a cutoff', async () => {
      await queued(2);
      const [first, second] = await sut.claimQueued('worker-a', 2);
      await dataSource
        .getRepository(SearchJobEntity)
        .update({ id: first.id }, { claimedAt: '2026-01-01T00:00:00.000Z' });
      expect((await sut.findAbandoned()).map((job) => job.id).sort()).toEqual([first.id, second.id].sort());
      expect((await sut.findAbandoned('2026-06-01T00:00:00.000Z')).map((job) => job.id)).toEqual([first.id]);
    });
  });

  describe('list', () => {
    it('is scoped to the owner, newest first, paginated, without results', async () => {
      const mine = await queued(3, 1);
      await queued(2, 2);
      const [page, total] = await sut.list({ ownerId: 1, states: [], page: 1, perPage: 2 });
      expect(total).toBe(3);
      expect(page.map((job) => job.id)).toEqual([mine[2], mine[1]]);
      expect(page[0].results).toBeUndefined();
    });

    it('matches a query substring literally, case-insensitively', async () => {
      await queued(12);
      const [page, total] = await sut.list({
        ownerId: 1,
        states: ['queued'],
        queryContains: 'QUERY 1',
        page: 1,
        perPage: 20,
      });
      expect(total).toBe(3);
      expect(page.map((job) => job.query).sort()).toEqual(['query 1', 'query 10', 'query 11']);
      await expect(sut.list({ ownerId: 1, states: [], queryContains: '%', page: 1, perPage: 20 })).resolves.toEqual([
        [],
        0,
      ]);
    });
  });
});
