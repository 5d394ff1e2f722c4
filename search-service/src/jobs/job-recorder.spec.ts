import type { JobsConfig } from '@search/config/jobs.config';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import type { JobEventsBus } from './job-events.bus';
import { JobRecorder } from './job-recorder';
import type { JobsRepository } from './jobs.repository';
import type { SearchJobEntity } from './search-job.entity';

function finished(id: string): SearchJobEntity {
  return {
    id,
    ownerId: 1,
    query: 'cats',
    algorithm: 'auto',
    filters: { videoIds: [], tags: [] },
    limit: 20,
    queryKey: 'cats',
    offset: 0,
    facets: [],
    sort: [],
    highlight: null,
    status: 'completed',
    resultCount: 0,
    estimatedTotalHits: 0,
    facetDistribution: null,
    results: [],
    error: null,
    attempts: 1,
    createdAt: '2026-11-26T10:00:00.000Z',
    startedAt: '2026-11-26T10:00:00.000Z',
    completedAt: '2026-11-26T10:00:00.001Z',
    updatedAt: '2026-11-26T10:00:00.001Z',
    durationMs: 0.4,
    explain: false,
    claimedBy: null,
    claimedAt: null,
  };
}

const ids = (jobs: SearchJobEntity[]) => jobs.map((job) => job.id);

