import { setImmediate } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import type { TransactionRunner } from '../../database/transaction-runner';
import { currentRequestScope, runInRequestScope } from '../../observability/logging/request-id';
import type { AnalyticsConfig } from '../analytics.config';
import type { RollupWriter } from '../rollups/rollup.writer';
import { RequestLogEntry } from './request-log-entry';
import { RequestLogService } from './request-log.service';

describe('RequestLogService', () => {
  const config = { flushMs: 1000, batchSize: 3, maxBuffer: 5 } as AnalyticsConfig;
  const manager = {} as EntityManager;
  let written: RequestLogEntry[][];
  let write: jest.Mock<Promise<void>, [EntityManager, readonly RequestLogEntry[]]>;
  let sut: RequestLogService;

  const entry = (userId: number | null, status = 200): RequestLogEntry => ({
    occurredAt: new Date('2026-11-26T10:00:00.000Z'),
    userId,
    apiKeyId: null,
    method: 'GET',
    route: '/api/v1/auth/me',
    status,
    latencyMs: 1,
    requestId: 'req-1',
    upstreamMs: null,
  });

  beforeEach(() => {
    written = [];
    write = jest.fn((_manager: EntityManager, batch: readonly RequestLogEntry[]) => {
      written.push([...batch]);
      return Promise.resolve();
    });
    sut = new RequestLogService(
      config,
      { run: (work: (m: EntityManager) => Promise<void>) => work(manager) } as unknown as TransactionRunner,
      { write } as unknown as RollupWriter,
      { isInitialized: true } as DataSource,
    );
  });

  it('writes buffered entries in batches of REQUEST_LOG_BATCH_SIZE, one transaction each', async () => {
    [1, 2, 3, 4].forEach((user) => sut.record(entry(user)));
    await sut.flush();
    expect(written.map((batch) => batch.map((e) => e.userId))).toEqual([[1, 2, 3], [4]]);
  });

  it('writes a full batch soon, outside the scope of the request whose entry filled it', async () => {
    const scopes: unknown[] = [];
    write.mockImplementation((_manager: EntityManager, batch: readonly RequestLogEntry[]) => {
      scopes.push(currentRequestScope());
      written.push([...batch]);
      return Promise.resolve();
    });
    runInRequestScope({ requestId: 'req-3', upstreamMs: 0 }, () =>
      [1, 2, 3].forEach((user) => sut.record(entry(user))),
    );
    await setImmediate();
    await sut.flush();
    expect(written).toHaveLength(1);
    expect(scopes).toEqual([undefined]);
  });

  it('announces the users whose requests were written, never anonymous ones', async () => {
    const announced: number[][] = [];
    sut.flushed$.subscribe((users) => announced.push([...users]));
    [entry(1), entry(null, 401), entry(1), entry(2)].forEach((e) => sut.record(e));
    await sut.flush();
    expect(announced).toEqual([[1], [2]]);
  });

  it('keeps a failed batch, in order, for the next flush', async () => {
    write.mockRejectedValueOnce(new Error('database is locked'));
    [1, 2].forEach((user) => sut.record(entry(user)));
    await sut.flush();
    expect(written).toEqual([]);
    sut.record(entry(3));
    await sut.flush();
    expect(written).toEqual([[entry(1), entry(2), entry(3)]]);
  });

  it('drops the oldest entries beyond REQUEST_LOG_MAX_BUFFER', async () => {
    const bounded = new RequestLogService(
      { flushMs: 1000, batchSize: 10, maxBuffer: 5 } as AnalyticsConfig,
      { run: (work: (m: EntityManager) => Promise<void>) => work(manager) } as unknown as TransactionRunner,
      { write } as unknown as RollupWriter,
      { isInitialized: true } as DataSource,
    );
    [1, 2, 3, 4, 5, 6, 7].forEach((user) => bounded.record(entry(user)));
    await bounded.flush();
    expect(written.flat().map((e) => e.userId)).toEqual([3, 4, 5, 6, 7]);
  });

  it('flushes what is left on shutdown', async () => {
    sut.record(entry(9));
    await sut.beforeApplicationShutdown();
    expect(written).toEqual([[entry(9)]]);
  });
});
