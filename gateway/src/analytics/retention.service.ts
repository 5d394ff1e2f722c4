import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { analyticsConfig, AnalyticsConfig } from './analytics.config';
import { DAY_MS, minuteKey } from './rollups/rollup-buckets';
import { ROLLUP_TABLES } from './rollups/rollup.writer';

/**
 * Deletes raw request log rows after REQUEST_LOG_RETENTION_DAYS and minute rollups after
 * ROLLUP_MINUTE_RETENTION_DAYS; daily rollups are small and kept. Safe to run on every replica.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(analyticsConfig.KEY) private readonly config: AnalyticsConfig,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.pruneSafely(), this.config.pruneIntervalMs);
    this.timer.unref();
    void this.pruneSafely();
  }

  onApplicationShutdown(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
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

  private async pruneSafely(): Promise<void> {
    try {
      const pruned = await this.prune();
      if (pruned.requestLogs > 0 || pruned.minuteRollups > 0) {
        this.logger.log(`Pruned ${pruned.requestLogs} request log rows and ${pruned.minuteRollups} minute rollups`);
      }
    } catch (error) {
      this.logger.warn(`Pruning analytics data failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