describe('JobRecorder', () => {
  const config = { recordFlushMs: 5, recordBatchSize: 3, recordMaxPending: 5 } as JobsConfig;
  let jobs: { insertMany: jest.Mock<Promise<void>, [SearchJobEntity[]]> };
  let events: { publishAll: jest.Mock<void, [SearchJobEntity[]]> };
  let sut: JobRecorder;

  beforeEach(() => {
    jest.useFakeTimers();
    jobs = { insertMany: jest.fn().mockResolvedValue(undefined) };
    events = { publishAll: jest.fn() };
    sut = new JobRecorder(config, jobs as unknown as JobsRepository, events as unknown as JobEventsBus);
  });

  afterEach(() => jest.useRealTimers());

  describe('record', () => {
    it('writes the jobs of one flush interval in one insert, off the caller’s path', async () => {
      sut.record(finished('a'));
      sut.record(finished('b'));
      expect(jobs.insertMany).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(config.recordFlushMs);
      expect(jobs.insertMany).toHaveBeenCalledTimes(1);
      expect(ids(jobs.insertMany.mock.calls[0][0])).toEqual(['a', 'b']);
    });

    it('writes outside the logging context of the call whose job filled the batch', async () => {
      const stores: unknown[] = [];
      jobs.insertMany.mockImplementation(() => {
        stores.push(storage.getStore());
        return Promise.resolve();
      });
      storage.run(new Store({} as Logger), () => ['a', 'b', 'c'].forEach((id) => sut.record(finished(id))));
      await jest.advanceTimersByTimeAsync(0);
      expect(stores).toEqual([undefined]);
    });

    it('writes at once when a batch is full, and no batch is larger than the batch size', async () => {
      ['a', 'b', 'c', 'd'].forEach((id) => sut.record(finished(id)));
      await jest.advanceTimersByTimeAsync(0);
      expect(jobs.insertMany.mock.calls.map(([batch]) => ids(batch))).toEqual([['a', 'b', 'c'], ['d']]);
    });

    it('puts the jobs recorded while a batch is being written into the next one', async () => {
      let finishWrite: () => void = () => undefined;
      jobs.insertMany.mockReturnValueOnce(new Promise<void>((resolve) => (finishWrite = resolve)));
      sut.record(finished('a'));
      await jest.advanceTimersByTimeAsync(config.recordFlushMs);
      sut.record(finished('b'));
      finishWrite();
      await jest.advanceTimersByTimeAsync(0);
      expect(jobs.insertMany.mock.calls.map(([batch]) => ids(batch))).toEqual([['a'], ['b']]);
    });
  });

  describe('find', () => {
    it('serves a job until its batch is written, then leaves it to the table', async () => {
      sut.record(finished('a'));
      expect(sut.find('a')).toMatchObject({ id: 'a', status: 'completed' });
      await jest.advanceTimersByTimeAsync(config.recordFlushMs);
      expect(sut.find('a')).toBeUndefined();
      expect(sut.pendingCount).toBe(0);
    });

    it('keeps serving a job while its batch is being written', async () => {
      jobs.insertMany.mockReturnValueOnce(new Promise<void>(() => undefined));
      sut.record(finished('a'));
      await jest.advanceTimersByTimeAsync(config.recordFlushMs);
      expect(jobs.insertMany).toHaveBeenCalledTimes(1);
      expect(sut.find('a')).toBeDefined();
    });
  });

  describe('events', () => {
    it('announces a batch only once it is written, so every event names a readable job', async () => {
      sut.record(finished('a'));
      sut.record(finished('b'));
      expect(events.publishAll).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(config.recordFlushMs);
      expect(events.publishAll).toHaveBeenCalledTimes(1);
      expect(ids(events.publishAll.mock.calls[0][0])).toEqual(['a', 'b']);
      expect(jobs.insertMany.mock.invocationCallOrder[0]).toBeLessThan(events.publishAll.mock.invocationCallOrder[0]);
    });
  });

  describe('failures', () => {
    it('keeps a batch the database refused, serves it meanwhile, and writes it again later', async () => {
      jobs.insertMany.mockRejectedValueOnce(new Error('database is locked'));
      sut.record(finished('a'));
      await jest.advanceTimersByTimeAsync(config.recordFlushMs);
      expect(sut.find('a')).toBeDefined();
      expect(events.publishAll).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(config.recordFlushMs * 2);
      expect(jobs.insertMany).toHaveBeenCalledTimes(2);
      expect(sut.find('a')).toBeUndefined();
      expect(events.publishAll).toHaveBeenCalledTimes(1);
    });

    it('waits longer after each failed attempt', async () => {
      jobs.insertMany.mockRejectedValue(new Error('database is down'));
      sut.record(finished('a'));
      await jest.advanceTimersByTimeAsync(config.recordFlushMs);
      await jest.advanceTimersByTimeAsync(config.recordFlushMs * 2);
      expect(jobs.insertMany).toHaveBeenCalledTimes(2);
      await jest.advanceTimersByTimeAsync(config.recordFlushMs * 4 - 1);
      expect(jobs.insertMany).toHaveBeenCalledTimes(2);
      await jest.advanceTimersByTimeAsync(1);
      expect(jobs.insertMany).toHaveBeenCalledTimes(3);
    });

    it('has no room once the most jobs allowed wait unwritten', async () => {
      jobs.insertMany.mockRejectedValue(new Error('database is down'));
      for (let index = 0; index < config.recordMaxPending - 1; index += 1) {
        sut.record(finished(`job-${index}`));
      }
      expect(sut.hasRoom).toBe(true);
      sut.record(finished('last'));
      expect(sut.hasRoom).toBe(false);
      await jest.advanceTimersByTimeAsync(0);
      expect(sut.pendingCount).toBe(config.recordMaxPending);
    });
  });

  describe('drain', () => {
    it('writes what waits now instead of at the next interval', async () => {
      sut.record(finished('a'));
      await sut.drain();
      expect(jobs.insertMany).toHaveBeenCalledTimes(1);
      expect(sut.find('a')).toBeUndefined();
    });

    it('costs nothing when nothing waits', async () => {
      await sut.drain();
      expect(jobs.insertMany).not.toHaveBeenCalled();
    });

    it('resolves after a failed attempt, leaving the job pending', async () => {
      jobs.insertMany.mockRejectedValueOnce(new Error('database is locked'));
      sut.record(finished('a'));
      await expect(sut.drain()).resolves.toBeUndefined();
      expect(sut.find('a')).toBeDefined();
    });
  });

  describe('onApplicationShutdown', () => {
    it('writes every pending job and accepts no more', async () => {
      ['a', 'b', 'c', 'd'].forEach((id) => sut.record(finished(id)));
      await sut.onApplicationShutdown();
      expect(jobs.insertMany.mock.calls.flatMap(([batch]) => ids(batch))).toEqual(['a', 'b', 'c', 'd']);
      expect(sut.pendingCount).toBe(0);
      expect(sut.hasRoom).toBe(false);
    });

    it('does not retry forever once closing', async () => {
      jobs.insertMany.mockRejectedValue(new Error('database is down'));
      sut.record(finished('a'));
      await sut.onApplicationShutdown();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(jobs.insertMany).toHaveBeenCalledTimes(1);
    });
  });
});
