import { DataSource } from 'typeorm';
import { CreateRequestLogsAndUsageRollups1764200000000 } from '../database/migrations/1764200000000-CreateRequestLogsAndUsageRollups';
import { AddRequestLogExplorerColumns1765400000000 } from '../database/migrations/1765400000000-AddRequestLogExplorerColumns';
import type { AnalyticsConfig } from './analytics.config';
import { RetentionService } from './retention.service';
import { RollupWriter } from './rollups/rollup.writer';

describe('RetentionService', () => {
  let dataSource: DataSource;
  const config = { retentionDays: 30, minuteRollupRetentionDays: 7 } as AnalyticsConfig;
  const now = new Date('2026-11-26T12:00:00.000Z');

  beforeEach(async () => {
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      migrations: [CreateRequestLogsAndUsageRollups1764200000000, AddRequestLogExplorerColumns1765400000000],
    }).initialize();
    await dataSource.runMigrations();
    const at = (iso: string) => ({
      occurredAt: new Date(iso),
      userId: 1,
      apiKeyId: null,
      method: 'GET',
      route: '/api/v1/auth/me',
      status: 200,
      latencyMs: 3,
      requestId: 'req-1',
      upstreamMs: null,
    });
    await dataSource.transaction((manager) =>
      new RollupWriter().write(manager, [
        at('2026-10-27T11:59:59.000Z'),
        at('2026-10-27T12:00:00.000Z'),
        at('2026-11-19T11:58:00.000Z'),
        at('2026-11-19T12:00:00.000Z'),
      ]),
    );
  });

  afterEach(async () => {
    await dataSource.destroy();
  });

  it('prunes raw rows past the retention and minute rollups past theirs, keeping daily rollups', async () => {
    const pruned = await new RetentionService(config, dataSource).prune(now);
    expect(pruned).toEqual({ requestLogs: 1, minuteRollups: 3 });
    const count = async (table: string) =>
      (await dataSource.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n;
    expect(await count('request_logs')).toBe(3);
    expect(await count('usage_rollups_minute')).toBe(1);
    expect(await count('usage_rollups_day')).toBe(2);
  });
});
