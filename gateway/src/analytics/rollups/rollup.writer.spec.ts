import { DataSource } from 'typeorm';
import { CreateRequestLogsAndUsageRollups1764200000000 } from '../../database/migrations/1764200000000-CreateRequestLogsAndUsageRollups';
import { AddRequestLogExplorerColumns1765400000000 } from '../../database/migrations/1765400000000-AddRequestLogExplorerColumns';
import { RequestLogEntry } from '../request-log/request-log-entry';
import { UsageRepository } from '../usage.repository';
import { bucketIndex, percentileFromHistogram } from './latency-histogram';
import { aggregateEntries, RollupWriter } from './rollup.writer';

function entry(overrides: Partial<RequestLogEntry> = {}): RequestLogEntry {
  return {
    occurredAt: new Date('2026-11-26T10:15:30.000Z'),
    userId: 1,
    apiKeyId: null,
    method: 'GET',
    route: '/api/v1/users/:userId/videos',
    status: 200,
    latencyMs: 12.5,
    requestId: 'req-1',
    upstreamMs: null,
    ...overrides,
  };
}

describe('aggregateEntries', () => {
  it('sums requests, errors, latency and histogram per bucket, credential, route and status', () => {
    const deltas = aggregateEntries(
      [
        entry({ latencyMs: 10 }),
        entry({ latencyMs: 30 }),
        entry({ status: 404, latencyMs: 2 }),
        entry({ apiKeyId: 'key-1' }),
        entry({ occurredAt: new Date('2026-11-26T10:16:00.000Z') }),
        entry({ userId: null, status: 401 }),
      ],
      'minute',
    );
    expect(deltas).toHaveLength(4);
    const ok = deltas.find((d) => d.bucket === '2026-11-26T10:15' && d.status === 200 && d.apiKeyId === '');
    expect(ok).toMatchObject({ requests: 2, errors: 0, latencySumMs: 40, latencyMaxMs: 30 });
    expect(ok?.histogram[bucketIndex(10)]).toBe(1);
    expect(ok?.histogram[bucketIndex(30)]).toBe(1);
    expect(deltas.find((d) => d.status === 404)).toMatchObject({ requests: 1, errors: 1 });
  });

  it('keys daily rollups by UTC day', () => {
    const deltas = aggregateEntries([entry(), entry({ occurredAt: new Date('2026-11-26T23:59:59.999Z') })], 'day');
    expect(deltas).toEqual([expect.objectContaining({ bucket: '2026-11-26', requests: 2 })]);
  });
});

describe('RollupWriter on SQLite', () => {
  let dataSource: DataSource;
  const writer = new RollupWriter();

  beforeEach(async () => {
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      migrations: [CreateRequestLogsAndUsageRollups1764200000000, AddRequestLogExplorerColumns1765400000000],
    }).initialize();
    await dataSource.runMigrations();
  });

  afterEach(async () => {
    await dataSource.destroy();
  });

  it('adds successive flushes to the same rollup rows instead of overwriting them', async () => {
    const first = Array.from({ length: 300 }, (_, i) => entry({ latencyMs: 1 + i }));
    const second = Array.from({ length: 200 }, (_, i) => entry({ latencyMs: 301 + i, status: i < 50 ? 500 : 200 }));
    await dataSource.transaction((manager) => writer.write(manager, first));
    await dataSource.transaction((manager) => writer.write(manager, second));

    const [logs] = await dataSource.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM request_logs');
    expect(logs.n).toBe(500);
    const aggregates = await new UsageRepository(dataSource).aggregate(
      { userId: 1 },
      [{ granularity: 'day', from: '2026-11-26', to: '2026-11-27' }],
      [],
    );
    expect(aggregates).toHaveLength(1);
    const [day] = aggregates;
    expect(day).toMatchObject({ requests: 500, errors: 50 });
    expect(day.latencySumMs).toBeCloseTo((500 * 501) / 2, 6);
    // Latencies 1..500 ms: the true p95 is 475 ms.
    expect(bucketIndex(percentileFromHistogram(day.histogram, 0.95) as number)).toBe(bucketIndex(475));
  });

  it('answers the same totals from minute rollups as from daily rollups', async () => {
    const entries = Array.from({ length: 120 }, (_, i) =>
      entry({ occurredAt: new Date(Date.UTC(2026, 10, 26, 10, i % 60)), apiKeyId: i % 2 ? 'key-1' : null }),
    );
    await dataSource.transaction((manager) => writer.write(manager, entries));
    const repository = new UsageRepository(dataSource);
    const byMinute = await repository.aggregate(
      { userId: 1, apiKeyId: 'key-1' },
      [{ granularity: 'minute', from: '2026-11-26T00:00', to: '2026-11-27T00:00' }],
      ['day'],
    );
    const byDay = await repository.aggregate(
      { userId: 1, apiKeyId: 'key-1' },
      [{ granularity: 'day', from: '2026-11-26', to: '2026-11-27' }],
      ['day'],
    );
    expect(byMinute).toEqual(byDay);
    expect(byDay[0]).toMatchObject({ day: '2026-11-26', requests: 60 });
  });
});
