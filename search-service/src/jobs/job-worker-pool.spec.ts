import type { JobsConfig } from '@search/config/jobs.config';
import type { JobEventsBus } from './job-events.bus';
import type { JobRunner } from './job-runner';
import { JobWorkerPool } from './job-worker-pool';
import type { JobsRepository } from './jobs.repository';
import type { SearchJobEntity } from './search-job.entity';

function job(id: string, overrides: Partial<SearchJobEntity> = {}): SearchJobEntity {
  return {
    id,
    ownerId: 1,
    status: 'processing',
    attempts: 1,
    claimedBy: 'old-process',
    ...overrides,
  } as SearchJobEntity;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('JobWorkerPool', () => {
  const config: JobsConfig = {
    workerConcurrency: 2,
    pollIntervalMs: 60000,
    claimTimeoutMs: 60000,
    shutdownGraceMs: 1000,
    recordFlushMs: 5,
    recordBatchSize: 200,
    recordMaxPending: 10000,
  };
  let jobs: {
    isShared: boolean;
    findAbandoned: jest.Mock;
    transition: jest.Mock;
    findById: jest.Mock;
    claimQueued: jest.Mock;
  };
  let runner: { run: jest.Mock };
  let events: { publish: jest.Mock };
  let sut: JobWorkerPool;

  function create(overrides: Partial<JobsConfig> = {}): JobWorkerPool {
    return new JobWorkerPool(
      { ...config, ...overrides },
      jobs as unknown as JobsRepository,
      runner as unknown as JobRunner,
      events as unknown as JobEventsBus,
    );
  }

  beforeEach(() => {
    jobs = {
      isShared: false,
      findAbandoned: jest.fn().mockResolvedValue([]),
      transition: jest.fn().mockResolvedValue(true),
      findById: jest.fn((id: string) => Promise.resolve(job(id, { status: 'queued' }))),
      claimQueued: jest.fn().mockResolvedValue([]),
    };
    runner = { run: jest.fn().mockResolvedValue(undefined) };
    events = { publish: jest.fn() };
    sut = create();
  });

  afterEach(() => sut.stop());

  describe('recovery at start', () => {
    it('requeues every processing job on a database this process owns (SQLite)', async () => {
      jobs.findAbandoned.mockResolvedValue([job('a', { claimedBy: 'dead', attempts: 3 })]);
      await sut.onApplicationBootstrap();
      expect(jobs.findAbandoned).toHaveBeenCalledWith(undefined);
      expect(jobs.transition).toHaveBeenCalledWith(
        'a',
        'recover',
        { claimedBy: null, claimedAt: null },
        { claimedBy: 'dead', attempts: 3 },
      );
      expect(events.publish).toHaveBeenCalledWith(expect.objectContaining({ id: 'a', status: 'queued' }));
    });

    it('requeues only stale claims on a shared database (PostgreSQL replicas)', async () => {
      jobs.isShared = true;
      const before = Date.now();
      await sut.onApplicationBootstrap();
      const cutoff = Date.parse(jobs.findAbandoned.mock.calls[0][0] as string);
      expect(cutoff).toBeGreaterThanOrEqual(before - config.claimTimeoutMs);
      expect(cutoff).toBeLessThanOrEqual(Date.now() - config.claimTimeoutMs);
    });

    it('does not announce a job another replica recovered first', async () => {
      jobs.findAbandoned.mockResolvedValue([job('a')]);
      jobs.transition.mockResolvedValue(false);
      await sut.onApplicationBootstrap();
      expect(events.publish).not.toHaveBeenCalled();
    });
  });

  describe('claiming', () => {
    it('never runs more jobs than its concurrency', async () => {
      const release: Array<() => void> = [];
      runner.run.mockImplementation(() => new Promise<void>((resolve) => release.push(resolve)));
      jobs.claimQueued.mockImplementationOnce((_worker: string, limit: number) =>
        Promise.resolve(Array.from({ length: limit }, (_, index) => job(`j${index}`))),
      );
      await sut.onApplicationBootstrap();
      await flush();
      expect(sut.activeJobs).toBe(2);
      expect(jobs.claimQueued).toHaveBeenCalledWith(sut.workerId, 2);
      sut.wake();
      await flush();
      expect(runner.run).toHaveBeenCalledTimes(2);
      release.forEach((resolve) => resolve());
    });

    it('claims nothing with WORKER_CONCURRENCY=0, but still recovers', async () => {
      sut = create({ workerConcurrency: 0 });
      await sut.onApplicationBootstrap();
      sut.wake();
      await flush();
      expect(jobs.findAbandoned).toHaveBeenCalled();
      expect(jobs.claimQueued).not.toHaveBeenCalled();
    });

    it('announces each claimed job as processing before running it', async () => {
      jobs.claimQueued.mockResolvedValueOnce([job('x')]);
      await sut.onApplicationBootstrap();
      await flush();
      expect(events.publish).toHaveBeenCalledWith(expect.objectContaining({ id: 'x' }));
      expect(runner.run).toHaveBeenCalledWith(expect.objectContaining({ id: 'x' }));
    });
  });

  describe('stop', () => {
    it('stops claiming and waits for the running jobs', async () => {
      let finish: () => void = () => undefined;
      runner.run.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
      jobs.claimQueued.mockResolvedValueOnce([job('x')]);
      await sut.onApplicationBootstrap();
      await flush();
      let stopped = false;
      const stopping = sut.stop().then(() => (stopped = true));
      await flush();
      expect(stopped).toBe(false);
      finish();
      await stopping;
      sut.wake();
      await flush();
      expect(jobs.claimQueued).toHaveBeenCalledTimes(1);
    });

    it('gives up waiting after the grace period', async () => {
      sut = create({ shutdownGraceMs: 20 });
      runner.run.mockImplementation(() => new Promise<void>(() => undefined));
      jobs.claimQueued.mockResolvedValueOnce([job('x')]);
      await sut.onApplicationBootstrap();
      await flush();
      await expect(sut.stop()).resolves.toBeUndefined();
    });
  });
});
