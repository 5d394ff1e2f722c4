import { PeriodicTask } from '@gateway/common/scheduling/periodic-task';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { analyticsConfig, AnalyticsConfig } from './analytics.config';
import { DAY_MS, minuteKey } from './rollups/rollup-buckets';
import { ROLLUP_TABLES } from './rollups/rollup.writer';

/**
 * Deletes raw request log rows after REQUEST_LOG_RETENTION_DAYS and minute rollups after
 * ROLLUP_MINUTE_RETENTION_DAYS; daily rollups are small and kept. Safe to run on every replica.
 */
@Injectable()
export class RetentionService extends PeriodicTask {
  protected readonly logger = new Logger(RetentionService.name);

  constructor(
    @Inject(analyticsConfig.KEY) private readonly config: AnalyticsConfig,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.pruneIntervalMs;
  }

  async prune(now: Date = new Date()): Promise<{ requestLogs: number; minuteRollups: number }> {
    const logCutoff = new Date(now.getTime() - this.config.retentionDays * DAY_MS).toISOString();
    const minuteCutoff = minuteKey(new Date(now.getTime() - this.config.minuteRollupRetentionDays * DAY_MS));
    const logs = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from('request_logs')
      .where('occurred_at < :cutoff', { cutoff: logCutoff })
      .execute();
    const minutes = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(ROLLUP_TABLES.minute)
      .where('bucket < :cutoff', { cutoff: minuteCutoff })
      .execute();
    return { requestLogs: logs.affected ?? 0, minuteRollups: minutes.affected ?? 0 };
  }

  protected async run(): Promise<string | null> {
    const pruned = await this.prune();
    return pruned.requestLogs > 0 || pruned.minuteRollups > 0
      ? `Pruned ${pruned.requestLogs} request log rows and ${pruned.minuteRollups} minute rollups`
      : null;
  }
}
